package org.pointlearn.evaluation.training;

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
        Augmenter augmenter = new Augmenter(true);
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
}
