package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * The header attributes of one DICOM image file that the study index keeps. Absent
 * attributes are empty strings (or 0 for numbers).
 *
 * @param file where the instance is stored
 * @param patient the patient attributes
 * @param study the study attributes
 * @param series the series attributes
 * @param sopInstanceUid the instance's identity
 * @param sopClassUid what kind of object it is
 * @param transferSyntaxUid how its data set is encoded
 * @param instanceNumber InstanceNumber
 * @param rows Rows
 * @param columns Columns
 * @param imagePosition ImagePositionPatient as stored (backslash-separated)
 * @param imageOrientation ImageOrientationPatient as stored (backslash-separated)
 */
record InstanceHeader(Path file, Patient patient, Study study, Series series, String sopInstanceUid,
        String sopClassUid, String transferSyntaxUid, int instanceNumber, int rows, int columns,
        String imagePosition, String imageOrientation) {

    /**
     * @param id PatientID
     * @param name PatientName
     * @param birthDate PatientBirthDate as YYYYMMDD
     * @param sex PatientSex
     */
    record Patient(String id, String name, String birthDate, String sex) {
    }

    /**
     * @param instanceUid StudyInstanceUID
     * @param date StudyDate as YYYYMMDD
     * @param time StudyTime as HHMMSS.FFFFFF
     * @param description StudyDescription
     * @param accessionNumber AccessionNumber
     */
    record Study(String instanceUid, String date, String time, String description, String accessionNumber) {
    }

    /**
     * @param instanceUid SeriesInstanceUID
     * @param modality Modality
     * @param number SeriesNumber
     * @param description SeriesDescription
     * @param frameOfReferenceUid FrameOfReferenceUID
     */
    record Series(String instanceUid, String modality, int number, String description, String frameOfReferenceUid) {
    }
}
