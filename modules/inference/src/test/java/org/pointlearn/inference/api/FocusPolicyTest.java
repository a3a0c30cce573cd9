package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Region;

class FocusPolicyTest {

    private static FocusPolicy zoom() {
        return new FocusPolicy(ModelCard.Focus.ZOOM);
    }

    private static float[] disk(int w, int h, int cx, int cy, int r) {
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r ? 1f : 0f;
            }
        }
        return m;
    }

    @Test
    void theFullPolicyAlwaysLooksAtTheWholeImage() {
        FocusPolicy full = new FocusPolicy(ModelCard.Focus.FULL);
        assertEquals(Region.whole(512, 400), full.choose(512, 400, List.of(new Click(10, 10, true)), null));
        assertEquals(0, full.zoomOuts());
    }

    @Test
    void theFirstClickIsLookedAtThroughASquareCentredOnIt() {
        Region r = zoom().choose(512, 512, List.of(new Click(200, 150, true)), null);
        assertEquals(0.35 * 512, r.width(), 1e-9);
        assertEquals(200.5, r.x() + r.width() / 2, 1e-9);
        assertEquals(150.5, r.y() + r.height() / 2, 1e-9);
        Region corner = zoom().choose(512, 512, List.of(new Click(3, 500, true)), null);
        assertEquals(0, corner.x(), 1e-9, "moved inside the image");
        assertEquals(512, corner.bottom(), 1e-9);
        assertTrue(corner.containsPixel(3, 500), "the click stays in view");
    }

    @Test
    void laterClicksLookAtTheMaskAndThePositiveClicksGrown() {
        float[] previous = disk(512, 512, 300, 300, 20);   // 41 pixels across
        Region r = zoom().choose(512, 512, List.of(new Click(300, 300, true), new Click(340, 300, true)), previous);
        // box x 280..341, y 280..321 -> side 61 * 1.4
        assertEquals(61 * 1.4, r.width(), 1e-9);
        assertTrue(r.containsPixel(340, 300) && r.containsPixel(280, 280));
        float[] tiny = disk(512, 512, 100, 100, 2);
        Region small = zoom().choose(512, 512, List.of(new Click(100, 100, true)), tiny);
        assertEquals(0.08 * 512, small.width(), 1e-9, "never smaller than the minimum");
    }

    @Test
    void zoomingOutDoublesUntilTheWholeImageIsInView() {
        FocusPolicy p = zoom();
        Region r = Region.square(256, 256, 100);
        Region out = p.zoomOut(r, 512, 512);
        assertEquals(200, out.width(), 1e-9);
        assertNull(p.zoomOut(new Region(0, 0, 600, 600), 512, 512));
        assertEquals(2, p.zoomOuts());
    }

    @Test
    void aMaskThatReachesTheRegionsBorderInsideTheImageAsksForMore() {
        Region r = new Region(100, 100, 100, 100);
        assertTrue(FocusPolicy.touchesBorder(disk(512, 512, 150, 150, 60), r, 512, 512));
        assertFalse(FocusPolicy.touchesBorder(disk(512, 512, 150, 150, 30), r, 512, 512));
        Region atEdge = new Region(0, 0, 100, 100);
        assertFalse(FocusPolicy.touchesBorder(disk(512, 512, 0, 50, 30), atEdge, 512, 512),
                "the image's own edge is no reason to look further");
    }

    @Test
    void aWiderSquareIsLookedAtOnlyForAFirstClickAndOnlyWhenTheCardAsksForIt() {
        List<Click> first = List.of(new Click(200, 150, true));
        assertNull(zoom().wide(512, 512, first, null), "a card without a wide side");
        FocusPolicy both = new FocusPolicy(ModelCard.Focus.ZOOM.withFirstSide(0.15).withWideSide(0.35));
        Region near = both.choose(512, 512, first, null);
        Region wide = both.wide(512, 512, first, new float[512 * 512]);
        assertEquals(0.15 * 512, near.width(), 1e-9);
        assertEquals(0.35 * 512, wide.width(), 1e-9);
        assertEquals(200.5, wide.x() + wide.width() / 2, 1e-9, "centred on the click like the near one");
        assertEquals(150.5, wide.y() + wide.height() / 2, 1e-9);
        assertNull(both.wide(512, 512, first, disk(512, 512, 200, 150, 10)), "a mask is there: the square follows it");
        assertNull(both.wide(512, 512, List.of(new Click(200, 150, false)), null), "no positive click to look around");
        assertNull(new FocusPolicy(ModelCard.Focus.FULL.withWideSide(0.35)).wide(512, 512, first, null),
                "the full policy looks at the whole image anyway");
    }
}
