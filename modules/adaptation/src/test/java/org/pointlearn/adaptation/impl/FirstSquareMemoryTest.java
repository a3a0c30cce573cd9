package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pointlearn.inference.api.Predictor.FirstSquare;

/** Which first square the accepted slices wanted: the best mean over the recent ones, the surer one on a tie. */
class FirstSquareMemoryTest {

    private static Map<FirstSquare, Double> slice(double surer, double near, double wide, double small) {
        return Map.of(FirstSquare.SURER, surer, FirstSquare.NEAR, near, FirstSquare.WIDE, wide, FirstSquare.SMALL, small);
    }

    @Test
    void theSquareWithTheBestMeanOverTheRecentSlicesIsShown() {
        FirstSquareMemory m = new FirstSquareMemory(3);
        assertEquals(FirstSquare.SURER, m.pick(), "nothing accepted yet");
        m.record(slice(0.3, 0.5, 0.2, 0.9));
        assertEquals(FirstSquare.SMALL, m.pick());
        m.record(slice(0.8, 0.7, 0.9, 0.1));
        m.record(slice(0.8, 0.7, 0.9, 0.1));
        assertEquals(FirstSquare.WIDE, m.pick(), "means: wide 0.67, surer 0.63, near 0.57, small 0.37");
        m.record(slice(0.9, 0.4, 0.9, 0.1));
        assertEquals(FirstSquare.WIDE, m.pick(), "the oldest slice is forgotten; the wide one leads the surer");
        m.resize(1);
        assertEquals(1, m.size());
        assertEquals(FirstSquare.SURER, m.pick(), "a tie goes to the surer square");
    }

    @Test
    void offItRemembersNothingAndASquareSomeSlicesLackIsNotCompared() {
        FirstSquareMemory off = new FirstSquareMemory(0);
        off.record(slice(0.1, 0.1, 0.1, 0.9));
        assertEquals(FirstSquare.SURER, off.pick());
        assertEquals(0, off.size());

        FirstSquareMemory m = new FirstSquareMemory(5);
        m.record(Map.of(FirstSquare.SURER, 0.5, FirstSquare.NEAR, 0.5, FirstSquare.WIDE, 0.6));
        m.record(slice(0.5, 0.5, 0.6, 1.0));
        assertEquals(FirstSquare.WIDE, m.pick(), "the small square was not there on every slice remembered");
    }

    @Test
    void whatItWritesItReadsBackKeepingTheNewestSlicesThatFitAndRefusesNonsense() throws Exception {
        FirstSquareMemory m = new FirstSquareMemory(5);
        m.record(slice(0.9, 0.1, 0.1, 0.1));
        m.record(slice(0.1, 0.1, 0.1, 0.8));
        m.record(slice(0.2, 0.1, 0.1, 0.7));
        String json = m.toJson();

        FirstSquareMemory same = new FirstSquareMemory(5);
        same.restore(json);
        assertEquals(3, same.size());
        assertEquals(m.mean(FirstSquare.SMALL), same.mean(FirstSquare.SMALL), 1e-12);
        assertEquals(FirstSquare.SMALL, same.pick());

        FirstSquareMemory shorter = new FirstSquareMemory(1);
        shorter.restore(json);
        assertEquals(1, shorter.size(), "a smaller window keeps the newest slice");
        assertEquals(0.7, shorter.mean(FirstSquare.SMALL), 1e-12);

        FirstSquareMemory unknown = new FirstSquareMemory(5);
        unknown.restore("[{\"SURER\": 0.4, \"HUGE\": 0.9}]");
        assertEquals(FirstSquare.SURER, unknown.pick(), "a square this version does not know is skipped");

        for (String bad : new String[] {"{", "{\"SURER\": 0.5}", "[{\"SURER\": 1.5}]", "[{\"SURER\": null}]", "null"}) {
            FirstSquareMemory kept = new FirstSquareMemory(5);
            kept.record(slice(0.1, 0.1, 0.1, 0.8));
            Exception e = assertThrows(java.io.IOException.class, () -> kept.restore(bad), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), bad);
            assertEquals(FirstSquare.SMALL, kept.pick(), "nothing replaced by " + bad);
        }
    }
}
