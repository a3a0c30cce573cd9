package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Planes.Plane;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

class SidePlanesTest {

    /** 7 columns, 5 rows, 4 slices, anisotropic; every voxel's value names it: i + 10 j + 100 k. */
    private static Volume named(VolumeGeometry g) {
        float[][] slices = new float[g.depth()][g.width() * g.height()];
        for (int k = 0; k < g.depth(); k++) {
            for (int j = 0; j < g.height(); j++) {
                for (int i = 0; i < g.width(); i++) {
                    slices[k][j * g.width() + i] = i + 10 * j + 100 * k;
                }
            }
        }
        return new Volume(g, slices);
    }

    @Test
    void everyVoxelOfTheAnnotatedPlaneIsTheSameVoxelInEachSidePlane() {
        Volume axial = named(VolumeGeometry.axial(7, 5, 4, 0.8, 1.0, 3.0));
        for (Plane annotated : Plane.values()) {
            SidePlanes p = new SidePlanes(axial, annotated);
            assertEquals(2, p.planes().size());
            assertFalse(p.planes().contains(annotated == Plane.ACQUIRED ? Plane.AXIAL : annotated), annotated + " beside itself");
            Volume main = p.main();
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < main.geometry().depth(); k++) {
                    for (int j = 0; j < main.geometry().height(); j++) {
                        for (int i = 0; i < main.geometry().width(); i++) {
                            int[] t = p.toSide(s, i, j, k);
                            assertEquals(main.value(i, j, k), p.volume(s).value(t[0], t[1], t[2]), 0,
                                    annotated + " voxel " + i + "," + j + "," + k + " in " + p.planes().get(s));
                            assertArrayEquals(new int[] {i, j, k}, p.toMain(s, t[0], t[1], t[2]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aSagittalAcquisitionIsShownBesideAxialAndCoronal() {
        // rows run down (feet), columns run back (posterior), slices run to the patient's left
        VolumeGeometry sagittal = new VolumeGeometry(new int[] {6, 5, 4}, new double[] {1, 1, 2}, new double[] {0, 0, 0},
                new double[] {0, 1, 0}, new double[] {0, 0, -1}, new double[] {1, 0, 0});
        SidePlanes p = new SidePlanes(named(sagittal), Plane.ACQUIRED);
        assertEquals(List.of(Plane.AXIAL, Plane.CORONAL), p.planes());
    }

    @Test
    void theAnnotatedMasksAreSeenWhereASidePlaneCutsThem() {
        Volume axial = named(VolumeGeometry.axial(7, 5, 4, 0.8, 1.0, 3.0));
        SidePlanes p = new SidePlanes(axial, Plane.AXIAL);
        // a mask at column 2, row 3 on axial slice 1 only
        Mask2D mark = Mask2D.empty(7, 5).with(2, 3, true);
        int[] t = p.toSide(0, 2, 3, 1);
        Mask2D seen = p.sideMask(0, t[2], k -> k == 1 ? mark : null);
        assertEquals(1, seen.area(), "one voxel of the mask on the " + p.planes().get(0) + " slice through it");
        assertTrue(seen.get(t[0], t[1]));
        int[] elsewhere = p.toSide(0, 2, 2, 1);
        assertNull(p.sideMask(0, elsewhere[2], k -> k == 1 ? mark : null), "the slice beside it does not cut the mask");
    }
}
