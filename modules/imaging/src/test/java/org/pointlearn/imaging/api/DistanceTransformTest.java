package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    /** Squared distance to the nearest outside pixel by trying them all. */
    private static int[] bruteForce(boolean[] inside, int w, int h) {
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int best = DistanceTransform.UNREACHABLE;
            for (int j = 0; j < out.length; j++) {
                if (!inside[j]) {
                    int dx = i % w - j % w;
                    int dy = i / w - j / w;
                    best = Math.min(best, dx * dx + dy * dy);
                }
            }
            out[i] = best;
        }
        return out;
    }

    @Test
    void matchesBruteForceOnRandomGrids() {
        Random random = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            int w = 1 + random.nextInt(14);
            int h = 1 + random.nextInt(14);
            double density = random.nextDouble();
            boolean[] inside = new boolean[w * h];
            for (int i = 0; i < inside.length; i++) {
                inside[i] = random.nextDouble() < density;
            }
            assertArrayEquals(bruteForce(inside, w, h), DistanceTransform.squared(inside, w, h),
                    "grid " + w + "x" + h + " trial " + trial);
        }
    }

    @Test
    void singleOutsidePixelGivesDistanceToIt() {
        boolean[] inside = new boolean[7 * 5];
        Arrays.fill(inside, true);
        inside[2 * 7 + 3] = false;
        int[] d = DistanceTransform.squared(inside, 7, 5);
        assertEquals(0, d[2 * 7 + 3]);
        assertEquals(3 * 3 + 2 * 2, d[0]);
        assertEquals(3 * 3 + 2 * 2, d[4 * 7 + 6]);
    }

    @Test
    void gridWithNothingOutsideIsUnreachable() {
        boolean[] inside = {true, true, true, true};
        assertArrayEquals(new int[] {DistanceTransform.UNREACHABLE, DistanceTransform.UNREACHABLE,
            DistanceTransform.UNREACHABLE, DistanceTransform.UNREACHABLE}, DistanceTransform.squared(inside, 2, 2));
    }

    @Test
    void depthInsideCountsTheSliceEdgeAsOutsideAndTheDeepestPixelIsTheCentreOfASquare() {
        // a 3 x 3 square at x 2..4, y 0..2 of a 7 x 4 slice: its top row touches the slice's edge
        Mask2D bar = Mask2D.empty(7, 4);
        for (int y = 0; y < 3; y++) {
            for (int x = 2; x < 5; x++) {
                bar = bar.with(x, y, true);
            }
        }
        int[] d = DistanceTransform.depthInside(bar);
        assertEquals(0, d[0], "outside the mask");
        assertEquals(1, d[3], "(3, 0) lies on the slice's top edge");
        assertEquals(4, d[1 * 7 + 3], "(3, 1) is two pixels from the outside on every side");
        assertArrayEquals(new int[] {3, 1}, DistanceTransform.deepestPixel(bar));
        assertEquals(null, DistanceTransform.deepestPixel(Mask2D.empty(5, 5)));
    }
}
