package org.pointlearn.inference.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationLoss;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * A model saved on the CPU predicts and learns on a GPU as on the CPU. Runs only where the
 * engine sees a GPU (the user's CUDA libraries, pointlearn.torch.dir); skipped elsewhere.
 */
class DeviceParityTest {

    @Test
    void aPredictionAndAnUpdateOnTheGpuMatchTheCpu(@TempDir Path dir) throws Exception {
        Engine engine = DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
        assumeTrue(engine.getGpuCount() > 0, "no GPU here: the engine sees 0 GPUs (bundled CPU libraries, or no "
                + "CUDA libraries named by pointlearn.torch.dir); this comparison needs a CUDA machine");
        ModelCard card = ModelCard.builder().name("parity").workingSize(64).unet(16, 3).build();
        engine.setRandomSeed(3);
        try (SegmentationModel cpu = SegmentationModel.create(card, Device.cpu())) {
            cpu.save(dir);
        }
        float[] pixels = new float[80 * 60];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37) % 255;
        }
        Image2D image = Image2D.grey(80, 60, pixels);
        List<Click> clicks = List.of(new Click(40, 30, true));
        try (SegmentationModel onCpu = SegmentationModel.load(dir, Device.cpu());
             SegmentationModel onGpu = SegmentationModel.load(dir, Device.gpu())) {
            float[] a = new Predictor(onCpu).predict(onCpu.encoder().prepareImage(image), clicks, null).probability();
            float[] b = new Predictor(onGpu).predict(onGpu.encoder().prepareImage(image), clicks, null).probability();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-3, "prediction at pixel " + i);
            }
            assertEquals(loss(onCpu, image, clicks), loss(onGpu, image, clicks), 1e-3, "the loss of one update step");
        }
    }

    /** The loss of one training step on the model's own device. */
    private static float loss(SegmentationModel m, Image2D image, List<Click> clicks) {
        float[] input = m.encoder().encode(m.encoder().prepare(image), clicks, null);
        float[] target = new float[64 * 64];
        java.util.Arrays.fill(target, 0, 64 * 32, 1f);
        try (NDManager s = m.djlModel().getNDManager().newSubManager();
             GradientCollector gc = m.djlModel().getNDManager().getEngine().newGradientCollector()) {
            NDArray x = s.create(input, SegmentationModel.inputShape(m.card(), 1));
            NDArray t = s.create(target, new ai.djl.ndarray.types.Shape(1, 1, 64, 64));
            NDArray logits = m.block().forward(new ParameterStore(s, false), new NDList(x), true).singletonOrThrow();
            NDArray l = SegmentationLoss.compute(logits, t, null);
            gc.backward(l);
            return l.getFloat();
        }
    }
}
