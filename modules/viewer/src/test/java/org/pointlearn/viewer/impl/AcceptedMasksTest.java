package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Mask2D;

class AcceptedMasksTest {

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

    @Test
    void savedMasksComeBackOnTheirSlicesAndALaterSaveReplaces() throws Exception {
        AcceptedMasks store = new AcceptedMasks(dir);
        store.save("1.2.840.1", 3, square(40, 30, 5, 5, 6));
        store.save("1.2.840.1", 7, square(40, 30, 20, 10, 4));
        store.save("1.2.840.1", 3, square(40, 30, 1, 1, 2));
        List<String> problems = new ArrayList<>();
        Map<Integer, Mask2D> back = new AcceptedMasks(dir).load("1.2.840.1", 40, 30, 10, problems);
        assertEquals(List.of(3, 7), List.copyOf(back.keySet()));
        assertEquals(square(40, 30, 1, 1, 2), back.get(3));
        assertEquals(square(40, 30, 20, 10, 4), back.get(7));
        assertTrue(problems.isEmpty(), problems.toString());
        try (var files = Files.list(dir.resolve("1.2.840.1"))) {
            assertEquals(2, files.count(), "temporary files left behind");
        }
        assertTrue(new AcceptedMasks(dir).load("9.9", 40, 30, 10, problems).isEmpty(), "another series has none");
    }

    @Test
    void aDamagedOrMisfittingFileIsNamedAndTheOthersStillLoad() throws Exception {
        AcceptedMasks store = new AcceptedMasks(dir);
        store.save("s", 0, square(40, 30, 5, 5, 6));
        store.save("s", 1, square(20, 20, 5, 5, 6));
        Files.writeString(dir.resolve("s").resolve("slice-2.png"), "cut off");
        store.save("s", 12, square(40, 30, 5, 5, 6));
        List<String> problems = new ArrayList<>();
        Map<Integer, Mask2D> back = store.load("s", 40, 30, 10, problems);
        assertEquals(List.of(0), List.copyOf(back.keySet()));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("slice-1.png does not fit")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("slice-2.png")), problems.toString());
    }
}
