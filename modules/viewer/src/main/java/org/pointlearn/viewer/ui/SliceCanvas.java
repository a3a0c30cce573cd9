package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.util.List;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.ViewTransform;

/**
 * A surface showing one windowed slice, fitted to its size with the aspect of the pixel
 * spacing (then zoomed and panned), row 0 at the top and column 0 at the left, with a caption in the lower left.
 * Used on the event thread only.
 */
interface SliceCanvas {

    /** The component to place in a window; it receives the mouse wheel and keys. */
    Component component();

    /**
     * Shows a slice.
     *
     * @param slice the windowed slice
     * @param caption lines drawn in the lower-left corner, first line on top
     */
    default void show(GreySlice slice, List<String> caption) {
        show(slice, caption, ViewTransform.FIT);
    }

    /**
     * Shows a slice zoomed and panned.
     *
     * @param slice the windowed slice
     * @param caption lines drawn in the lower-left corner, first line on top
     * @param view zoom and pan
     */
    void show(GreySlice slice, List<String> caption, ViewTransform view);

    /**
     * The patient directions to write at the edges of the slices shown from now on (drawn with
     * the next {@link #show}).
     */
    void orient(org.pointlearn.viewer.impl.Orientation edges);

    /** Lines about the patient and the series to write at the top left (none: nothing), from the next {@link #show}. */
    void annotate(List<String> topLeft);

    /**
     * The slice pixel under a point of the component.
     *
     * @param x component x
     * @param y component y
     * @return {column, row} of the slice shown, or null outside it or when nothing is shown
     */
    int[] pixelAt(int x, int y);
}
