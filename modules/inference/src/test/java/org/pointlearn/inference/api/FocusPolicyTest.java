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

    @Test
    void aSmallSquareBelowTheLeastSideIsThereOnlyWhereTheWideOneIsAndOnlyWhenTheCardAsksForIt() {
        List<Click> first = List.of(new Click(200, 150, true));
        FocusPolicy two = new FocusPolicy(ModelCard.Focus.ZOOM.withFirstSide(0.12).withWideSide(0.35));
        assertNull(two.small(512, 512, first, null), "a card without a small side");
        FocusPolicy three = new FocusPolicy(ModelCard.Focus.ZOOM.withFirstSide(0.12).withWideSide(0.35).withSmallSide(0.05));
        Region small = three.small(512, 512, first, null);
        assertEquals(0.05 * 512, small.width(), 1e-9, "smaller than the least side of the other squares (0.08)");
        assertEquals(200.5, small.x() + small.width() / 2, 1e-9, "centred on the click like the others");
        assertEquals(150.5, small.y() + small.height() / 2, 1e-9);
        assertEquals(FocusPolicy.SMALL_LEAST_PIXELS, three.small(128, 128, first, null).width(), 1e-9,
                "a few pixels of the slice at least");
        assertNull(three.small(512, 512, first, disk(512, 512, 200, 150, 10)), "a correction: one square");
        assertNull(new FocusPolicy(ModelCard.Focus.ZOOM.withSmallSide(0.05)).small(512, 512, first, null),
                "no wide square: the click is looked at at one scale");
    }

    @Test
    void withLocalRegionsAClickOnOnePartLooksOnlyAtThatPartAndAClickAwayFromEveryPartAtASquareAroundIt() {
        // two lesions far apart: one at (100, 100), r 10; one at (400, 380), r 8
        float[] previous = disk(512, 512, 100, 100, 10);
        float[] other = disk(512, 512, 400, 380, 8);
        for (int i = 0; i < previous.length; i++) {
            previous[i] = Math.max(previous[i], other[i]);
        }
        List<Click> onFirst = List.of(new Click(100, 100, true), new Click(400, 380, true), new Click(112, 100, true));
        FocusPolicy local = new FocusPolicy(ModelCard.Focus.ZOOM.withLocal(true));
        Region near = local.choose(512, 512, onFirst, previous);
        assertTrue(near.containsPixel(100, 100) && near.containsPixel(112, 100), "the clicked part and the click: " + near);
        assertFalse(near.containsPixel(400, 380), "the other lesion stays outside: " + near);
        assertTrue(near.width() < 0.15 * 512, "at the part's scale: " + near);
        Region whole = zoom().choose(512, 512, onFirst, previous);
        assertTrue(whole.containsPixel(400, 380) && whole.width() > 300, "without local: the box of everything " + whole);

        // a third lesion clicked for the first time, far from both parts: a first-click square around it
        Region fresh = local.choose(512, 512, List.of(new Click(100, 100, true), new Click(250, 420, true)), previous);
        assertEquals(0.35 * 512, fresh.width(), 1e-9);
        assertEquals(250.5, fresh.x() + fresh.width() / 2, 1e-9);
        assertEquals(420.5, fresh.y() + fresh.height() / 2, 1e-9);

        // ... and, when the card has a wide side, also through the wide square around it, like a first click
        FocusPolicy localWide = new FocusPolicy(ModelCard.Focus.ZOOM.withFirstSide(0.12).withWideSide(0.35).withLocal(true));
        Region wideFresh = localWide.wide(512, 512, List.of(new Click(100, 100, true), new Click(250, 420, true)), previous);
        assertEquals(0.35 * 512, wideFresh.width(), 1e-9);
        assertTrue(wideFresh.containsPixel(250, 420));
        assertNull(localWide.wide(512, 512, onFirst, previous), "a click on a part: one region");
        assertNull(new FocusPolicy(ModelCard.Focus.ZOOM.withWideSide(0.35)).wide(512, 512,
                List.of(new Click(100, 100, true), new Click(250, 420, true)), previous), "without local: one region");

        // parts close together: the whole box, as without local
        float[] close = disk(512, 512, 100, 100, 10);
        float[] beside = disk(512, 512, 100, 135, 10);
        for (int i = 0; i < close.length; i++) {
            close[i] = Math.max(close[i], beside[i]);
        }
        List<Click> onOne = List.of(new Click(100, 100, true), new Click(100, 135, true), new Click(104, 100, false));
        assertEquals(zoom().choose(512, 512, onOne, close), local.choose(512, 512, onOne, close));

        // another object beside a large part is looked at on that part's scale
        float[] organ = disk(512, 512, 150, 250, 60);   // 121 px across
        Region second = localWide.choose(512, 512, List.of(new Click(150, 250, true), new Click(400, 250, true)), organ);
        assertEquals(Region.squareAround(java.util.List.of(new int[] {90, 190}, new int[] {210, 310}), 1.4, 0).width(),
                second.width(), 1e-9, "the organ's grown box: " + second);
        assertTrue(second.containsPixel(400, 250) && !second.containsPixel(150, 250), "around the new click: " + second);

        // a negative click on the second part: that part only
        Region off = local.choose(512, 512, List.of(new Click(100, 100, true), new Click(402, 380, false)), previous);
        assertTrue(off.containsPixel(400, 380) && !off.containsPixel(100, 100), "the part clicked off: " + off);
        // the accepted mask is still learned through the box of all of it
        assertTrue(local.aroundMask(512, 512, onFirst, previous).containsPixel(400, 380));
    }

    @Test
    void theMasksPartsAreItsEightConnectedComponents() {
        float[] m = new float[6 * 4];
        m[0] = 1;          // (0,0)
        m[1 * 6 + 1] = 1;  // (1,1): diagonal to (0,0), the same part
        m[3 * 6 + 5] = 0.7f;  // (5,3): another part
        m[2 * 6 + 3] = 0.4f;  // below 0.5: not mask
        List<List<int[]>> parts = MaskParts.of(m, 6, 4);
        assertEquals(2, parts.size());
        assertEquals(2, parts.get(0).size());
        assertEquals(1, parts.get(1).size());
    }
}
