package org.pointlearn.inference.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * The gradients training and adaptation step on are the same every time for the same weights
 * and input, and finite. With fewer than 16 output channels in a 3x3 convolution the engine's
 * input gradient read uninitialised memory (different values run to run, sometimes NaN: the
 * "training diverged" of a fresh machine); the U-Net no longer builds such a layer.
 */
class ConvolutionGradientTest {

    private static Engine engine;

    @BeforeAll
    static void engine() throws Exception {
        engine = DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
    }

    @ParameterizedTest(name = "base {0}, {1} levels, {2}x{2}, batch {3}")
    @CsvSource({"16, 3, 32, 2", "16, 3, 64, 4", "16, 4, 64, 8", "32, 3, 32, 2"})
    void sameWeightsAndInputGiveTheSameFiniteGradientsEveryTime(int base, int levels, int size, int batch) {
        engine.setRandomSeed(11);
        try (Model model = Model.newInstance("unet")) {
            UNet net = new UNet(4, base, levels);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4, size, size));
            NDArray x = model.getNDManager().randomUniform(0, 1, new Shape(batch, 4, size, size));
            List<float[]> first = gradients(net, x);
            for (float[] g : first) {
                for (float v : g) {
                    assertTrue(Float.isFinite(v), "a gradient value is " + v);
                }
            }
            for (int repeat = 0; repeat < 12; repeat++) {
                List<float[]> again = gradients(net, x);
                for (int i = 0; i < first.size(); i++) {
                    assertArrayEquals(first.get(i), again.get(i), "gradient of parameter " + i + ", repeat " + repeat);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4", "8", "24", "0"})
    void refusesWidthsThatAreNotWholeChannelBlocks(int base) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UNet(4, base, 3));
        assertTrue(e.getMessage().contains("multiple of 16"), e.getMessage());
    }

    private static List<float[]> gradients(UNet net, NDArray x) {
        List<float[]> out = new ArrayList<>();
        try (NDManager m = x.getManager().newSubManager(); GradientCollector gc = engine.newGradientCollector()) {
            NDArray y = net.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            NDArray loss = y.mul(y).mean();
            y.attach(m);
            loss.attach(m);
            gc.backward(loss);
            for (Pair<String, Parameter> p : net.getParameters()) {
                NDArray a = p.getValue().getArray();
                if (a.hasGradient()) {
                    try (NDArray g = a.getGradient()) {
                        out.add(g.toFloatArray());
                        g.subi(g);
                    }
                }
            }
        }
        return out;
    }
}
