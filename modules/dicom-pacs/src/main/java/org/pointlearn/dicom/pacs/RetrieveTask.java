package org.pointlearn.dicom.pacs;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveResult;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyIndex;

/**
 * One retrieve: counts what the node announces, fetches into a staging folder of the
 * store, and indexes whatever arrived, also after a failure, so a retry only adds the rest.
 */
final class RetrieveTask {

    private static final Logger LOG = Logger.getLogger(RetrieveTask.class.getName());

    private final StudyIndex index;
    private final SeriesSearch query;
    private final Fetch fetch;

    /**
     * @param index where retrieved instances go
     * @param query to count what the node holds (C-FIND or QIDO-RS)
     * @param fetch the node's retrieve method
     */
    RetrieveTask(StudyIndex index, SeriesSearch query, Fetch fetch) {
        this.index = index;
        this.query = query;
        this.fetch = fetch;
    }

    /**
     * Runs the retrieve.
     *
     * @throws PacsException when nothing arrived because the node failed
     * @throws DicomException when the store or the index cannot be written
     */
    RetrieveResult run(PacsNode node, String study, String series, ImportMonitor monitor) throws DicomException {
        List<SeriesMatch> announced = announced(node, study, series);
        Path folder = index.newStagingFolder();
        ReceivedFiles received = new ReceivedFiles(folder, monitor);
        PacsException failure = null;
        try {
            fetch.fetch(node, study, series, received);
        } catch (PacsException e) {
            failure = e;
            LOG.log(Level.INFO, "Retrieve from " + node.describe() + " ended early after " + received.count()
                    + " images", e);
        }
        ImportResult imported = index.importStaged(folder, ImportMonitor.SILENT);
        if (received.count() == 0 && failure != null) {
            throw failure;
        }
        boolean allSeriesComplete = true;
        for (SeriesMatch match : announced) {
            allSeriesComplete &= index.recordRetrieved(match.seriesInstanceUid(), match.instances());
        }
        int expected = announced.isEmpty() ? -1 : announced.stream().mapToInt(SeriesMatch::instances).sum();
        boolean complete = failure == null && allSeriesComplete;
        String problem = failure != null ? failure.getMessage()
                : complete ? "" : "only " + received.count() + " of " + expected + " images arrived";
        return new RetrieveResult(expected, received.count(), imported, complete, problem);
    }

    /**
     * The series the node announces with their instance counts, or none when it does not
     * say: then completeness is not judged.
     */
    private List<SeriesMatch> announced(PacsNode node, String study, String series) throws PacsException {
        List<SeriesMatch> all = query.find(node, study).stream()
                .filter(m -> series.isEmpty() || m.seriesInstanceUid().equals(series))
                .toList();
        return all.stream().allMatch(m -> m.instances() >= 0) ? all : List.of();
    }

    /** Finds the series of a study on a node. */
    @FunctionalInterface
    interface SeriesSearch {

        /** The series with their instance counts. */
        List<SeriesMatch> find(PacsNode node, String studyInstanceUid) throws PacsException;
    }
}
