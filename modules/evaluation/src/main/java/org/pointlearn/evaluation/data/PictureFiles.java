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
            picture = readBySuffix(file);
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

    /**
     * Decodes with the readers registered for the file's suffix, without asking every reader on the
     * class path whether it can decode the stream: PixelMed's JPEG-lossless reader (on the evaluation's
     * class path through the dicom module) prints a line to the console each time it is asked, some
     * thousand lines a run. A file whose suffix no reader claims, or whose reader fails on it, goes through
     * ImageIO.read as before.
     */
    private static BufferedImage readBySuffix(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        java.util.Iterator<javax.imageio.ImageReader> readers = dot < 0 ? java.util.Collections.emptyIterator()
                : ImageIO.getImageReadersBySuffix(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        if (!readers.hasNext()) {
            return ImageIO.read(file.toFile());
        }
        javax.imageio.ImageReader reader = readers.next();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot be opened");
            }
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException e) {
            // perhaps another format under this suffix: let ImageIO look at the content
            BufferedImage other = null;
            try {
                other = ImageIO.read(file.toFile());
            } catch (IOException | RuntimeException ignored) {
                // the first reader's reason is the one to give
            }
            if (other != null) {
                return other;
            }
            throw e;
        } finally {
            reader.dispose();
        }
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
