package org.pointlearn.adaptation.api;

/**
 * The series a session segments: what its accepted masks and its journal are kept under.
 *
 * @param studyUid the Study Instance UID, or null
 * @param seriesUid the Series Instance UID, or null for a series kept in memory only (nothing on disk)
 * @param title the series' name as shown, which names its images in the model's lineage
 */
public record SeriesKey(String studyUid, String seriesUid, String title) {

    /** A series kept in memory only. */
    public static SeriesKey inMemory(String title) {
        return new SeriesKey(null, null, title);
    }

    /** Whether its accepted masks and journal are kept on disk. */
    public boolean onDisk() {
        return seriesUid != null;
    }
}
