package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SquareWarpTest {

    /** Two channels of a 4x4 grid: value = 10 * row + column (+ 100 in the second channel). */
    private static float[] ramp() {
        float[] d = new float[32];
        for (int i = 0; i < 16; i++) {
            d[i] = 10 * (i / 4) + i % 4;
            d[16 + i] = 100 + d[i];
        }
        return d;
    }

    @Test
    void theIdentityLeavesEveryChannelAsItIs() {
        SquareWarp id = SquareWarp.of(4, 0, 1, 0, 0, false, false);
        assertArrayEquals(ramp(), id.bilinear(ramp()));
        assertArrayEquals(ramp(), id.nearest(ramp()));
    }

    @Test
    void flipsMirrorAndAQuarterTurnRotates() {
        float[] flippedX = SquareWarp.of(4, 0, 1, 0, 0, true, false).nearest(ramp());
        assertEquals(3f, flippedX[0], "top-left now shows top-right");
        assertEquals(103f, flippedX[16], "in every channel");
        float[] flippedY = SquareWarp.of(4, 0, 1, 0, 0, false, true).nearest(ramp());
        assertEquals(30f, flippedY[0], "top-left now shows bottom-left");
        float[] turned = SquareWarp.of(4, Math.PI / 2, 1, 0, 0, false, false).bilinear(ramp());
        assertEquals(30f, turned[0], 1e-4, "a quarter turn brings the bottom-left corner to the top-left");
        assertEquals(0f, turned[3], 1e-4);
    }

    @Test
    void aShiftReadsZeroOutsideForMasksAndTheEdgeForImages() {
        SquareWarp shift = SquareWarp.of(4, 0, 1, 2, 0, false, false);
        float[] mask = shift.nearest(ramp());
        assertEquals(0f, mask[0], "outside the grid a mask is empty");
        assertEquals(1f, mask[3], "column 3 reads column 1");
        float[] image = shift.bilinear(ramp());
        assertEquals(0f, image[0], "an image repeats its edge");
        assertEquals(1f, image[3]);
    }

    @Test
    void partialChannelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SquareWarp.of(4, 0, 1, 0, 0, false, false).bilinear(new float[20]));
        assertThrows(IllegalArgumentException.class, () -> SquareWarp.of(4, 0, 0, 0, 0, false, false));
    }
}
