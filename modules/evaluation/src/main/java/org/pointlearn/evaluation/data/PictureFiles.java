package org.pointlearn.evaluation.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Decodes picture files with javax.imageio, turning every failure into one checked exception. */
final class PictureFiles {

    private PictureFiles() {
    }

    /** The decoded picture; fails with a reason when the format is unknown or the file is corrupt. */
    static BufferedImage decode(Path file) throws UnreadableFileException {
        BufferedImage picture;
        try {
            picture = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UnreadableFileException("unreadable or corrupt image: " + describe(e), e);
        } catch (RuntimeException e) {
            // Some decoders signal truncated or malformed data with unchecked exceptions.
            throw new UnreadableFileException("unreadable or corrupt image: " + describe(e), e);
        }
        if (picture == null) {
            throw new UnreadableFileException("unreadable: not an image format javax.imageio can decode", null);
        }
        return picture;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(message(e));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            text.append(" (").append(message(c)).append(')');
        }
        return text.toString();
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
