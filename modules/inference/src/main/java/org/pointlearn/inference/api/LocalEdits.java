package org.pointlearn.inference.api;

import java.util.List;

/**
 * The rules that keep a click's edit where the user made it, applied to each prediction on the
 * source grid (outside the focus region the previous mask is kept exactly by the paste-back
 * itself): a negative click never adds foreground, a clicked pixel always has its click's
 * label, and optionally only the parts of the mask connected to a positive click stay.
 */
public final class LocalEdits {

    private LocalEdits() {
    }

    /**
     * Applies the rules in place.
     *
     * @param probability the new prediction on the source grid, changed in place
     * @param previous what was shown before the newest click, or null (nothing)
     * @param clicks all clicks, the newest last
     * @param w columns
     * @param h rows
     * @param rules the model's rules
     */
    public static void apply(float[] probability, float[] previous, List<Click> clicks, int w, int h,
            ModelCard.Edits rules) {
        if (clicks.isEmpty()) {
            return;
        }
        Click newest = clicks.get(clicks.size() - 1);
        if (rules.negativeNeverAdds() && !newest.positive()) {
            for (int i = 0; i < probability.length; i++) {
                probability[i] = Math.min(probability[i], previous == null ? 0f : previous[i]);
            }
        }
        if (rules.keepClickedComponents()) {
            keepClicked(probability, clicks, w, h);
        }
        if (rules.clickedPixelKeepsItsLabel()) {
            for (Click c : clicks) {
                probability[c.y() * w + c.x()] = c.positive() ? 1f : 0f;
            }
        }
    }

    /** Clears every 8-connected part of the mask (probability >= 0.5) that holds no positive click. */
    static void keepClicked(float[] probability, List<Click> clicks, int w, int h) {
        for (List<int[]> part : MaskParts.of(probability, w, h)) {
            boolean clicked = false;
            for (int[] p : part) {
                for (Click c : clicks) {
                    clicked |= c.positive() && c.x() == p[0] && c.y() == p[1];
                }
            }
            if (!clicked) {
                for (int[] p : part) {
                    probability[p[1] * w + p[0]] = 0f;
                }
            }
        }
    }
}
