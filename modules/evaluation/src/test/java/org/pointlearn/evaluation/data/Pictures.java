package org.pointlearn.evaluation.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small pictures written to disk for reader tests. */
final class Pictures {

    private Pictures() {
    }

    /** An 8-bit grey picture filled with a value, with a square of another value. */
    static BufferedImage grey(int w, int h, int fill, int squareValue, int square) {
        BufferedImage p = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p.getRaster().setSample(x, y, 0, x < square && y < square ? squareValue : fill);
            }
        }
        return p;
    }

    /** Writes the picture in the given format, creating folders. */
    static Path write(BufferedImage picture, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(picture, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
