package org.pointlearn.dicom.api;

/**
 * A series a PACS reported for a study.
 *
 * @param studyInstanceUid the study
 * @param seriesInstanceUid its identity
 * @param modality Modality
 * @param seriesNumber SeriesNumber, or 0
 * @param description SeriesDescription or empty
 * @param instances NumberOfSeriesRelatedInstances, or -1 when the PACS did not say
 */
public record SeriesMatch(String studyInstanceUid, String seriesInstanceUid, String modality, int seriesNumber,
        String description, int instances) {
}
