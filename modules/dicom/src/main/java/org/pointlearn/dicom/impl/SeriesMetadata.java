package org.pointlearn.dicom.impl;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Who and what a written series is about: the patient, study and series attributes shared
 * by every slice file.
 *
 * @param patientName PatientName in DICOM form (Family^Given)
 * @param patientId PatientID
 * @param studyInstanceUid the study's identity
 * @param studyDate StudyDate as YYYYMMDD
 * @param studyTime StudyTime as HHMMSS
 * @param studyDescription StudyDescription
 * @param seriesInstanceUid the series' identity
 * @param seriesNumber SeriesNumber
 * @param seriesDescription SeriesDescription
 * @param frameOfReferenceUid the patient coordinate system the positions refer to
 */
record SeriesMetadata(String patientName, String patientId, String studyInstanceUid,
        String studyDate, String studyTime, String studyDescription, String seriesInstanceUid,
        int seriesNumber, String seriesDescription, String frameOfReferenceUid) {

    /** Metadata for a new study with one series, with fresh UIDs, dated now. */
    static SeriesMetadata newStudy(String patientName, String patientId, String studyDescription,
            String seriesDescription) {
        LocalDateTime now = LocalDateTime.now();
        return new SeriesMetadata(patientName, patientId, Uids.fresh(),
                now.format(DateTimeFormatter.BASIC_ISO_DATE), now.format(DateTimeFormatter.ofPattern("HHmmss")),
                studyDescription, Uids.fresh(), 1, seriesDescription, Uids.fresh());
    }
}
