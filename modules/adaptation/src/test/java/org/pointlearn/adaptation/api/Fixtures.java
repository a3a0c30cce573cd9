package org.pointlearn.adaptation.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.Random;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/** Small networks and synthetic images for tests: the real engine, a fraction of the real size. */
public final class Fixtures {

    private Fixtures() {
    }

    private static final int SEED = 20_260_311;

    /** Starts the engine (once per JVM). */
    public static Engine engine() throws Exception {
        return DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR", "target/djl-cache")));
    }

    /** A card for a small U-Net (working size 64, base 16, 3 levels). */
    public static ModelCard smallCard() {
        return ModelCard.builder().name("test").version("test@base").workingSize(64).unet(16, 3).build();
    }

    /** A fresh small model, the same random initialisation every time. */
    public static SegmentationModel smallModel() throws Exception {
        engine().setRandomSeed(SEED);
        return SegmentationModel.create(smallCard(), Device.cpu());
    }

    /** A 80x72 image: noise with a bright disk at (cx, cy) of radius r. */
    public static Image2D disk(int cx, int cy, int r, long seed) {
        int w = 80;
        int h = 72;
        Random rnd = new Random(seed);
        float[] data = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
                data[y * w + x] = (in ? 200f : 60f) + (float) rnd.nextGaussian() * 15f;
            }
        }
        return Image2D.grey(w, h, data);
    }

    /** The mask of {@link #disk}. */
    public static Mask2D diskMask(int cx, int cy, int r) {
        int w = 80;
        int h = 72;
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r ? 1f : 0f;
            }
        }
        return Mask2D.threshold(m, w, h, 0.5f);
    }

    /** Settings for the small model: stronger steps so effects show after a few of them. */
    public static AdaptationSettings strong() {
        return AdaptationSettings.defaults().toBuilder()
                .postSteps(10).postLearningRate(3e-3).midSteps(3).midLearningRate(3e-3).midDiceWeight(1)
                .replayEvery(1).tentSteps(2).tentLearningRate(1e-2).seed(7).versionPull(0)
                .build();
    }

    /** Mean absolute difference between a probability map and a mask. */
    public static double error(float[] probability, Mask2D mask) {
        float[] m = mask.toFloats();
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            sum += Math.abs(probability[i] - m[i]);
        }
        return sum / m.length;
    }

    /**
     * A child JVM on this test's class path running a main class on a folder (for kill -9 tests);
     * its standard error goes to {@code <folder>-child.err}.
     */
    public static Process childJvm(Class<?> main, Path folder) throws java.io.IOException {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(launcher, "-cp", System.getProperty("java.class.path"),
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", "target/djl-cache"),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", main.getName(), folder.toString());
        pb.redirectError(folder.resolveSibling(folder.getFileName() + "-child.err").toFile());
        return pb.start();
    }
}
