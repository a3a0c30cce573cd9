package org.pointlearn.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiceCurveTest {

    @Test
    void nocIsTheBudgetWhenTheTargetIsNeverReached() {
        DiceCurve curve = DiceCurve.of(List.of(0.2, 0.5, 0.8, 0.84, 0.849), 20);
        assertEquals(20, curve.clicksToReach(0.85));
        assertEquals(20, curve.clicksToReach(0.90));
    }

    @Test
    void nocIsTheFirstClickReachingTheTarget() {
        DiceCurve curve = DiceCurve.of(List.of(0.5, 0.86, 0.80, 0.91, 0.95), 20);
        assertEquals(2, curve.clicksToReach(0.85));
        assertEquals(4, curve.clicksToReach(0.90));
    }

    @Test
    void afterAnEarlyStopLaterClicksKeepTheLastDice() {
        DiceCurve curve = DiceCurve.of(List.of(0.6, 0.9, 1.0), 20);
        assertEquals(0.6, curve.diceAt(1));
        assertEquals(1.0, curve.diceAt(3));
        assertEquals(1.0, curve.diceAt(5));
        assertEquals(1.0, curve.diceAt(10));
        assertEquals(1.0, curve.diceAt(20));
        assertEquals(3, curve.clicksToReach(0.95));
    }

    @Test
    void areaIsTheMeanDiceOverTheBudget() {
        DiceCurve curve = DiceCurve.of(List.of(0.0, 0.5, 1.0), 4);
        assertEquals((0.0 + 0.5 + 1.0 + 1.0) / 4, curve.area(), 1e-12);
        assertEquals(1.0, DiceCurve.constant(1.0, 20).area());
    }

    @Test
    void refusesValuesThatAreNotDice() {
        assertThrows(IllegalArgumentException.class, () -> DiceCurve.of(List.of(1.2), 20));
        assertThrows(IllegalArgumentException.class, () -> DiceCurve.of(List.of(Double.NaN), 20));
        assertThrows(IllegalArgumentException.class, () -> DiceCurve.of(List.of(), 20));
        assertThrows(IllegalArgumentException.class, () -> DiceCurve.of(List.of(0.1, 0.2, 0.3), 2));
        assertThrows(IllegalArgumentException.class, () -> DiceCurve.constant(0.5, 20).diceAt(21));
    }
}
