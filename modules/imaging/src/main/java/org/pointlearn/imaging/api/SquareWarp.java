package org.pointlearn.imaging.api;

/**
 * A flip plus rotation, scale and shift about the centre of a square n x n grid, applied to
 * channel-major float arrays (each channel n*n values, row by row): bilinear for intensities and
 * weights, nearest neighbour for 0/1 maps. Used for augmentation in base training and in
 * Post-Interaction updates, so both transform images the same way.
 */
public final class SquareWarp {

    private final int size;
    private final double[] source;

    private SquareWarp(int size, double[] source) {
        this.size = size;
        this.source = source;
    }

    /**
     * The warp that shows, at each output pixel, the input pixel it reads from: output (x, y) is
     * flipped first, then rotated by {@code angle} and scaled by {@code scale} about the centre,
     * shifted by (tx, ty).
     *
     * @param size side of the grid
     * @param angle rotation in radians
     * @param scale zoom factor (above 1 enlarges)
     * @param tx shift in pixels along x
     * @param ty shift in pixels along y
     * @param flipX mirror left-right
     * @param flipY mirror top-bottom
     * @return the warp
     */
    public static SquareWarp of(int size, double angle, double scale, double tx, double ty, boolean flipX,
            boolean flipY) {
        if (size < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("warp needs a grid of at least 1 pixel and a positive scale, got "
                    + size + " and " + scale);
        }
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = (size - 1) / 2.0;
        double[] map = new double[2 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (flipX ? size - 1 - x : x) - c - tx;
                double dy = (flipY ? size - 1 - y : y) - c - ty;
                int o = 2 * (y * size + x);
                map[o] = c + cos * dx + sin * dy;
                map[o + 1] = c - sin * dx + cos * dy;
            }
        }
        return new SquareWarp(size, map);
    }

    /** Every channel warped with bilinear interpolation; outside the grid reads the nearest edge value. */
    public float[] bilinear(float[] data) {
        return warp(data, false);
    }

    /** Every channel warped by nearest neighbour; outside the grid reads 0. */
    public float[] nearest(float[] data) {
        return warp(data, true);
    }

    private float[] warp(float[] data, boolean nearest) {
        int n = size * size;
        if (data.length % n != 0) {
            throw new IllegalArgumentException(data.length + " values are not whole channels of " + size + "x" + size);
        }
        float[] out = new float[data.length];
        for (int ch = 0; ch < data.length / n; ch++) {
            for (int i = 0; i < n; i++) {
                double sx = source[2 * i];
                double sy = source[2 * i + 1];
                out[ch * n + i] = nearest ? nearest(data, ch * n, sx, sy) : bilinear(data, ch * n, sx, sy);
            }
        }
        return out;
    }

    private float nearest(float[] d, int offset, double x, double y) {
        int ix = (int) Math.round(x);
        int iy = (int) Math.round(y);
        return ix >= 0 && iy >= 0 && ix < size && iy < size ? d[offset + iy * size + ix] : 0f;
    }

    private float bilinear(float[] d, int offset, double x, double y) {
        x = Math.min(Math.max(x, 0), size - 1);
        y = Math.min(Math.max(y, 0), size - 1);
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, size - 1);
        int y1 = Math.min(y0 + 1, size - 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = d[offset + y0 * size + x0] * (1 - fx) + d[offset + y0 * size + x1] * fx;
        float bottom = d[offset + y1 * size + x0] * (1 - fx) + d[offset + y1 * size + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
