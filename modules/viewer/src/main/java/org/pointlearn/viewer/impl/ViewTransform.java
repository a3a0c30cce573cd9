package org.pointlearn.viewer.impl;

/**
 * Zoom and pan of a slice view, the same for both renderers.
 *
 * @param zoom magnification over the size that fits the whole slice (1 = fit)
 * @param panXmm the slice point shown at the view's centre, millimetres right of the slice's centre
 * @param panYmm the same, millimetres below the slice's centre
 */
public record ViewTransform(double zoom, double panXmm, double panYmm) {

    /** The whole slice, centred. */
    public static final ViewTransform FIT = new ViewTransform(1, 0, 0);

    /** Checks the zoom. */
    public ViewTransform {
        if (!(zoom > 0) || !Double.isFinite(panXmm) || !Double.isFinite(panYmm)) {
            throw new IllegalArgumentException("zoom must be positive and the pan finite");
        }
    }
}
