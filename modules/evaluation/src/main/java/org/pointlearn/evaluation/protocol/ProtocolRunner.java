package org.pointlearn.evaluation.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.ClickMetrics;
import org.pointlearn.evaluation.metrics.DiceCurve;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * Runs the evaluation protocol for one policy over a sequence of images in the given order: on
 * each image the simulated user clicks (up to the click budget) against the prediction
 * thresholded at 0.5, starting from an empty prediction, and stops early when the prediction is
 * perfect or nothing is left to click; then the segmenter is told the image is accepted.
 */
public final class ProtocolRunner {

    /** The protocol's probability threshold. */
    public static final float THRESHOLD = 0.5f;

    private final int maxClicks;
    private final boolean pressesS;
    private final SimulatedUser user = new SimulatedUser();

    /** The protocol with its budget of 20 clicks per image. */
    public ProtocolRunner() {
        this(ClickMetrics.MAX_CLICKS);
    }

    /** A protocol with another click budget (at least 1). */
    public ProtocolRunner(int maxClicks) {
        this(maxClicks, false);
    }

    private ProtocolRunner(int maxClicks, boolean pressesS) {
        if (maxClicks < 1) {
            throw new IllegalArgumentException("click budget must be at least 1, got " + maxClicks);
        }
        this.maxClicks = maxClicks;
        this.pressesS = pressesS;
    }

    /**
     * The same protocol with a user who, after a click the network looked at through more than one
     * square, presses S to see each square's mask in turn and keeps the one closest to what they want
     * (pressing on to it), as a user judging by eye can; key presses are not clicks.
     */
    public ProtocolRunner pressingS() {
        return new ProtocolRunner(maxClicks, true);
    }

    /** Runs the policy over the samples in order. */
    public PolicyRun run(String domain, String policy, List<Sample> sequence, InteractiveSegmenter segmenter)
            throws SegmentationException {
        return run(domain, policy, sequence, segmenter, result -> { });
    }

    /** Runs the policy over the samples in order, reporting each finished image. */
    public PolicyRun run(String domain, String policy, List<Sample> sequence, InteractiveSegmenter segmenter,
            Consumer<ImageResult> progress) throws SegmentationException {
        List<ImageResult> results = new ArrayList<>();
        for (Sample sample : sequence) {
            try {
                ImageResult result = segment(sample, segmenter);
                results.add(result);
                progress.accept(result);
            } catch (SegmentationException e) {
                throw new SegmentationException("policy " + policy + " failed on " + domain + "/" + sample.id()
                        + ": " + e.getMessage(), e);
            }
        }
        return new PolicyRun(domain, policy, results);
    }

    /** Runs the clicking session on one image and hands the final mask to the segmenter. */
    public ImageResult segment(Sample sample, InteractiveSegmenter segmenter) throws SegmentationException {
        Image2D image = sample.image();
        Mask2D truth = sample.mask();
        float[] probability = new float[image.width() * image.height()];
        Mask2D prediction = Mask2D.empty(image.width(), image.height());
        List<Click> clicks = new ArrayList<>();
        List<Double> dice = new ArrayList<>();
        while (clicks.size() < maxClicks && (dice.isEmpty() || dice.get(dice.size() - 1) < 1.0)) {
            Optional<Click> next = user.nextClick(truth, prediction, clicks);
            if (next.isEmpty()) {
                break;
            }
            clicks.add(next.get());
            probability = checked(segmenter.predict(image, List.copyOf(clicks), probability.clone()), image);
            prediction = Mask2D.threshold(probability, image.width(), image.height(), THRESHOLD);
            if (pressesS) {
                probability = closestSquare(segmenter, probability, truth, image);
                prediction = Mask2D.threshold(probability, image.width(), image.height(), THRESHOLD);
            }
            dice.add(prediction.dice(truth));
        }
        segmenter.accept(image, prediction, List.copyOf(clicks));
        DiceCurve curve = dice.isEmpty()
                ? DiceCurve.constant(prediction.dice(truth), maxClicks)
                : DiceCurve.of(dice, maxClicks);
        return new ImageResult(sample.id(), curve, clicks);
    }

    /** Presses S no more than this often to come round to the first square (a segmenter that never does is broken). */
    static final int MOST_SQUARES = 8;

    /**
     * The user who presses S: goes round the squares the click was looked at through (S until the
     * first mask is back) and presses on to the one closest to the truth; the first when there is one.
     *
     * @return the mask shown in the end
     */
    private static float[] closestSquare(InteractiveSegmenter segmenter, float[] first, Mask2D truth, Image2D image)
            throws SegmentationException {
        List<float[]> squares = new ArrayList<>(List.of(first));
        while (true) {
            float[] next = segmenter.otherSquare();
            if (next == null || Arrays.equals(next, first)) {
                break; // one square only, or round to the first
            }
            if (squares.size() == MOST_SQUARES) {
                throw new SegmentationException("S did not come back to the first square in " + MOST_SQUARES + " presses");
            }
            squares.add(checked(next, image));
        }
        int best = 0;
        double bestDice = dice(first, truth, image);
        for (int i = 1; i < squares.size(); i++) {
            double d = dice(squares.get(i), truth, image);
            if (d > bestDice) {
                best = i;
                bestDice = d;
            }
        }
        for (int i = 0; i < best; i++) {
            segmenter.otherSquare();
        }
        return squares.get(best);
    }

    private static double dice(float[] probability, Mask2D truth, Image2D image) {
        return Mask2D.threshold(probability, image.width(), image.height(), THRESHOLD).dice(truth);
    }

    private static float[] checked(float[] probability, Image2D image) throws SegmentationException {
        int expected = image.width() * image.height();
        if (probability == null || probability.length != expected) {
            throw new SegmentationException("the segmenter returned "
                    + (probability == null ? "no prediction" : probability.length + " probabilities")
                    + " for a " + image.width() + "x" + image.height() + " image; expected " + expected);
        }
        return probability;
    }
}
