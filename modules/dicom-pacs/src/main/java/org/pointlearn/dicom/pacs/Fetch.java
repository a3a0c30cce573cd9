package org.pointlearn.dicom.pacs;

import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/** One way of bringing a study or series from a node into a local folder (C-GET, C-MOVE, WADO-RS). */
interface Fetch {

    /**
     * Fetches the instances; files that arrive are reported to {@code received} as they come.
     *
     * @param seriesInstanceUid the series, or empty for the whole study
     * @throws PacsException when the node refused, broke off, reported failure or the deadline passed
     */
    void fetch(PacsNode node, String studyInstanceUid, String seriesInstanceUid, ReceivedFiles received)
            throws PacsException;
}
