package org.pointlearn.adaptation.api;

import java.util.List;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * What the user sees after a click or an undo: the object probability on the image's grid.
 *
 * @param probability width*height values in 0..1, row by row
 * @param width image columns
 * @param height image rows
 * @param clicks the clicks it answers
 * @param adapted whether the model learned from the latest click before predicting
 * @param otherSquare whether the latest click was looked at through two squares, so the other
 *     square's mask can be shown instead (see {@code InteractiveSession.otherSquare})
 * @param squarePresses how many times the session pressed S itself for the latest click, to show the
 *     first square its accepted slices wanted (AdaptationSettings.squareMemory); a replay of the click
 *     presses S as often, with the memory paused, to show the same mask
 */
public record Prediction(float[] probability, int width, int height, List<Click> clicks, boolean adapted,
        boolean otherSquare, int squarePresses) {

    /** A prediction the session pressed no S for. */
    public Prediction(float[] probability, int width, int height, List<Click> clicks, boolean adapted,
            boolean otherSquare) {
        this(probability, width, height, clicks, adapted, otherSquare, 0);
    }

    /** The same after the session pressed S this many times itself. */
    public Prediction withSquarePresses(int presses) {
        return new Prediction(probability, width, height, clicks, adapted, otherSquare, presses);
    }

    /** A prediction with no other square to show. */
    public Prediction(float[] probability, int width, int height, List<Click> clicks, boolean adapted) {
        this(probability, width, height, clicks, adapted, false);
    }

    /** The threshold the overlay and the protocol use. */
    public static final float THRESHOLD = 0.5f;

    /** Copies the click list. */
    public Prediction {
        clicks = List.copyOf(clicks);
    }

    /** The prediction as a mask at the 0.5 threshold. */
    public Mask2D mask() {
        return Mask2D.threshold(probability, width, height, THRESHOLD);
    }
}
