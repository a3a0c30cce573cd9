package org.pointlearn.inference.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointlearn.lib.djl.DjlRuntime;

class UNetTest {

    @BeforeAll
    static void engine() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
    }

    @Test
    void outputsOneLogitMapOfTheInputSize() {
        try (Model model = Model.newInstance("unet")) {
            UNet net = new UNet(4, 16, 4);
            model.setBlock(net);
            try (NDManager m = model.getNDManager().newSubManager()) {
                net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 4, 64, 64));
                NDArray out = net.forward(new ai.djl.training.ParameterStore(m, false),
                        new NDList(m.randomUniform(0, 1, new Shape(2, 4, 64, 64))), false).singletonOrThrow();
                assertEquals(new Shape(2, 1, 64, 64), out.getShape());
            }
        }
    }

    @Test
    void pixelShuffleDoublesTheGridAndKeepsEveryValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(16f).reshape(1, 4, 2, 2);
            NDArray y = UNet.pixelShuffle(x);
            assertEquals(new Shape(1, 1, 4, 4), y.getShape());
            // channel q = 2*dy + dx of input pixel (i, j) lands at (2i + dy, 2j + dx)
            assertEquals(x.getFloat(0, 3, 1, 0), y.getFloat(0, 0, 3, 1), 0);
            assertEquals(x.getFloat(0, 1, 0, 1), y.getFloat(0, 0, 0, 3), 0);
            assertEquals(16f * 15 / 2, y.sum().getFloat(), 0);
        }
    }

    @Test
    void learnsAToyMaskWithBackpropagation() {
        try (Model model = Model.newInstance("unet")) {
            model.setBlock(new UNet(1, 16, 3));
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-2f)).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(1, 1, 32, 32));
                NDManager m = trainer.getManager();
                NDArray img = m.zeros(new Shape(1, 1, 32, 32));
                img.set(new ai.djl.ndarray.index.NDIndex(":, :, 8:24, 8:24"), 1f);
                float first = 0;
                float last = 0;
                for (int step = 0; step < 30; step++) {
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(img)).singletonOrThrow();
                        NDArray loss = Loss.sigmoidBinaryCrossEntropyLoss().evaluate(new NDList(img), new NDList(logits));
                        gc.backward(loss);
                        last = loss.getFloat();
                        first = step == 0 ? last : first;
                    }
                    trainer.step();
                }
                assertTrue(last < first / 3, "loss " + first + " -> " + last);
            }
        }
    }
}
