package org.pointlearn.dicom.api;

import java.util.List;

/**
 * A study in the index with its patient and series, as the browser shows it.
 *
 * @param patientName PatientName in DICOM form (Family^Given), or empty
 * @param patientId PatientID, or empty
 * @param studyInstanceUid its identity
 * @param studyDate StudyDate as YYYYMMDD, or empty
 * @param description StudyDescription, or empty
 * @param series its series
 */
public record IndexedStudy(String patientName, String patientId, String studyInstanceUid,
        String studyDate, String description, List<SeriesRef> series) {
}
