package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/** The headless importer killed with SIGKILL in the middle of an import leaves a consistent index. */
class ImportCrashTest {

    private static final int IMAGES = 1600;

    @Test
    void killingTheImporterLeavesOnlyWholeBatchesAndTheNextRunCompletes(@TempDir Path dir) throws Exception {
        Path series = dir.resolve("series");
        MrSeriesWriter.write(tinyVolume(IMAGES), SeriesMetadata.newStudy("Crash^Test", "PL-CRASH", "crash", "tiny"),
                series);
        Path db = dir.resolve("index");
        IndexDatabase database = new IndexDatabase(new IndexLocation(db).database());

        Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportCommand.class.getName(),
                series.toString(), "--db", db.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("importer.log").toFile()).start();
        long instancesAtKill = waitForFirstBatch(database, importer);
        importer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        long instances = count(database, "SELECT COUNT(*) FROM instance");
        assertTrue(instancesAtKill > 0 && instances < IMAGES,
                "killed mid-import: " + instances + " of " + IMAGES + "; " + Files.readString(dir.resolve("importer.log")));
        assertEquals(0, instances % DicomImporter.BATCH_SIZE, "only whole batches: " + instances);
        assertEquals("ok", text(database, "PRAGMA integrity_check"));
        assertEquals(0, count(database, "SELECT COUNT(*) FROM series WHERE id NOT IN (SELECT series_ref FROM instance)"),
                "no series without images");
        LocalStudyIndex index = new LocalStudyIndex(db, Colin27.TEMPLATE);
        ImportResult again = index.importFrom(series, ImportMonitor.SILENT);
        assertEquals(IMAGES - instances, again.imported());
        assertEquals(instances, again.duplicates());
        assertEquals(IMAGES, LocalStudyIndexTest.onlySeries(index).images());
    }

    private static long waitForFirstBatch(IndexDatabase database, Process importer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && importer.isAlive()) {
            long n = count(database, "SELECT COUNT(*) FROM instance");
            if (n > 0) {
                return n;
            }
            Thread.sleep(5);
        }
        return 0;
    }

    private static Volume tinyVolume(int depth) {
        float[][] slices = new float[depth][];
        for (int k = 0; k < depth; k++) {
            slices[k] = new float[8 * 8];
            slices[k][k % 64] = k;
        }
        return new Volume(VolumeGeometry.axial(8, 8, depth, 1, 1, 1), slices);
    }

    private static long count(IndexDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(IndexDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
