package org.pointlearn.dicom.api;

import java.nio.file.Path;
import java.util.List;
import org.openide.util.Lookup;

/**
 * Talks to PACS nodes: connection test, study and series queries, retrieval into the local
 * study index. Every call blocks (call off the event thread) and ends by its deadline.
 */
public interface PacsService {

    /** The workstation's PACS client. */
    static PacsService getDefault() {
        return Lookup.getDefault().lookup(PacsService.class);
    }

    /**
     * Tests the connection with a C-ECHO.
     *
     * @throws PacsException saying in words why it failed (refused AE, unreachable, timeout)
     */
    void echo(PacsNode node) throws PacsException;

    /**
     * Finds studies (C-FIND, study root, study level).
     *
     * @throws PacsException when the query fails
     */
    List<StudyMatch> findStudies(PacsNode node, StudyQuery query) throws PacsException;

    /**
     * Finds the series of a study (C-FIND, series level).
     *
     * @throws PacsException when the query fails
     */
    List<SeriesMatch> findSeries(PacsNode node, String studyInstanceUid) throws PacsException;

    /**
     * Retrieves a study, or one series of it, into the local index with the node's retrieve
     * method. What arrived before a failure stays indexed; the result says whether the
     * retrieve was complete. Cancelling through the monitor stops between files.
     *
     * @param seriesInstanceUid the series, or empty for the whole study
     * @throws PacsException when nothing could be retrieved (refused, unreachable, timeout)
     */
    RetrieveResult retrieve(PacsNode node, String studyInstanceUid, String seriesInstanceUid, ImportMonitor monitor)
            throws PacsException;

    /**
     * Sends one DICOM file (e.g. an exported SEG) to a node with C-STORE.
     *
     * @throws PacsException when the node refused or the transfer failed
     */
    void store(PacsNode node, Path file) throws PacsException;
}
