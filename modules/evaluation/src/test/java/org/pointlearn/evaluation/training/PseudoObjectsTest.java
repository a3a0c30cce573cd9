package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;

class PseudoObjectsTest {

    @Test
    void aPseudoObjectIsOneConnectedRegionOfTheSliceOfAUsableSize() throws Exception {
        Sample s = new DatasetReader().read(SharedData.domain("train-mri/kidney-t2")).samples().get(0);
        PseudoObjects pseudo = new PseudoObjects();
        Set<Integer> areas = new HashSet<>();
        for (int seed = 0; seed < 6; seed++) {
            Mask2D m = pseudo.draw(s.image(), new Random(seed));
            assertNotNull(m, "a slice of an organ has regions of a usable size");
            double fraction = (double) m.area() / (m.width() * m.height());
            assertTrue(fraction > 0.0005 && fraction < 0.3, "area fraction " + fraction);
            for (int x = 0; x < m.width(); x++) {
                assertTrue(!m.get(x, 0) && !m.get(x, m.height() - 1), "regions along the edge are not used");
            }
            assertEquals(m, pseudo.draw(s.image(), new Random(seed)), "the same seed gives the same object");
            areas.add(m.area());
        }
        assertTrue(areas.size() > 2, "different seeds give different objects: " + areas);
    }

    @Test
    void smallPseudoObjectsHaveASmallLesionsSize() throws Exception {
        Sample s = new DatasetReader().read(SharedData.domain("brain-mets-t2w")).samples().get(0);
        PseudoObjects pseudo = new PseudoObjects();
        Set<Integer> areas = new HashSet<>();
        int found = 0;
        for (int seed = 0; seed < 8; seed++) {
            Mask2D m = pseudo.draw(s.image(), new Random(seed), true);
            if (m == null) {
                continue;
            }
            found++;
            int slice = m.width() * m.height();
            assertTrue(m.area() >= 0.00005 * slice && m.area() <= 0.004 * slice,
                    "a small pseudo-object covers " + m.area() + " of " + slice + " pixels");
            assertEquals(m, pseudo.draw(s.image(), new Random(seed), true), "the same seed gives the same object");
            areas.add(m.area());
        }
        assertTrue(found >= 6, "a brain slice has small regions: found for " + found + " of 8 seeds");
        assertTrue(areas.size() > 2, "different seeds give different objects: " + areas);
        Mask2D regular = pseudo.draw(s.image(), new Random(3), false);
        assertTrue(regular.area() > 0.003 * regular.width() * regular.height() * 0.5,
                "the regular ones stay organ-sized: " + regular.area());
    }

    @Test
    void aFlatSliceHasNone() {
        assertNull(new PseudoObjects().draw(Image2D.grey(64, 64, new float[64 * 64]), new Random(1)));
    }

    @Test
    void idsAreGroupedByPatternAndClassesReadFromTheirEnd() {
        Pattern kidney = Pattern.compile("([0-9]{6})_[0-9]+$");
        assertEquals("101000", TrainingData.group(kidney, "barrdistorted_1001_0.3_0.3_101000_10"));
        assertEquals("102000", TrainingData.group(kidney, "102000_5"));
        assertEquals("odd", TrainingData.group(kidney, "odd"));
        assertEquals("svc", TrainingData.objectClass("10000_121_svc"));
        assertEquals("vertebra-l5", TrainingData.objectClass("1015_18_vertebra-l5"));
        assertEquals("object", TrainingData.objectClass("BraTS-MET-00230-000_1057"));
        assertEquals("object", TrainingData.objectClass("105006"));
    }
}
