package org.pointlearn.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySummaryTest {

    private static ImageResult image(String id, Double... dice) {
        return new ImageResult(id, DiceCurve.of(List.of(dice), 20), List.of());
    }

    @Test
    void averagesEveryMetricOverImages() {
        PolicySummary s = PolicySummary.of("d", "frozen", List.of(image("a", 0.2, 0.95), image("b", 0.6)));
        assertEquals(2, s.images());
        assertEquals(0.4, s.diceAt(1), 1e-12);
        assertEquals((0.95 + 0.6) / 2, s.diceAt(20), 1e-12);
        assertEquals((2 + 20) / 2.0, s.noc85(), 1e-12);
        assertEquals((2 + 20) / 2.0, s.noc90(), 1e-12);
        assertEquals(((0.2 + 19 * 0.95) / 20 + 0.6) / 2, s.auc(), 1e-12);
    }

    @Test
    void thirdsOfTheSequenceShowChangeOverTime() {
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            results.add(image("i" + i, i / 10.0));
        }
        PolicyRun run = new PolicyRun("d", "post", results);
        assertEquals(0.1, run.firstThird().summary().diceAt(1), 1e-12);
        assertEquals(0.7, run.lastThird().summary().diceAt(1), 1e-12);
        assertEquals(1, new PolicyRun("d", "post", results.subList(0, 2)).firstThird().images().size());
    }

    @Test
    void refusesAnEmptyRun() {
        assertThrows(IllegalArgumentException.class, () -> PolicySummary.of("d", "p", List.of()));
    }
}
