package org.pointlearn.dicom.impl;

import org.pointlearn.imaging.api.Volume;

/**
 * How real-world voxel values map onto 16-bit unsigned stored pixels:
 * {@code value = stored * slope + intercept} (DICOM RescaleSlope/RescaleIntercept).
 *
 * @param slope RescaleSlope, positive
 * @param intercept RescaleIntercept
 */
record PixelScaling(double slope, double intercept) {

    private static final int MAX_STORED = 0xffff;

    /**
     * The scaling that stores a volume's values: exact (slope 1) when they are whole
     * numbers spanning at most 65536 levels, else a linear fit of the range onto 0..65535.
     */
    static PixelScaling of(Volume volume) {
        float[] range = volume.range();
        double lo = range[0];
        double hi = range[1];
        if (wholeNumbers(volume) && hi - lo <= MAX_STORED) {
            return new PixelScaling(1, lo >= 0 && hi <= MAX_STORED ? 0 : lo);
        }
        return new PixelScaling(hi > lo ? (hi - lo) / MAX_STORED : 1, lo);
    }

    /** Whether stored values equal real-world values, so no rescale needs to be written. */
    boolean isIdentity() {
        return slope == 1 && intercept == 0;
    }

    /** The stored pixel of a value, clamped to 0..65535. */
    int stored(float value) {
        long s = Math.round((value - intercept) / slope);
        return (int) Math.max(0, Math.min(MAX_STORED, s));
    }

    private static boolean wholeNumbers(Volume volume) {
        for (int k = 0; k < volume.geometry().depth(); k++) {
            for (float v : volume.slice(k)) {
                if (v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
