package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.inference.api.SegmentationModel;

/** Gradient steps with BatchNorm in inference mode, and exact capture/restore. */
class LearnerTest {

    private static UpdateExample example(SegmentationModel model, long seed) {
        int n = model.card().workingSize() * model.card().workingSize();
        Random r = new Random(seed);
        float[] input = new float[model.card().inputChannels() * n];
        for (int i = 0; i < input.length; i++) {
            input[i] = r.nextFloat();
        }
        float[] target = new float[n];
        for (int i = 0; i < n / 3; i++) {
            target[i] = 1f;
        }
        return new UpdateExample(input, target, null, null);
    }

    static float[] values(SegmentationModel model, String suffix) {
        List<Float> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (p.getKey().endsWith(suffix)) {
                for (float v : p.getValue().getArray().toFloatArray()) {
                    out.add(v);
                }
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    @Test
    void stepsChangeTheWeightsButNeverTheBatchNormStatistics() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); Learner learner = new Learner(model, false)) {
            float[] meansBefore = values(model, "runningMean");
            float[] weightsBefore = values(model, "weight");
            double first = learner.step(List.of(example(model, 1)), UpdateLoss.refinedMask(), 1e-2);
            double last = first;
            for (int i = 0; i < 5; i++) {
                last = learner.step(List.of(example(model, 1)), UpdateLoss.refinedMask(), 1e-2);
            }
            assertArrayEquals(meansBefore, values(model, "runningMean"), "running statistics stay frozen");
            assertFalse(java.util.Arrays.equals(weightsBefore, values(model, "weight")), "gradients reached the weights");
            assertTrue(last < first, "the loss went down: " + first + " -> " + last);
        }
    }

    @Test
    void aTrainingModeForwardWouldHaveMovedTheStatistics() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel()) {
            float[] before = values(model, "runningMean");
            try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
                NDArray x = m.create(example(model, 2).input(), SegmentationModel.inputShape(model.card(), 1));
                model.block().forward(new ParameterStore(m, false), new NDList(x), true);
            }
            assertFalse(java.util.Arrays.equals(before, values(model, "runningMean")),
                    "the reason the learner never forwards in training mode");
        }
    }

    @Test
    void theStepsLeaveBatchNormsRunningStatisticsAsShipped() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); Learner learner = new Learner(model, false)) {
            float[] before = values(model, "runningMean");
            learner.step(List.of(example(model, 2)), UpdateLoss.refinedMask(), 1e-2);
            assertArrayEquals(before, values(model, "runningMean"), "BatchNorm ran in training mode");
        }
    }

    @Test
    void onlyBatchNormScaleAndShiftLearnForTent() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); Learner learner = new Learner(model, true)) {
            float[] conv = values(model, "weight");
            float[] gamma = values(model, "gamma");
            learner.step(List.of(example(model, 3)), UpdateLoss.entropy(), 1e-2);
            assertArrayEquals(conv, values(model, "weight"));
            assertFalse(java.util.Arrays.equals(gamma, values(model, "gamma")));
            assertEquals(learner.trainableValues(), gamma.length + values(model, "beta").length);
        }
    }

    @Test
    void restoringACapturedStateIsExactIncludingTheOptimizer() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); Learner learner = new Learner(model, false)) {
            learner.step(List.of(example(model, 4)), UpdateLoss.refinedMask(), 1e-2);
            List<float[]> probe = List.of(example(model, 5).input());
            try (ModelState state = learner.capture()) {
                float[] before = learner.predict(probe)[0];
                learner.step(List.of(example(model, 6)), UpdateLoss.refinedMask(), 1e-2);
                float[] afterStepA = values(model, "weight");
                learner.restore(state);
                assertArrayEquals(before, learner.predict(probe)[0]);
                learner.step(List.of(example(model, 6)), UpdateLoss.refinedMask(), 1e-2);
                assertArrayEquals(afterStepA, values(model, "weight"), "same step from the same state, same result");
            }
        }
    }

    @Test
    void thePullBringsTheWeightsBackTowardsTheStartingModel() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); Learner learner = new Learner(model, false)) {
            float[] start = values(model, "weight");
            learner.step(List.of(example(model, 1)), UpdateLoss.refinedMask(), 1e-2);
            float[] moved = values(model, "weight");
            try (ModelState afterStep = learner.capture()) {
                learner.pullTowardsStart(1.0);
                assertArrayEquals(start, values(model, "weight"), 1e-6f, "a full pull returns to the start");
                learner.restore(afterStep);
            }
            double before = distance(moved, start);
            learner.pullTowardsStart(0.5);
            double after = distance(values(model, "weight"), start);
            assertEquals(before / 2, after, before * 0.01, "half the distance is left after a pull of 0.5");
        }
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
