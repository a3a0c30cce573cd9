package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.adaptation.api.Strokes;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.inference.api.Click;

/** The session's files: what is kept, in order, and every failure said in words with nothing else lost. */
class SessionFilesTest {

    private static final SeriesKey SERIES = new SeriesKey("1.2.840.9", "1.2.840.1", "T2 axial");
    private static final VolumeGeometry GEOMETRY = new VolumeGeometry(new int[] {20, 10, 4}, new double[] {1, 1, 3},
            new double[] {0, 0, 0}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});

    @TempDir
    Path dir;

    private final List<String> said = new CopyOnWriteArrayList<>();

    private static Mask2D mask() {
        return Mask2D.empty(20, 10).with(3, 4, true).with(4, 4, true);
    }

    private static SliceDraft draft(int slice) {
        return new SliceDraft(SERIES.seriesUid(), SERIES.title(), slice, List.of(new Click(3, 4, true)), Strokes.NONE,
                Map.of());
    }

    @Test
    void keptMasksAndTheJournalComeBackInTheOrderWritten() throws Exception {
        SessionFiles files = new SessionFiles(dir, said::add);
        files.save(SERIES, GEOMETRY, 2, mask());
        files.journal(draft(1));
        files.journal(draft(3));
        assertEquals(Map.of(2, mask()), files.restore(SERIES, GEOMETRY).get());
        assertEquals(3, files.journaled().get().orElseThrow().slice(), "the last write wins");
        files.forget(SERIES, GEOMETRY, 2);
        files.clearJournal();
        assertEquals(Map.of(), files.restore(SERIES, GEOMETRY).get());
        assertEquals(Optional.empty(), files.journaled().get());
        files.close();
        assertEquals(List.of(), said);
    }

    @Test
    void aSeriesInMemoryOrASessionWithoutFolderKeepsNothing() throws Exception {
        SessionFiles memory = new SessionFiles(null, said::add);
        memory.save(SERIES, GEOMETRY, 2, mask());
        memory.journal(draft(1));
        assertEquals(Map.of(), memory.restore(SERIES, GEOMETRY).get());
        assertEquals(Optional.empty(), memory.journaled().get());
        SessionFiles files = new SessionFiles(dir, said::add);
        SeriesKey inMemory = SeriesKey.inMemory("pasted");
        files.save(inMemory, GEOMETRY, 2, mask());
        files.close();
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing written for a series that is not on disk");
        }
        assertEquals(List.of(), said);
    }

    @Test
    void aMaskThatCannotBeWrittenIsSaidWithItsSliceAndTheNextOneIsStillKept() throws Exception {
        SessionFiles files = new SessionFiles(dir, said::add);
        Files.writeString(dir.resolve("1.2.840.9"), "a file where the study's folder goes");
        files.save(SERIES, GEOMETRY, 2, mask());
        SeriesKey other = new SeriesKey("1.2.840.10", "1.2.840.2", "T1 axial");
        files.save(other, GEOMETRY, 1, mask());
        assertEquals(Map.of(1, mask()), files.restore(other, GEOMETRY).get());
        files.close();
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("The accepted mask of slice 3 could not be kept on disk ("), said.get(0));
        assertTrue(said.get(0).endsWith("export it before closing."), said.get(0));
    }

    @Test
    void anUnreadableMaskIsSaidAndTheOthersAreRestored() throws Exception {
        SessionFiles files = new SessionFiles(dir, said::add);
        files.save(SERIES, GEOMETRY, 0, mask());
        files.save(SERIES, GEOMETRY, 1, mask());
        files.close();
        Path second = dir.resolve("1.2.840.9").resolve("1.2.840.1").resolve("at-3.00.png");
        Files.writeString(second, "not a PNG");
        SessionFiles again = new SessionFiles(dir, said::add);
        assertEquals(Map.of(0, mask()), again.restore(SERIES, GEOMETRY).get());
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("An accepted mask was not restored: at-3.00.png"), said.get(0));
    }

    @Test
    void aJournalThatCannotBeWrittenOrReadIsSaid() throws Exception {
        Path folder = dir.resolve("annotations");
        Files.createDirectories(folder.resolve("slice-in-progress.txt"));   // a folder where the file goes
        SessionFiles files = new SessionFiles(folder, said::add);
        files.journal(draft(1));
        assertEquals(Optional.empty(), files.journaled().get());
        files.close();
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("The slice in progress could not be written to its journal ("), said.get(0));
        assertTrue(said.get(1).startsWith("The journal of the slice in progress cannot be read: "), said.get(1));
    }
}
