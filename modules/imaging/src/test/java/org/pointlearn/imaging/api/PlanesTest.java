package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every voxel of a reformatted plane is the same patient point with the same value as in the original. */
class PlanesTest {

    private static Volume anisotropic() {
        int nx = 7;
        int ny = 5;
        int nz = 4;
        Random rnd = new Random(11);
        float[][] slices = new float[nz][nx * ny];
        for (float[] s : slices) {
            for (int i = 0; i < s.length; i++) {
                s[i] = rnd.nextFloat();
            }
        }
        return new Volume(new VolumeGeometry(new int[] {nx, ny, nz}, new double[] {0.5, 0.8, 3.0},
                new double[] {-10, 20, 5}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}),
                slices);
    }

    @Test
    void coronalAndSagittalKeepEveryVoxelsPlaceAndValue() {
        Volume a = anisotropic();
        assertSame(a, Planes.of(a, Planes.Plane.ACQUIRED));
        for (Planes.Plane p : new Planes.Plane[] {Planes.Plane.CORONAL, Planes.Plane.SAGITTAL}) {
            Volume v = Planes.of(a, p);
            int[] n = v.geometry().size();
            assertEquals(a.geometry().width() * a.geometry().height() * a.geometry().depth(), n[0] * n[1] * n[2]);
            for (int k = 0; k < n[2]; k++) {
                for (int r = 0; r < n[1]; r++) {
                    for (int c = 0; c < n[0]; c++) {
                        double[] patient = v.geometry().voxelToPatient(c, r, k);
                        double[] back = a.geometry().patientToVoxel(patient);
                        int i = (int) Math.round(back[0]);
                        int j = (int) Math.round(back[1]);
                        int z = (int) Math.round(back[2]);
                        assertArrayEquals(new double[] {i, j, z}, back, 1e-9, p + " voxel " + c + "," + r + "," + k);
                        assertEquals(a.value(i, j, z), v.value(c, r, k), p + " value at " + c + "," + r + "," + k);
                    }
                }
            }
            assertEquals(3.0, v.geometry().spacing()[1], 1e-12, p + ": rows step through the 3 mm slices");
            assertEquals(-1.0, v.geometry().columnDirection()[2], 1e-12, p + ": superior at the top");
        }
    }
}
