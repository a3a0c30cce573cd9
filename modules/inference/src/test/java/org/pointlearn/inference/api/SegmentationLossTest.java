package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentationLossTest {

    @BeforeAll
    static void engine() throws Exception {
        TestModels.engine();
    }

    @Test
    void weightsPeakAtTheClickAndFadeToOne() {
        float[] w = SegmentationLoss.clickCenteredWeights(List.<double[]>of(new double[] {10, 20}), 64, 5, 4);
        assertEquals(6f, w[20 * 64 + 10], 1e-5);
        assertEquals(1f + 5 * Math.exp(-16.0 / 32), w[20 * 64 + 14], 1e-4);
        assertEquals(1f, w[60 * 64 + 60], 1e-6);
    }

    @Test
    void aConfidentCorrectPredictionCostsLittleAndAWrongOneMuch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.zeros(new Shape(1, 1, 8, 8));
            target.set(new ai.djl.ndarray.index.NDIndex(":, :, 2:6, 2:6"), 1f);
            NDArray right = target.mul(20).sub(10);
            NDArray wrong = right.neg();
            float good = SegmentationLoss.compute(right, target, null).getFloat();
            float bad = SegmentationLoss.compute(wrong, target, null).getFloat();
            assertTrue(good < 0.01, "correct: " + good);
            assertTrue(bad > 5, "wrong: " + bad);
        }
    }

    @Test
    void errorsNearAClickWeighMoreWithTheGaussianTerm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.zeros(new Shape(1, 1, 16, 16));
            NDArray logits = m.zeros(new Shape(1, 1, 16, 16)).sub(5);
            logits.set(new ai.djl.ndarray.index.NDIndex(":, :, 3, 3"), 5f);   // one wrong pixel
            NDArray nearClick = m.create(SegmentationLoss.clickCenteredWeights(
                    List.<double[]>of(new double[] {3, 3}), 16, 10, 2), new Shape(1, 1, 16, 16));
            NDArray farClick = m.create(SegmentationLoss.clickCenteredWeights(
                    List.<double[]>of(new double[] {12, 12}), 16, 10, 2), new Shape(1, 1, 16, 16));
            float near = SegmentationLoss.weightedBce(logits, target, nearClick).getFloat();
            float far = SegmentationLoss.weightedBce(logits, target, farClick).getFloat();
            assertTrue(near > 3 * far, near + " vs " + far);
        }
    }

    @Test
    void theWeightedDiceCountsTheOverlapNearTheClick() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two 4x4 objects; the prediction finds the one at the click and misses the other
            NDArray target = m.zeros(new Shape(1, 1, 32, 32));
            target.set(new ai.djl.ndarray.index.NDIndex(":, :, 2:6, 2:6"), 1f);
            target.set(new ai.djl.ndarray.index.NDIndex(":, :, 24:28, 24:28"), 1f);
            NDArray logits = m.zeros(new Shape(1, 1, 32, 32)).sub(10);
            logits.set(new ai.djl.ndarray.index.NDIndex(":, :, 2:6, 2:6"), 10f);
            NDArray weights = m.create(SegmentationLoss.clickCenteredWeights(
                    List.<double[]>of(new double[] {3.5, 3.5}), 32, 10, 3), new Shape(1, 1, 32, 32));
            float plain = SegmentationLoss.softDice(logits, target).getFloat();
            float weighted = SegmentationLoss.softDice(logits, target, weights).getFloat();
            float uniform = SegmentationLoss.softDice(logits, target, m.ones(new Shape(1, 1, 32, 32))).getFloat();
            assertEquals(1 / 3f, plain, 0.02);          // Dice 2*16/(16+32)
            assertTrue(weighted < plain / 3, weighted + " vs " + plain);
            assertEquals(plain, uniform, 1e-6);
        }
    }
}
