package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;

class AugmenterTest {

    @Test
    void imageAndMaskMoveTogether() {
        int n = 64;
        float[] img = new float[n * n];
        float[] m = new float[n * n];
        for (int y = 20; y < 40; y++) {
            for (int x = 10; x < 30; x++) {
                img[y * n + x] = 1f;
                m[y * n + x] = 1f;
            }
        }
        WorkingSample s = new WorkingSample("square", n, img, Mask2D.threshold(m, n, n, 0.5f));
        Augmenter augmenter = new Augmenter(true, 0);
        Random rnd = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            WorkingSample a = augmenter.apply(s, rnd);
            int inside = 0;
            int bright = 0;
            for (int i = 0; i < n * n; i++) {
                if (a.mask().get(i)) {
                    inside++;
                    bright += a.image()[i] > 0.5f ? 1 : 0;
                }
            }
            assertTrue(inside > 250, "the object stays in view: " + inside);
            assertTrue(bright > 0.9 * inside, "mask pixels stay on the bright object: " + bright + "/" + inside);
        }
    }

    @Test
    void greyCurvesChangeTheContrastNeverTheMask() {
        int n = 64;
        float[] img = new float[n * n];
        float[] m = new float[n * n];
        for (int y = 20; y < 44; y++) {
            for (int x = 20; x < 44; x++) {
                img[y * n + x] = 0.8f;
                m[y * n + x] = 1f;
            }
        }
        java.util.Arrays.fill(img, 0, 10 * n, 0.2f);
        WorkingSample s = new WorkingSample("square", n, img, Mask2D.threshold(m, n, n, 0.5f));
        Augmenter plain = new Augmenter(true, 0);
        Augmenter curved = new Augmenter(true, 1);
        int darker = 0;
        for (int trial = 0; trial < 40; trial++) {
            WorkingSample a = plain.apply(s, new Random(trial));
            WorkingSample b = curved.apply(s, new Random(trial));
            assertEquals(a.mask().area(), b.mask().area(), "the same warp, the same mask");
            for (int i = 0; i < n * n; i++) {
                assertEquals(a.mask().get(i), b.mask().get(i), "mask pixel " + i);
                assertTrue(b.image()[i] >= 0 && b.image()[i] <= 1, "grey values stay in [0, 1]: " + b.image()[i]);
            }
            double in = 0;
            double out = 0;
            for (int i = 0; i < n * n; i++) {
                if (b.mask().get(i)) {
                    in += b.image()[i] / b.mask().area();
                } else {
                    out += b.image()[i] / (n * n - b.mask().area());
                }
            }
            darker += in < out ? 1 : 0;
        }
        assertTrue(darker >= 5 && darker <= 30, "the object is darker than its surroundings in some samples, not all: "
                + darker + " of 40");
    }
}
