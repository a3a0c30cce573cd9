package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.SharedData;

class ImportSourcesTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");

    @Test
    void aFolderIsImportedRecursivelyInPlace(@TempDir Path dir) throws Exception {
        Path top = Files.createDirectories(dir.resolve("cd/patient/study/series"));
        copySlices(1, 4, dir.resolve("cd"));
        copySlices(5, 9, top);
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        ImportResult result = index.importFrom(dir.resolve("cd"), ImportMonitor.SILENT);

        assertEquals(new ImportResult(9, 0, List.of(), false), result);
        assertFalse(Files.exists(dir.resolve("index/store/files")), "folders are referenced, not copied");
    }

    @Test
    void aDicomDirWrittenByDcmtkImportsTheImagesItListsAndReportsMissingOnes(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmmkdir")), "dcmtk (dcmmkdir) is not installed");
        Path media = Files.createDirectories(dir.resolve("media/DICOM"));
        for (int n = 1; n <= 6; n++) {
            Files.copy(EPI.resolve("500100" + n + ".dcm"), media.resolve("IM0000" + n));
        }
        run(dir.resolve("media"), "/usr/bin/dcmmkdir", "+r", "+I", "DICOM");
        Files.delete(media.resolve("IM00006"));
        Files.writeString(media.resolve("README"), "not listed in the DICOMDIR");
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        ImportResult result = index.importFrom(dir.resolve("media/DICOMDIR"), ImportMonitor.SILENT);

        assertEquals(5, result.imported());
        assertEquals(List.of(new ImportFailure(media.resolve("IM00006").toString(), "listed in the DICOMDIR but missing")),
                result.failed());
        assertEquals(5, LocalStudyIndexTest.onlySeries(index).images());
    }

    @Test
    void aZipIsCopiedIntoTheStoreAndItsBadEntriesAreListed(@TempDir Path dir) throws Exception {
        Path zip = zipOfSlices(dir.resolve("study.zip"), 1, 8);
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        ImportResult first = index.importFrom(zip, ImportMonitor.SILENT);
        ImportResult again = index.importFrom(zip, ImportMonitor.SILENT);

        assertEquals(8, first.imported());
        Map<String, String> reasons = first.failed().stream()
                .collect(Collectors.toMap(ImportFailure::source, ImportFailure::reason));
        assertTrue(reasons.get(zip + "!notes/readme.txt").startsWith("not a DICOM file"), reasons.toString());
        assertTrue(reasons.get(zip + "!../escape.dcm").startsWith("unsafe name"), reasons.toString());
        assertEquals(new ImportResult(0, 8, first.failed(), false), again);
        assertEquals(8, storedFiles(dir.resolve("index/store/files")).size(),
                "only the indexed copies stay: no duplicates, no rejected entries");
        assertFalse(Files.exists(dir.resolve("escape.dcm")));
        Files.delete(zip);
        assertEquals(8, index.loadSeries(LocalStudyIndexTest.onlySeries(index)).geometry().depth(),
                "the copies outlive the archive");
    }

    @Test
    void deletingAStudyRemovesItsCopiesButNeverFilesImportedInPlace(@TempDir Path dir) throws Exception {
        Path zip = zipOfSlices(dir.resolve("study.zip"), 1, 4);
        Path folder = copySlices(5, 8, Files.createDirectories(dir.resolve("folder")));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        index.importFrom(zip, ImportMonitor.SILENT);
        index.importFrom(folder, ImportMonitor.SILENT);
        String study = index.studies().get(0).studyInstanceUid();

        index.deleteStudy(study);

        assertTrue(index.studies().isEmpty());
        assertEquals(List.of(), storedFiles(dir.resolve("index/store")));
        assertEquals(4, storedFiles(folder).size(), "the user's own files stay");
        assertEquals(new ImportResult(4, 0, List.of(), false), index.importFrom(folder, ImportMonitor.SILENT),
                "a deleted study can be imported again");
    }

    @Test
    void cancellingStopsBetweenFilesAndKeepsWhatWasImported(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        CancelAfter monitor = new CancelAfter(5);

        ImportResult result = index.importFrom(EPI, monitor);

        assertTrue(result.cancelled());
        assertEquals(5, result.imported());
        assertEquals(64, monitor.total, "63 images and the licence note");
        assertEquals(5, LocalStudyIndexTest.onlySeries(index).images());
        assertEquals(58, index.importFrom(EPI, ImportMonitor.SILENT).imported(), "a second run completes the series");
    }

    @Test
    void anExtractionLeftUnfinishedByACrashIsRemovedWhenTheIndexOpens(@TempDir Path dir) throws Exception {
        Path leftover = Files.createDirectories(dir.resolve("index/store/staging/0b1c/series"));
        Files.copy(EPI.resolve("5001001.dcm"), leftover.resolve("1.dcm"));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        assertTrue(index.studies().isEmpty());
        assertFalse(Files.exists(dir.resolve("index/store/staging")));
    }

    /** Copies slices first..last of the EPI series into a folder. */
    static Path copySlices(int first, int last, Path folder) throws IOException {
        for (int n = first; n <= last; n++) {
            String name = String.format("50010%02d.dcm", n);
            Files.copy(EPI.resolve(name), folder.resolve(name));
        }
        return folder;
    }

    private static Path zipOfSlices(Path zip, int first, int last) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int n = first; n <= last; n++) {
                String name = String.format("50010%02d.dcm", n);
                out.putNextEntry(new ZipEntry("series/" + name));
                Files.copy(EPI.resolve(name), out);
            }
            out.putNextEntry(new ZipEntry("notes/readme.txt"));
            out.write("exported from the scanner".getBytes());
            out.putNextEntry(new ZipEntry("../escape.dcm"));
            Files.copy(EPI.resolve("5001063.dcm"), out);
        }
        return zip;
    }

    private static List<Path> storedFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static void run(Path workDir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    /** Cancels once a number of files were read. */
    private static final class CancelAfter implements ImportMonitor {

        private final int files;
        private int done;
        private int total;

        CancelAfter(int files) {
            this.files = files;
        }

        @Override
        public void started(int count) {
            total = count;
        }

        @Override
        public void progressed(int count, String current) {
            done = count;
        }

        @Override
        public boolean isCancelled() {
            return done >= files;
        }
    }
}
