package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/** The slice in progress as the user sees it: what is shown, what undo and redo take back and bring, what a draft keeps. */
class SliceInProgressTest {

    private static final int W = 40;
    private static final int H = 30;
    private static final SeriesKey SERIES = new SeriesKey("1.2.840.9", "1.2.840.1", "T2 axial");
    private static final Click IN = new Click(10, 10, true);
    private static final Click OUT = new Click(30, 20, false);

    /** The model's mask: a square of side 2r+1 around (x, y). */
    private static Prediction square(int x, int y, int r, List<Click> clicks, boolean otherSquare) {
        float[] p = new float[W * H];
        for (int j = y - r; j <= y + r; j++) {
            for (int i = x - r; i <= x + r; i++) {
                p[j * W + i] = 1;
            }
        }
        return new Prediction(p, W, H, clicks, false, otherSquare);
    }

    private static SeriesWork shown(SliceInProgress s) {
        return s.snapshot(SERIES, W, H, 5, Map.of(), Map.of(), -1, SeriesWork.Step.ACCEPT, null);
    }

    @Test
    void undoTakesBackClicksAndStrokesInTheReverseOrderAndRedoBringsThemBackInOrder() {
        SliceInProgress s = new SliceInProgress();
        Mask2D proposal = Mask2D.empty(W, H).with(1, 1, true);
        s.start(2, proposal, proposal, W, H);
        assertFalse(s.hasWork(), "a proposal alone is no work");
        assertEquals(SeriesWork.Step.ACCEPT, shown(s).undo(), "nothing on the slice: undo acts on the last accept");

        s.addClick(IN);
        s.shown(square(10, 10, 3, List.of(IN), true));
        s.choseOtherSquare(0);
        s.beginStroke(30, 20, 2, true);
        assertTrue(s.continueStroke(32, 20));
        assertTrue(s.endStroke());
        assertFalse(s.endStroke(), "one stroke ends once");
        s.addClick(OUT);
        assertEquals(List.of(IN, OUT), shown(s).clicks(), "a click shows before the model answers");
        assertTrue(shown(s).predicted().get(10, 10));
        assertTrue(s.workingMask().get(31, 20), "the brush stroke is over the model's mask");
        assertTrue(s.workingMask().get(10, 10));

        assertEquals(SeriesWork.Step.CLICK, shown(s).undo());
        s.undoClick();
        assertEquals(List.of(IN), s.clicks());
        assertEquals(SeriesWork.Step.CLICK, shown(s).redo());
        assertEquals(SeriesWork.Step.STROKE, shown(s).undo());
        s.undoStroke();
        assertFalse(s.workingMask().get(31, 20), "the stroke is taken back");
        assertTrue(s.lastIsClick());
        s.undoClick();
        assertEquals(List.of(), s.clicks());
        assertFalse(s.canUndo());
        assertEquals(Map.of(), s.otherSquares(), "S after the click goes with it");

        SliceInProgress.Redo first = s.popRedo();
        assertEquals(IN, first.click());
        assertEquals(1, first.otherSquares(), "redo of the click presses S again");
        s.addClick(first.click());
        assertNull(s.popRedo().click(), "then the stroke");
        assertTrue(s.workingMask().get(31, 20), "the stroke is back");
        assertEquals(OUT, s.popRedo().click());
        s.addClick(OUT);
        assertNull(s.nextRedo());
        assertNull(shown(s).redo(), "nothing left to redo");
        assertEquals(SeriesWork.Step.CLICK, shown(s).undo(), "the last thing done again is the click");
        assertEquals(List.of(IN, OUT), s.clicks());
    }

    @Test
    void theDraftAndTheJournalKeepWhatWasDoneAndTheModelsEmptyAnswerShowsTheProposal() {
        SliceInProgress s = new SliceInProgress();
        Mask2D proposal = Mask2D.empty(W, H).with(5, 5, true);
        s.start(3, proposal, proposal, W, H);
        s.addClick(IN);
        s.shown(square(10, 10, 2, List.of(IN), false));
        s.choseOtherSquare(0);
        s.beginStroke(20, 20, 1, false);
        s.endStroke();

        SeriesWork.Draft d = s.draft();
        assertEquals(List.of(IN), d.clicks());
        assertEquals(proposal, d.proposal());
        assertEquals(s.workingMask(), d.shown());
        assertEquals(Map.of(0, 1), d.otherSquares());
        assertFalse(d.strokes().isEmpty());
        assertEquals(3, s.journalEntry(SERIES).slice());
        assertEquals(List.of(IN), s.journalEntry(SERIES).clicks());

        s.resynced(List.of());
        assertEquals(proposal, shown(s).predicted(), "with no clicks left the proposal is shown again");
        s.end();
        assertFalse(s.active());
        assertEquals(-1, shown(s).slice());
        assertEquals(SeriesWork.Step.ACCEPT, shown(s).undo());
    }
}
