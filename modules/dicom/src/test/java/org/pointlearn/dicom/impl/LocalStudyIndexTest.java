package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

class LocalStudyIndexTest {

    @Test
    void aWrittenSeriesComesBackWithTheSameVoxelsAndGeometry(@TempDir Path dir) throws Exception {
        Volume slab = Colin27.slab(60, 40);
        SeriesMetadata metadata = SeriesMetadata.newStudy("Round^Trip", "PL-TEST-RT", "round trip", "40 slices");
        MrSeriesWriter.write(slab, metadata, dir.resolve("incoming"));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        ImportResult result = index.importFolder(dir.resolve("incoming"));
        SeriesRef series = onlySeries(index);
        Volume loaded = index.loadSeries(series);

        assertEquals(new ImportResult(40, 0, List.of(), false), result);
        assertEquals(40, series.images());
        assertEquals("40 slices", series.description());
        assertSameGeometry(slab.geometry(), loaded.geometry());
        for (int k = 0; k < 40; k++) {
            assertArrayEquals(slab.slice(k), loaded.slice(k), "slice " + k);
        }
    }

    @Test
    void theDemoIsBuiltFromColin27AndLoadsAsTheTemplate(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir, Colin27.TEMPLATE);

        SeriesRef demo = index.ensureDemoStudy();
        long start = System.nanoTime();
        Volume loaded = index.loadSeries(demo);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(181, demo.images());
        assertEquals("MR", demo.modality());
        assertEquals("T1 1 mm (Colin27 template)", demo.description());
        IndexedStudy study = index.studies().get(0);
        assertEquals("Colin27^Demo", study.patientName());
        assertEquals("PL-DEMO-COLIN27", study.patientId());
        assertEquals("Pointlearn demo: Colin27 brain MRI", study.description());
        assertTrue(Files.isDirectory(dir.resolve("store/demo/" + demo.seriesInstanceUid())));
        assertTrue(Files.isRegularFile(dir.resolve("index/studies.db")));
        Volume template = Colin27.axial();
        assertSameGeometry(template.geometry(), loaded.geometry());
        for (int k = 0; k < 181; k++) {
            assertArrayEquals(template.slice(k), loaded.slice(k), "slice " + k);
        }
        assertTrue(seconds < 2, "loading 181 slices took " + seconds + " s");
    }

    @Test
    void preparingTheDemoAgainIndexesNothingNew(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir, Colin27.TEMPLATE);
        SeriesRef first = index.ensureDemoStudy();
        AtomicInteger changes = new AtomicInteger();
        index.addChangeListener(e -> changes.incrementAndGet());

        SeriesRef second = index.ensureDemoStudy();
        SeriesRef afterRestart = new LocalStudyIndex(dir, Colin27.TEMPLATE).ensureDemoStudy();

        assertEquals(first, second);
        assertEquals(first, afterRestart);
        assertEquals(1, index.studies().size());
        assertEquals(181, index.studies().get(0).series().get(0).images());
        assertEquals(1, folders(dir.resolve("store/demo")).size(), "one demo series on disk");
        assertEquals(0, changes.get(), "nothing changed, nothing announced");
    }

    @Test
    void theDemoSurvivesAnInterruptedEarlierRun(@TempDir Path dir) throws Exception {
        LocalStudyIndex crashedAfterWriting = new LocalStudyIndex(dir, Colin27.TEMPLATE);
        SeriesRef written = crashedAfterWriting.ensureDemoStudy();
        deleteDatabase(dir);
        Path halfWritten = Files.createDirectories(dir.resolve("store/demo/.partial-2.25.1"));
        Files.writeString(halfWritten.resolve("IM0001.dcm"), "cut off");

        SeriesRef recovered = new LocalStudyIndex(dir, Colin27.TEMPLATE).ensureDemoStudy();

        assertEquals(written, recovered, "the complete series on disk is indexed again, not rebuilt");
        assertFalse(Files.exists(halfWritten), "the half-written series is removed");
        assertEquals(List.of(dir.resolve("store/demo/" + written.seriesInstanceUid())),
                folders(dir.resolve("store/demo")));
    }

    @Test
    void aMissingTemplateSaysWhichPackageToInstall(@TempDir Path dir) {
        LocalStudyIndex index = new LocalStudyIndex(dir, dir.resolve("ch2.nii.gz"));

        DicomException e = assertThrows(DicomException.class, index::ensureDemoStudy);

        assertTrue(e.getMessage().contains("mricron-data"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install mricron-data"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("ch2.nii.gz").toString()), e.getMessage());
    }

    @Test
    void anImportIsAnnouncedToListeners(@TempDir Path dir) throws Exception {
        MrSeriesWriter.write(Colin27.slab(80, 2), SeriesMetadata.newStudy("A^B", "PL-TEST-LISTEN", "s", "d"),
                dir.resolve("incoming"));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        AtomicInteger changes = new AtomicInteger();
        index.addChangeListener(e -> changes.incrementAndGet());

        index.importFolder(dir.resolve("incoming"));
        index.importFolder(dir.resolve("incoming"));

        assertEquals(1, changes.get(), "only the import that added images is announced");
    }

    @Test
    void studiesAreListedByPatientNameIgnoringCase(@TempDir Path dir) throws Exception {
        for (String name : List.of("Zebra^Zoe", "alpha^Ann", "Beta^Bob")) {
            MrSeriesWriter.write(Colin27.slab(80, 1), SeriesMetadata.newStudy(name, "PL-" + name, "s", "d"),
                    dir.resolve("incoming").resolve(name));
        }
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        index.importFolder(dir.resolve("incoming"));

        assertEquals(List.of("alpha^Ann", "Beta^Bob", "Zebra^Zoe"),
                index.studies().stream().map(IndexedStudy::patientName).toList());
    }

    @Test
    void loadingASeriesThatIsNotIndexedNamesIt(@TempDir Path dir) {
        LocalStudyIndex index = new LocalStudyIndex(dir, Colin27.TEMPLATE);
        SeriesRef unknown = new SeriesRef("2.25.1", "2.25.2", "MR", "vanished", 3);

        DicomException e = assertThrows(DicomException.class, () -> index.loadSeries(unknown));

        assertTrue(e.getMessage().contains("\"vanished\""), e.getMessage());
    }

    @Test
    void loadingASeriesWhoseFilesWereDeletedSaysSo(@TempDir Path dir) throws Exception {
        MrSeriesWriter.write(Colin27.slab(80, 2), SeriesMetadata.newStudy("A^B", "PL-TEST-GONE", "s", "d"),
                dir.resolve("incoming"));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        index.importFolder(dir.resolve("incoming"));
        Files.delete(dir.resolve("incoming/IM0002.dcm"));

        DicomException e = assertThrows(DicomException.class, () -> index.loadSeries(onlySeries(index)));

        assertTrue(e.getMessage().contains("IM0002.dcm is missing"), e.getMessage());
    }

    static SeriesRef onlySeries(LocalStudyIndex index) throws DicomException {
        List<IndexedStudy> studies = index.studies();
        assertEquals(1, studies.size());
        assertEquals(1, studies.get(0).series().size());
        return studies.get(0).series().get(0);
    }

    static void assertSameGeometry(VolumeGeometry expected, VolumeGeometry actual) {
        assertArrayEquals(expected.size(), actual.size(), "size");
        assertArrayEquals(expected.spacing(), actual.spacing(), 1e-6, "spacing");
        assertArrayEquals(expected.origin(), actual.origin(), 1e-6, "origin");
        assertArrayEquals(expected.rowDirection(), actual.rowDirection(), 1e-9, "row direction");
        assertArrayEquals(expected.columnDirection(), actual.columnDirection(), 1e-9, "column direction");
        assertArrayEquals(expected.sliceDirection(), actual.sliceDirection(), 1e-9, "slice direction");
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    private static void deleteDatabase(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }
}
