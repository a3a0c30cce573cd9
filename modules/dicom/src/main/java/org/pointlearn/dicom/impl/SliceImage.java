package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * One decoded image of a series: its plane in the patient and its real-world values.
 *
 * @param file where it was read from
 * @param frame the frame number (1-based) in a multi-frame file, or 0 for a single-frame file
 * @param rows Rows
 * @param columns Columns
 * @param orientation ImageOrientationPatient (row direction, then column direction), or null
 * @param position ImagePositionPatient of the first pixel, or null
 * @param pixelSpacing PixelSpacing (between rows, between columns), or null
 * @param sliceThickness SliceThickness, or 0
 * @param spacingBetweenSlices SpacingBetweenSlices, or 0
 * @param instanceNumber InstanceNumber, or 0
 * @param values rows x columns values after rescale, row by row
 */
record SliceImage(Path file, int frame, int rows, int columns, double[] orientation, double[] position,
        double[] pixelSpacing, double sliceThickness, double spacingBetweenSlices, int instanceNumber,
        float[] values) {

    /** Whether the image says where it lies in the patient. */
    boolean hasPlane() {
        return orientation != null && position != null;
    }

    /** Unit direction along a row (increasing column index). */
    double[] rowDirection() {
        return new double[] {orientation[0], orientation[1], orientation[2]};
    }

    /** Unit direction along a column (increasing row index). */
    double[] columnDirection() {
        return new double[] {orientation[3], orientation[4], orientation[5]};
    }

    /** The file name (and frame number), for messages. */
    String name() {
        return frame == 0 ? file.getFileName().toString() : file.getFileName() + " frame " + frame;
    }
}
