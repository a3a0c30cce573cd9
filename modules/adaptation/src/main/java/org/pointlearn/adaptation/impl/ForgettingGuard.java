package org.pointlearn.adaptation.impl;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pointlearn.adaptation.api.GuardVerdict;
import org.pointlearn.imaging.api.Mask2D;

/**
 * Judges an update by the Dice of the model's predictions on the replay buffer: each image
 * with one click at its accepted mask's deepest pixel, against that mask. Each image is
 * compared with the Dice of the version active when it was accepted, before anything learned
 * from it. (Comparing with the parent's Dice on the input at the last click failed: the mask
 * was made from that very input, so the parent scored about 0.99 and 7 of 12 updates were
 * rolled back; see docs/adaptation.md.)
 */
public final class ForgettingGuard {

    private final Map<String, Double> baselines = new HashMap<>();

    /** Dice of the learner's predictions on each item (NaN when a prediction is not finite). */
    public static Map<String, Double> scores(Learner learner, List<ReplayBuffer.Item> items) {
        Map<String, Double> out = new HashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        float[][] p = learner.predict(items.stream().map(ReplayBuffer.Item::probe).toList());
        int size = learner.model().card().workingSize();
        for (int k = 0; k < items.size(); k++) {
            Mask2D predicted = Mask2D.threshold(p[k], size, size, 0.5f);
            Mask2D accepted = Mask2D.threshold(items.get(k).example().target(), size, size, 0.5f);
            out.put(items.get(k).imageId(), !UpdateExample.finite(p[k]) ? Double.NaN : predicted.dice(accepted));
        }
        return out;
    }

    /**
     * The verdict on an update whose loss or parameters are not finite numbers, whether or not
     * the guard compares Dice: such an update is always undone (and never saved).
     *
     * @return the failing verdict, or null when every loss and parameter is finite
     */
    public static GuardVerdict notFinite(List<Double> losses, boolean parametersFinite) {
        for (int i = 0; i < losses.size(); i++) {
            if (!Double.isFinite(losses.get(i))) {
                return new GuardVerdict(false, "the update's loss was not a finite number (" + losses.get(i)
                        + " at update step " + (i + 1) + "), so it was undone", Double.NaN,
                        Double.NaN, 0);
            }
        }
        if (!parametersFinite) {
            return new GuardVerdict(false, "the update left weights that are not finite numbers, so it was undone",
                    Double.NaN, Double.NaN, 0);
        }
        return null;
    }

    /**
     * The verdict on a candidate.
     *
     * @param candidate the candidate's scores on the buffer
     * @param losses the update's losses
     * @param parametersFinite whether the candidate's parameters are all finite
     * @param margin largest tolerated drop of mean Dice (0..1)
     */
    public GuardVerdict judge(Map<String, Double> candidate, List<Double> losses, boolean parametersFinite,
            double margin) {
        GuardVerdict broken = notFinite(losses, parametersFinite);
        if (broken != null) {
            return broken;
        }
        double before = 0;
        double after = 0;
        int n = 0;
        for (Map.Entry<String, Double> e : candidate.entrySet()) {
            Double b = baselines.get(e.getKey());
            if (b != null) {
                before += b;
                after += e.getValue();
                n++;
            }
        }
        if (n == 0) {
            return GuardVerdict.unchecked("no earlier images to compare with yet");
        }
        before /= n;
        after /= n;
        if (!(after >= before - margin)) {
            return new GuardVerdict(false, String.format(Locale.ROOT,
                    "the update made %d earlier image(s) worse (Dice %.3f -> %.3f), so it was undone", n, before,
                    after),
                    before, after, n);
        }
        return new GuardVerdict(true, String.format(Locale.ROOT,
                "kept: Dice on %d earlier image(s) %.3f -> %.3f", n, before, after), before, after, n);
    }

    /**
     * Remembers an accepted image's Dice under the version active before learning from it,
     * and forgets images no longer in the buffer.
     */
    public void remember(String imageId, double dice, Collection<String> inBuffer) {
        if (Double.isFinite(dice)) {
            baselines.put(imageId, dice);
        }
        baselines.keySet().retainAll(inBuffer);
    }
}
