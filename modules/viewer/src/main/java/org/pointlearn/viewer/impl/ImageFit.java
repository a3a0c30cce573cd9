package org.pointlearn.viewer.impl;

import java.awt.geom.Rectangle2D;

/**
 * Fits a slice of a given physical size into a display area, keeping its aspect ratio and
 * centring it: the same placement for both renderers.
 */
public final class ImageFit {

    private ImageFit() {
    }

    /**
     * Where the slice goes in the area.
     *
     * @param widthMm slice width in millimetres
     * @param heightMm slice height in millimetres
     * @param areaWidth area width in pixels
     * @param areaHeight area height in pixels
     * @return the slice's rectangle in area pixels
     */
    public static Rectangle2D.Double fit(double widthMm, double heightMm, int areaWidth, int areaHeight) {
        return place(widthMm, heightMm, areaWidth, areaHeight, ViewTransform.FIT);
    }

    /**
     * Where the slice goes in the area under a zoom and pan: the fitted size times the zoom,
     * with the slice point {@code pan} (millimetres from the slice's centre) at the area's centre.
     *
     * @param widthMm slice width in millimetres
     * @param heightMm slice height in millimetres
     * @param areaWidth area width in pixels
     * @param areaHeight area height in pixels
     * @param view zoom and pan
     * @return the slice's rectangle in area pixels
     */
    public static Rectangle2D.Double place(double widthMm, double heightMm, int areaWidth, int areaHeight,
            ViewTransform view) {
        double scale = pixelsPerMm(widthMm, heightMm, areaWidth, areaHeight, view.zoom());
        double w = widthMm * scale;
        double h = heightMm * scale;
        return new Rectangle2D.Double(areaWidth / 2.0 - (widthMm / 2 + view.panXmm()) * scale,
                areaHeight / 2.0 - (heightMm / 2 + view.panYmm()) * scale, w, h);
    }

    /** Screen pixels per millimetre of the slice at a zoom (1 = the whole slice fits). */
    public static double pixelsPerMm(double widthMm, double heightMm, int areaWidth, int areaHeight, double zoom) {
        return zoom * Math.min(Math.max(1, areaWidth) / widthMm, Math.max(1, areaHeight) / heightMm);
    }

    /**
     * Half the visible height in millimetres for a parallel-projection camera that shows
     * the whole slice (VTK's parallel scale).
     *
     * @param widthMm slice width in millimetres
     * @param heightMm slice height in millimetres
     * @param areaWidth area width in pixels
     * @param areaHeight area height in pixels
     * @return the parallel scale
     */
    public static double parallelScale(double widthMm, double heightMm, int areaWidth, int areaHeight) {
        double areaAspect = (double) Math.max(1, areaWidth) / Math.max(1, areaHeight);
        return Math.max(heightMm, widthMm / areaAspect) / 2;
    }

    /**
     * The slice pixel under a point of the display area, for the placement of {@link #fit}.
     *
     * @param widthMm slice width in millimetres
     * @param heightMm slice height in millimetres
     * @param areaWidth area width in pixels
     * @param areaHeight area height in pixels
     * @param columns the slice's columns
     * @param rows the slice's rows
     * @param x area x
     * @param y area y
     * @return {column, row}, or null when the point is outside the slice
     */
    public static int[] pixelAt(double widthMm, double heightMm, int areaWidth, int areaHeight, int columns, int rows,
            int x, int y) {
        return pixelAt(widthMm, heightMm, areaWidth, areaHeight, columns, rows, x, y, ViewTransform.FIT);
    }

    /** The slice pixel under a point of the display area, for the placement of {@link #place}; null outside. */
    public static int[] pixelAt(double widthMm, double heightMm, int areaWidth, int areaHeight, int columns, int rows,
            int x, int y, ViewTransform view) {
        Rectangle2D.Double r = place(widthMm, heightMm, areaWidth, areaHeight, view);
        double u = (x + 0.5 - r.x) / r.width;
        double v = (y + 0.5 - r.y) / r.height;
        if (u < 0 || v < 0 || u >= 1 || v >= 1) {
            return null;
        }
        return new int[] {(int) (u * columns), (int) (v * rows)};
    }
}
