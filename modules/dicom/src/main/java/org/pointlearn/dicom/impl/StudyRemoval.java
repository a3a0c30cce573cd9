package org.pointlearn.dicom.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;

/**
 * Removes a study from the index: its rows in one transaction (series and instances by
 * cascade, the patient when it has no study left), then the files the store owns. Files
 * imported in place (folders, DICOMDIR) belong to the user and stay where they are.
 */
final class StudyRemoval {

    private final IndexDatabase database;
    private final IndexLocation location;
    private final IndexQueries queries;

    /**
     * @param database the index
     * @param location its folders
     * @param queries to find the study's files
     */
    StudyRemoval(IndexDatabase database, IndexLocation location, IndexQueries queries) {
        this.database = database;
        this.location = location;
        this.queries = queries;
    }

    /**
     * Removes the study.
     *
     * @return the number of store files deleted
     * @throws DicomException when the study is not indexed or the index cannot be written
     */
    int remove(String studyInstanceUid) throws DicomException {
        List<Path> files = queries.studyFiles(studyInstanceUid);
        deleteRows(studyInstanceUid);
        Path store = location.store().toAbsolutePath().normalize();
        int deleted = 0;
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(store)) {
                FileTrees.deleteQuietly(absolute);
                FileTrees.pruneEmpty(absolute.getParent(), store);
                deleted++;
            }
        }
        return deleted;
    }

    private void deleteRows(String studyInstanceUid) throws DicomException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement study = c.prepareStatement("DELETE FROM study WHERE study_instance_uid = ?");
                 PreparedStatement orphans = c.prepareStatement(
                         "DELETE FROM patient WHERE id NOT IN (SELECT patient_ref FROM study)")) {
                study.setString(1, studyInstanceUid);
                if (study.executeUpdate() == 0) {
                    c.rollback();
                    throw new DicomException("The study " + studyInstanceUid + " is not in the study index");
                }
                orphans.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DicomException("Could not remove the study " + studyInstanceUid + " from the study index "
                    + database.file() + ": " + e.getMessage(), e);
        }
    }
}
