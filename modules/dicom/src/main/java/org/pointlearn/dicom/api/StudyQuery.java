package org.pointlearn.dicom.api;

/**
 * Filters of a study query; empty strings match everything.
 *
 * @param patientName PatientName, with wildcards {@code *} and {@code ?} (e.g. {@code Smith*})
 * @param patientId PatientID
 * @param dateFrom first StudyDate as YYYYMMDD, or empty
 * @param dateTo last StudyDate as YYYYMMDD, or empty
 * @param modality a modality the study contains, e.g. MR
 * @param accessionNumber AccessionNumber
 */
public record StudyQuery(String patientName, String patientId, String dateFrom, String dateTo, String modality,
        String accessionNumber) {

    /** A query that matches every study. */
    public static final StudyQuery ALL = new StudyQuery("", "", "", "", "", "");

    /** Replaces nulls with empty strings and checks the dates. */
    public StudyQuery {
        patientName = blankIfNull(patientName);
        patientId = blankIfNull(patientId);
        dateFrom = date(dateFrom, "first study date");
        dateTo = date(dateTo, "last study date");
        modality = blankIfNull(modality);
        accessionNumber = blankIfNull(accessionNumber);
    }

    /** The StudyDate matching key: a single date, a range, an open range, or empty. */
    public String dateRange() {
        if (dateFrom.isEmpty() && dateTo.isEmpty()) {
            return "";
        }
        return dateFrom.equals(dateTo) ? dateFrom : dateFrom + "-" + dateTo;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s.strip();
    }

    private static String date(String s, String what) {
        String d = blankIfNull(s);
        if (!d.isEmpty() && !d.matches("\\d{8}")) {
            throw new IllegalArgumentException("The " + what + " must be written YYYYMMDD, not \"" + d + "\"");
        }
        return d;
    }
}
