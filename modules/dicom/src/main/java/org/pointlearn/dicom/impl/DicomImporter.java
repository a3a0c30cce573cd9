package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pointlearn.dicom.api.DicomException;

/**
 * Adds DICOM image files to the study index in place: reads their headers, skips instances
 * already indexed, and reports files it cannot import with the reason. All rows of one
 * import are committed together or not at all.
 */
final class DicomImporter {

    private final IndexDatabase database;
    private final Path root;

    /**
     * @param database the index to add to
     * @param root the index folder; files inside it are recorded relative to it
     */
    DicomImporter(IndexDatabase database, Path root) {
        this.database = database;
        this.root = root;
    }

    /**
     * Imports every regular file under a folder, recursively.
     *
     * @throws DicomException when the folder cannot be listed or the index cannot be written
     */
    ImportResult importFolder(Path folder) throws DicomException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return importFiles(walk.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new DicomException("Cannot list the files of " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports the given files; files that are not importable DICOM images are reported,
     * not fatal.
     *
     * @throws DicomException when the index cannot be written; nothing is imported then
     */
    ImportResult importFiles(List<Path> files) throws DicomException {
        List<InstanceHeader> headers = new ArrayList<>();
        List<ImportFailure> failed = new ArrayList<>();
        for (Path file : files) {
            try {
                headers.add(HeaderReader.read(file));
            } catch (DicomException e) {
                failed.add(new ImportFailure(file, e.getMessage()));
            }
        }
        int imported = insert(headers);
        return new ImportResult(imported, headers.size() - imported, failed);
    }

    private int insert(List<InstanceHeader> headers) throws DicomException {
        if (headers.isEmpty()) {
            return 0;
        }
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (IndexRows rows = new IndexRows(c, root)) {
                int imported = 0;
                for (InstanceHeader h : headers) {
                    imported += rows.add(h) ? 1 : 0;
                }
                c.commit();
                return imported;
            } catch (SQLException e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DicomException("Could not add " + headers.size() + " images to the study index "
                    + database.file() + ": " + e.getMessage(), e);
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
