package org.pointlearn.evaluation.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Dice of one image after 1, 2, ... N clicks. When the user stopped early (perfect prediction,
 * nothing left to click) the remaining values repeat the last one reached.
 */
public final class DiceCurve {

    private final double[] dice;

    private DiceCurve(double[] dice) {
        this.dice = dice;
    }

    /**
     * The curve of the given length from the Dice measured after each click made.
     *
     * @param afterEachClick Dice after click 1, 2, ...; at least one value, at most {@code length}
     * @param length the number of clicks the protocol allows (20)
     */
    public static DiceCurve of(List<Double> afterEachClick, int length) {
        if (afterEachClick.isEmpty() || afterEachClick.size() > length) {
            throw new IllegalArgumentException("need 1 to " + length + " Dice values, got " + afterEachClick.size());
        }
        double[] d = new double[length];
        for (int k = 0; k < length; k++) {
            d[k] = requireDice(afterEachClick.get(Math.min(k, afterEachClick.size() - 1)));
        }
        return new DiceCurve(d);
    }

    /** A curve that stays at one value, as for an image that needed no click at all. */
    public static DiceCurve constant(double dice, int length) {
        return of(List.of(dice), length);
    }

    private static double requireDice(double d) {
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("Dice must be in [0, 1], got " + d);
        }
        return d;
    }

    /** Number of clicks the curve covers. */
    public int length() {
        return dice.length;
    }

    /** Dice after k clicks, k = 1 .. length. */
    public double diceAt(int k) {
        if (k < 1 || k > dice.length) {
            throw new IllegalArgumentException("k must be in 1.." + dice.length + ", got " + k);
        }
        return dice[k - 1];
    }

    /** Number of clicks to first reach Dice >= threshold (NoC); the curve length when never reached. */
    public int clicksToReach(double threshold) {
        for (int k = 0; k < dice.length; k++) {
            if (dice[k] >= threshold) {
                return k + 1;
            }
        }
        return dice.length;
    }

    /**
     * Area under the Dice-vs-clicks curve normalised to 0..1: the mean Dice over k = 1 .. length
     * (the area of the step curve over clicks 1..N divided by N).
     */
    public double area() {
        return Arrays.stream(dice).average().orElseThrow();
    }

    /** Dice after 1 .. length clicks (a copy). */
    public double[] values() {
        return dice.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiceCurve c && Arrays.equals(c.dice, dice);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dice);
    }

    @Override
    public String toString() {
        return "DiceCurve" + Arrays.toString(dice);
    }
}
