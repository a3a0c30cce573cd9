package org.pointlearn.dicom.ui;

import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;

/**
 * What a node of the browser tree shows, and what it stands for.
 *
 * @param label the text of the node
 * @param study the study of a study or series node, null for patients
 * @param series the series to open, null for patients and studies
 */
record BrowserEntry(String label, IndexedStudy study, SeriesRef series) {

    @Override
    public String toString() {
        return label;
    }
}
