package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.SessionEvent;
import org.pointlearn.adaptation.api.SessionState;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * The interactive session found through Lookup, on the real engine with a small model: what
 * the user's clicks, strokes, undo, accept and leaving a slice do to the state it publishes, and
 * that accepted masks and the slice in progress survive a restart.
 */
class SegmentationSessionTest {

    static final SeriesKey SERIES = new SeriesKey("1.2.3", "1.2.3.4", "Disk");

    @TempDir
    Path root;

    private final List<SessionEvent> heard = new CopyOnWriteArrayList<>();
    private SegmentationModel model;
    private InteractiveSession session;

    /** Three axial slices of 80x72 with a bright disk, 3 mm apart. */
    static Volume volume() {
        float[][] slices = new float[3][];
        for (int k = 0; k < 3; k++) {
            slices[k] = Fixtures.disk(40, 36, 14, k).data();
        }
        return new Volume(new VolumeGeometry(new int[] {80, 72, 3}, new double[] {1, 1, 3}, new double[] {0, 0, 0},
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}), slices);
    }

    private InteractiveSession open() throws Exception {
        model = model == null ? Fixtures.smallModel() : model;
        InteractiveSession s = InteractiveSessions.getDefault().open(model, root, true);
        s.addListener(heard::add);
        for (int i = 0; i < 600 && !s.state().ready(); i++) {
            Thread.sleep(100);
        }
        assertTrue(s.state().ready(), "the session opened: " + s.state().notReady());
        return s;
    }

    private void settle() throws Exception {
        session.idle().get(2, TimeUnit.MINUTES);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        if (model != null) {
            model.close();
        }
    }

    /** The other square's mask on request, through the session the viewer uses; said when there is none. */
    @Test
    void theOtherSquareIsShownOnRequestAndTheUserIsToldWhenThereIsNone() throws Exception {
        model = Fixtures.smallModel();
        model.describeAs(model.card().toBuilder().focus(org.pointlearn.inference.api.ModelCard.Focus.ZOOM
                .withFirstSide(0.15).withWideSide(0.6).withZoomOuts(0)).build());
        session = open();
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        session.otherSquare(1).get(1, TimeUnit.MINUTES);
        assertTrue(session.state().work().clicks().isEmpty(), "nothing to switch before a click");
        session.click(1, new Click(40, 36, true));
        settle();
        org.pointlearn.imaging.api.Mask2D chosen = session.state().work().predicted();
        assertTrue(session.state().work().otherSquare(), "the state says another square's mask can be shown");
        session.otherSquare(1).get(1, TimeUnit.MINUTES);
        settle();
        org.pointlearn.imaging.api.Mask2D other = session.state().work().predicted();
        assertFalse(chosen.equals(other), "the other square's mask is shown");
        assertEquals(1, session.state().work().clicks().size(), "and it cost no click");
        session.otherSquare(1).get(1, TimeUnit.MINUTES);
        settle();
        assertEquals(chosen, session.state().work().predicted(), "asked again: the first choice");
        session.otherSquare(1).get(1, TimeUnit.MINUTES);
        settle();
        session.undo(1);
        settle();
        session.redo(1);
        settle();
        assertEquals(other, session.state().work().predicted(), "redo brings the click back with the user's S");

        // The choice stays with the click: an accept taken back predicts the slice again from its clicks.
        session.accept(1).orElseThrow().get(2, TimeUnit.MINUTES);
        settle();
        session.undo(1);
        settle();
        assertEquals(SeriesWork.SliceState.IN_PROGRESS, session.state().work().state(1));
        assertEquals(other, session.state().work().predicted(), "predicted again, the other square as the user chose");
        assertTrue(session.state().work().otherSquare());
        session.click(1, new Click(42, 36, true));
        settle();
        assertFalse(session.state().work().otherSquare(), "a click on the mask: one square");
        session.otherSquare(1).get(1, TimeUnit.MINUTES);
        assertTrue(heard.stream().anyMatch(e -> e.kind() == SessionEvent.Kind.MESSAGE
                && e.message().startsWith("The last click was looked at at one scale only")), "the user is told");
    }

    /** After S, a crash: the journal keeps the choice and the slice comes back with the other square's mask. */
    @Test
    void aCrashAfterSBringsTheSliceBackWithTheOtherSquare() throws Exception {
        crashAfterS(0, 1, "the other square's mask, as the user chose it");
    }

    /** S twice with a small square in the card, a crash: the slice comes back with the small square's mask. */
    @Test
    void aCrashAfterSTwiceBringsTheSliceBackWithTheSmallSquare() throws Exception {
        crashAfterS(0.05, 2, "the small square's mask, as the user chose it");
    }

    private void crashAfterS(double smallSide, int presses, String what) throws Exception {
        model = Fixtures.smallModel();
        model.describeAs(model.card().toBuilder().focus(org.pointlearn.inference.api.ModelCard.Focus.ZOOM
                .withFirstSide(0.15).withWideSide(0.6).withZoomOuts(0).withSmallSide(smallSide)).build());
        session = InteractiveSessions.getDefault().open(model, root, false);
        for (int i = 0; i < 600 && !session.state().ready(); i++) {
            Thread.sleep(100);
        }
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        session.click(1, new Click(40, 36, true));
        settle();
        org.pointlearn.imaging.api.Mask2D first = session.state().work().predicted();
        java.util.Set<org.pointlearn.imaging.api.Mask2D> seen = new java.util.HashSet<>(List.of(first));
        for (int n = 0; n < presses; n++) {
            session.otherSquare(1).get(1, TimeUnit.MINUTES);
            settle();
            assertTrue(seen.add(session.state().work().predicted()), "S " + (n + 1) + ": a mask not shown before");
        }
        org.pointlearn.imaging.api.Mask2D chosen = session.state().work().predicted();
        Path journal = root.resolve("annotations").resolve("slice-in-progress.txt");
        String lines = "other-square 0\n".repeat(presses);
        for (int i = 0; i < 600 && !(Files.exists(journal) && Files.readString(journal).contains(lines)); i++) {
            Thread.sleep(50);
        }
        // kill -9 now: a new session on the same folder finds the slice and the choice.
        InteractiveSession again = InteractiveSessions.getDefault().open(model, root, false);
        try {
            SliceDraft d = again.journaled().get(1, TimeUnit.MINUTES).orElseThrow();
            assertEquals(java.util.Map.of(0, presses), d.otherSquares());
            for (int i = 0; i < 600 && !again.state().ready(); i++) {
                Thread.sleep(100);
            }
            again.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
            again.resume(d).get(2, TimeUnit.MINUTES);
            again.idle().get(2, TimeUnit.MINUTES);
            assertEquals(chosen, again.state().work().predicted(), what);
        } finally {
            again.close();
        }
    }

    /**
     * The user took the small square on a slice and accepted it: on the next slice the first click shows
     * the small square at once (the session pressed S twice itself, journaled as the user's presses are),
     * and after a crash, with nothing remembered, the slice comes back with that mask. No weight updates
     * here, so only the squares the session remembers change.
     */
    @Test
    void theSquareTheAcceptedSlicesWantedIsShownFirstAndComesBackAfterACrash() throws Exception {
        model = Fixtures.smallModel();
        model.describeAs(model.card().toBuilder().focus(org.pointlearn.inference.api.ModelCard.Focus.ZOOM
                .withFirstSide(0.15).withWideSide(0.6).withZoomOuts(0).withSmallSide(0.05)).build());
        org.pointlearn.adaptation.api.AdaptationSettings still = org.pointlearn.adaptation.api.AdaptationSettings
                .defaults().toBuilder().postSteps(0).midSteps(0).build();
        SegmentationSession first = new SegmentationSession(root, true, b -> { },
                org.pointlearn.adaptation.api.AdaptationPolicy.METHOD, still, (p, s) -> { });
        session = first;
        first.useModel(model).get(2, TimeUnit.MINUTES);
        Volume v = volume();
        Click centre = new Click(40, 36, true);
        org.pointlearn.inference.api.Predictor predictor = new org.pointlearn.inference.api.Predictor(model);
        org.pointlearn.imaging.api.Mask2D small2 = org.pointlearn.imaging.api.Mask2D.threshold(predictor.smallSquare(
                model.encoder().prepareImage(org.pointlearn.imaging.api.Image2D.ofSlice(v, 2)), List.of(centre), null)
                .probability(), 80, 72, 0.5f);

        session.openSeries(SERIES, v).get(1, TimeUnit.MINUTES);
        session.click(0, centre);
        settle();
        org.pointlearn.imaging.api.Mask2D surer0 = session.state().work().predicted();
        session.otherSquare(0).get(1, TimeUnit.MINUTES);
        session.otherSquare(0).get(1, TimeUnit.MINUTES);
        settle();
        assertFalse(surer0.equals(session.state().work().predicted()), "the small square's mask differs");
        session.accept(0).orElseThrow().get(2, TimeUnit.MINUTES);
        settle();

        session.click(2, centre);
        settle();
        assertEquals(small2, session.state().work().predicted(), "the first click shows the small square at once");
        assertTrue(session.state().work().otherSquare(), "S can show the others");
        Path journal = root.resolve("annotations").resolve("slice-in-progress.txt");
        for (int i = 0; i < 600 && !(Files.exists(journal)
                && Files.readString(journal).contains("other-square 0\nother-square 0\n")); i++) {
            Thread.sleep(50);
        }
        // kill -9 now: the slice comes back as it was shown (its replay presses S as the journal says, the memory paused)
        SegmentationSession again = new SegmentationSession(root, true, b -> { },
                org.pointlearn.adaptation.api.AdaptationPolicy.METHOD, still, (p, s) -> { });
        again.useModel(model).get(2, TimeUnit.MINUTES);
        try {
            SliceDraft d = again.journaled().get(1, TimeUnit.MINUTES).orElseThrow();
            assertEquals(java.util.Map.of(0, 2), d.otherSquares(), "the session's two presses are in the journal");
            for (int i = 0; i < 600 && !again.state().ready(); i++) {
                Thread.sleep(100);
            }
            again.openSeries(SERIES, v).get(1, TimeUnit.MINUTES);
            again.resume(d).get(2, TimeUnit.MINUTES);
            again.idle().get(2, TimeUnit.MINUTES);
            assertEquals(small2, again.state().work().predicted(), "the small square's mask again");
        } finally {
            again.close();
        }
    }

    /**
     * The workstation closes (or a test ends) while learning is being switched: the switch opens a new
     * session that warms up on the model. Once close returns the caller closes the model, so by then the
     * switch must be over and its session closed; a native crash in libtorch (freed weights) otherwise.
     */
    @Test
    void closingWhileTheModelIsBeingSwitchedWaitsForTheSwitchSoTheModelCanBeClosed() throws Exception {
        session = open();
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        session.click(1, new Click(40, 36, true));
        CompletableFuture<Void> off = session.setLearning(false);
        CompletableFuture<Void> on = session.setLearning(true);
        session.close();
        assertTrue(off.isDone(), "close returned while learning was still being switched off");
        assertTrue(on.isDone(), "the switch queued behind it was left hanging");
        assertFalse(session.state().ready(), "a closed session says it is not ready");
        session = null;
        model.close();
        model = null;
    }

    @Test
    void clicksShowAtOnceThenTheModelsMaskAndUndoRedoFollowTheUser() throws Exception {
        session = open();
        Volume v = volume();
        session.openSeries(SERIES, v).get(1, TimeUnit.MINUTES);
        session.click(1, new Click(40, 36, true));
        SeriesWork now = session.state().work();
        assertEquals(1, now.slice(), "the clicked slice is in progress");
        assertEquals(List.of(new Click(40, 36, true)), now.clicks(), "the click shows before the model answers");
        settle();
        SessionState after = session.state();
        assertNotNull(after.work().predicted(), "the model's mask is shown");
        assertTrue(after.lastClickMillis() > 0, "the click's time is known");
        assertEquals(SeriesWork.Step.CLICK, after.work().undo());
        session.beginStroke(1, 5, 5, 2, true);
        session.continueStroke(10, 5);
        session.endStroke();
        assertTrue(session.state().work().working().get(8, 5), "the brush painted its line");
        assertEquals(SeriesWork.Step.STROKE, session.state().work().undo());
        session.undo(1);
        assertFalse(session.state().work().working().get(8, 5), "undo took the stroke back");
        session.undo(1);
        settle();
        assertTrue(session.state().work().clicks().isEmpty(), "undo took the click back");
        assertEquals(SeriesWork.Step.CLICK, session.state().work().redo());
        session.redo(1);
        settle();
        assertEquals(1, session.state().work().clicks().size(), "redo brought the click back");
        assertTrue(heard.stream().anyMatch(e -> e.kind() == SessionEvent.Kind.CHANGED), "changes were published");
    }

    /**
     * Shift+Enter, then a click on the next slice at once: the click's mask is on that slice while
     * the accept is still learning (between two of its steps), not only once it is done.
     */
    @Test
    void aClickRightAfterAnAcceptShowsItsMaskWhileTheAcceptStillLearns() throws Exception {
        session = open();
        session.configure(org.pointlearn.adaptation.api.AdaptationPolicy.METHOD,
                org.pointlearn.adaptation.api.AdaptationSettings.defaults().toBuilder().postSteps(40).build())
                .get(1, TimeUnit.MINUTES);
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        settle();
        session.beginStroke(1, 40, 36, 8, true);
        session.endStroke();
        CompletableFuture<UpdateReport> update = session.accept(1).orElseThrow();
        List<Boolean> learningWhenShown = new CopyOnWriteArrayList<>();
        session.addListener(e -> {
            SeriesWork w = e.state().work();
            if (w.slice() == 2 && w.predicted() != null && !w.predicted().equals(w.proposal())) {
                learningWhenShown.add(!update.isDone());
            }
        });
        session.click(2, new Click(40, 36, true));
        assertTrue(update.get(2, TimeUnit.MINUTES).kept(), "the accept made a version");
        settle();
        assertFalse(learningWhenShown.isEmpty(), "the click's mask was shown");
        assertTrue(learningWhenShown.get(0), "the first of the click's masks came while the accept was learning: "
                + learningWhenShown);
        assertEquals(1, session.state().work().clicks().size());
    }

    @Test
    void acceptKeepsTheMaskMakesAVersionAndProposesItOnTheNeighbours() throws Exception {
        session = open();
        Volume v = volume();
        session.openSeries(SERIES, v).get(1, TimeUnit.MINUTES);
        int before = session.state().versions().size();
        session.beginStroke(1, 40, 36, 8, true);
        session.endStroke();
        UpdateReport report = session.accept(1).orElseThrow().get(2, TimeUnit.MINUTES);
        assertNotNull(report);
        settle();
        SessionState st = session.state();
        assertEquals(before + 1, st.versions().size(), "a new model version");
        assertEquals(st.versions().get(st.versions().size() - 1).id(), st.active().id(), "and it is in use");
        assertEquals(SeriesWork.SliceState.ACCEPTED, st.work().state(1));
        assertEquals(SeriesWork.SliceState.PROPOSED, st.work().state(0), "the neighbour gets the accepted mask");
        assertEquals(SeriesWork.SliceState.PROPOSED, st.work().state(2));
        assertTrue(session.accept(0).isPresent(), "a proposal can be accepted as it is");
        settle();
        assertEquals(SeriesWork.SliceState.ACCEPTED, session.state().work().state(0));
        assertTrue(session.accept(0).isEmpty(), "nothing left to accept on an accepted slice");
        assertTrue(heard.stream().anyMatch(e -> e.kind() == SessionEvent.Kind.MESSAGE
                && e.message().startsWith("Nothing to accept")), "and the user is told so");

        // A restart: the accepted masks come back on their slices.
        session.close();
        session = open();
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        assertEquals(List.of(0, 1), session.state().work().accepted().keySet().stream().sorted().toList());
        assertEquals(before + 2, session.state().versions().size(), "the versions are back too");
    }

    @Test
    void leavingASliceKeepsItsClicksAsADraftAndACrashKeepsTheSliceInProgress() throws Exception {
        session = open();
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        session.click(0, new Click(40, 36, true));
        settle();
        session.click(2, new Click(42, 30, true));
        session.click(2, new Click(10, 10, false));
        settle();
        SeriesWork work = session.state().work();
        assertEquals(List.of(0, 2), work.unaccepted(), "slice 0 is a draft, slice 2 in progress");
        assertEquals(1, work.drafts().get(0).clicks().size());
        session.clear(0);
        assertEquals(List.of(2), session.state().work().unaccepted(), "the draft was discarded");
        Path journal = root.resolve("annotations").resolve("slice-in-progress.txt");
        for (int i = 0; i < 600 && !Files.exists(journal); i++) {
            Thread.sleep(50);
        }
        // kill -9 now: nothing closes the session; a new one on the same folder finds the slice.
        InteractiveSession again = InteractiveSessions.getDefault().open(model, root, true);
        try {
            SliceDraft d = again.journaled().get(1, TimeUnit.MINUTES).orElseThrow();
            assertEquals(2, d.slice());
            assertEquals(List.of(new Click(42, 30, true), new Click(10, 10, false)), d.clicks());
            assertEquals("1.2.3.4", d.series());
            for (int i = 0; i < 600 && !again.state().ready(); i++) {
                Thread.sleep(100);
            }
            again.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
            again.resume(d).get(2, TimeUnit.MINUTES);
            again.idle().get(2, TimeUnit.MINUTES);
            assertEquals(d.clicks(), again.state().work().clicks(), "the clicks are back, predicted again");
            assertNotNull(again.state().work().predicted());
        } finally {
            again.close();
        }
    }

    @Test
    void anAcceptAndARollbackCanBeTakenBackAndDoneAgain() throws Exception {
        session = open();
        session.openSeries(SERIES, volume()).get(1, TimeUnit.MINUTES);
        Click click = new Click(40, 36, true);
        session.click(1, click);
        settle();
        session.accept(1).orElseThrow().get(2, TimeUnit.MINUTES);
        settle();
        SessionState st = session.state();
        String base = st.versions().get(0).id();
        String made = st.active().id();
        assertFalse(base.equals(made), "the accept made a version");
        assertEquals(SeriesWork.Step.ACCEPT, st.work().undo(), "the accept is what undo takes back");
        Path masks = root.resolve("annotations").resolve("1.2.3").resolve("1.2.3.4");
        for (int i = 0; i < 600 && count(masks) < 1; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, count(masks), "the accepted mask is on disk");

        session.undo(2);   // whichever slice is shown
        settle();
        st = session.state();
        assertEquals(base, st.active().id(), "the version before the accept is in use again");
        assertTrue(st.versions().stream().anyMatch(v -> v.id().equals(made)), "the version it made stays in the lineage");
        assertFalse(st.work().accepted().containsKey(1), "slice 2 is no longer accepted");
        assertEquals(1, st.work().slice(), "slice 2 is in progress again");
        assertEquals(List.of(click), st.work().clicks(), "with its click");
        for (int i = 0; i < 600 && count(masks) > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, count(masks), "the mask left the disk");
        assertEquals(SeriesWork.Step.ACCEPT, st.work().redo());

        session.redo(1);
        settle();
        st = session.state();
        assertTrue(st.work().accepted().containsKey(1), "redo accepted the slice again");
        assertEquals(3, st.versions().size(), "and the model learned from it again: a new version");
        String again = st.active().id();

        session.rollbackTo(base).get(1, TimeUnit.MINUTES);
        settle();
        assertEquals(base, session.state().active().id());
        assertEquals(SeriesWork.Step.ROLLBACK, session.state().work().undo());
        session.undo(0);
        settle();
        assertEquals(again, session.state().active().id(), "undo of the rollback put the version before it back");
        assertEquals(SeriesWork.Step.ROLLBACK, session.state().work().redo());
        session.redo(0);
        settle();
        assertEquals(base, session.state().active().id(), "redo rolled back again");
    }

    private static long count(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
        }
    }
}
