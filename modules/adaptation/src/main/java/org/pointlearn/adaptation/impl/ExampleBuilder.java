package org.pointlearn.adaptation.impl;

import java.util.List;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.imaging.api.Disk;
import org.pointlearn.imaging.api.DistanceTransform;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.SegmentationLoss;

/**
 * Builds the training examples of the adaptation rules on the working grid, from what the
 * user did on the image: the network input as the prediction saw it, the target, and the
 * per-pixel weights (the Click-Centered Gaussian when the policy uses it).
 */
public final class ExampleBuilder {

    private static final double REFERENCE_SIZE = 256;

    private final InputEncoder encoder;
    private final int size;
    private final double scale;

    /** @param encoder the model's encoder */
    public ExampleBuilder(InputEncoder encoder) {
        this.encoder = encoder;
        this.size = encoder.workingSize();
        this.scale = size / REFERENCE_SIZE;
    }

    /**
     * Mid-Interaction: the current refined mask as target, the clicked pixels taking their
     * click's label.
     *
     * @param image the prepared image
     * @param clicks all clicks so far
     * @param previous the previous-mask input of the latest prediction (source grid) or null
     * @param prediction the latest prediction (source grid)
     * @param settings CCG and click radius
     * @param weighting how the clicks weight the loss
     */
    public UpdateExample refined(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous,
            float[] prediction, AdaptationSettings settings, AdaptationPolicy.Weighting weighting) {
        float[] target = binary(encoder.toWorkingGrid(prediction, image));
        for (Click c : clicks) {
            paint(target, null, c, image, settings.clickTargetRadius());
        }
        return new UpdateExample(encoder.encode(image, clicks, previous), target,
                weights(image, clicks, target, settings, weighting), null);
    }


    /** Post-Interaction: the accepted mask as target, on the view the accepted mask is seen through. */
    public UpdateExample accepted(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous, Mask2D mask,
            AdaptationSettings settings, AdaptationPolicy.Weighting weighting) {
        float[] target = binary(encoder.toWorkingGrid(mask.toFloats(), image));
        return new UpdateExample(encoder.encode(image, clicks, previous), target,
                weights(image, clicks, target, settings, weighting), null);
    }

    /**
     * IA+SA: targets only at the clicked pixels (weight 1 there, 0 elsewhere), anchored to the
     * image's initial prediction.
     */
    public UpdateExample clickedPixels(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous,
            float[] initialPrediction, AdaptationSettings settings) {
        float[] target = new float[size * size];
        float[] weight = new float[size * size];
        for (Click c : clicks) {
            paint(target, weight, c, image, settings.clickTargetRadius());
        }
        float[] anchor = binary(encoder.toWorkingGrid(initialPrediction, image));
        return new UpdateExample(encoder.encode(image, clicks, previous), target, weight, anchor);
    }

    /**
     * The guard's probe of an accepted image: the input with a single positive click at the
     * accepted mask's deepest pixel and no previous mask, independent of how the mask was made.
     */
    public float[] probe(InputEncoder.WorkingImage image, Mask2D mask) {
        int[] deepest = DistanceTransform.deepestPixel(mask);
        List<Click> clicks = deepest == null ? List.of() : List.of(new Click(deepest[0], deepest[1], true));
        return encoder.encode(image, clicks, null);
    }

    /** TENT: the input alone. */
    public UpdateExample unlabelled(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous) {
        return new UpdateExample(encoder.encode(image, clicks, previous), null, null, null);
    }

    /**
     * The per-pixel weights of an example: none, ours (1 + lambda x the clicks' Gaussians) or the
     * paper's separate term's (the Gaussians alone); with {@code ccgAgreeing} a click's Gaussian
     * counts only where the target has the click's label.
     */
    float[] weights(InputEncoder.WorkingImage image, List<Click> clicks, float[] target,
            AdaptationSettings settings, AdaptationPolicy.Weighting weighting) {
        if (weighting == AdaptationPolicy.Weighting.NONE) {
            return null;
        }
        List<double[]> centres = clicks.stream().map(c -> centre(c, image)).toList();
        SegmentationLoss.ClickReach reach = settings.ccgAgreeing()
                ? (k, i) -> target[i] == (clicks.get(k).positive() ? 1f : 0f)
                : (k, i) -> true;
        double sigma = settings.ccgSigma() * scale;
        return weighting == AdaptationPolicy.Weighting.SEPARATE_TERM
                ? SegmentationLoss.clickGaussians(centres, size, sigma, settings.ccgCutoff(), reach)
                : SegmentationLoss.clickCenteredWeights(centres, size, settings.ccgLambda(), sigma,
                        settings.ccgCutoff(), reach);
    }

    /** A click's position on the working grid, {x, y}. */
    private double[] centre(Click c, InputEncoder.WorkingImage image) {
        return encoder.toWorking(c, image);
    }

    private void paint(float[] target, float[] weight, Click c, InputEncoder.WorkingImage image, double radius) {
        double[] centre = centre(c, image);
        float label = c.positive() ? 1f : 0f;
        Disk.visit(centre[0], centre[1], Math.max(0.5, radius * scale), size, size, (x, y, d2) -> {
            target[y * size + x] = label;
            if (weight != null) {
                weight[y * size + x] = 1f;
            }
        });
    }

    private static float[] binary(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] >= 0.5f ? 1f : 0f;
        }
        return out;
    }
}
