package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.adaptation.api.VersionStoreException;

/** The interaction loop as a user experiences it. */
public class AdaptationSessionTest {

    private static AdaptationSession session(SegmentationModel model, AdaptationPolicy policy) throws Exception {
        return new AdaptationSession(model, policy, Fixtures.strong(), VersionStore.inMemory(8));
    }

    @Test
    void acceptingAnImageMakesTheNextPredictionOnItCloserToTheAcceptedMask() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.POST)) {
            Image2D image = Fixtures.disk(40, 36, 14, 1);
            Mask2D mask = Fixtures.diskMask(40, 36, 14);
            s.start(image, "a");
            Prediction before = s.click(new Click(40, 36, true));
            UpdateReport report = s.accept(mask);
            assertTrue(report.kept(), report.message());
            s.start(image, "a-again");
            Prediction after = s.click(new Click(40, 36, true));
            assertTrue(Fixtures.error(after.probability(), mask) < Fixtures.error(before.probability(), mask),
                    "error before " + Fixtures.error(before.probability(), mask) + ", after "
                            + Fixtures.error(after.probability(), mask));
            assertEquals(List.of("v0", "v1"), s.versions().stream().map(ModelVersion::id).toList());
            assertEquals("v0", s.activeVersion().parentId());
            assertEquals(10, s.activeVersion().postSteps());
            // make bench's "of which" rows: where the accept's time went
            var timings = s.lastAcceptTimings();
            assertTrue(timings.postMillis() > 0 && timings.guardMillis() > 0 && timings.saveMillis() > 0, timings.toString());
            assertTrue(timings.postMillis() + timings.guardMillis() + timings.saveMillis() + timings.testMillis()
                    <= report.millis() + 1, timings + " within the accept's " + report.millis() + " ms");
        }
    }

    /**
     * With a small square in the card, S goes through three: the other of the two, then the small one
     * (looked at only now), then the first choice again; the small one is the predictor's own.
     */
    @Test
    void withASmallSquareSShowsTheOtherThenTheSmallThenTheFirstAgain() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel()) {
            model.describeAs(model.card().toBuilder().focus(ModelCard.Focus.ZOOM.withFirstSide(0.15).withWideSide(0.6)
                    .withZoomOuts(0).withSmallSide(0.05)).build());
            try (AdaptationSession s = session(model, AdaptationPolicy.FROZEN)) {
                Image2D image = Fixtures.disk(40, 36, 6, 3);
                s.start(image, "a");
                Click first = new Click(40, 36, true);
                Prediction chosen = s.click(first);
                Predictor predictor = new Predictor(model);
                InputEncoder.PreparedImage prepared = model.encoder().prepareImage(image);
                Predictor.Focused both = predictor.predict(prepared, List.of(first), null);
                float[] small = predictor.smallSquare(prepared, List.of(first), null).probability();
                assertArrayEquals(both.other().probability(), s.otherSquare().orElseThrow().probability(), 1e-6f,
                        "first the other of the two squares");
                Prediction third = s.otherSquare().orElseThrow();
                assertArrayEquals(small, third.probability(), 1e-6f, "then the small square");
                assertFalse(java.util.Arrays.equals(small, chosen.probability()), "another mask");
                assertFalse(java.util.Arrays.equals(small, both.other().probability()), "another mask");
                assertTrue(third.otherSquare(), "S can go on");
                assertArrayEquals(chosen.probability(), s.otherSquare().orElseThrow().probability(), 1e-6f,
                        "then the first choice again");
                assertArrayEquals(both.other().probability(), s.otherSquare().orElseThrow().probability(), 1e-6f,
                        "and round again");
            }
        }
    }

    /** A disk, a first click in it, and what the model shows for it through the surer and the small square. */
    private record Squares(Image2D image, Click first, Predictor.Focused surer, float[] small, Mask2D wanted) {
    }

    /** Gives the model a near, a wide and a small first square and looks at a click in a disk through them. */
    private static Squares squaresOnADisk(SegmentationModel model) {
        model.describeAs(model.card().toBuilder().focus(ModelCard.Focus.ZOOM.withFirstSide(0.15).withWideSide(0.6)
                .withZoomOuts(0).withSmallSide(0.05)).build());
        Image2D image = Fixtures.disk(40, 36, 6, 3);
        Click first = new Click(40, 36, true);
        Predictor predictor = new Predictor(model);
        InputEncoder.PreparedImage prepared = model.encoder().prepareImage(image);
        float[] small = predictor.smallSquare(prepared, List.of(first), null).probability();
        return new Squares(image, first, predictor.predict(prepared, List.of(first), null), small,
                Mask2D.threshold(small, image.width(), image.height(), Prediction.THRESHOLD));
    }

    /**
     * The user accepted a slice whose mask is the small square's: the next first click shows the small
     * square (S then goes to the surer and the other square); with the memory off, or a frozen
     * session, the surer square as before.
     */
    @Test
    void afterASliceThatWantedTheSmallSquareTheNextFirstClickShowsIt() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel()) {
            Squares sq = squaresOnADisk(model);
            Image2D image = sq.image();
            Click first = sq.first();
            Predictor.Focused surer = sq.surer();
            float[] small = sq.small();
            Mask2D wanted = sq.wanted();
            assertTrue(wanted.dice(Mask2D.threshold(surer.probability(), image.width(), image.height(),
                    Prediction.THRESHOLD)) < 0.95, "the fixture's squares give different masks");
            // no weight updates: only what the session remembers of the squares changes
            AdaptationSettings still = Fixtures.strong().toBuilder().postSteps(0).midSteps(0).build();
            for (int memory : new int[] {5, 0}) {
                try (AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD,
                        still.toBuilder().squareMemory(memory).build(), VersionStore.inMemory(8))) {
                    s.start(image, "a");
                    assertArrayEquals(surer.probability(), s.click(first).probability(), 1e-6f,
                            "nothing accepted yet: the surer square");
                    s.accept(wanted);
                    s.start(image, "b");
                    Prediction next = s.click(first);
                    if (memory == 0) {
                        assertArrayEquals(surer.probability(), next.probability(), 1e-6f, "memory off: the surer square");
                        continue;
                    }
                    assertArrayEquals(small, next.probability(), 1e-6f, "the square the accepted slice wanted");
                    assertTrue(s.events().stream().anyMatch(e -> e.kind() == AdaptationEvent.Kind.FIRST_SQUARE
                            && e.message().startsWith("First clicks now show the small square")), "the user is told");
                    assertTrue(next.otherSquare(), "S can show the others");
                    assertArrayEquals(surer.probability(), s.otherSquare().orElseThrow().probability(), 1e-6f,
                            "S: the surer square");
                    assertArrayEquals(surer.other().probability(), s.otherSquare().orElseThrow().probability(), 1e-6f,
                            "S again: the other one");
                    assertArrayEquals(small, s.otherSquare().orElseThrow().probability(), 1e-6f, "and round again");
                    s.pauseSquareMemory(true);
                    s.start(image, "replayed");
                    assertArrayEquals(surer.probability(), s.click(first).probability(), 1e-6f,
                            "a replay with the memory paused: the surer square, as the presses it had assume");
                    s.pauseSquareMemory(false);
                }
            }
            try (AdaptationSession s = session(model, AdaptationPolicy.FROZEN)) {
                s.start(image, "a");
                s.click(first);
                s.accept(wanted);
                s.start(image, "b");
                assertArrayEquals(surer.probability(), s.click(first).probability(), 1e-6f,
                        "a frozen session learns nothing, the square neither");
            }
        }
    }

    /**
     * The workstation is closed (or crashes) after a slice that wanted the small square: the session
     * opened next on the same store shows the small square at the first click, before any slice is
     * accepted. A damaged memory file is said in words and first clicks show the surer square.
     */
    @Test
    void theSquareTheAcceptedSlicesWantedIsRememberedAcrossARestart(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        try (SegmentationModel model = Fixtures.smallModel()) {
            Squares sq = squaresOnADisk(model);
            Image2D image = sq.image();
            Click first = sq.first();
            float[] surer = sq.surer().probability();
            float[] small = sq.small();
            Mask2D wanted = sq.wanted();
            AdaptationSettings still = Fixtures.strong().toBuilder().postSteps(0).midSteps(0).build();
            try (VersionStore store = VersionStore.open(dir, 8);
                    AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, still, store)) {
                s.start(image, "a");
                s.click(first);
                s.accept(wanted);
            }
            try (VersionStore store = VersionStore.open(dir, 8);
                    AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, still, store)) {
                s.start(image, "b");
                assertArrayEquals(small, s.click(first).probability(), 1e-6f,
                        "after the restart the first click shows the square the accepted slice wanted");
            }
            java.nio.file.Files.writeString(dir.resolve(FirstSquareMemory.FILE), "[{\"SURER\": 7}]");
            try (VersionStore store = VersionStore.open(dir, 8);
                    AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, still, store)) {
                assertTrue(s.events().stream().anyMatch(e -> e.kind() == AdaptationEvent.Kind.STORE_REPAIRED
                        && e.message().contains("first-square memory was not restored")
                        && e.message().contains("not in 0..1")), s.events().toString());
                s.start(image, "c");
                assertArrayEquals(surer, s.click(first).probability(), 1e-6f, "a damaged memory: the surer square");
            }
        }
    }

    /**
     * One click looked at through two squares, the network at the wrong scale: the user asks for the
     * other square's mask (exactly the one the predictor made beside it), can go back, and the next
     * click starts from what is shown.
     */
    @Test
    void theOtherSquaresMaskIsShownOnAskingAndTheNextClickStartsFromIt() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel()) {
            model.describeAs(model.card().toBuilder()
                    .focus(ModelCard.Focus.ZOOM.withFirstSide(0.15).withWideSide(0.6).withZoomOuts(0)).build());
            try (AdaptationSession s = session(model, AdaptationPolicy.FROZEN)) {
                Image2D image = Fixtures.disk(40, 36, 6, 3);
                s.start(image, "a");
                Click first = new Click(40, 36, true);
                Prediction chosen = s.click(first);
                Prediction other = s.otherSquare().orElseThrow();
                Predictor predictor = new Predictor(model);
                InputEncoder.PreparedImage prepared = model.encoder().prepareImage(image);
                Predictor.Focused both = predictor.predict(prepared, List.of(first), null);
                assertArrayEquals(both.probability(), chosen.probability(), 1e-6f);
                assertArrayEquals(both.other().probability(), other.probability(), 1e-6f,
                        "the square the network did not choose");
                assertFalse(java.util.Arrays.equals(chosen.probability(), other.probability()), "another mask");
                assertEquals(List.of(first), other.clicks());
                assertArrayEquals(chosen.probability(), s.otherSquare().orElseThrow().probability(), 1e-6f,
                        "asked again: the first choice again");
                s.otherSquare();

                Click second = new Click(44, 36, true);
                Prediction next = s.click(second);
                assertArrayEquals(predictor.predict(prepared, List.of(first, second), other.probability()).probability(),
                        next.probability(), 1e-6f, "the next click starts from the mask shown");
                assertTrue(s.otherSquare().isEmpty(), "a click on the mask is looked at through one square");
                assertArrayEquals(other.probability(), s.undo().probability(), 1e-6f,
                        "undo goes back to the mask shown before the click");
            }
        }
    }

    /**
     * A day of slices must not eat the machine's memory: after the first accepted slices the
     * native arrays the model holds stay as many (the store keeps a fixed number of versions in
     * memory, every step frees what it made), with the guard's checks and undo snapshots in play.
     */
    @Test
    void acceptingSliceAfterSliceHoldsNoMoreNativeMemory() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, Fixtures.strong(),
                     VersionStore.inMemory(2))) {
            int[] counts = new int[6];
            for (int k = 0; k < counts.length; k++) {
                learnFrom(s, 38 + k, 34 + k, 12 + k % 3, 60 + k);
                counts[k] = model.djlModel().getNDManager().getManagedArrays().size();
            }
            assertEquals(counts[1], counts[5], "native arrays held after slices 1-6: " + java.util.Arrays.toString(counts));
        }
    }

    @Test
    void aNegativeClickWithMidUpdateLowersTheProbabilityWhereClicked() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.METHOD)) {
            learnFrom(s, 40, 36, 14, 21);
            learnFrom(s, 35, 30, 12, 22);
            s.start(Fixtures.disk(42, 38, 14, 2), "b");
            s.click(new Click(42, 38, true));
            float[][] plain = new float[1][];
            Click negative = new Click(52, 38, false);
            Prediction adapted = s.click(negative, p -> plain[0] = p.probability(), () -> false);
            assertTrue(adapted.adapted());
            // beside the click (the clicked pixel itself is background by rule, before and after)
            int i = negative.y() * 80 + negative.x() - 2;
            assertTrue(adapted.probability()[i] < plain[0][i], "plain " + plain[0][i] + ", adapted " + adapted.probability()[i]);
            assertEquals(0f, adapted.probability()[i + 2]);
        }
    }

    @Test
    void undoRestoresTheExactPreviousPredictionAndModel() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.METHOD)) {
            s.start(Fixtures.disk(40, 36, 14, 3), "c");
            Prediction first = s.click(new Click(40, 36, true));
            float[][] plainSecond = new float[1][];
            Prediction second = s.click(new Click(60, 20, false), p -> plainSecond[0] = p.probability(), () -> false);
            assertTrue(second.adapted());
            Prediction undone = s.undo();
            assertArrayEquals(first.probability(), undone.probability());
            assertEquals(List.of(new Click(40, 36, true)), undone.clicks());
            float[][] plainAgain = new float[1][];
            s.click(new Click(60, 20, false), p -> plainAgain[0] = p.probability(), () -> false);
            assertArrayEquals(plainSecond[0], plainAgain[0], "the model after undo is exactly the model before the click");
        }
    }

    @Test
    void rollbackRestoresTheExactParametersOfAVersion() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.POST)) {
            Image2D probe = Fixtures.disk(30, 30, 10, 9);
            float[] atV0 = predictOnce(s, probe);
            learnKept(s, 40, 36, 14, 4);
            float[] atV1 = predictOnce(s, probe);
            learnKept(s, 42, 38, 14, 5);
            float[] atV2 = predictOnce(s, probe);
            assertFalse(java.util.Arrays.equals(atV1, atV2), "the second update changed the model");
            s.rollbackTo("v1");
            assertArrayEquals(atV1, predictOnce(s, probe));
            s.rollbackTo("v0");
            assertArrayEquals(atV0, predictOnce(s, probe));
            s.rollbackTo("v2");
            assertArrayEquals(atV2, predictOnce(s, probe));
            assertEquals("v2", s.activeVersion().id());
            assertTrue(s.events().stream().anyMatch(e -> e.kind() == AdaptationEvent.Kind.ROLLBACK));
        }
    }

    @Test
    void theGuardUndoesAnUpdateWithAnAbsurdLearningRateAndSaysSo() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.POST)) {
            learnKept(s, 40, 36, 14, 11);
            learnKept(s, 40, 36, 14, 12);
            Image2D probe = Fixtures.disk(30, 30, 10, 9);
            float[] before = predictOnce(s, probe);
            s.updateSettings(Fixtures.strong().withPostLearningRate(50));
            UpdateReport report = learnFrom(s, 45, 40, 13, 13);
            assertFalse(report.kept(), report.message());
            assertFalse(report.verdict().passed());
            assertTrue(report.message().contains("undone"), report.message());
            assertEquals("v2", s.activeVersion().id());
            assertArrayEquals(before, predictOnce(s, probe), "the model is back to v2 exactly");
            AdaptationEvent last = s.events().get(s.events().size() - 1);
            assertEquals(AdaptationEvent.Kind.GUARD_ROLLBACK, last.kind());
            assertTrue(last.message().contains("v2 stays active"), last.message());
        }
    }

    @Test
    void theGuardUndoesAnUpdateWhoseLossIsNotFinite() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.POST)) {
            UpdateReport report = acceptAnImageWithANaN(s);
            assertFalse(report.kept());
            assertTrue(report.message().contains("not a finite number"), report.message());
            assertEquals("v0", s.activeVersion().id());
        }
    }

    @Test
    void withTheGuardOffANonFiniteLossIsStillUndoneInWordsAndNothingIsSaved() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.POST, Fixtures.strong().withGuard(false),
                     VersionStore.inMemory(4))) {
            UpdateReport report = acceptAnImageWithANaN(s);
            assertFalse(report.kept());
            assertTrue(report.message().contains("not a finite number"), report.message());
            assertEquals(List.of("v0"), s.versions().stream().map(ModelVersion::id).toList());
        }
    }

    /** A damaged slice is undone and also kept out of the replay buffer, where it would spoil later updates. */
    @Test
    void anImageWhoseLossIsNotFiniteDoesNotSpoilTheNextUpdates() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.POST)) {
            assertFalse(acceptAnImageWithANaN(s).kept());
            for (int k = 0; k < 3; k++) {
                learnKept(s, 40 + k, 36, 14, 30 + k);
            }
            assertEquals("v3", s.activeVersion().id());
        }
    }

    /** One click on an image with a NaN pixel, then accept: the update's loss is not a finite number. */
    private static UpdateReport acceptAnImageWithANaN(AdaptationSession s) throws AdaptationException {
        Image2D broken = Fixtures.disk(40, 36, 14, 14);
        broken.data()[100] = Float.NaN;
        s.start(broken, "broken");
        s.click(new Click(40, 36, true));
        return s.accept(Fixtures.diskMask(40, 36, 14));
    }

    @Test
    void theFrozenPolicyNeverChangesTheModel() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.FROZEN)) {
            Image2D probe = Fixtures.disk(30, 30, 10, 9);
            float[] before = predictOnce(s, probe);
            UpdateReport report = learnFrom(s, 40, 36, 14, 15);
            assertFalse(report.kept());
            assertArrayEquals(before, predictOnce(s, probe));
            assertEquals(1, s.versions().size());
        }
    }

    @Test
    void theBaselinesLearn() throws Exception {
        for (AdaptationPolicy p : List.of(AdaptationPolicy.TENT, AdaptationPolicy.IASA, AdaptationPolicy.NO_GAUSS)) {
            try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, p)) {
                Image2D probe = Fixtures.disk(30, 30, 10, 9);
                float[] before = predictOnce(s, probe);
                UpdateReport report = learnFrom(s, 40, 36, 14, 16);
                assertTrue(report.kept(), p.name() + ": " + report.message());
                assertFalse(java.util.Arrays.equals(before, predictOnce(s, probe)), p.name() + " changed nothing");
            }
        }
    }

    @Test
    void withBatchNormOnlyTheMethodLearnsButLeavesEveryConvolutionAsShipped() throws Exception {
        AdaptationSettings bn = Fixtures.strong().toBuilder().batchNormOnly(true).build();
        try (SegmentationModel model = Fixtures.smallModel();
                AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, bn, VersionStore.inMemory(8))) {
            Image2D probe = Fixtures.disk(30, 30, 10, 9);
            float[] before = predictOnce(s, probe);
            float[] conv = LearnerTest.values(model, "weight");
            float[] gamma = LearnerTest.values(model, "gamma");
            UpdateReport report = learnFrom(s, 40, 36, 14, 16);
            assertTrue(report.kept(), report.message());
            assertFalse(java.util.Arrays.equals(before, predictOnce(s, probe)), "the method changed nothing");
            assertArrayEquals(conv, LearnerTest.values(model, "weight"));
            assertFalse(java.util.Arrays.equals(gamma, LearnerTest.values(model, "gamma")));
        }
    }

    @Test
    void wrongUseIsExplainedInWords() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.METHOD)) {
            AdaptationException noImage = assertThrows(AdaptationException.class, () -> s.click(new Click(1, 1, true)));
            assertTrue(noImage.getMessage().contains("start one first"));
            s.start(Fixtures.disk(40, 36, 14, 1), "x");
            AdaptationException outside = assertThrows(AdaptationException.class, () -> s.click(new Click(500, 1, true)));
            assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
            assertThrows(AdaptationException.class, s::undo);
            VersionStoreException unknown = assertThrows(VersionStoreException.class, () -> s.rollbackTo("v9"));
            assertNotNull(unknown.getMessage());
        }
    }

    @Test
    void aFullVersionPullKeepsNothingOfAnImageAndAPartialOneKeepsPart() throws Exception {
        Image2D probe = Fixtures.disk(30, 30, 10, 9);
        AdaptationSettings noGuard = Fixtures.strong().withGuard(false);
        float[] base;
        float[] learned;
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, noGuard, VersionStore.inMemory(4))) {
            base = predictOnce(s, probe);
            learnKept(s, 40, 36, 14, 1);
            learned = predictOnce(s, probe);
        }
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD,
                     noGuard.with(java.util.Map.of("versionPull", "1")), VersionStore.inMemory(4))) {
            learnFrom(s, 40, 36, 14, 1);
            assertArrayEquals(base, predictOnce(s, probe), 1e-5f, "pulled all the way back: the base model");
        }
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD,
                     noGuard.with(java.util.Map.of("versionPull", "0.5")), VersionStore.inMemory(4))) {
            learnKept(s, 40, 36, 14, 1);
            float[] half = predictOnce(s, probe);
            double toBase = 0;
            double toLearned = 0;
            double span = 0;
            for (int i = 0; i < half.length; i++) {
                toBase += Math.abs(half[i] - base[i]);
                toLearned += Math.abs(half[i] - learned[i]);
                span += Math.abs(learned[i] - base[i]);
            }
            assertTrue(span > 1, "the image taught the model something: " + span);
            assertTrue(toBase > 0.1 * span && toLearned > 0.1 * span, "between base and learned: " + toBase + " / "
                    + toLearned + " of " + span);
        }
    }

    @Test
    void aSliceStartedFromAProposalUsesItAsThePreviousMaskAndCanBeAcceptedWithoutClicks() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.METHOD)) {
            Image2D image = Fixtures.disk(40, 36, 14, 5);
            Mask2D neighbour = Fixtures.diskMask(41, 36, 13);
            assertThrows(IllegalArgumentException.class, () -> s.start(image, "wrong", new float[10]));
            s.start(image, "proposed", neighbour.toFloats());
            s.click(new Click(40, 36, true));
            Prediction back = s.undo();
            assertArrayEquals(neighbour.toFloats(), back.probability(), "undoing the first click shows the proposal again");
            UpdateReport report = s.accept(neighbour);
            assertTrue(report.kept(), report.message());
            assertEquals(0, s.activeVersion().midSteps());
            assertTrue(s.activeVersion().postSteps() > 0, "accepting the proposal as it is teaches the model too");
        }
    }

    @Test
    void warmingUpChangesNothingTheUserSees() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.METHOD)) {
            Image2D probe = Fixtures.disk(40, 36, 14, 9);
            float[] before = predictOnce(s, probe);
            s.warmUp();
            assertArrayEquals(before, predictOnce(s, probe), "the warm-up's step was not taken back exactly");
            assertEquals(1, s.versions().size());
            assertTrue(s.clicks().isEmpty());
        }
    }

    @Test
    void anotherVersionPredictsTheCurrentImageWithoutChangingTheModelInUse() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = session(model, AdaptationPolicy.POST)) {
            Image2D image = Fixtures.disk(40, 36, 14, 3);
            s.start(image, "first");
            Prediction baseOnFirst = s.click(new Click(40, 36, true));
            s.accept(Fixtures.diskMask(40, 36, 14));
            s.start(image, "again");
            Prediction adapted = s.click(new Click(40, 36, true));
            assertThrows(AdaptationException.class, () -> s.predictWith("v9"));
            Prediction base = s.predictWith("v0");
            assertArrayEquals(baseOnFirst.probability(), base.probability(), "v0 predicts as it did before learning");
            assertFalse(java.util.Arrays.equals(adapted.probability(), base.probability()), "v1 and v0 predict alike");
            assertEquals("v1", s.activeVersion().id());
            s.start(image, "third");
            assertArrayEquals(adapted.probability(), s.click(new Click(40, 36, true)).probability(),
                    "the model in use changed by the comparison");
        }
    }

    static UpdateReport learnFrom(AdaptationSession s, int cx, int cy, int r, long seed) throws Exception {
        s.start(Fixtures.disk(cx, cy, r, seed), "img-" + seed);
        s.click(new Click(cx, cy, true));
        s.click(new Click(5, 5, false));
        return s.accept(Fixtures.diskMask(cx, cy, r));
    }

    static void learnKept(AdaptationSession s, int cx, int cy, int r, long seed) throws Exception {
        UpdateReport report = learnFrom(s, cx, cy, r, seed);
        org.junit.jupiter.api.Assertions.assertTrue(report.kept(), report.message());
    }

    public static float[] predictOnce(AdaptationSession s, Image2D probe) throws AdaptationException {
        s.start(probe, "probe");
        float[] p = s.click(new Click(30, 30, true), x -> { }, () -> true).probability();
        s.start(probe, "probe-discarded");
        return p;
    }
}
