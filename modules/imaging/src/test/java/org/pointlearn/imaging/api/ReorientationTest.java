package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReorientationTest {

    @Test
    void colinBecomesAxialWithTheSameAnatomyAtEveryPoint() throws IOException {
        Volume src = NiftiReader.read(NiftiReaderTest.COLIN);
        Volume ax = Reorientation.toAxial(src);
        VolumeGeometry g = ax.geometry();
        assertArrayEquals(new double[] {1, 0, 0}, g.rowDirection(), 1e-9);
        assertArrayEquals(new double[] {0, 1, 0}, g.columnDirection(), 1e-9);
        assertArrayEquals(new double[] {0, 0, 1}, g.sliceDirection(), 1e-9);
        Random rnd = new Random(7);
        for (int n = 0; n < 500; n++) {
            int i = rnd.nextInt(g.width());
            int j = rnd.nextInt(g.height());
            int k = rnd.nextInt(g.depth());
            double[] p = g.voxelToPatient(i, j, k);
            double[] s = src.geometry().patientToVoxel(p);
            assertEquals(src.value((int) Math.round(s[0]), (int) Math.round(s[1]), (int) Math.round(s[2])),
                    ax.value(i, j, k), 0, "voxel " + i + "," + j + "," + k);
        }
    }

    @Test
    void anAxialVolumeIsLeftAlone() {
        Volume v = new Volume(VolumeGeometry.axial(2, 2, 1, 1, 1, 1), new float[][] {{1, 2, 3, 4}});
        assertSame(v, Reorientation.toAxial(v));
    }
}
