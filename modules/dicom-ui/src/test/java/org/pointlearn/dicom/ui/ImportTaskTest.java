package org.pointlearn.dicom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.impl.LocalStudyIndex;
import org.pointlearn.dicom.ui.ImportTask.ImportOutcome;
import org.pointlearn.dicom.SharedData;

class ImportTaskTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");

    @Test
    void theImportRunsInTheBackgroundAndItsSummaryNamesEveryFileNotImported(@TempDir Path dir) throws Exception {
        CompletableFuture<ImportOutcome> done = new CompletableFuture<>();

        new ImportTask(new LocalStudyIndex(dir), EPI, done::complete).start();
        ImportOutcome outcome = done.get(60, TimeUnit.SECONDS);

        assertNull(outcome.error());
        ImportResult result = outcome.result();
        assertEquals(63, result.imported());
        assertEquals("Imported 63 images; no duplicates skipped; 1 file not imported.",
                ImportResultDialog.headline(result));
        assertTrue(ImportResultDialog.failureLines(result).startsWith(EPI.resolve("SOURCE.md") + ": not a DICOM file"),
                ImportResultDialog.failureLines(result));
    }

    @Test
    void aSourceThatCannotBeReadEndsWithTheReasonInsteadOfAResult(@TempDir Path dir) throws Exception {
        CompletableFuture<ImportOutcome> done = new CompletableFuture<>();

        new ImportTask(new LocalStudyIndex(dir.resolve("index")), dir.resolve("missing"), done::complete).start();
        ImportOutcome outcome = done.get(60, TimeUnit.SECONDS);

        assertNull(outcome.result());
        assertTrue(outcome.error().endsWith("missing does not exist"), outcome.error());
    }

    /** Notes and licences beside the images are grouped last; real problems come first, one per line. */
    @Test
    void filesNotImportedAreGroupedByReasonProblemsFirst() {
        String notDicom = "not a DICOM file (no \"DICM\" marker)";
        org.pointlearn.dicom.api.ImportResult result = new org.pointlearn.dicom.api.ImportResult(3, 0, List.of(
                new org.pointlearn.dicom.api.ImportFailure("/data/SOURCE.md", notDicom),
                new org.pointlearn.dicom.api.ImportFailure("/data/README.txt", notDicom),
                new org.pointlearn.dicom.api.ImportFailure("/data/IM7.dcm", "truncated pixel data")), false);
        assertEquals("/data/IM7.dcm: truncated pixel data\n" + notDicom + " (2 files): SOURCE.md, README.txt",
                ImportResultDialog.failureLines(result));
    }
}
