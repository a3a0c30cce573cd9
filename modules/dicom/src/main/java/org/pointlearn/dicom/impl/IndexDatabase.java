package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.pointlearn.dicom.api.DicomException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded SQLite database of the study index: patient, study, series and instance
 * tables, write-ahead journal, foreign keys enforced. Hands out one connection per task.
 */
final class IndexDatabase {

    private static final int SCHEMA_VERSION = 2;
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS patient (
            id INTEGER PRIMARY KEY,
            patient_id TEXT NOT NULL,
            patient_name TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            sex TEXT NOT NULL,
            UNIQUE (patient_id, patient_name))""",
        """
        CREATE TABLE IF NOT EXISTS study (
            id INTEGER PRIMARY KEY,
            patient_ref INTEGER NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
            study_instance_uid TEXT NOT NULL UNIQUE,
            study_date TEXT NOT NULL,
            study_time TEXT NOT NULL,
            description TEXT NOT NULL,
            accession_number TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS series (
            id INTEGER PRIMARY KEY,
            study_ref INTEGER NOT NULL REFERENCES study (id) ON DELETE CASCADE,
            series_instance_uid TEXT NOT NULL UNIQUE,
            modality TEXT NOT NULL,
            series_number INTEGER NOT NULL,
            description TEXT NOT NULL,
            frame_of_reference_uid TEXT NOT NULL,
            incomplete INTEGER NOT NULL DEFAULT 0)""",
        """
        CREATE TABLE IF NOT EXISTS instance (
            id INTEGER PRIMARY KEY,
            series_ref INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
            sop_instance_uid TEXT NOT NULL UNIQUE,
            sop_class_uid TEXT NOT NULL,
            transfer_syntax_uid TEXT NOT NULL,
            instance_number INTEGER NOT NULL,
            file_path TEXT NOT NULL,
            image_rows INTEGER NOT NULL,
            image_columns INTEGER NOT NULL,
            image_position TEXT NOT NULL,
            image_orientation TEXT NOT NULL,
            imported_at TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS study_by_patient ON study (patient_ref)",
        "CREATE INDEX IF NOT EXISTS series_by_study ON series (study_ref)",
        "CREATE INDEX IF NOT EXISTS instance_by_series ON instance (series_ref)",
    };

    private final Path file;
    private final SQLiteDataSource dataSource;

    /**
     * Opens the database, creating the file and its tables when missing.
     *
     * @throws DicomException when the file cannot be created or is not a usable index
     */
    IndexDatabase(Path file) throws DicomException {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new DicomException("Cannot create the folder of the study index " + file + ": " + e.getMessage(), e);
        }
        createSchema();
    }

    /** A new connection; the caller closes it. */
    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** The database file. */
    Path file() {
        return file;
    }

    /** Version 1 indexes lack the series' incomplete flag (added for PACS retrieves). */
    private static void addIncompleteColumn(Statement s) throws SQLException {
        try (ResultSet columns = s.executeQuery("SELECT COUNT(*) FROM pragma_table_info('series')"
                + " WHERE name = 'incomplete'")) {
            columns.next();
            if (columns.getInt(1) > 0) {
                return;
            }
        }
        s.execute("ALTER TABLE series ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0");
    }

    private void createSchema() throws DicomException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
            addIncompleteColumn(s);
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            c.commit();
        } catch (SQLException e) {
            throw new DicomException("The study index " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }
}
