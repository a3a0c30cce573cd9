package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.evaluation.data.Sample;

/** A training domain of grey slices where one file was saved as RGB trains one grey model, and says so. */
class TrainingDataChannelsTest {

    @TempDir
    Path folder;

    @Test
    void anRgbStoredSliceAmongGreyOnesIsReadAsGrey() throws Exception {
        Path domain = folder.resolve("grey-mix");
        for (int i = 0; i < 4; i++) {
            BufferedImage image = new BufferedImage(32, 32, i == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
            BufferedImage mask = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int v = (x * 7 + y * 3 + i) % 256;
                    image.setRGB(x, y, v << 16 | v << 8 | v);
                    mask.getRaster().setSample(x, y, 0, x > 8 && x < 20 && y > 8 && y < 20 ? 255 : 0);
                }
            }
            String id = "p" + i + "_1";
            Files.createDirectories(domain.resolve("images"));
            Files.createDirectories(domain.resolve("masks"));
            ImageIO.write(image, "png", domain.resolve("images/" + id + ".png").toFile());
            ImageIO.write(mask, "png", domain.resolve("masks/" + id + ".png").toFile());
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingData data = TrainingData.read(List.of(domain), Map.of(), 0.25, 1,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        List<Sample> all = new ArrayList<>();
        data.domains().forEach(d -> {
            d.train().values().forEach(all::addAll);
            all.addAll(d.validation());
        });
        assertEquals(4, all.size());
        assertTrue(all.stream().allMatch(s -> s.image().channels() == 1), "every image grey, as the model will be");
        Sample rgb = all.stream().filter(s -> s.id().equals("p3_1")).findFirst().orElseThrow();
        assertEquals((5 * 7 + 6 * 3 + 3) % 256, rgb.image().value(0, 5, 6), 0f, "the stored grey value itself");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("grey-mix: 1 image(s) converted to 1 channel(s)"), log.toString());
    }
}
