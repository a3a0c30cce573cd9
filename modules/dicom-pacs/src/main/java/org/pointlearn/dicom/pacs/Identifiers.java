package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyMatch;
import org.pointlearn.dicom.api.StudyQuery;

/** The identifiers (query keys) of C-FIND, C-GET and C-MOVE requests, and the matches read back. */
final class Identifiers {

    private Identifiers() {
    }

    /** Study-level C-FIND keys: the filters, plus empty return keys. */
    static AttributeList studyQuery(StudyQuery q) throws DicomException {
        AttributeList id = new AttributeList();
        put(id, TagFromName.QueryRetrieveLevel, "STUDY");
        put(id, TagFromName.StudyInstanceUID, "");
        put(id, TagFromName.PatientName, q.patientName());
        put(id, TagFromName.PatientID, q.patientId());
        put(id, TagFromName.StudyDate, q.dateRange());
        put(id, TagFromName.ModalitiesInStudy, q.modality());
        put(id, TagFromName.AccessionNumber, q.accessionNumber());
        put(id, TagFromName.StudyDescription, "");
        put(id, TagFromName.NumberOfStudyRelatedInstances, "");
        return id;
    }

    /** Series-level C-FIND keys for one study. */
    static AttributeList seriesQuery(String studyInstanceUid) throws DicomException {
        AttributeList id = new AttributeList();
        put(id, TagFromName.QueryRetrieveLevel, "SERIES");
        put(id, TagFromName.StudyInstanceUID, studyInstanceUid);
        put(id, TagFromName.SeriesInstanceUID, "");
        put(id, TagFromName.Modality, "");
        put(id, TagFromName.SeriesNumber, "");
        put(id, TagFromName.SeriesDescription, "");
        put(id, TagFromName.NumberOfSeriesRelatedInstances, "");
        return id;
    }

    /** C-GET/C-MOVE keys for a study, or for one series when {@code seriesInstanceUid} is not empty. */
    static AttributeList retrieve(String studyInstanceUid, String seriesInstanceUid) throws DicomException {
        AttributeList id = new AttributeList();
        boolean series = !seriesInstanceUid.isEmpty();
        put(id, TagFromName.QueryRetrieveLevel, series ? "SERIES" : "STUDY");
        put(id, TagFromName.StudyInstanceUID, studyInstanceUid);
        if (series) {
            put(id, TagFromName.SeriesInstanceUID, seriesInstanceUid);
        }
        return id;
    }

    static StudyMatch study(AttributeList r) {
        return new StudyMatch(text(r, TagFromName.StudyInstanceUID), text(r, TagFromName.PatientName),
                text(r, TagFromName.PatientID), text(r, TagFromName.StudyDate), text(r, TagFromName.StudyDescription),
                text(r, TagFromName.AccessionNumber),
                Attribute.getDelimitedStringValuesOrEmptyString(r, TagFromName.ModalitiesInStudy),
                Attribute.getSingleIntegerValueOrDefault(r, TagFromName.NumberOfStudyRelatedInstances, -1));
    }

    static SeriesMatch series(AttributeList r) {
        return new SeriesMatch(text(r, TagFromName.StudyInstanceUID), text(r, TagFromName.SeriesInstanceUID),
                text(r, TagFromName.Modality), Attribute.getSingleIntegerValueOrDefault(r, TagFromName.SeriesNumber, 0),
                text(r, TagFromName.SeriesDescription),
                Attribute.getSingleIntegerValueOrDefault(r, TagFromName.NumberOfSeriesRelatedInstances, -1));
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        if (!value.isEmpty()) {
            a.addValue(value);
        }
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }
}
