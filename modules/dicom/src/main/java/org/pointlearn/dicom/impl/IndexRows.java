package org.pointlearn.dicom.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts the rows of indexed instances (and their patient, study and series when new)
 * on one connection, inside the caller's transaction.
 */
final class IndexRows implements AutoCloseable {

    private final Path root;
    private final PreparedStatement findPatient;
    private final PreparedStatement insertPatient;
    private final PreparedStatement findStudy;
    private final PreparedStatement insertStudy;
    private final PreparedStatement findSeries;
    private final PreparedStatement insertSeries;
    private final PreparedStatement insertInstance;
    private final Map<String, Long> seriesKeys = new HashMap<>();
    private final String importedAt = Instant.now().toString();

    /**
     * @param connection the connection, in a transaction
     * @param root files under this folder are recorded relative to it, so the index moves with it
     */
    IndexRows(Connection connection, Path root) throws SQLException {
        this.root = root.toAbsolutePath().normalize();
        findPatient = connection.prepareStatement("SELECT id FROM patient WHERE patient_id = ? AND patient_name = ?");
        insertPatient = connection.prepareStatement(
                "INSERT INTO patient (patient_id, patient_name, birth_date, sex) VALUES (?, ?, ?, ?) RETURNING id");
        findStudy = connection.prepareStatement("SELECT id FROM study WHERE study_instance_uid = ?");
        insertStudy = connection.prepareStatement("INSERT INTO study (patient_ref, study_instance_uid, study_date,"
                + " study_time, description, accession_number) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        findSeries = connection.prepareStatement("SELECT id FROM series WHERE series_instance_uid = ?");
        insertSeries = connection.prepareStatement("INSERT INTO series (study_ref, series_instance_uid, modality,"
                + " series_number, description, frame_of_reference_uid) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        insertInstance = connection.prepareStatement("INSERT INTO instance (series_ref, sop_instance_uid,"
                + " sop_class_uid, transfer_syntax_uid, instance_number, file_path, image_rows, image_columns,"
                + " image_position, image_orientation, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (sop_instance_uid) DO NOTHING");
    }

    /**
     * Adds one instance.
     *
     * @return false when an instance with its SOP Instance UID is already indexed
     */
    boolean add(InstanceHeader h) throws SQLException {
        long series = seriesKey(h);
        bind(insertInstance, series, h.sopInstanceUid(), h.sopClassUid(), h.transferSyntaxUid(), h.instanceNumber(),
                storedPath(h.file()), h.rows(), h.columns(), h.imagePosition(), h.imageOrientation(), importedAt);
        return insertInstance.executeUpdate() == 1;
    }

    /** How a file is recorded: relative to the index root when inside it, else absolute. */
    private String storedPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString();
    }

    private long seriesKey(InstanceHeader h) throws SQLException {
        Long cached = seriesKeys.get(h.series().instanceUid());
        if (cached != null) {
            return cached;
        }
        InstanceHeader.Series s = h.series();
        long key = findOrInsert(findSeries, List.of(s.instanceUid()), insertSeries,
                List.of(studyKey(h), s.instanceUid(), s.modality(), s.number(), s.description(), s.frameOfReferenceUid()));
        seriesKeys.put(s.instanceUid(), key);
        return key;
    }

    private long studyKey(InstanceHeader h) throws SQLException {
        InstanceHeader.Study s = h.study();
        return findOrInsert(findStudy, List.of(s.instanceUid()), insertStudy,
                List.of(patientKey(h.patient()), s.instanceUid(), s.date(), s.time(), s.description(), s.accessionNumber()));
    }

    private long patientKey(InstanceHeader.Patient p) throws SQLException {
        return findOrInsert(findPatient, List.of(p.id(), p.name()), insertPatient,
                List.of(p.id(), p.name(), p.birthDate(), p.sex()));
    }

    private static long findOrInsert(PreparedStatement find, List<Object> key, PreparedStatement insert,
            List<Object> row) throws SQLException {
        bind(find, key.toArray());
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1);
            }
        }
        bind(insert, row.toArray());
        try (ResultSet inserted = insert.executeQuery()) {
            inserted.next();
            return inserted.getLong(1);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : List.of(findPatient, insertPatient, findStudy, insertStudy, findSeries,
                insertSeries, insertInstance)) {
            s.close();
        }
    }
}
