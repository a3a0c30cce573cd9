package org.pointlearn.dicom.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;

/**
 * Adds DICOM image files to the study index: reads their headers, skips instances already
 * indexed, and reports files it cannot import with the reason. Rows are committed in
 * batches, each batch all or nothing, so an interrupted import leaves only whole batches.
 * Copies the import made (zip contents) that end up not indexed are deleted again.
 */
final class DicomImporter {

    /** Files per transaction: large enough to be fast, small enough to lose little on a crash. */
    static final int BATCH_SIZE = 200;

    private final IndexDatabase database;
    private final IndexLocation location;

    /**
     * @param database the index to add to
     * @param location the index folder; files inside it are recorded relative to it
     */
    DicomImporter(IndexDatabase database, IndexLocation location) {
        this.database = database;
        this.location = location;
    }

    /**
     * Imports a folder (recursively), a DICOMDIR, a zip file or a single file.
     *
     * @throws DicomException when the source cannot be listed or the index cannot be written;
     *                        batches committed before the failure stay
     */
    ImportResult importFrom(Path source, ImportMonitor monitor) throws DicomException {
        return importSet(ImportSources.open(source, location, monitor), monitor);
    }

    /**
     * Imports every regular file under a folder, in place.
     *
     * @throws DicomException when the folder cannot be listed or the index cannot be written
     */
    ImportResult importFolder(Path folder) throws DicomException {
        return importSet(FolderSource.list(folder), ImportMonitor.SILENT);
    }

    /**
     * Imports a folder of files the index takes over (moved into the store first).
     *
     * @throws DicomException when the folder cannot be moved or the index cannot be written
     */
    ImportResult importStaged(Path stagingFolder, ImportMonitor monitor) throws DicomException {
        return importSet(StagedSource.adopt(stagingFolder, location), monitor);
    }

    private ImportResult importSet(ImportSet set, ImportMonitor monitor) throws DicomException {
        List<ImportCandidate> candidates = set.candidates();
        List<ImportFailure> failed = new ArrayList<>(set.failures());
        Set<Path> indexed = new HashSet<>();
        int duplicates = 0;
        int done = 0;
        monitor.started(candidates.size());
        try {
            for (int from = 0; from < candidates.size() && !monitor.isCancelled(); from += BATCH_SIZE) {
                List<InstanceHeader> headers = new ArrayList<>();
                for (ImportCandidate candidate : candidates.subList(from, Math.min(candidates.size(), from + BATCH_SIZE))) {
                    if (monitor.isCancelled()) {
                        break;
                    }
                    readHeader(candidate, headers, failed);
                    monitor.progressed(++done, candidate.source());
                }
                List<Path> added = insert(headers);
                indexed.addAll(added);
                duplicates += headers.size() - added.size();
            }
        } finally {
            if (set.copied()) {
                removeUnindexedCopies(candidates, indexed, set.copies());
            }
        }
        return new ImportResult(indexed.size(), duplicates, failed, done < candidates.size());
    }

    private static void readHeader(ImportCandidate candidate, List<InstanceHeader> headers, List<ImportFailure> failed) {
        try {
            headers.add(HeaderReader.read(candidate.file()));
        } catch (DicomException e) {
            failed.add(new ImportFailure(candidate.source(), e.getMessage()));
        }
    }

    /** Inserts one batch in one transaction; returns the files newly indexed. */
    private List<Path> insert(List<InstanceHeader> headers) throws DicomException {
        List<Path> added = new ArrayList<>();
        if (headers.isEmpty()) {
            return added;
        }
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (IndexRows rows = new IndexRows(c, location.root())) {
                for (InstanceHeader h : headers) {
                    if (rows.add(h)) {
                        added.add(h.file());
                    }
                }
                c.commit();
                return added;
            } catch (SQLException e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DicomException("Could not add " + headers.size() + " images to the study index "
                    + database.file() + ": " + e.getMessage(), e);
        }
    }

    private static void removeUnindexedCopies(List<ImportCandidate> candidates, Set<Path> indexed, Path copies) {
        for (ImportCandidate candidate : candidates) {
            if (!indexed.contains(candidate.file())) {
                FileTrees.deleteQuietly(candidate.file());
                FileTrees.pruneEmpty(candidate.file().getParent(), copies.getParent());
            }
        }
    }

    private static void rollBack(Connection c, SQLException failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
