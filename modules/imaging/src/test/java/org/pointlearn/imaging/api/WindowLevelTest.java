package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowLevelTest {

    @Test
    void mapsTheWindowOntoTheGreyScale() {
        WindowLevel w = new WindowLevel(100, 200);
        assertEquals(0, w.grey(-5));
        assertEquals(128, w.grey(100));
        assertEquals(255, w.grey(250));
    }

    @Test
    void robustWindowIgnoresBackgroundAndOutliers() {
        float[] s = new float[100 * 100];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < 5000 ? 0 : 100 + (i % 100);
        }
        s[s.length - 1] = 100_000;
        WindowLevel w = WindowLevel.robust(new Volume(VolumeGeometry.axial(100, 100, 1, 1, 1, 1), new float[][] {s}));
        assertTrue(w.center() > 120 && w.center() < 180, "center " + w.center());
        assertTrue(w.width() < 150, "width " + w.width());
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel(0, 0));
    }
}
