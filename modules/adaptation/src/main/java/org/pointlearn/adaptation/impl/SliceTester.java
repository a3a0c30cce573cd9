package org.pointlearn.adaptation.impl;

import java.util.List;
import java.util.function.Supplier;
import org.pointlearn.adaptation.api.SliceTest;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.Predictor;

/**
 * Scores an accepted slice with the active version (as it was before the slice's
 * Mid-Interaction updates) and with the lineage's base, then puts the live model back exactly
 * as it was. Each model replays the user's first clicks, fed its own previous prediction, as
 * in the interaction.
 */
public final class SliceTester {

    private final Learner learner;
    private final Predictor predictor;
    private final Supplier<ModelState> base;

    /**
     * @param learner the live model's learner
     * @param predictor the live model's predictor
     * @param base the base version's state (read when first needed; owned by the caller)
     */
    public SliceTester(Learner learner, Predictor predictor, Supplier<ModelState> base) {
        this.learner = learner;
        this.predictor = predictor;
        this.base = base;
    }

    /**
     * Tests a slice.
     *
     * @param image the slice as it was segmented
     * @param mask the accepted mask
     * @param activeId the active version's id
     * @param clicks how many of the user's first clicks to replay (at least 1)
     * @return the two scores, or null when the slice has no clicks
     */
    public SliceTest test(ImageInteraction image, Mask2D mask, String activeId, int clicks) {
        List<Click> all = image.clicks();
        if (all.isEmpty()) {
            return null;
        }
        List<Click> replayed = all.subList(0, Math.min(Math.max(1, clicks), all.size()));
        ModelState now = learner.capture();
        try {
            ModelState before = image.stateBeforeFirstUpdate();
            if (before != null) {
                learner.restore(before);
            }
            double active = dice(image, replayed, mask);
            learner.restore(base.get());
            double baseDice = dice(image, replayed, mask);
            return new SliceTest(image.imageId(), activeId, active, baseDice, replayed.size());
        } finally {
            learner.restore(now);
            now.close();
        }
    }

    private double dice(ImageInteraction image, List<Click> clicks, Mask2D mask) {
        float[] p = replay(predictor, image, clicks, null);
        return Mask2D.threshold(p, mask.width(), mask.height(), 0.5f).dice(mask);
    }

    /**
     * What the model in the predictor makes of an image from these clicks, as in the interaction:
     * one prediction per click, each fed the one before (the first fed {@code start}).
     *
     * @param start the previous mask of the first click (a proposal), or null
     * @return the probability after the last click, on the image's grid
     */
    public static float[] replay(Predictor predictor, ImageInteraction image, List<Click> clicks, float[] start) {
        float[] previous = start;
        for (int k = 1; k <= clicks.size(); k++) {
            previous = predictor.predict(image.prepared(), clicks.subList(0, k), previous).probability();
        }
        return previous;
    }
}
