package org.pointlearn.viewer.impl;

import java.util.List;
import java.util.Locale;
import org.pointlearn.imaging.api.Disk;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.inference.api.Click;

/**
 * One slice after window/level: 8-bit grey levels, row 0 first (the top of the screen),
 * column 0 first in each row (the left), with the pixel spacing that gives its aspect; and
 * optionally a segmentation drawn over it (see {@link #overlaid}).
 */
public final class GreySlice {

    /** Colour of the mask (RGB). */
    public static final int MASK = 0xffc800;
    /** Colour of positive clicks. */
    public static final int POSITIVE = 0x00e000;
    /** Colour of negative clicks. */
    public static final int NEGATIVE = 0xff2020;
    /** Colour of a proposal's dashed outline (a mask offered from an accepted neighbour slice). */
    public static final int PROPOSAL = 0x40c8ff;
    /** Colour of a DICOM segmentation's dashed outline (a SEG of the index shown over its series). */
    public static final int SEGMENTATION = 0xff8c1a;
    /** Colour of the cursor's cross in the side planes (where the other planes cut this one). */
    public static final int CURSOR = 0x40ff80;
    /** Colour of another version's dashed outline when two versions are compared. */
    public static final int COMPARISON = 0xff40ff;

    private final int width;
    private final int height;
    private final byte[] pixels;
    private final double columnSpacing;
    private final double rowSpacing;
    private final int[] overlay;

    private GreySlice(int width, int height, byte[] pixels, double columnSpacing, double rowSpacing, int[] overlay) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.columnSpacing = columnSpacing;
        this.rowSpacing = rowSpacing;
        this.overlay = overlay;
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
        return new GreySlice(volume.geometry().width(), volume.geometry().height(), grey, spacing[0], spacing[1],
                null);
    }

    /**
     * This slice with a segmentation drawn over it: the mask tinted in {@link #MASK} with its
     * outline at full strength, positive clicks as {@link #POSITIVE} dots, negative ones as
     * {@link #NEGATIVE} dots.
     *
     * @param mask the mask on this slice's grid, or null for none
     * @param clicks the clicks, in this slice's pixels
     * @return the overlaid slice
     * @throws IllegalArgumentException when the mask has another size
     */
    public GreySlice overlaid(Mask2D mask, List<Click> clicks) {
        return overlaid(mask, clicks, OverlayStyle.DEFAULT);
    }

    /**
     * This slice with a segmentation drawn over it in a style: the mask tinted in the style's
     * colour and opacity (or its outline alone) with its outline at full strength, the clicks as dots.
     *
     * @param mask the mask on this slice's grid, or null for none
     * @param clicks the clicks, in this slice's pixels
     * @param style colour, opacity, outline only
     * @return the overlaid slice
     * @throws IllegalArgumentException when the mask has another size
     */
    public GreySlice overlaid(Mask2D mask, List<Click> clicks, OverlayStyle style) {
        if (mask != null && (mask.width() != width || mask.height() != height)) {
            throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height()
                    + " but the slice is " + width + "x" + height);
        }
        int[] rgb = greyRgb();
        if (mask != null) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (mask.get(x, y)) {
                        int i = y * width + x;
                        boolean edge = edge(mask, x, y);
                        if (edge || !style.outlineOnly()) {
                            rgb[i] = blend(rgb[i], style.colour(), edge ? 1.0 : style.opacity());
                        }
                    }
                }
            }
        }
        int r = Math.max(1, Math.round(Math.min(width, height) / 100f));
        for (Click c : clicks) {
            int colour = c.positive() ? POSITIVE : NEGATIVE;
            Disk.visit(c.x(), c.y(), r, width, height, (x, y, d2) -> rgb[y * width + x] = colour);
        }
        return new GreySlice(width, height, pixels, columnSpacing, rowSpacing, rgb);
    }

    /**
     * This slice with a proposal drawn over it: only the mask's outline, dashed, in
     * {@link #PROPOSAL}, so that it is not taken for an accepted or predicted mask.
     *
     * @param proposal the proposed mask on this slice's grid
     * @throws IllegalArgumentException when the mask has another size
     */
    public GreySlice proposed(Mask2D proposal) {
        return new GreySlice(width, height, pixels, columnSpacing, rowSpacing, greyRgb()).outlined(proposal, PROPOSAL);
    }

    /**
     * This slice as drawn so far with a mask's outline added, dashed, in the given colour.
     *
     * @throws IllegalArgumentException when the mask has another size
     */
    public GreySlice outlined(Mask2D proposal, int colour) {
        if (proposal.width() != width || proposal.height() != height) {
            throw new IllegalArgumentException("the mask is " + proposal.width() + "x" + proposal.height()
                    + " but the slice is " + width + "x" + height);
        }
        int[] rgb = rgb().clone();
        int dash = Math.max(2, Math.round(Math.min(width, height) / 64f));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (proposal.get(x, y) && edge(proposal, x, y) && ((x + y) / dash) % 2 == 0) {
                    rgb[y * width + x] = colour;
                }
            }
        }
        return new GreySlice(width, height, pixels, columnSpacing, rowSpacing, rgb);
    }

    /**
     * This slice as drawn so far with a cursor's cross: a dashed line along row y and one along
     * column x, left open around the point itself so that what it points at stays visible.
     */
    public GreySlice crosshair(int x, int y, int colour) {
        int[] rgb = rgb().clone();
        int gap = Math.max(3, Math.round(Math.min(width, height) / 40f));
        int dash = Math.max(2, Math.round(Math.min(width, height) / 64f));
        for (int i = 0; i < width; i++) {
            if (Math.abs(i - x) > gap && (i / dash) % 2 == 0 && y >= 0 && y < height) {
                rgb[y * width + i] = colour;
            }
        }
        for (int j = 0; j < height; j++) {
            if (Math.abs(j - y) > gap && (j / dash) % 2 == 0 && x >= 0 && x < width) {
                rgb[j * width + x] = colour;
            }
        }
        return new GreySlice(width, height, pixels, columnSpacing, rowSpacing, rgb);
    }

    private boolean edge(Mask2D mask, int x, int y) {
        return x == 0 || y == 0 || x == width - 1 || y == height - 1 || !mask.get(x - 1, y) || !mask.get(x + 1, y)
                || !mask.get(x, y - 1) || !mask.get(x, y + 1);
    }

    private static int blend(int rgb, int colour, double alpha) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double v = ((rgb >> shift) & 0xff) * (1 - alpha) + ((colour >> shift) & 0xff) * alpha;
            out |= (int) Math.round(v) << shift;
        }
        return out;
    }

    private int[] greyRgb() {
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            int v = pixels[i] & 0xff;
            rgb[i] = (v << 16) | (v << 8) | v;
        }
        return rgb;
    }

    /**
     * What to draw: packed 0xRRGGBB per pixel, row by row from the top (the grey replicated when
     * not overlaid); the overlay is shared, do not modify.
     */
    public int[] rgb() {
        return overlay != null ? overlay : greyRgb();
    }

    /** Whether a segmentation is drawn over the grey levels. */
    public boolean isOverlaid() {
        return overlay != null;
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
