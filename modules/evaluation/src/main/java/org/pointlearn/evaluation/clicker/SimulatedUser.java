package org.pointlearn.evaluation.clicker;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * The simulated user of the evaluation protocol (the RITM / f-BRS clicker): clicks the point
 * farthest inside the deeper of the two error regions, the false negatives (object missed,
 * positive click) or the false positives (background taken, negative click); the false
 * negatives win a tie. Depth is the exact Euclidean distance to the region's border, the image
 * edge counting as border. A pixel is never clicked twice: if the deepest pixel of the chosen
 * region was clicked before, the next deepest one of that region is taken, then the other region.
 */
public final class SimulatedUser {

    /**
     * The next click, or empty when no click is needed: the prediction equals the truth, or every
     * wrong pixel has been clicked already.
     *
     * @param truth the ground-truth mask
     * @param prediction the current prediction, same size
     * @param previous the clicks made so far on this image
     */
    public Optional<Click> nextClick(Mask2D truth, Mask2D prediction, List<Click> previous) {
        if (truth.width() != prediction.width() || truth.height() != prediction.height()) {
            throw new IllegalArgumentException("prediction is " + prediction.width() + "x" + prediction.height()
                    + " but the ground truth is " + truth.width() + "x" + truth.height());
        }
        int w = truth.width();
        int h = truth.height();
        float[] t = truth.toFloats();
        float[] p = prediction.toFloats();
        boolean[] missedPixels = new boolean[t.length];
        boolean[] spuriousPixels = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            missedPixels[i] = t[i] > p[i];
            spuriousPixels[i] = p[i] > t[i];
        }
        ErrorRegion missed = ErrorRegion.of(missedPixels, w, h);
        ErrorRegion spurious = ErrorRegion.of(spuriousPixels, w, h);
        Set<Integer> clicked = clickedPixels(previous, w, h);
        boolean positiveFirst = missed.maxDepth() >= spurious.maxDepth();
        ErrorRegion first = positiveFirst ? missed : spurious;
        ErrorRegion second = positiveFirst ? spurious : missed;
        OptionalInt pixel = first.deepestPixel(clicked);
        if (pixel.isPresent()) {
            return Optional.of(click(pixel.getAsInt(), w, positiveFirst));
        }
        pixel = second.deepestPixel(clicked);
        return pixel.isPresent() ? Optional.of(click(pixel.getAsInt(), w, !positiveFirst)) : Optional.empty();
    }

    /**
     * A positive click at the pixel of the mask farthest from its border (the first in row-major
     * order among equals), as a user would click into an object; empty for an empty mask.
     */
    public static Optional<Click> innermost(Mask2D mask) {
        boolean[] inside = new boolean[mask.width() * mask.height()];
        for (int i = 0; i < inside.length; i++) {
            inside[i] = mask.get(i);
        }
        OptionalInt pixel = ErrorRegion.of(inside, mask.width(), mask.height()).deepestPixel(Set.of());
        return pixel.isPresent() ? Optional.of(click(pixel.getAsInt(), mask.width(), true)) : Optional.empty();
    }

    private static Click click(int index, int width, boolean positive) {
        return new Click(index % width, index / width, positive);
    }

    private static Set<Integer> clickedPixels(List<Click> clicks, int width, int height) {
        Set<Integer> pixels = new HashSet<>();
        for (Click c : clicks) {
            if (c.x() >= 0 && c.x() < width && c.y() >= 0 && c.y() < height) {
                pixels.add(c.y() * width + c.x());
            }
        }
        return pixels;
    }
}
