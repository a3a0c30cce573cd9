package org.pointlearn.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Colin27 deep-grey domain: slices and masks an evaluation can read, the caudate where it belongs. */
class AtlasDomainCommandTest {

    private static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");

    @Test
    void writesSlicesWithOneMaskPerStructureAndTheirSource(@TempDir Path out) throws Exception {
        int n = AtlasDomainCommand.write(TEMPLATES.resolve("ch2.nii.gz"), TEMPLATES.resolve("aal.nii.gz"),
                TEMPLATES.resolve("aal.nii.txt"), List.of("Caudate"), 4, 40, out);
        List<String> ids;
        try (Stream<Path> s = Files.list(out.resolve("masks"))) {
            ids = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(n, ids.size());
        assertTrue(n >= 6 && ids.stream().allMatch(i -> i.matches("[0-9]{3}_caudate_[lr]\\.png")), ids.toString());
        for (String id : ids) {
            assertTrue(Files.isRegularFile(out.resolve("images").resolve(id)), "no image for " + id);
        }
        BufferedImage image = ImageIO.read(out.resolve("images").resolve(ids.get(ids.size() / 2)).toFile());
        BufferedImage mask = ImageIO.read(out.resolve("masks").resolve(ids.get(ids.size() / 2)).toFile());
        assertEquals(181, image.getWidth());
        assertEquals(217, image.getHeight());
        long inside = 0;
        long grey = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                if (mask.getRaster().getSample(x, y, 0) > 0) {
                    inside++;
                    grey += image.getRaster().getSample(x, y, 0);
                }
            }
        }
        assertTrue(inside >= 40, "caudate of " + inside + " px");
        double mean = grey / (double) inside;
        assertTrue(mean > 60 && mean < 220, "the caudate is grey matter, not background or CSF: mean " + mean);
        String source = Files.readString(out.resolve("SOURCE.md"));
        assertTrue(source.contains("- Licence:") && source.contains("AAL"), source);
    }

    @Test
    void aNameThatSelectsNothingIsSaidInWords(@TempDir Path out) {
        IOException e = assertThrows(IOException.class, () -> AtlasDomainCommand.write(TEMPLATES.resolve("ch2.nii.gz"),
                TEMPLATES.resolve("aal.nii.gz"), TEMPLATES.resolve("aal.nii.txt"), List.of("Ventricle"), 3, 40, out));
        assertTrue(e.getMessage().contains("no label of") && e.getMessage().contains("Ventricle"), e.getMessage());
    }
}
