package org.pointlearn.evaluation.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Reorientation;
import org.pointlearn.imaging.api.Volume;

/**
 * A brain and an atlas drawn on it, both turned to axial slices, with the atlas structures
 * chosen by name (e.g. the Colin27 brain and the AAL atlas of Debian's mricron-data). Used to
 * make evaluation data only, never training data.
 *
 * @param image the brain
 * @param labels the atlas, on the brain's grid
 * @param chosen label value to structure name (lower case), in the order of the names file
 */
public record AtlasStructures(Volume image, Volume labels, Map<Integer, String> chosen) {

    /**
     * Reads the brain, the atlas and the structures whose names start with any of {@code select}.
     *
     * @param select prefixes of label names (Caudate selects Caudate_L and Caudate_R)
     * @throws IOException when a file cannot be read, the grids differ, or nothing is selected
     */
    public static AtlasStructures read(Path imageFile, Path labelFile, Path namesFile, List<String> select)
            throws IOException {
        Volume image = Reorientation.toAxial(NiftiReader.read(imageFile));
        Volume labels = Reorientation.toAxial(NiftiReader.read(labelFile));
        if (!Arrays.equals(image.geometry().size(), labels.geometry().size())) {
            throw new IOException(labelFile + " is not on the grid of " + imageFile);
        }
        Map<Integer, String> chosen = new LinkedHashMap<>();
        for (String line : Files.readAllLines(namesFile, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && select.stream().anyMatch(s -> f[1].startsWith(s.trim()))) {
                chosen.put(Integer.parseInt(f[0]), f[1].toLowerCase(Locale.ROOT));
            }
        }
        if (chosen.isEmpty()) {
            throw new IOException("no label of " + namesFile + " starts with any of " + select);
        }
        return new AtlasStructures(image, labels, java.util.Collections.unmodifiableMap(chosen));
    }

    /** The structure's mask on axial slice k. */
    public Mask2D mask(int label, int k) {
        int w = labels.geometry().width();
        int h = labels.geometry().height();
        float[] lab = labels.slice(k);
        float[] m = new float[lab.length];
        for (int i = 0; i < lab.length; i++) {
            m[i] = Math.round(lab[i]) == label ? 1f : 0f;
        }
        return Mask2D.threshold(m, w, h, 0.5f);
    }

    /** The axial slices where the structure covers at least {@code minArea} pixels, in volume order. */
    public List<Integer> slicesOf(int label, int minArea) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < labels.geometry().depth(); k++) {
            if (mask(label, k).area() >= minArea) {
                out.add(k);
            }
        }
        return out;
    }

    /** Axial slice k of the brain. */
    public Image2D slice(int k) {
        return Image2D.ofSlice(image, k);
    }
}
