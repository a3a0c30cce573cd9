package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiskTest {

    @Test
    void aDiskHoldsThePixelsWithinItsRadiusAndNoneOffTheGrid() {
        Mask2D m = Disk.mask(20, 10, 2, 3, 2);
        assertEquals(13, m.area(), "radius 2 around a pixel centre: 13 pixels");
        assertTrue(m.get(2, 1) && m.get(4, 3) && m.get(3, 4));
        assertFalse(m.get(4, 5), "the corner is farther than 2");
        Mask2D edge = Disk.mask(20, 10, 0, 0, 2);
        assertEquals(6, edge.area(), "the quarter on the grid");
        assertEquals(1, Disk.mask(5, 5, 2.3, 2.2, 0.5).area(), "a small disk off-centre holds the nearest pixel");
    }

    @Test
    void theVisitorGetsEachPixelsSquaredDistance() {
        double[] sum = new double[1];
        Disk.visit(5, 5, 1, 11, 11, (x, y, d2) -> sum[0] += d2);
        assertEquals(4, sum[0], 1e-12, "four neighbours at distance 1, the centre at 0");
    }
}
