package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheCountsAndOneLinePerFailedFile(@TempDir Path dir) throws Exception {
        Path folder = ImportSourcesTest.copySlices(1, 3, Files.createDirectories(dir.resolve("in")));
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        String db = dir.resolve("db").toString();

        int first = run(folder.toString(), "--db", db);
        List<String> firstLines = lines(out);
        out.reset();
        int second = run("--db", db, folder.toString());

        assertEquals(0, first);
        assertEquals(List.of("imported 3, duplicates 0, failed 1",
                "failed: " + folder.resolve("notes.txt") + ": not a DICOM file (no \"DICM\" marker after the 128-byte"
                        + " preamble, and it does not start as a DICOM data set)"), firstLines);
        assertEquals(0, second);
        assertEquals("imported 0, duplicates 3, failed 1", lines(out).get(0), "re-import adds nothing");
    }

    @Test
    void aMissingSourceIsTheOnlyReasonForAFailingExitCode(@TempDir Path dir) {
        assertEquals(ImportCommand.CANNOT_RUN, run(dir.resolve("nowhere").toString(), "--db", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nowhere does not exist"), err.toString());
        assertEquals(ImportCommand.USAGE, run());
        assertEquals(ImportCommand.USAGE, run("a", "b"));
    }

    private int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
