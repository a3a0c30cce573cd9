package org.pointlearn.imaging.api;

/**
 * A volume seen in another plane: axial, coronal or sagittal slices, reformatted without
 * interpolation (axis permutations and flips of the voxels, the patient geometry carried along,
 * so the spacing of each axis, hence the aspect, stays true). The acquired plane is the volume
 * itself. Coronal and sagittal slices have superior at the top; sagittal ones anterior on the
 * left; axial and coronal ones the patient's right on the left, as radiologists read them.
 */
public final class Planes {

    private Planes() {
    }

    /** A plane to see a volume in. */
    public enum Plane {
        /** As acquired. */
        ACQUIRED,
        /** Axial: feet to head, slices of constant height. */
        AXIAL,
        /** Coronal: front to back. */
        CORONAL,
        /** Sagittal: right to left. */
        SAGITTAL
    }

    /**
     * The volume in a plane.
     *
     * @param volume any volume
     * @param plane the plane
     * @return the reformatted volume (the same object for the acquired plane, or when already axial)
     */
    public static Volume of(Volume volume, Plane plane) {
        if (plane == Plane.ACQUIRED) {
            return volume;
        }
        Volume a = Reorientation.toAxial(volume);
        if (plane == Plane.AXIAL) {
            return a;
        }
        VolumeGeometry g = a.geometry();
        int nx = g.width();
        int ny = g.height();
        int nz = g.depth();
        double[] s = g.spacing();
        double[] up = negate(g.sliceDirection());
        double[] origin = g.voxelToPatient(0, 0, nz - 1);
        if (plane == Plane.CORONAL) {
            float[][] slices = new float[ny][nx * nz];
            for (int j = 0; j < ny; j++) {
                for (int r = 0; r < nz; r++) {
                    float[] from = a.slice(nz - 1 - r);
                    System.arraycopy(from, j * nx, slices[j], r * nx, nx);
                }
            }
            return new Volume(new VolumeGeometry(new int[] {nx, nz, ny}, new double[] {s[0], s[2], s[1]}, origin,
                    g.rowDirection(), up, g.columnDirection()), slices);
        }
        float[][] slices = new float[nx][ny * nz];
        for (int r = 0; r < nz; r++) {
            float[] from = a.slice(nz - 1 - r);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    slices[i][r * ny + j] = from[j * nx + i];
                }
            }
        }
        return new Volume(new VolumeGeometry(new int[] {ny, nz, nx}, new double[] {s[1], s[2], s[0]}, origin,
                g.columnDirection(), up, g.rowDirection()), slices);
    }

    private static double[] negate(double[] d) {
        return new double[] {-d[0], -d[1], -d[2]};
    }
}
