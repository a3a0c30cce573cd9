package org.pointlearn.dicom.api;

/**
 * A study a PACS reported for a query.
 *
 * @param studyInstanceUid its identity
 * @param patientName PatientName
 * @param patientId PatientID
 * @param studyDate StudyDate (YYYYMMDD) or empty
 * @param description StudyDescription or empty
 * @param accessionNumber AccessionNumber or empty
 * @param modalities ModalitiesInStudy, backslash-separated, or empty
 * @param instances NumberOfStudyRelatedInstances, or -1 when the PACS did not say
 */
public record StudyMatch(String studyInstanceUid, String patientName, String patientId, String studyDate,
        String description, String accessionNumber, String modalities, int instances) {
}
