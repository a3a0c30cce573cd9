package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.ModelVersion;

/**
 * A full disk during a save, on a real file system that runs full: a small tmpfs mounted for
 * the test (needs root, as CI runs; elsewhere the test is skipped and says why). The save fails
 * with a message in words, the previous version stays active and loads, nothing saved before
 * is lost, and once space is freed the session saves again.
 */
class VersionStoreDiskFullTest {

    @TempDir
    Path dir;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = dir.resolve("small-disk");
        Files.createDirectories(disk);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root): " + out.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Writes zeros until the file system refuses: the disk is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    @Test
    void aFullDiskKeepsThePreviousVersionAndLosesNothing() throws Exception {
        Path store = disk.resolve("versions");
        Image2D probe = Fixtures.disk(30, 30, 10, 9);
        float[] atV1;
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.POST,
                     Fixtures.strong().withGuard(false), VersionStore.open(store, 2))) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
            atV1 = AdaptationSessionTest.predictOnce(s, probe);

            Path filler = disk.resolve("filler");
            fill(filler);
            AdaptationException full = assertThrows(AdaptationException.class,
                    () -> AdaptationSessionTest.learnFrom(s, 42, 38, 14, 2));
            assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
            assertTrue(full.getMessage().contains("the previous version stays active"), full.getMessage());
            assertEquals("v1", s.activeVersion().id());
            assertEquals(List.of("v0", "v1"), s.versions().stream().map(ModelVersion::id).toList());
            assertArrayEquals(atV1, AdaptationSessionTest.predictOnce(s, probe), "the live model is v1 again");
            try (Stream<Path> left = Files.list(store.resolve("versions"))) {
                assertEquals(List.of("v0", "v1"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no half-written version is left behind");
            }

            Files.delete(filler);
            AdaptationSessionTest.learnKept(s, 42, 38, 14, 2);
            assertEquals("v2", s.activeVersion().id(), "with space again the next update is saved");
        }
        try (SegmentationModel fresh = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(fresh, AdaptationPolicy.POST,
                     Fixtures.strong().withGuard(false), VersionStore.open(store, 2))) {
            assertEquals(List.of("v0", "v1", "v2"), s.versions().stream().map(ModelVersion::id).toList());
            s.rollbackTo("v1");
            assertArrayEquals(atV1, AdaptationSessionTest.predictOnce(s, probe), "v1 on disk is intact");
        }
    }
}
