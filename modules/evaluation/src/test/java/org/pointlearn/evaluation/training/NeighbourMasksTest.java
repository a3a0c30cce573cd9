package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Mask2D;

class NeighbourMasksTest {

    @Test
    void aNeighbourMaskIsCloseToTheObjectButNotIt() throws Exception {
        Sample s = new DatasetReader().read(SharedData.domain("train-mri/kidney-t2")).samples().get(0);
        Mask2D kidney = s.mask();
        double sum = 0;
        int changed = 0;
        for (int seed = 0; seed < 20; seed++) {
            Mask2D m = NeighbourMasks.perturb(kidney, new Random(seed));
            assertNotNull(m, "a kidney is large enough that no change empties it");
            assertEquals(m, NeighbourMasks.perturb(kidney, new Random(seed)), "the same seed gives the same mask");
            double dice = m.dice(kidney);
            assertTrue(dice > 0.5, "seed " + seed + ": a neighbour's mask overlaps the object, Dice " + dice);
            sum += dice;
            changed += dice < 0.99 ? 1 : 0;
        }
        assertTrue(changed >= 17, "almost every draw changes the mask: " + changed + " of 20");
        double mean = sum / 20;
        assertTrue(mean > 0.7 && mean < 0.95, "close but worth a correction, as a neighbour's mask is: mean Dice " + mean);
    }

    @Test
    void aSmallObjectIsMovedByAPixelOrTwoAtMost() {
        float[] v = new float[64 * 64];
        for (int y = 30; y < 34; y++) {
            for (int x = 30; x < 34; x++) {
                v[y * 64 + x] = 1;
            }
        }
        Mask2D dot = Mask2D.threshold(v, 64, 64, 0.5f);
        for (int seed = 0; seed < 20; seed++) {
            Mask2D m = NeighbourMasks.perturb(dot, new Random(seed));
            if (m != null) {
                for (int i = 0; i < 64 * 64; i++) {
                    int x = i % 64;
                    int y = i / 64;
                    assertTrue(!m.get(i) || x >= 26 && x < 38 && y >= 26 && y < 38,
                            "seed " + seed + ": a 4 px object's neighbour stays within 4 px of it, not at " + x + "," + y);
                }
            }
        }
    }
}
