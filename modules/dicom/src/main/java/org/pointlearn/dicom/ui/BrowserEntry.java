package org.pointlearn.dicom.ui;

import org.pointlearn.dicom.api.SeriesRef;

/**
 * What a node of the browser tree shows, and the series it opens (null for patients and studies).
 *
 * @param label the text of the node
 * @param series the series to open, or null
 */
record BrowserEntry(String label, SeriesRef series) {

    @Override
    public String toString() {
        return label;
    }
}
