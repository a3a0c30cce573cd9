package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                .focus(new ModelCard.Focus(ModelCard.Focus.Policy.ZOOM, 0.35, 1.4, 0.08, 0)).build();
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
}
