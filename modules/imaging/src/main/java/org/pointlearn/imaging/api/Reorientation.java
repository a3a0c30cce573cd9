package org.pointlearn.imaging.api;

/**
 * Reorders a volume's voxels so that its axes point as close as possible to patient
 * left (i), posterior (j) and superior (k): axial slices, shown with the patient's left on
 * the right of the screen and anterior at the top, as radiologists read them. Only axis
 * permutations and flips: no interpolation, values are unchanged.
 */
public final class Reorientation {

    private Reorientation() {
    }

    /**
     * @param volume any volume
     * @return the same voxels in axial (LPS-nearest) order; the same object when already so
     */
    public static Volume toAxial(Volume volume) {
        VolumeGeometry g = volume.geometry();
        double[][] dirs = {g.rowDirection(), g.columnDirection(), g.sliceDirection()};
        int[] axisOf = new int[3];     // axisOf[target patient axis] = source voxel axis
        int[] sign = new int[3];
        boolean[] used = new boolean[3];
        for (int t = 0; t < 3; t++) {
            int best = -1;
            for (int s = 0; s < 3; s++) {
                if (!used[s] && (best < 0 || Math.abs(dirs[s][t]) > Math.abs(dirs[best][t]))) {
                    best = s;
                }
            }
            used[best] = true;
            axisOf[t] = best;
            sign[t] = dirs[best][t] >= 0 ? 1 : -1;
        }
        if (axisOf[0] == 0 && axisOf[1] == 1 && axisOf[2] == 2 && sign[0] > 0 && sign[1] > 0 && sign[2] > 0) {
            return volume;
        }
        int[] src = g.size();
        int[] dst = {src[axisOf[0]], src[axisOf[1]], src[axisOf[2]]};
        double[] srcSpacing = g.spacing();
        double[] spacing = {srcSpacing[axisOf[0]], srcSpacing[axisOf[1]], srcSpacing[axisOf[2]]};
        float[][] out = new float[dst[2]][dst[0] * dst[1]];
        int[] idx = new int[3];
        for (int k = 0; k < dst[2]; k++) {
            for (int j = 0; j < dst[1]; j++) {
                for (int i = 0; i < dst[0]; i++) {
                    int[] d = {i, j, k};
                    for (int t = 0; t < 3; t++) {
                        idx[axisOf[t]] = sign[t] > 0 ? d[t] : src[axisOf[t]] - 1 - d[t];
                    }
                    out[k][j * dst[0] + i] = volume.value(idx[0], idx[1], idx[2]);
                }
            }
        }
        // The new first voxel is the source voxel that d = (0,0,0) maps to.
        for (int t = 0; t < 3; t++) {
            idx[axisOf[t]] = sign[t] > 0 ? 0 : src[axisOf[t]] - 1;
        }
        double[] origin = g.voxelToPatient(idx[0], idx[1], idx[2]);
        double[][] newDirs = new double[3][];
        for (int t = 0; t < 3; t++) {
            double[] d = dirs[axisOf[t]];
            newDirs[t] = new double[] {sign[t] * d[0], sign[t] * d[1], sign[t] * d[2]};
        }
        return new Volume(new VolumeGeometry(dst, spacing, origin, newDirs[0], newDirs[1], newDirs[2]), out);
    }
}
