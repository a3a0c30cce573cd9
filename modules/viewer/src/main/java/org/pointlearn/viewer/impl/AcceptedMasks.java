package org.pointlearn.viewer.impl;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.pointlearn.imaging.api.AtomicFiles;
import org.pointlearn.imaging.api.Mask2D;

/**
 * The accepted masks of each series on disk, so that a slice's accepted segmentation survives
 * closing the series, a restart and a crash: one 8-bit PNG per slice
 * ({@code <root>/<series key>/slice-<k>.png}, 255 inside), each written with
 * {@link AtomicFiles} (temporary file, synced, renamed over the old one).
 */
public final class AcceptedMasks {

    private static final Pattern SLICE = Pattern.compile("slice-(\\d+)\\.png");

    private final Path root;

    /** @param root the folder holding one folder per series */
    public AcceptedMasks(Path root) {
        this.root = root;
    }

    /**
     * Writes a slice's accepted mask, replacing the one before.
     *
     * @param series the series' key (its instance UID)
     * @param k the slice index, 0-based
     * @param mask the mask
     * @throws IOException when it cannot be written; the earlier file then stays as it was
     */
    public void save(String series, int k, Mask2D mask) throws IOException {
        Path dir = Files.createDirectories(folder(series));
        BufferedImage img = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (mask.get(i) ? 255 : 0);
        }
        AtomicFiles.write(dir.resolve(String.format(Locale.ROOT, "slice-%d.png", k)), out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /**
     * Reads the accepted masks of a series that fit a slice size; unreadable files and files of
     * another size are skipped and named in {@code problems}, slices beyond the depth skipped quietly.
     *
     * @param series the series' key
     * @param width slice width
     * @param height slice height
     * @param depth number of slices
     * @param problems receives a sentence per file not used
     * @return slice index to mask
     */
    public Map<Integer, Mask2D> load(String series, int width, int height, int depth, List<String> problems) {
        Map<Integer, Mask2D> out = new TreeMap<>();
        Path dir = folder(series);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            problems.add("the accepted masks in " + dir + " cannot be listed: " + e.getMessage());
            return out;
        }
        for (Path f : files) {
            Matcher m = SLICE.matcher(f.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            int k = Integer.parseInt(m.group(1));
            try {
                BufferedImage img = ImageIO.read(f.toFile());
                if (k >= depth) {
                    continue;   // e.g. the first slice shown while the series loads
                }
                if (img == null || img.getWidth() != width || img.getHeight() != height) {
                    problems.add(f.getFileName() + " does not fit this series (" + width + "x" + height + ", "
                            + depth + " slices)");
                    continue;
                }
                float[] inside = new float[width * height];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        inside[y * width + x] = img.getRaster().getSample(x, y, 0) >= 128 ? 1f : 0f;
                    }
                }
                out.put(k, Mask2D.threshold(inside, width, height, 0.5f));
            } catch (IOException e) {
                problems.add(f.getFileName() + " cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    /** The journal of the slice in progress, kept beside the accepted masks. */
    public SliceJournal journal() {
        return new SliceJournal(root.resolve("slice-in-progress.txt"));
    }

    private Path folder(String series) {
        return root.resolve(series.replaceAll("[^A-Za-z0-9._-]", "_"));
    }
}
