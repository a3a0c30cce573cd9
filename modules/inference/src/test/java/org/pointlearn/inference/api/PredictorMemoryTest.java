package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Image2D;

class PredictorMemoryTest {

    @BeforeAll
    static void engine() throws Exception {
        TestModels.engine();
    }

    @Test
    void twoThousandPredictionsDoNotGrowNativeMemory() throws IOException {
        try (SegmentationModel m = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            Predictor p = new Predictor(m);
            InputEncoder.WorkingImage img = m.encoder().prepare(Image2D.grey(128, 128, new float[128 * 128]));
            float[] prev = null;
            long warm = 0;
            for (int i = 0; i < 2000; i++) {
                prev = p.predict(img, List.of(new Click(i % 128, 64, i % 3 != 0)), prev);
                if (i == 200) {
                    warm = nativeKb();
                }
            }
            long grown = nativeKb() - warm;
            // A leaked input of this size would add ~1.3 GB over 1,800 calls.
            assertTrue(grown < 150_000, "resident memory grew by " + grown + " kB");
        }
    }

    /** Resident memory outside the Java heap: what a native leak would grow. */
    private static long nativeKb() throws IOException {
        System.gc();
        return residentKb() - Runtime.getRuntime().totalMemory() / 1024;
    }

    private static long residentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }
}
