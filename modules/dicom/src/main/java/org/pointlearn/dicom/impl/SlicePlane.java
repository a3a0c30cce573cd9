package org.pointlearn.dicom.impl;

import org.pointlearn.imaging.api.VolumeGeometry;

/** Vector arithmetic of image planes: the slice normal of an ImageOrientationPatient. */
final class SlicePlane {

    private SlicePlane() {
    }

    /** The unit normal of slices with these row and column directions (row x column). */
    static double[] normal(double[] row, double[] column) {
        double[] n = {
            row[1] * column[2] - row[2] * column[1],
            row[2] * column[0] - row[0] * column[2],
            row[0] * column[1] - row[1] * column[0]};
        double length = Math.sqrt(dot(n, n));
        return new double[] {n[0] / length, n[1] / length, n[2] / length};
    }

    /** The unit normal of a volume's slices. */
    static double[] normal(VolumeGeometry geometry) {
        return normal(geometry.rowDirection(), geometry.columnDirection());
    }

    /** Scalar product of two 3-vectors. */
    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
