package org.pointlearn.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.evaluation.metrics.DiceCurve;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;

class SummaryCsvTest {

    @TempDir
    Path folder;

    @Test
    void writesTheExactHeaderAndDotDecimalsEvenInAGermanLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            PolicyRun run = new PolicyRun("brain-ms-flair", "frozen", List.of(
                    new ImageResult("a", DiceCurve.of(List.of(0.123456, 0.5, 0.7, 0.8, 0.86, 0.91), 20), List.of())));
            Path file = folder.resolve("summary.csv");
            SummaryCsv.write(file, List.of(run));
            List<String> lines = Files.readAllLines(file);
            assertEquals("domain,policy,images,dice_at_1,dice_at_3,dice_at_5,dice_at_10,dice_at_20,noc85,noc90,auc,"
                    + "dice_at_1_first,dice_at_1_last,dice_at_5_first,dice_at_5_last,noc85_first,noc85_last",
                    lines.get(0));
            double auc = (0.123456 + 0.5 + 0.7 + 0.8 + 0.86 + 15 * 0.91) / 20;
            assertEquals("brain-ms-flair,frozen,1,0.1235,0.7000,0.8600,0.9100,0.9100,5.00,6.00,"
                    + String.format(Locale.ROOT, "%.4f", auc) + ",0.1235,0.1235,0.8600,0.8600,5.00,5.00", lines.get(1));
            assertEquals(2, lines.size());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theFirstAndLastThirdOfTheSequenceShowWhetherAPolicyImproved() throws Exception {
        Path file = folder.resolve("summary.csv");
        // Image i starts at Dice 0.5 + 0.01 i: over 6 images the last third is better.
        SummaryCsv.write(file, List.of(ReportFixtures.run("d", "method", 0.5, 0.0, 6)));
        String[] cols = Files.readAllLines(file).get(1).split(",");
        assertEquals("0.5050", cols[11], "Dice@1 of images 0 and 1");
        assertEquals("0.5450", cols[12], "Dice@1 of images 4 and 5");
        assertEquals("20.00", cols[15], "never reaches 0.85 in the first third");
    }

    @Test
    void quotesNamesHoldingCommas() throws Exception {
        Path file = folder.resolve("summary.csv");
        SummaryCsv.write(file, List.of(ReportFixtures.run("d", "post, with \"CCG\"", 0.5, 0.01, 2)));
        String row = Files.readAllLines(file).get(1);
        assertTrue(row.startsWith("d,\"post, with \"\"CCG\"\"\",2,0.5050,"), row);
    }

    @Test
    void severalOrdersOfAPolicyGiveOneRowOfMeans() throws Exception {
        Path file = folder.resolve("summary.csv");
        PolicyRun fixed = ReportFixtures.run("d", "method", 0.5, 0.0, 6);
        PolicyRun shuffled = new PolicyRun("d", "method", ReportFixtures.run("d", "method", 0.7, 0.0, 6).images(), 1);
        SummaryCsv.write(file, List.of(fixed, shuffled, ReportFixtures.run("d", "frozen", 0.5, 0.0, 6)));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), "one row per policy");
        String[] cols = lines.get(1).split(",");
        assertEquals("method", cols[1]);
        assertEquals("6", cols[2], "images per order");
        assertEquals("0.6250", cols[3], "Dice@1: mean of 0.525 (fixed) and 0.725 (other order)");
        assertEquals("frozen", lines.get(2).split(",")[1]);
    }
}
