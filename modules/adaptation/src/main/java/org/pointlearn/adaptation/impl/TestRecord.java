package org.pointlearn.adaptation.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pointlearn.adaptation.api.SliceTest;

/**
 * The running record of a lineage's tests ("test, then train"): every accepted slice scored by
 * the active version and by the base before the model learns from it. When the adapted
 * versions did worse than the base over the last {@code window} slices (mean Dice lower by more
 * than {@code margin}), the session first slows its learning (half the rate, then a quarter),
 * and when they still do worse, returns to the best version the record knows. Each reaction
 * starts a new window.
 */
public final class TestRecord {

    /** What the session should do after a test. */
    public enum Reaction {
        /** Go on learning as now. */
        NONE,
        /** Learn at half the present rate. */
        SLOW_DOWN,
        /** Return to the best version (and keep the slowed rate). */
        RETURN_TO_BEST
    }

    /** The slowest learning: a quarter of the set rates. */
    public static final double SLOWEST = 0.25;

    private final int window;
    private final double margin;
    private final List<SliceTest> all = new ArrayList<>();
    private int windowStart;
    private double learningScale = 1;

    /**
     * @param window slices a judgement looks at (0: never react)
     * @param margin tolerated mean Dice drop against the base, 0..1
     */
    public TestRecord(int window, double margin) {
        this.window = window;
        this.margin = margin;
    }

    /** Records a test and says how the session should react. */
    public Reaction add(SliceTest test) {
        all.add(test);
        if (window <= 0 || all.size() - windowStart < window) {
            return Reaction.NONE;
        }
        double mean = recent().stream().mapToDouble(SliceTest::margin).average().orElse(0);
        if (mean >= -margin) {
            return Reaction.NONE;
        }
        windowStart = all.size();
        if (learningScale > SLOWEST) {
            learningScale /= 2;
            return Reaction.SLOW_DOWN;
        }
        return Reaction.RETURN_TO_BEST;
    }

    /** The tests of the current window, oldest first. */
    public List<SliceTest> recent() {
        return List.copyOf(all.subList(Math.max(windowStart, all.size() - Math.max(window, 1)), all.size()));
    }

    /** The tests of the last judged window (the one that caused the latest reaction), oldest first. */
    public List<SliceTest> judged() {
        return List.copyOf(all.subList(Math.max(0, windowStart - window), windowStart));
    }

    /** Every test so far, oldest first. */
    public List<SliceTest> all() {
        return List.copyOf(all);
    }

    /** The factor the learning rates are multiplied by (1, 0.5 or 0.25). */
    public double learningScale() {
        return learningScale;
    }

    /**
     * The version to return to: of the versions tested, the one whose test beat the base by the
     * most, if any beat it; else the base.
     *
     * @param baseId the lineage's base version
     */
    public String bestVersion(String baseId) {
        return all.stream().filter(t -> t.margin() > 0).max(Comparator.comparingDouble(SliceTest::margin))
                .map(SliceTest::testedVersion).orElse(baseId);
    }
}
