package org.pointlearn.dicom.api;

/**
 * A series in the local study index, as the browser lists it and the viewer opens it.
 *
 * @param studyInstanceUid the study it belongs to
 * @param seriesInstanceUid its DICOM identity
 * @param modality e.g. MR
 * @param description SeriesDescription, or an empty string
 * @param images number of instances indexed
 * @param incomplete whether a retrieve of it from a PACS ended before every image arrived
 */
public record SeriesRef(String studyInstanceUid, String seriesInstanceUid, String modality,
        String description, int images, boolean incomplete) {

    /** A series not known to be incomplete. */
    public SeriesRef(String studyInstanceUid, String seriesInstanceUid, String modality, String description,
            int images) {
        this(studyInstanceUid, seriesInstanceUid, modality, description, images, false);
    }
}
