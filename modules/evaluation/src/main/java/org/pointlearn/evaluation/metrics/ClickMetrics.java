package org.pointlearn.evaluation.metrics;

/** The numbers of the evaluation protocol: click budget, reported click counts and NoC targets. */
public final class ClickMetrics {

    /** Clicks allowed per image. */
    public static final int MAX_CLICKS = 20;
    /** The k of the reported Dice@k. */
    public static final int[] REPORTED_CLICKS = {1, 3, 5, 10, 20};
    /** Dice target of NoC@85. */
    public static final double NOC85 = 0.85;
    /** Dice target of NoC@90. */
    public static final double NOC90 = 0.90;

    private ClickMetrics() {
    }
}
