package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Region;

/** The one prediction path with a zoom focus: where it looks, and nothing changes elsewhere. */
class FocusedPredictionTest {

    @BeforeAll
    static void engine() throws Exception {
        TestModels.engine();
    }

    private static Image2D noise(int w, int h) {
        Random r = new Random(4);
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat() * 100;
        }
        return Image2D.grey(w, h, v);
    }

    @Test
    void outsideTheRegionLookedAtThePreviousMaskStaysExactly() throws Exception {
        ModelCard card = TestModels.smallCard(1).toBuilder()
                .focus(ModelCard.Focus.ZOOM.withZoomOuts(0)).build();
        try (SegmentationModel model = SegmentationModel.create(card, Device.cpu())) {
            Predictor predictor = new Predictor(model);
            int w = 300;
            int h = 200;
            InputEncoder.PreparedImage image = model.encoder().prepareImage(noise(w, h));
            float[] previous = new float[w * h];
            Random r = new Random(9);
            for (int i = 0; i < previous.length; i++) {
                previous[i] = r.nextFloat() < 0.01f ? 0.9f : 0.1f; // scattered "mask" pixels: a large box
            }
            previous[100 * w + 150] = 0.9f;
            List<Click> clicks = List.of(new Click(150, 100, true));
            Predictor.Focused p = predictor.predict(image, clicks, null);
            Region first = p.view().region();
            assertEquals(0.35 * 300, first.width(), 1e-9, "the first click's square");
            assertTrue(first.containsPixel(150, 100));
            assertEquals(1f, p.probability()[100 * w + 150], "the clicked pixel is in the mask");

            float[] small = new float[w * h];
            small[100 * w + 150] = 0.9f;
            Predictor.Focused q = predictor.predict(image, List.of(new Click(150, 100, true), new Click(152, 101, true)), small);
            Region r2 = q.view().region();
            int changedOutside = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!r2.containsPixel(x, y) && q.probability()[y * w + x] != small[y * w + x]) {
                        changedOutside++;
                    }
                }
            }
            assertEquals(0, changedOutside, "pixels outside " + r2 + " that changed");
            assertTrue(r2.width() < 50, "a small mask is looked at closely: " + r2);
        }
    }

    @Test
    void aFirstClickWithTwoSquaresShowsTheMaskTheNetworkIsSurerOf() throws Exception {
        ModelCard.Focus near = ModelCard.Focus.ZOOM.withFirstSide(0.15).withZoomOuts(0);
        ModelCard card = TestModels.smallCard(1).toBuilder().focus(near).build();
        try (SegmentationModel model = SegmentationModel.create(card, Device.cpu())) {
            int w = 300;
            int h = 200;
            InputEncoder.PreparedImage image = model.encoder().prepareImage(noise(w, h));
            List<Click> clicks = List.of(new Click(150, 100, true));
            Predictor.Focused nearOnly = new Predictor(model).predict(image, clicks, null);
            model.describeAs(card.toBuilder().focus(near.withFirstSide(0.35)).build());
            Predictor.Focused wideOnly = new Predictor(model).predict(image, clicks, null);
            model.describeAs(card.toBuilder().focus(near.withWideSide(0.35)).build());
            Predictor.Focused both = new Predictor(model).predict(image, clicks, null);

            assertEquals(2, both.passes(), "one forward pass in each square");
            boolean wider = Predictor.certainty(wideOnly.probability())
                    > Predictor.certainty(nearOnly.probability()) + Predictor.WIDER_BY;
            Predictor.Focused expected = wider ? wideOnly : nearOnly;
            assertArrayEquals(expected.probability(), both.probability(), 1e-5f,
                    "the surer square's mask, as it alone gives it (both squares go through the network in one batch)");
            assertEquals(expected.view().region(), both.view().region());
            Predictor.Focused unshown = wider ? nearOnly : wideOnly;
            assertArrayEquals(unshown.probability(), both.other().probability(), 1e-5f,
                    "the square not shown is kept, for the user to switch to");
            assertEquals(unshown.view().region(), both.other().view().region());
            assertEquals(null, nearOnly.other(), "one square: nothing else to show");

            float[] mask = nearOnly.probability().clone();
            Predictor.Focused later = new Predictor(model).predict(image,
                    List.of(clicks.get(0), new Click(152, 101, true)), mask);
            assertEquals(1, later.passes(), "once there is a mask, one square around it");
            assertEquals(null, later.other(), "and no other square");
        }
    }

    /** The card's rule with a bound on the wide mask's area and the fill bounds (0: off). */
    private static ModelCard.Focus rule(double areaRatio, double nearFilled, double wideFilled) {
        return ModelCard.Focus.ZOOM.withWideAreaRatio(areaRatio).withFilled(nearFilled, wideFilled);
    }

    /**
     * The longer-trained network is sure of a wide blob around a small lesion: with the card's bound the
     * near mask stays unless the wide one is at most that many times its size.
     */
    @Test
    void theWideSquaresMaskIsShownOnlyWhenSurerAndWithinTheAreaBound() {
        int w = 20;
        float[] near = new float[w * w];
        float[] wide = new float[w * w];
        for (int i = 0; i < 10; i++) {
            near[i] = 0.8f;        // 10 pixels, certainty 0.6
        }
        for (int i = 0; i < 70; i++) {
            wide[i] = 0.95f;       // 70 pixels, certainty 0.9
        }
        Region sq = new Region(0, 0, w, w);
        assertTrue(Predictor.showsWide(near, sq, wide, sq, null, w, rule(0, 0, 0)), "no bound: the surer mask");
        assertTrue(Predictor.showsWide(near, sq, wide, sq, null, w, rule(8, 0, 0)), "7 times the near mask, within 8");
        assertFalse(Predictor.showsWide(near, sq, wide, sq, null, w, rule(6, 0, 0)), "7 times the near mask, beyond 6");
        assertFalse(Predictor.showsWide(wide, sq, near, sq, null, w, rule(0, 0, 0)),
                "the near mask when it is the surer one");
        Region firstRows = new Region(0, 0, w, 1);
        assertTrue(Predictor.showsWide(near, sq, wide, sq, firstRows, w, rule(6, 0, 0)),
                "counted inside the judged region: 20 vs 10");
    }

    /**
     * A near square that a large object fills (the network's part of it) and a wide square that holds
     * a compact mask: the wide one is shown though the network is no surer of it, unless it breaks the
     * area bound; a near mask that leaves its square half empty stays.
     */
    @Test
    void aFullNearSquareAndACompactWideMaskShowTheWideOne() {
        int w = 40;
        Region nearSquare = new Region(10, 10, 10, 10);     // 100 pixels
        Region wideSquare = new Region(0, 0, 40, 40);       // 1600 pixels
        float[] near = new float[w * w];
        float[] wide = new float[w * w];
        for (int y = 11; y < 19; y++) {
            for (int x = 11; x < 19; x++) {
                near[y * w + x] = 0.9f;                     // 64 pixels, 0.64 of its square, certainty 0.8
            }
        }
        for (int y = 6; y < 24; y++) {
            for (int x = 6; x < 24; x++) {
                wide[y * w + x] = 0.8f;                     // 324 pixels, 0.2 of its square, certainty 0.6
            }
        }
        assertFalse(Predictor.showsWide(near, nearSquare, wide, wideSquare, null, w, rule(6, 0, 0)),
                "without the fill bounds the surer near mask stays");
        assertTrue(Predictor.showsWide(near, nearSquare, wide, wideSquare, null, w, rule(6, 0.5, 0.25)),
                "near square 0.64 full, wide mask 0.2 of its square: the wide one");
        assertFalse(Predictor.showsWide(near, nearSquare, wide, wideSquare, null, w, rule(6, 0.7, 0.25)),
                "a near square less full than 0.7 keeps its mask");
        assertFalse(Predictor.showsWide(near, nearSquare, wide, wideSquare, null, w, rule(6, 0.5, 0.15)),
                "a wide mask filling more than 0.15 of its square is not compact");
        assertFalse(Predictor.showsWide(near, nearSquare, wide, wideSquare, null, w, rule(4, 0.5, 0.25)),
                "5 times the near mask, beyond an area bound of 4");
        Region overTheBorder = new Region(-20, -20, 80, 80);
        assertFalse(Predictor.showsWide(near, nearSquare, wide, overTheBorder, null, w, rule(6, 0.5, 0.15)),
                "a wide square over the slice's border counts only its part on it: 324 of 1600 pixels, not of 6400");
    }

    @Test
    void certaintyIsTheMeanMarginOfTheMasksPixels() {
        assertEquals(0.6, Predictor.certainty(new float[] {0.9f, 0.7f, 0.2f, 0f}), 1e-6);
        assertEquals(0, Predictor.certainty(new float[] {0.4f, 0.1f}), "an empty mask");
    }
}
