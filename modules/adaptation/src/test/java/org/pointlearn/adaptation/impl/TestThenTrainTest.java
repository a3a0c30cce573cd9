package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.SliceTest;

/**
 * "Test, then train": every accepted slice is scored by the active version and the base before
 * the model learns from it, and a lineage that does worse than the base is slowed, then sent
 * back to its best version.
 */
class TestThenTrainTest {

    private static final Path SHIPPED = Path.of(System.getProperty("user.dir"), "..", "..", "models", "mri-general");

    @Test
    void everyVersionRecordsItsTestAndTestingChangesNothingTheModelLearns() throws Exception {
        AdaptationSettings on = Fixtures.strong();
        AdaptationSettings off = on.with(Map.of("testWindow", "0"));
        List<ModelVersion> tested = run(on);
        List<ModelVersion> untested = run(off);
        assertEquals(4, tested.size());
        for (int i = 1; i < tested.size(); i++) {
            SliceTest t = tested.get(i).test();
            assertNotNull(t, tested.get(i).id());
            assertEquals(tested.get(i).parentId(), t.testedVersion(), "the version active before the slice");
            assertTrue(t.activeDice() >= 0 && t.activeDice() <= 1 && t.baseDice() >= 0 && t.baseDice() <= 1, t.toString());
            assertEquals(1, t.clicks());
            assertNull(untested.get(i).test());
            assertEquals(untested.get(i).losses(), tested.get(i).losses(),
                    "testing put the model back exactly: the same steps and losses follow");
        }
        assertEquals(tested.get(1).test().baseDice(), tested.get(1).test().activeDice(),
                "on the first slice the active version is the base");
    }

    /** A 20x20 square in the lower right corner of the 80x72 image. */
    private static Mask2D corner() {
        Mask2D m = Mask2D.empty(80, 72);
        for (int y = 52; y < 72; y++) {
            for (int x = 60; x < 80; x++) {
                m = m.with(x, y, true);
            }
        }
        return m;
    }

    private static List<ModelVersion> run(AdaptationSettings settings) throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, settings,
                     VersionStore.inMemory(8))) {
            for (int k = 0; k < 3; k++) {
                AdaptationSessionTest.learnKept(s, 38 + 2 * k, 34 + k, 12 + k, 80 + k);
            }
            return s.versions();
        }
    }

    /**
     * The shipped model segments a bright disk well. Here the user's accepted masks contradict
     * each other (every other slice, the first included, accepts a square in the corner for a click on the
     * disk) and
     * the rate is high with no forgetting guard, so every adapted version does worse than the
     * shipped model on the next slice. The record sees it: after two slices learning slows to a
     * half, after two more to a quarter, after two more the session returns to the best version,
     * the shipped model, and says so each time.
     */
    @Test
    void aLineageThatDoesWorseThanTheBaseIsSlowedThenSentBack() throws Exception {
        AdaptationSettings destructive = AdaptationSettings.defaults().with(Map.of("postLearningRate", "0.05",
                "midSteps", "0", "guardEnabled", "false", "versionPull", "0", "replayEvery", "0",
                "testWindow", "2", "testMargin", "0.05"));
        try (SegmentationModel model = SegmentationModel.load(SHIPPED, Device.cpu());
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.POST, destructive,
                     VersionStore.inMemory(2))) {   // the base is no longer kept by the store when the session goes back
            for (int k = 0; k < 6; k++) {
                int cx = 36 + 2 * k;
                int cy = 34 + k % 3;
                s.start(Fixtures.disk(cx, cy, 12, 90 + k), "img-" + k);
                s.click(new Click(cx, cy, true));
                s.accept(k % 2 == 1 ? Fixtures.diskMask(cx, cy, 12) : corner());
                if (k == 1) {
                    assertEquals(0.5, s.learningScale(), "slowed after the second slice: " + s.tests());
                }
            }
            SliceTest first = s.tests().get(0);
            assertEquals(first.baseDice(), first.activeDice(), "the first slice is tested on the base");
            assertTrue(s.tests().get(1).baseDice() > 0.6, "the shipped model finds the disk: " + s.tests());
            List<AdaptationEvent.Kind> reactions = s.events().stream().map(AdaptationEvent::kind)
                    .filter(k -> k == AdaptationEvent.Kind.LEARNING_SLOWED || k == AdaptationEvent.Kind.RETURNED_TO_BEST)
                    .toList();
            assertEquals(List.of(AdaptationEvent.Kind.LEARNING_SLOWED, AdaptationEvent.Kind.LEARNING_SLOWED,
                    AdaptationEvent.Kind.RETURNED_TO_BEST), reactions, s.events().toString());
            assertEquals(0.25, s.learningScale());
            assertEquals("v0", s.activeVersion().id(), "back to the shipped model");
            AdaptationEvent back = s.events().get(s.events().size() - 1);
            assertTrue(back.message().startsWith("Returned to version v0: over the last 2 slices the adapted model"
                    + " scored Dice"), back.message());
            assertTrue(back.message().contains("1/4 of its set rate"), back.message());
            s.start(Fixtures.disk(36, 34, 12, 90), "after");
            s.click(new Click(36, 34, true));
            s.accept(Fixtures.diskMask(36, 34, 12));   // learning goes on from the base (its state was kept again)
            assertEquals("v0", s.versions().get(s.versions().size() - 1).parentId());
        }
    }
}
