package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

class TrainingClicksTest {

    @Test
    void theFirstClickIsPositiveAndWellInsideTheObject() {
        int n = 50;
        float[] m = new float[n * n];
        for (int y = 10; y < 40; y++) {
            for (int x = 10; x < 40; x++) {
                m[y * n + x] = 1f;
            }
        }
        Mask2D mask = Mask2D.threshold(m, n, n, 0.5f);
        Random rnd = new Random(1);
        for (int i = 0; i < 50; i++) {
            Click c = TrainingClicks.firstPositive(mask, rnd);
            assertTrue(c.positive());
            int depth = Math.min(Math.min(c.x() - 10, 39 - c.x()), Math.min(c.y() - 10, 39 - c.y()));
            assertTrue(depth >= 4, "click " + c + " is too close to the edge");
        }
    }
}
