package org.pointlearn.evaluation.report;

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

class DiceVsClicksPlotTest {

    @TempDir
    Path folder;

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsOneColouredLinePerPolicyIntoAPng() throws Exception {
        List<PolicyRun> runs = List.of(ReportFixtures.run("brain-ms-flair", "frozen", 0.3, 0.02, 4),
                ReportFixtures.run("brain-ms-flair", "post+mid+ccg", 0.5, 0.03, 4));
        Path png = folder.resolve("plots/dice_vs_clicks.png");
        new DiceVsClicksPlot("Mean Dice vs number of clicks: brain-ms-flair",
                runs.stream().map(PolicyRun::summary).toList()).write(png);
        assertTrue(Files.size(png) > 1000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(960, image.getWidth());
        assertTrue(count(image, 0x1f77b4) > 300, "first policy line missing");
        assertTrue(count(image, 0xd62728) > 300, "second policy line missing");
        assertEquals(0, count(image, 0x2ca02c), "a third line appeared");
    }

    @Test
    void reportWritesAllThreeFiles() throws Exception {
        EvaluationReport.write(folder, List.of(ReportFixtures.run("fundus", "frozen", 0.3, 0.02, 4)));
        assertTrue(Files.exists(folder.resolve(EvaluationReport.SUMMARY)));
        assertTrue(Files.exists(folder.resolve(EvaluationReport.PER_IMAGE)));
        assertTrue(Files.exists(folder.resolve(EvaluationReport.PLOT)));
    }
}
