package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

class ImageFitTest {

    @Test
    void aTallSliceIsCentredHorizontallyAtFullHeight() {
        Rectangle2D.Double r = ImageFit.fit(100, 200, 400, 400);
        assertEquals(new Rectangle2D.Double(100, 0, 200, 400), r);
    }

    @Test
    void aWideSliceIsCentredVerticallyAtFullWidth() {
        Rectangle2D.Double r = ImageFit.fit(181, 90.5, 362, 400);
        assertEquals(new Rectangle2D.Double(0, 109.5, 362, 181), r);
    }

    @Test
    void parallelScaleShowsTheLimitingSide() {
        assertEquals(100, ImageFit.parallelScale(100, 200, 400, 400), 1e-9);
        assertEquals(100, ImageFit.parallelScale(400, 100, 400, 200), 1e-9);
    }
}
