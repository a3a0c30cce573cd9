package org.pointlearn.imaging.api;

import java.util.Arrays;

/**
 * Where a voxel grid sits in the patient: size, spacing, origin and axis directions, all
 * in DICOM patient coordinates (LPS, millimetres). Voxel (i, j, k) is column i, row j of
 * slice k; its centre is {@code origin + i*sx*rowDir + j*sy*colDir + k*sz*sliceDir}.
 */
public final class VolumeGeometry {

    private final int[] size;
    private final double[] spacing;
    private final double[] origin;
    private final double[] rowDir;
    private final double[] colDir;
    private final double[] sliceDir;

    /**
     * @param size voxels along i, j, k
     * @param spacing millimetres between voxel centres along i, j, k
     * @param origin patient position of voxel (0, 0, 0)
     * @param rowDir unit direction of increasing i (DICOM ImageOrientationPatient, first half)
     * @param colDir unit direction of increasing j (ImageOrientationPatient, second half)
     * @param sliceDir unit direction of increasing k
     */
    public VolumeGeometry(int[] size, double[] spacing, double[] origin,
            double[] rowDir, double[] colDir, double[] sliceDir) {
        this.size = check(size.clone(), 3);
        this.spacing = check(spacing.clone(), 3);
        this.origin = check(origin.clone(), 3);
        this.rowDir = unit(rowDir);
        this.colDir = unit(colDir);
        this.sliceDir = unit(sliceDir);
        for (int i = 0; i < 3; i++) {
            if (size[i] < 1 || !(spacing[i] > 0)) {
                throw new IllegalArgumentException("size and spacing must be positive: "
                        + Arrays.toString(size) + " " + Arrays.toString(spacing));
            }
        }
    }

    /** Axial geometry with identity directions, for images without a patient frame. */
    public static VolumeGeometry axial(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new VolumeGeometry(new int[] {nx, ny, nz}, new double[] {sx, sy, sz}, new double[3],
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});
    }

    /** Columns per slice. */
    public int width() {
        return size[0];
    }

    /** Rows per slice. */
    public int height() {
        return size[1];
    }

    /** Number of slices. */
    public int depth() {
        return size[2];
    }

    /** Voxels along i, j, k. */
    public int[] size() {
        return size.clone();
    }

    /** Millimetres between voxel centres along i, j, k. */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Patient position (LPS mm) of voxel (0, 0, 0). */
    public double[] origin() {
        return origin.clone();
    }

    /** Unit direction of increasing column index i. */
    public double[] rowDirection() {
        return rowDir.clone();
    }

    /** Unit direction of increasing row index j. */
    public double[] columnDirection() {
        return colDir.clone();
    }

    /** Unit direction of increasing slice index k. */
    public double[] sliceDirection() {
        return sliceDir.clone();
    }

    /** Patient position (LPS mm) of the centre of voxel (i, j, k); indices may be fractional. */
    public double[] voxelToPatient(double i, double j, double k) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = origin[a] + i * spacing[0] * rowDir[a] + j * spacing[1] * colDir[a] + k * spacing[2] * sliceDir[a];
        }
        return p;
    }

    /** Continuous voxel index (i, j, k) of a patient position (LPS mm). */
    public double[] patientToVoxel(double[] p) {
        double[] d = {p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]};
        // Solve d = M * idx with M's columns spacing-scaled directions (not assumed orthogonal).
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
            m[a][0] = rowDir[a] * spacing[0];
            m[a][1] = colDir[a] * spacing[1];
            m[a][2] = sliceDir[a] * spacing[2];
        }
        return solve3(m, d);
    }

    /** The patient position of the first voxel of slice k (DICOM ImagePositionPatient). */
    public double[] slicePosition(int k) {
        return voxelToPatient(0, 0, k);
    }

    private static double[] solve3(double[][] m, double[] b) {
        double det = det3(m);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("degenerate geometry: axes are not independent");
        }
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] mc = new double[3][];
            for (int r = 0; r < 3; r++) {
                mc[r] = m[r].clone();
                mc[r][c] = b[r];
            }
            x[c] = det3(mc) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[] unit(double[] v) {
        check(v, 3);
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (!(n > 0)) {
            throw new IllegalArgumentException("direction has no length");
        }
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private static <T> T check(T array, int n) {
        if (java.lang.reflect.Array.getLength(array) != n) {
            throw new IllegalArgumentException("expected " + n + " components");
        }
        return array;
    }

    @Override
    public String toString() {
        return "VolumeGeometry" + Arrays.toString(size) + " spacing " + Arrays.toString(spacing)
                + " origin " + Arrays.toString(origin);
    }
}
