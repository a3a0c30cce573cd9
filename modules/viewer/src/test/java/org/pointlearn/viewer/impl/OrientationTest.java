package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.VolumeGeometry;

/** The letters at the edges of the slice for the three acquisition planes and an oblique one. */
class OrientationTest {

    private static Orientation of(double[] row, double[] col) {
        double[] normal = {row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2],
            row[0] * col[1] - row[1] * col[0]};
        return Orientation.of(new VolumeGeometry(new int[] {10, 10, 3}, new double[] {1, 1, 1}, new double[] {0, 0, 0},
                row, col, normal));
    }

    @Test
    void axialCoronalSagittalAndObliqueAsARadiologistReadsThem() {
        assertEquals(new Orientation("R", "L", "A", "P"), of(new double[] {1, 0, 0}, new double[] {0, 1, 0}),
                "axial: the patient's right on the screen's left, anterior at the top");
        assertEquals(new Orientation("R", "L", "S", "I"), of(new double[] {1, 0, 0}, new double[] {0, 0, -1}),
                "coronal: superior at the top");
        assertEquals(new Orientation("A", "P", "S", "I"), of(new double[] {0, 1, 0}, new double[] {0, 0, -1}),
                "sagittal: anterior on the left");
        assertEquals(new Orientation("RA", "LP", "S", "I"), of(new double[] {0.8, 0.6, 0}, new double[] {0, 0, -1}),
                "an oblique row direction names its two largest components");
    }
}
