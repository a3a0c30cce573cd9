package org.pointlearn.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.evaluation.metrics.PolicyRun;

class LearningCurvePlotTest {

    @TempDir
    Path folder;

    @Test
    void theCurveIsATrailingMeanOverImagesAndAMeanOverOrders() {
        // Image i of a fixture run has Dice 0.5 + 0.01 i at every click count.
        PolicyRun fixed = ReportFixtures.run("d", "method", 0.5, 0.0, 7);
        PolicyRun other = new PolicyRun("d", "method", ReportFixtures.run("d", "method", 0.3, 0.0, 7).images(), 1);
        double[] curve = LearningCurvePlot.curve(List.of(fixed, other));
        assertEquals(7, curve.length);
        assertEquals(0.4, curve[0], 1e-9, "first image: (0.5 + 0.3) / 2");
        assertEquals(0.41, curve[2], 1e-9, "images 0..2 average 0.01 more");
        assertEquals(0.44, curve[6], 1e-9, "images 2..6: window of 5");
        assertArrayEquals(curve, LearningCurvePlot.curve(List.of(other, fixed)), 1e-12);
    }

    @Test
    void reportDrawsTheLearningCurveWithOneLinePerPolicy() throws Exception {
        EvaluationReport.write(folder, List.of(ReportFixtures.run("brain-ms-t1", "frozen", 0.3, 0.02, 9),
                ReportFixtures.run("brain-ms-t1", "method", 0.5, 0.02, 9)));
        Path png = folder.resolve(EvaluationReport.LEARNING_CURVE);
        assertTrue(Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        int blue = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue += rgb == 0x1f77b4 ? 1 : 0;
                red += rgb == 0xd62728 ? 1 : 0;
            }
        }
        assertTrue(blue > 300 && red > 300, "a line per policy: " + blue + " / " + red);
    }
}
