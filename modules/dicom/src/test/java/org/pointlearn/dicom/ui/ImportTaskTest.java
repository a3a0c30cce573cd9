package org.pointlearn.dicom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
}
