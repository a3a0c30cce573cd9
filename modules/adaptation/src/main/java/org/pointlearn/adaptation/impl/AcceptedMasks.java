package org.pointlearn.adaptation.impl;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.imaging.api.AtomicFiles;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * The accepted masks of each series on disk, so that a slice's accepted segmentation survives
 * closing the series, a restart and a crash: one 8-bit PNG per slice (255 inside) under
 * {@code <root>/<Study Instance UID>/<Series Instance UID>/}, named by the slice's position along
 * the slice normal in mm ({@code at-<mm>.png}, so a series loaded with a slice more or less still
 * finds its masks), each written with {@link AtomicFiles} (temporary file, synced, renamed over
 * the old one). Masks an earlier version kept by slice number ({@code <root>/<series>/slice-<k>.png})
 * are still read.
 */
public final class AcceptedMasks {

    private static final Pattern AT = Pattern.compile("at-(-?\\d+\\.\\d+)\\.png");
    private static final Pattern LEGACY = Pattern.compile("slice-(\\d+)\\.png");

    private final Path root;

    /** @param root the folder holding one folder per study */
    public AcceptedMasks(Path root) {
        this.root = root;
    }

    /** The slice's position along the normal, as its file names it. */
    static String position(VolumeGeometry g, int k) {
        double[] p = g.slicePosition(k);
        double[] n = g.sliceDirection();
        return String.format(Locale.ROOT, "%.2f", p[0] * n[0] + p[1] * n[1] + p[2] * n[2]);
    }

    /**
     * Writes a slice's accepted mask, replacing the one before.
     *
     * @param series the series (on disk)
     * @param g the series' geometry
     * @param k the slice index, 0-based
     * @param mask the mask
     * @throws IOException when it cannot be written; the earlier file then stays as it was
     */
    public void save(SeriesKey series, VolumeGeometry g, int k, Mask2D mask) throws IOException {
        Path dir = Files.createDirectories(folder(series));
        BufferedImage img = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (mask.get(i) ? 255 : 0);
        }
        AtomicFiles.write(dir.resolve("at-" + position(g, k) + ".png"), out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** Removes a slice's accepted mask (an accept taken back); the legacy file too. */
    public void delete(SeriesKey series, VolumeGeometry g, int k) throws IOException {
        Files.deleteIfExists(folder(series).resolve("at-" + position(g, k) + ".png"));
        Files.deleteIfExists(legacyFolder(series).resolve(String.format(Locale.ROOT, "slice-%d.png", k)));
    }

    /**
     * Reads the accepted masks of a series that fit its slices; unreadable files and files of
     * another size are skipped and named in {@code problems}, positions the series does not have
     * (e.g. the first slice shown while the series loads) skipped quietly.
     *
     * @param series the series
     * @param g its geometry
     * @param problems receives a sentence per file not used
     * @return slice index to mask
     */
    public Map<Integer, Mask2D> load(SeriesKey series, VolumeGeometry g, List<String> problems) {
        Map<Integer, Mask2D> out = new TreeMap<>();
        Map<String, Integer> slices = new HashMap<>();
        for (int k = 0; k < g.depth(); k++) {
            slices.putIfAbsent(position(g, k), k);
        }
        for (Path f : files(legacyFolder(series), problems)) {
            Matcher m = LEGACY.matcher(f.getFileName().toString());
            if (m.matches() && Integer.parseInt(m.group(1)) < g.depth()) {
                read(f, g, problems).ifPresent(mask -> out.put(Integer.parseInt(m.group(1)), mask));
            }
        }
        for (Path f : files(folder(series), problems)) {
            Matcher m = AT.matcher(f.getFileName().toString());
            Integer k = m.matches() ? slices.get(m.group(1)) : null;
            if (k != null) {
                read(f, g, problems).ifPresent(mask -> out.put(k, mask));
            }
        }
        return out;
    }

    private static List<Path> files(Path dir, List<String> problems) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            problems.add("the accepted masks in " + dir + " cannot be listed: " + e.getMessage());
        }
        return files;
    }

    private static java.util.Optional<Mask2D> read(Path f, VolumeGeometry g, List<String> problems) {
        int width = g.width();
        int height = g.height();
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null || img.getWidth() != width || img.getHeight() != height) {
                problems.add(f.getFileName() + " does not fit this series (" + width + "x" + height + ")");
                return java.util.Optional.empty();
            }
            float[] inside = new float[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    inside[y * width + x] = img.getRaster().getSample(x, y, 0) >= 128 ? 1f : 0f;
                }
            }
            return java.util.Optional.of(Mask2D.threshold(inside, width, height, 0.5f));
        } catch (IOException e) {
            problems.add(f.getFileName() + " cannot be read: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The journal of the slice in progress, kept beside the accepted masks. */
    public SliceJournal journal() {
        return new SliceJournal(root.resolve("slice-in-progress.txt"));
    }

    private Path folder(SeriesKey series) {
        String study = series.studyUid() == null ? "no-study" : series.studyUid();
        return root.resolve(safe(study)).resolve(safe(series.seriesUid()));
    }

    private Path legacyFolder(SeriesKey series) {
        return root.resolve(safe(series.seriesUid()));
    }

    private static String safe(String uid) {
        return uid.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
