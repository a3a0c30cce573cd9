package org.pointlearn.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerImageCsvTest {

    @TempDir
    Path folder;

    @Test
    void writesOneRowPerImageWithTheWholeCurve() throws Exception {
        Path file = folder.resolve("per_image.csv");
        PerImageCsv.write(file, List.of(ReportFixtures.run("fundus", "frozen", 0.5, 0.02, 3),
                ReportFixtures.run("fundus", "post", 0.615, 0.02, 3)));
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        assertEquals(List.of("domain", "policy", "image", "dice_at_1", "dice_at_3", "dice_at_5", "dice_at_10",
                "dice_at_20", "noc85", "noc90", "auc", "dice_k1"), List.of(header).subList(0, 12));
        assertEquals("dice_k20", header[30]);
        assertEquals("clicks_used", header[31]);
        assertEquals("position", header[32]);
        assertEquals("order", header[33]);
        assertEquals(7, lines.size());
        String[] row = lines.get(5).split(",");
        assertEquals(header.length, row.length);
        assertEquals("post", row[1]);
        assertEquals("img-1", row[2]);
        assertEquals("0.6250", row[3]);
        assertEquals("13", row[8]);
        assertEquals("15", row[9]);
        assertEquals("0.6650", row[13]);
        assertEquals("2", row[32]);
        assertEquals("0", row[33], "the fixed order");
    }
}
