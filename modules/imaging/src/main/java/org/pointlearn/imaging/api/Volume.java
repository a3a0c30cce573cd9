package org.pointlearn.imaging.api;

/**
 * A scalar image volume: real-world values (after any rescale) as floats, one array per
 * slice, placed in the patient by its {@link VolumeGeometry}.
 */
public final class Volume {

    private final VolumeGeometry geometry;
    private final float[][] slices;

    /**
     * @param geometry where the voxels sit
     * @param slices one array of width*height values per slice, row by row
     */
    public Volume(VolumeGeometry geometry, float[][] slices) {
        if (slices.length != geometry.depth()) {
            throw new IllegalArgumentException("expected " + geometry.depth() + " slices, got " + slices.length);
        }
        int n = geometry.width() * geometry.height();
        for (float[] s : slices) {
            if (s.length != n) {
                throw new IllegalArgumentException("every slice needs " + n + " values");
            }
        }
        this.geometry = geometry;
        this.slices = slices;
    }

    /** Where the voxels sit in the patient. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** The values of slice k, row by row; the array is shared, do not modify it. */
    public float[] slice(int k) {
        return slices[k];
    }

    /** Value at column i, row j, slice k. */
    public float value(int i, int j, int k) {
        return slices[k][j * geometry.width() + i];
    }

    /** Smallest and largest value in the volume. */
    public float[] range() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] s : slices) {
            for (float v : s) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new float[] {lo, hi};
    }
}
