package org.pointlearn.dicom.api;

/**
 * Opens a series for viewing. Implemented by the viewer and found through the default
 * Lookup, so the browser can open a series without depending on the viewer.
 */
public interface SeriesOpener {

    /** Opens the series (loading off the event thread); called on the event thread. */
    void open(SeriesRef series);
}
