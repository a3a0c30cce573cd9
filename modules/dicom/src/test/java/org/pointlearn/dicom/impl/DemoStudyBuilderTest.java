package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStudyBuilderTest {

    @Test
    void aCancelledBuildLeavesNothingBehind(@TempDir Path dir) throws Exception {
        DemoStudyBuilder builder = new DemoStudyBuilder(Colin27.TEMPLATE, dir.resolve("demo"));

        assertThrows(CancellationException.class, () -> builder.write(Colin27.slab(80, 10), slices -> {
            if (slices == 4) {
                throw new CancellationException();
            }
        }));

        try (Stream<Path> left = Files.list(dir.resolve("demo"))) {
            assertEquals(0, left.count());
        }
        assertEquals(Optional.empty(), builder.completedSeries());
    }

    @Test
    void aFinishedBuildIsOneFolderNamedAfterItsSeries(@TempDir Path dir) throws Exception {
        DemoStudyBuilder builder = new DemoStudyBuilder(Colin27.TEMPLATE, dir.resolve("demo"));

        Path series = builder.write(Colin27.slab(80, 3), slices -> { });

        assertTrue(series.getFileName().toString().startsWith("2.25."), series.toString());
        assertEquals(Optional.of(series), builder.completedSeries());
        try (Stream<Path> files = Files.list(series)) {
            assertEquals(3, files.count());
        }
    }
}
