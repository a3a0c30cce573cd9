package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * An instance as the index stores it, with the plane attributes kept from its header.
 *
 * @param file where it is stored
 * @param position ImagePositionPatient as stored (backslash-separated), or empty
 * @param orientation ImageOrientationPatient as stored (backslash-separated), or empty
 */
record IndexedInstance(Path file, String position, String orientation) {

    /** The numbers of a backslash-separated value, or null when it does not hold exactly {@code count}. */
    static double[] numbers(String value, int count) {
        String[] parts = value.isBlank() ? new String[0] : value.split("\\\\");
        if (parts.length != count) {
            return null;
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }
}
