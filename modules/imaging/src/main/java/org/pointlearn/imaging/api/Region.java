package org.pointlearn.imaging.api;

import java.util.List;

/**
 * A rectangle of an image in pixel units: pixel (i, j) covers [i, i+1) x [j, j+1), so the
 * whole of a w x h image is (0, 0, w, h). A region may reach past the image's edges (a crop
 * centred near a border); what lies outside has no image values.
 *
 * @param x left edge
 * @param y top edge
 * @param width extent along x, positive
 * @param height extent along y, positive
 */
public record Region(double x, double y, double width, double height) {

    /** Checks the extents. */
    public Region {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("not a region: " + x + ", " + y + ", " + width + " x " + height);
        }
    }

    /** The whole of a w x h image. */
    public static Region whole(int w, int h) {
        return new Region(0, 0, w, h);
    }

    /** A square of the given side centred on a point (pixel coordinates of its centre: i + 0.5). */
    public static Region square(double centreX, double centreY, double side) {
        return new Region(centreX - side / 2, centreY - side / 2, side, side);
    }

    /**
     * The smallest square holding a set of pixels, grown by a factor around its centre, at
     * least {@code minSide} wide.
     *
     * @param pixels {x, y} pixel indices
     * @return null when there are no pixels
     */
    public static Region squareAround(List<int[]> pixels, double grow, double minSide) {
        if (pixels.isEmpty()) {
            return null;
        }
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int[] p : pixels) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0] + 1);
            y1 = Math.max(y1, p[1] + 1);
        }
        double side = Math.max(minSide, grow * Math.max(x1 - x0, y1 - y0));
        return square((x0 + x1) / 2.0, (y0 + y1) / 2.0, side);
    }

    /** Right edge. */
    public double right() {
        return x + width;
    }

    /** Bottom edge. */
    public double bottom() {
        return y + height;
    }

    /** Whether a pixel's centre lies inside. */
    public boolean containsPixel(int px, int py) {
        double cx = px + 0.5;
        double cy = py + 0.5;
        return cx >= x && cx < right() && cy >= y && cy < bottom();
    }

    /** Whether this region covers the whole of a w x h image. */
    public boolean covers(int w, int h) {
        return x <= 0 && y <= 0 && right() >= w && bottom() >= h;
    }

    /** The same centre, each side times the factor. */
    public Region scaled(double factor) {
        double w = width * factor;
        double h = height * factor;
        return new Region(x + (width - w) / 2, y + (height - h) / 2, w, h);
    }

    /** Continuous grid coordinate (pixel centres at i) of a source x on a grid of n columns over this region. */
    public double gridX(double sourceX, int n) {
        return (sourceX + 0.5 - x) * n / width - 0.5;
    }

    /** Continuous grid coordinate of a source y on a grid of n rows over this region. */
    public double gridY(double sourceY, int n) {
        return (sourceY + 0.5 - y) * n / height - 0.5;
    }
}
