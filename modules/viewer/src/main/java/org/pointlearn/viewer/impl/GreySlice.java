package org.pointlearn.viewer.impl;

import java.util.Locale;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;

/**
 * One slice after window/level: 8-bit grey levels, row 0 first (the top of the screen),
 * column 0 first in each row (the left), with the pixel spacing that gives its aspect.
 */
public final class GreySlice {

    private final int width;
    private final int height;
    private final byte[] pixels;
    private final double columnSpacing;
    private final double rowSpacing;

    private GreySlice(int width, int height, byte[] pixels, double columnSpacing, double rowSpacing) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.columnSpacing = columnSpacing;
        this.rowSpacing = rowSpacing;
    }

    /**
     * Windows slice k of a volume.
     *
     * @param volume the volume
     * @param k the slice index, 0-based
     * @param window the display window
     * @return the grey slice
     */
    public static GreySlice of(Volume volume, int k, WindowLevel window) {
        int depth = volume.geometry().depth();
        if (k < 0 || k >= depth) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "slice %d is outside the volume's %d slices", k, depth));
        }
        float[] values = volume.slice(k);
        byte[] grey = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            grey[i] = (byte) window.grey(values[i]);
        }
        double[] spacing = volume.geometry().spacing();
        return new GreySlice(volume.geometry().width(), volume.geometry().height(), grey, spacing[0], spacing[1]);
    }

    /** Pixels per row. */
    public int width() {
        return width;
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Grey levels 0..255 (as unsigned bytes), row by row from the top; shared, do not modify. */
    public byte[] pixels() {
        return pixels;
    }

    /** Millimetres between columns. */
    public double columnSpacing() {
        return columnSpacing;
    }

    /** Millimetres between rows. */
    public double rowSpacing() {
        return rowSpacing;
    }

    /** Width of the whole slice in millimetres. */
    public double widthMm() {
        return width * columnSpacing;
    }

    /** Height of the whole slice in millimetres. */
    public double heightMm() {
        return height * rowSpacing;
    }
}
