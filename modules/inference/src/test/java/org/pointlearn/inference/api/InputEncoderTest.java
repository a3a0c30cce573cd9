package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Image2D;

class InputEncoderTest {

    private final InputEncoder encoder = new InputEncoder(TestModels.smallCard(1));

    private static Image2D ramp(int w, int h) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % w;
        }
        return Image2D.grey(w, h, v);
    }

    @Test
    void aPositiveClickBecomesADiskAtTheSamePlaceOnTheWorkingGrid() {
        InputEncoder.WorkingImage img = encoder.prepare(ramp(256, 128));
        float[] in = encoder.encode(img, List.of(new Click(128, 32, true)), null);
        int n = 64 * 64;
        // (128 + 0.5) * 64/256 - 0.5 = 31.625 ; (32 + 0.5) * 64/128 - 0.5 = 15.75
        assertEquals(1f, in[n + 16 * 64 + 32], 0, "centre of the positive disk");
        assertEquals(0f, in[n + 16 * 64 + 40], 0, "outside the 5-pixel disk");
        assertEquals(0f, in[2 * n + 16 * 64 + 32], 0, "nothing in the negative map");
        assertEquals(0f, in[3 * n + 16 * 64 + 32], 0, "no previous mask before the first click");
    }

    @Test
    void imageValuesAreScaledToTheUnitRange() {
        float[] in = encoder.encode(encoder.prepare(ramp(300, 200)), List.of(), null);
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (int i = 0; i < 64 * 64; i++) {
            lo = Math.min(lo, in[i]);
            hi = Math.max(hi, in[i]);
        }
        assertEquals(0f, lo, 1e-6);
        assertEquals(1f, hi, 1e-6);
    }

    @Test
    void aColourImageIsRefusedByAGreyModelInWords() {
        Image2D rgb = new Image2D(8, 8, 3, new float[192], 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.prepare(rgb));
        assertTrue(e.getMessage().contains("expects 1 image channel"), e.getMessage());
    }
}
