package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.VolumeGeometry;

class AcceptedMasksTest {

    private static final SeriesKey SERIES = new SeriesKey("1.2.840.9", "1.2.840.1", "T2 axial");

    @TempDir
    Path dir;

    private static Mask2D square(int w, int h, int x0, int y0, int side) {
        Mask2D m = Mask2D.empty(w, h);
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                m = m.with(x, y, true);
            }
        }
        return m;
    }

    /** 10 axial slices 2.5 mm apart starting at z = -10 mm. */
    private static VolumeGeometry slices(int depth, double firstZ) {
        return new VolumeGeometry(new int[] {40, 30, depth}, new double[] {1, 1, 2.5}, new double[] {0, 0, firstZ},
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});
    }

    @Test
    void savedMasksComeBackOnTheirSlicesByPositionAndALaterSaveReplaces() throws Exception {
        AcceptedMasks store = new AcceptedMasks(dir);
        VolumeGeometry g = slices(10, -10);
        store.save(SERIES, g, 3, square(40, 30, 5, 5, 6));
        store.save(SERIES, g, 7, square(40, 30, 20, 10, 4));
        store.save(SERIES, g, 3, square(40, 30, 1, 1, 2));
        List<String> problems = new ArrayList<>();
        Map<Integer, Mask2D> back = new AcceptedMasks(dir).load(SERIES, g, problems);
        assertEquals(List.of(3, 7), List.copyOf(back.keySet()));
        assertEquals(square(40, 30, 1, 1, 2), back.get(3));
        assertEquals(square(40, 30, 20, 10, 4), back.get(7));
        assertTrue(problems.isEmpty(), problems.toString());
        Path folder = dir.resolve("1.2.840.9").resolve("1.2.840.1");
        try (var files = Files.list(folder)) {
            assertEquals(List.of("at--2.50.png", "at-7.50.png"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "one file per slice position, no temporary files left behind");
        }
        assertTrue(store.load(new SeriesKey("1.2.840.9", "9.9", "other"), g, problems).isEmpty(),
                "another series has none");
        // The same series loaded with one slice more at the start: the masks stay on their positions.
        Map<Integer, Mask2D> shifted = store.load(SERIES, slices(11, -12.5), problems);
        assertEquals(List.of(4, 8), List.copyOf(shifted.keySet()));
    }

    @Test
    void aDamagedOrMisfittingFileIsNamedAndTheOthersStillLoad() throws Exception {
        AcceptedMasks store = new AcceptedMasks(dir);
        VolumeGeometry g = slices(10, 0);
        store.save(SERIES, g, 0, square(40, 30, 5, 5, 6));
        store.save(SERIES, g, 1, square(20, 20, 5, 5, 6));
        Path folder = dir.resolve("1.2.840.9").resolve("1.2.840.1");
        Files.writeString(folder.resolve("at-5.00.png"), "cut off");
        List<String> problems = new ArrayList<>();
        Map<Integer, Mask2D> back = store.load(SERIES, g, problems);
        assertEquals(List.of(0), List.copyOf(back.keySet()));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("at-2.50.png does not fit")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("at-5.00.png")), problems.toString());
    }

    @Test
    void masksAnEarlierVersionKeptBySliceNumberAreStillRead() throws Exception {
        Path legacy = Files.createDirectories(dir.resolve("1.2.840.1"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                "png", legacy.resolve("slice-2.png").toFile());
        List<String> problems = new ArrayList<>();
        assertEquals(List.of(2), List.copyOf(new AcceptedMasks(dir).load(SERIES, slices(10, 0), problems).keySet()));
    }
}
