package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.adaptation.api.Strokes;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.inference.api.Click;

class SliceJournalTest {

    @TempDir
    Path dir;

    @Test
    void clicksInOrderAndStrokesComeBackAsWritten() throws IOException {
        SliceJournal j = new SliceJournal(dir.resolve("sub").resolve("journal.txt"));
        assertTrue(j.read().isEmpty(), "no journal: nothing to offer");
        BitSet painted = new BitSet();
        painted.set(10, 40);
        BitSet erased = new BitSet();
        erased.set(5000);
        SliceDraft e = new SliceDraft("1.2.840.1", "T2 axial", 11,
                List.of(new Click(3, 4, true), new Click(30, 40, false)), new Strokes(painted, erased),
                java.util.Map.of(0, 2, 1, 1));
        j.write(e);
        SliceDraft back = j.read().orElseThrow();
        assertEquals(java.util.Map.of(0, 2, 1, 1), back.otherSquares(),
                "S pressed twice after the first click (its third square), once after the second");
        assertEquals(e.series(), back.series());
        assertEquals(e.title(), back.title());
        assertEquals(11, back.slice());
        assertEquals(e.clicks(), back.clicks());
        assertEquals(painted, back.strokes().in());
        assertEquals(erased, back.strokes().out());
        j.clear();
        assertTrue(j.read().isEmpty());
    }

    @Test
    void aJournalWrittenBeforeKeySHasNoOtherSquares() throws IOException {
        Path file = dir.resolve("journal.txt");
        Files.writeString(file, "pointlearn-journal 1\nseries 1.2\ntitle T1\nslice 3\nclick 5 6 +\n");
        SliceDraft back = new SliceJournal(file).read().orElseThrow();
        assertEquals(List.of(new Click(5, 6, true)), back.clicks());
        assertTrue(back.otherSquares().isEmpty());
    }

    @Test
    void aJournalWrittenBeforeTheThirdSquareReadsOnePressPerLine() throws IOException {
        Path file = dir.resolve("journal.txt");
        Files.writeString(file, "pointlearn-journal 1\nseries 1.2\ntitle T1\nslice 3\nclick 5 6 +\nother-square 0\n");
        assertEquals(java.util.Map.of(0, 1), new SliceJournal(file).read().orElseThrow().otherSquares());
    }

    @Test
    void aDamagedJournalIsRefusedInWordsAndLeftForTheUser() throws IOException {
        Path file = dir.resolve("journal.txt");
        Files.writeString(file, "pointlearn-journal 1\nseries 1.2\nslice x\n");
        IOException e = assertThrows(IOException.class, () -> new SliceJournal(file).read());
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertTrue(Files.exists(file));
        Files.writeString(file, "something else\n");
        assertTrue(assertThrows(IOException.class, () -> new SliceJournal(file).read()).getMessage()
                .contains("not a journal"));
    }
}
