package org.pointlearn.adaptation.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pointlearn.adaptation.api.GuardVerdict;
import org.pointlearn.imaging.api.Mask2D;

/**
 * Judges an update by the Dice of the model's predictions on the replay buffer (each image's
 * input at its last click against its accepted mask), compared with the scores of the version
 * it came from. Scores of the active version are remembered, so only the candidate is run.
 */
public final class ForgettingGuard {

    private final double margin;
    private final Map<String, Double> activeScores = new HashMap<>();

    /** @param margin largest tolerated drop of mean Dice (0..1) */
    public ForgettingGuard(double margin) {
        this.margin = margin;
    }

    /** Dice of the learner's predictions on each item. */
    public static Map<String, Double> scores(Learner learner, List<ReplayBuffer.Item> items) {
        Map<String, Double> out = new HashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        float[][] p = learner.predict(items.stream().map(i -> i.example().input()).toList());
        int size = learner.model().card().workingSize;
        for (int k = 0; k < items.size(); k++) {
            Mask2D predicted = Mask2D.threshold(p[k], size, size, 0.5f);
            Mask2D accepted = Mask2D.threshold(items.get(k).example().target(), size, size, 0.5f);
            out.put(items.get(k).imageId(), hasNonFinite(p[k]) ? Double.NaN : predicted.dice(accepted));
        }
        return out;
    }

    private static boolean hasNonFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verdict on a candidate.
     *
     * @param candidate the candidate's scores on the buffer
     * @param losses the update's losses
     * @param parametersFinite whether the candidate's parameters are all finite
     */
    public GuardVerdict judge(Map<String, Double> candidate, List<Double> losses, boolean parametersFinite) {
        if (losses.stream().anyMatch(l -> !Double.isFinite(l)) || !parametersFinite) {
            return new GuardVerdict(false, "the update's loss was not a finite number, so it was undone",
                    Double.NaN, Double.NaN, 0);
        }
        double parent = 0;
        double child = 0;
        int n = 0;
        for (Map.Entry<String, Double> e : candidate.entrySet()) {
            Double before = activeScores.get(e.getKey());
            if (before != null) {
                parent += before;
                child += e.getValue();
                n++;
            }
        }
        if (n == 0) {
            return GuardVerdict.unchecked("no earlier images to compare with yet");
        }
        parent /= n;
        child /= n;
        if (!(child >= parent - margin)) {
            return new GuardVerdict(false, String.format(java.util.Locale.ROOT,
                    "the update made %d earlier image(s) worse (Dice %.3f -> %.3f), so it was undone", n, parent, child),
                    parent, child, n);
        }
        return new GuardVerdict(true, String.format(java.util.Locale.ROOT,
                "kept: Dice on %d earlier image(s) %.3f -> %.3f", n, parent, child), parent, child, n);
    }

    /** Remembers the scores of the version now active. */
    public void activeIs(Map<String, Double> scores) {
        activeScores.clear();
        scores.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                activeScores.put(k, v);
            }
        });
    }

    /** Forgets the remembered scores (after a rollback to another version). */
    public void forget() {
        activeScores.clear();
    }
}
