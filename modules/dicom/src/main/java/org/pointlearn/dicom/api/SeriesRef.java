package org.pointlearn.dicom.api;

/**
 * A series in the local study index, as the browser lists it and the viewer opens it.
 *
 * @param studyInstanceUid the study it belongs to
 * @param seriesInstanceUid its DICOM identity
 * @param modality e.g. MR
 * @param description SeriesDescription, or an empty string
 * @param images number of instances indexed
 */
public record SeriesRef(String studyInstanceUid, String seriesInstanceUid, String modality,
        String description, int images) {
}
