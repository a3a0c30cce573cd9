package org.pointlearn.dicom.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;

/** Reads the study index: the patient/study/series tree and the files of a series. */
final class IndexQueries {

    private static final String SERIES_WITH_COUNTS = """
            SELECT p.patient_name, p.patient_id, st.study_instance_uid, st.study_date, st.description,
                   se.series_instance_uid, se.modality, se.description, COUNT(i.id), se.incomplete
            FROM instance i
            JOIN series se ON i.series_ref = se.id
            JOIN study st ON se.study_ref = st.id
            JOIN patient p ON st.patient_ref = p.id
            """;

    private final IndexDatabase database;
    private final Path root;

    /**
     * @param database the index
     * @param root the folder relative file paths are resolved against
     */
    IndexQueries(IndexDatabase database, Path root) {
        this.database = database;
        this.root = root;
    }

    /** Every study with its series, patients by name, studies by date, series by number. */
    List<IndexedStudy> studies() throws DicomException {
        String sql = SERIES_WITH_COUNTS + """
                GROUP BY se.id
                ORDER BY p.patient_name COLLATE NOCASE, p.patient_id, st.study_date, st.study_time,
                         st.study_instance_uid, se.series_number, se.series_instance_uid""";
        List<IndexedStudy> studies = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                SeriesRef series = seriesRef(rs);
                IndexedStudy last = studies.isEmpty() ? null : studies.get(studies.size() - 1);
                if (last == null || !last.studyInstanceUid().equals(series.studyInstanceUid())) {
                    last = new IndexedStudy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), new ArrayList<>());
                    studies.add(last);
                }
                last.series().add(series);
            }
        } catch (SQLException e) {
            throw failure("list the studies", e);
        }
        return studies.stream().map(s -> new IndexedStudy(s.patientName(), s.patientId(), s.studyInstanceUid(),
                s.studyDate(), s.description(), List.copyOf(s.series()))).toList();
    }

    /** The first series of a patient, by study date and series number, if any. */
    Optional<SeriesRef> firstSeriesOfPatient(String patientId) throws DicomException {
        String sql = SERIES_WITH_COUNTS + """
                WHERE p.patient_id = ?
                GROUP BY se.id
                ORDER BY st.study_date, st.study_time, se.series_number
                LIMIT 1""";
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, patientId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(seriesRef(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find the series of patient " + patientId, e);
        }
    }

    /** The files of a series' instances, in instance number order. */
    List<Path> instanceFiles(String seriesInstanceUid) throws DicomException {
        String sql = """
                SELECT i.file_path FROM instance i JOIN series se ON i.series_ref = se.id
                WHERE se.series_instance_uid = ?
                ORDER BY i.instance_number, i.id""";
        List<Path> files = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, seriesInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.add(root.resolve(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failure("list the images of series " + seriesInstanceUid, e);
        }
        return files;
    }

    /** The files of a series' instances with their stored ImagePositionPatient and ImageOrientationPatient. */
    List<IndexedInstance> instancePlanes(String seriesInstanceUid) throws DicomException {
        String sql = """
                SELECT i.file_path, i.image_position, i.image_orientation FROM instance i
                JOIN series se ON i.series_ref = se.id
                WHERE se.series_instance_uid = ?
                ORDER BY i.instance_number, i.id""";
        List<IndexedInstance> instances = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, seriesInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    instances.add(new IndexedInstance(root.resolve(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("list the images of series " + seriesInstanceUid, e);
        }
        return instances;
    }

    /** The number of indexed instances of a series (0 when it is not indexed). */
    int indexedImages(String seriesInstanceUid) throws DicomException {
        String sql = "SELECT COUNT(i.id) FROM instance i JOIN series se ON i.series_ref = se.id"
                + " WHERE se.series_instance_uid = ?";
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, seriesInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("count the images of series " + seriesInstanceUid, e);
        }
    }

    /** Sets or clears the incomplete flag of a series. */
    void markIncomplete(String seriesInstanceUid, boolean incomplete) throws DicomException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("UPDATE series SET incomplete = ? WHERE series_instance_uid = ?")) {
            s.setInt(1, incomplete ? 1 : 0);
            s.setString(2, seriesInstanceUid);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("mark series " + seriesInstanceUid, e);
        }
    }

    /** The files of every instance of a study. */
    List<Path> studyFiles(String studyInstanceUid) throws DicomException {
        String sql = """
                SELECT i.file_path FROM instance i JOIN series se ON i.series_ref = se.id
                JOIN study st ON se.study_ref = st.id
                WHERE st.study_instance_uid = ?""";
        List<Path> files = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, studyInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.add(root.resolve(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failure("list the images of study " + studyInstanceUid, e);
        }
        return files;
    }

    private static SeriesRef seriesRef(ResultSet rs) throws SQLException {
        return new SeriesRef(rs.getString(3), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getInt(10) != 0);
    }

    private DicomException failure(String what, SQLException e) {
        return new DicomException("Could not " + what + " in the study index " + database.file() + ": "
                + e.getMessage(), e);
    }
}
