package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionResamplingTest {

    private static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat();
        }
        return v;
    }

    @Test
    void theWholeRegionResamplesAndPastesBackExactlyLikeAPlainResize() {
        float[] ramp = new float[37 * 23];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i % 37;
        }
        float[] small = Resampling.bilinear(ramp, 37, 23, 16, 16);
        for (int u = 0; u < 16; u++) {
            double centre = Math.min(Math.max((u + 0.5) * 37 / 16 - 0.5, 0), 36);
            assertEquals(centre, small[5 * 16 + u], 1e-4, "pixel centres aligned, column " + u);
        }
        float[] src = noise(37 * 23, 1);
        float[] grid = Resampling.crop(src, 37, 23, Region.whole(37, 23), 16, 16, Float.NaN);
        float[] back = new float[37 * 23];
        Resampling.paste(grid, 16, 16, Region.whole(37, 23), back, 37, 23);
        assertArrayEquals(Resampling.bilinear(grid, 16, 16, 37, 23), back);
    }

    @Test
    void aCropAtTwiceTheResolutionSamplesTheRightPlaceAndPastesItBack() {
        // a linear ramp, which bilinear sampling reproduces exactly wherever it does not clamp
        float[] src = new float[40 * 30];
        for (int i = 0; i < src.length; i++) {
            src[i] = 0.3f * (i % 40) + 0.2f * (i / 40);
        }
        Region r = new Region(10, 5, 8, 8); // 8 x 8 pixels onto a 16 x 16 grid
        float[] grid = Resampling.crop(src, 40, 30, r, 16, 16, Float.NaN);
        // grid pixel (2, 4) has its centre at source (10 + 2.5/2 - 0.5, 5 + 4.5/2 - 0.5)
        assertEquals(0.3f * 10.75f + 0.2f * 6.75f, grid[4 * 16 + 2], 1e-4);
        float[] back = new float[40 * 30];
        java.util.Arrays.fill(back, -1f);
        Resampling.paste(grid, 16, 16, r, back, 40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int i = y * 40 + x;
                if (x >= 10 && x < 18 && y >= 5 && y < 13) {
                    // interior pixels come back exactly; the crop's outer ring is clamped at its edge
                    if (x > 10 && x < 17 && y > 5 && y < 12) {
                        assertEquals(src[i], back[i], 1e-4, "pixel " + x + "," + y);
                    }
                } else {
                    assertEquals(-1f, back[i], "outside the region nothing changes: " + x + "," + y);
                }
            }
        }
    }

    @Test
    void whatLiesOutsideTheImageGetsTheFillValue() {
        float[] src = new float[10 * 10];
        java.util.Arrays.fill(src, 7f);
        float[] grid = Resampling.crop(src, 10, 10, Region.square(1, 1, 8), 8, 8, Float.NaN);
        assertTrue(Float.isNaN(grid[0]), "top left is outside the image");
        assertEquals(7f, grid[7 * 8 + 7]);
        float[] target = new float[100];
        Resampling.paste(grid, 8, 8, Region.square(1, 1, 8), target, 10, 10);
        assertEquals(0f, target[5 * 10 + 5], "beyond the region's right edge");
    }

    @Test
    void aSquareAroundPixelsIsGrownAndAtLeastTheMinimumSide() {
        Region r = Region.squareAround(List.of(new int[] {10, 10}, new int[] {19, 13}), 1.5, 4);
        assertEquals(15, r.width(), 1e-9);
        assertEquals(15, r.height(), 1e-9);
        assertEquals(15, r.x() + r.width() / 2, 1e-9);
        assertEquals(12, r.y() + r.height() / 2, 1e-9);
        assertEquals(32, Region.squareAround(List.of(new int[] {3, 3}), 1.4, 32).width(), 1e-9);
        assertEquals(null, Region.squareAround(List.of(), 1.4, 32));
        assertTrue(r.containsPixel(10, 10));
        assertFalse(r.containsPixel(0, 0));
        assertTrue(Region.whole(5, 5).covers(5, 5));
        assertFalse(r.covers(40, 40));
        assertThrows(IllegalArgumentException.class, () -> new Region(0, 0, 0, 3));
    }
}
