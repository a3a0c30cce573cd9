package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/** The viewer's view of the session: background work, stale results dropped, cancel. */
class AsyncAdaptationSessionTest {

    /**
     * S pressed while a click is still being predicted: the click's own mask is still shown first,
     * then the other square's; when the click has no other square its mask stays shown.
     */
    @Test
    void sRightAfterAClickLetsTheClicksMaskShowFirst() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel()) {
            model.describeAs(model.card().toBuilder().focus(org.pointlearn.inference.api.ModelCard.Focus.ZOOM
                    .withFirstSide(0.15).withWideSide(0.6).withZoomOuts(0)).build());
            try (AsyncAdaptationSession async = new AsyncAdaptationSession(new AdaptationSession(model,
                    AdaptationPolicy.FROZEN, Fixtures.strong(), VersionStore.inMemory(4)))) {
                Image2D image = Fixtures.disk(40, 36, 6, 3);
                CountDownLatch release = startHeld(async, image);
                List<Prediction> shown = new CopyOnWriteArrayList<>();
                var first = async.click(new Click(40, 36, true), shown::add);
                var other = async.otherSquare(shown::add);
                release.countDown();
                assertTrue(first.get(30, TimeUnit.SECONDS).isPresent(), "the click's mask was shown");
                assertTrue(other.get(30, TimeUnit.SECONDS), "a first click has another square");
                assertEquals(2, shown.size(), "the click's mask, then the other square's");

                shown.clear();
                var second = async.click(new Click(42, 36, true), shown::add);
                assertFalse(async.otherSquare(shown::add).get(30, TimeUnit.SECONDS), "a click on the mask: one square");
                assertTrue(second.get(30, TimeUnit.SECONDS).isPresent());
                assertEquals(1, shown.size(), "the click's mask stays shown");
            }
        }
    }

    @Test
    void aResultMadeStaleByANewerClickIsDropped() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AsyncAdaptationSession async = new AsyncAdaptationSession(new AdaptationSession(model,
                     AdaptationPolicy.METHOD, Fixtures.strong(), VersionStore.inMemory(4)))) {
            Image2D image = Fixtures.disk(40, 36, 14, 1);
            CountDownLatch release = startHeld(async, image);
            List<Prediction> shown = new CopyOnWriteArrayList<>();
            var first = async.click(new Click(40, 36, true), shown::add);
            var second = async.click(new Click(10, 10, false), shown::add);
            release.countDown();
            assertEquals(Optional.empty(), first.get(30, TimeUnit.SECONDS), "the first click's result is stale");
            Optional<Prediction> last = second.get(30, TimeUnit.SECONDS);
            assertTrue(last.isPresent());
            assertTrue(shown.stream().allMatch(p -> p.clicks().size() == 2), "only results of the newest click were shown");
            assertEquals(2, shown.size(), "the plain prediction, then the re-prediction after the update");
            assertTrue(shown.get(1).adapted());
            assertArrayEquals(last.get().probability(), shown.get(1).probability());
        }
    }

    @Test
    void cancellingAnAcceptLeavesTheModelAsItWas() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AsyncAdaptationSession async = new AsyncAdaptationSession(new AdaptationSession(model,
                     AdaptationPolicy.POST, Fixtures.strong().withSteps(200, 0), VersionStore.inMemory(4)))) {
            Image2D probe = Fixtures.disk(30, 30, 10, 9);
            float[] before = async.submit(() -> AdaptationSessionTest.predictOnce(async.session(), probe)).get();
            async.submit(() -> {
                async.session().start(Fixtures.disk(40, 36, 14, 2), "b");
                return async.session().click(new Click(40, 36, true));
            }).get();
            var report = async.accept(Fixtures.diskMask(40, 36, 14));
            Thread.sleep(300);
            async.cancel();
            UpdateReport r = report.get(60, TimeUnit.SECONDS);
            assertFalse(r.kept(), r.message());
            assertTrue(r.message().startsWith("Cancelled"), r.message());
            assertArrayEquals(before, async.submit(() -> AdaptationSessionTest.predictOnce(async.session(), probe)).get());
            assertEquals(AdaptationEvent.Kind.CANCELLED, async.session().events().get(async.session().events().size() - 1)
                    .kind());
        }
    }

    /**
     * The slice-by-slice loop: Shift+Enter, then a click on the next slice while the accept still
     * learns. The click's mask is shown between two of the accept's steps, not after the whole
     * update; then the click is predicted and learned from as without the preview, and the accept
     * learns exactly as it would have (same model after, same masks shown last).
     */
    @Test
    void aClickMadeWhileAnAcceptLearnsIsShownBeforeTheAcceptEndsAndChangesNothingItLearns() throws Exception {
        Image2D next = Fixtures.disk(36, 30, 12, 5);
        Click click = new Click(36, 30, true);
        List<Prediction> withoutPreview = new CopyOnWriteArrayList<>();
        float[] modelWithout = acceptThenClick(next, click, withoutPreview, false, null, null);

        List<Prediction> shown = new CopyOnWriteArrayList<>();
        List<Boolean> acceptDoneWhenShown = new CopyOnWriteArrayList<>();
        float[][] previewBefore = new float[1][];
        float[] modelWith = acceptThenClick(next, click, shown, true, acceptDoneWhenShown, previewBefore);

        assertEquals(3, shown.size(), "the preview, then the click's plain prediction and its re-prediction: " + shown);
        assertEquals(List.of(false, true, true), acceptDoneWhenShown, "the preview came while the accept was learning");
        assertFalse(shown.get(0).adapted());
        assertEquals(List.of(click), shown.get(0).clicks());
        assertArrayEquals(previewBefore[0],
                shown.get(0).probability(), "the preview came before the accept's first step: the model as it was");
        assertArrayEquals(withoutPreview.get(withoutPreview.size() - 1).probability(),
                shown.get(shown.size() - 1).probability(), "the click's own masks are as without the preview");
        assertArrayEquals(modelWithout, modelWith, "the accept and the click learned the same with the preview");
    }

    /** A preview that cannot be made (a click outside the image) never fails the accept; the click says why. */
    @Test
    void aClickThatCannotBePreviewedLeavesTheAcceptToFinish() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AsyncAdaptationSession async = new AsyncAdaptationSession(new AdaptationSession(model,
                     AdaptationPolicy.METHOD, Fixtures.strong(), VersionStore.inMemory(4)))) {
            async.submit(() -> {
                async.session().start(Fixtures.disk(40, 36, 14, 2), "accepted");
                return async.session().click(new Click(40, 36, true));
            }).get(60, TimeUnit.SECONDS);
            var report = async.accept(Fixtures.diskMask(40, 36, 14));
            Image2D next = Fixtures.disk(36, 30, 12, 5);
            async.submit(() -> {
                async.session().start(next, "next");
                return null;
            });
            Click outside = new Click(500, 30, true);
            var clicked = async.click(outside, p -> { }, new AsyncAdaptationSession.Preview(next, null, List.of(outside)));
            assertTrue(report.get(60, TimeUnit.SECONDS).kept(), "the accept made its version");
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> clicked.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("outside"), e.getCause().getMessage());
        }
    }

    /**
     * A slice learned from, then a click on {@code next}: made while the accept is queued (with a
     * preview) or after it. Returns a probe's prediction by the model at the end; with
     * {@code previewBefore}, the preview of the click made before the accept goes in its first place.
     */
    private static float[] acceptThenClick(Image2D next, Click click, List<Prediction> shown, boolean during,
            List<Boolean> acceptDone, float[][] previewBefore) throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AsyncAdaptationSession async = new AsyncAdaptationSession(new AdaptationSession(model,
                     AdaptationPolicy.METHOD, Fixtures.strong().withSteps(12, 1), VersionStore.inMemory(4)))) {
            async.submit(() -> {
                async.session().start(Fixtures.disk(40, 36, 14, 2), "accepted");
                return async.session().click(new Click(40, 36, true));
            }).get(60, TimeUnit.SECONDS);
            if (previewBefore != null) {
                previewBefore[0] = async.submit(() -> async.session().preview(next, null, List.of(click)))
                        .get(60, TimeUnit.SECONDS).probability();
            }
            CountDownLatch release = new CountDownLatch(1);
            async.submit(() -> {
                awaitQuietly(release);
                return null;
            });
            var report = async.accept(Fixtures.diskMask(40, 36, 14));
            async.submit(() -> {
                async.session().start(next, "next");
                return null;
            });
            CompletableFuture<Optional<Prediction>> clicked;
            if (during) {
                assertTrue(async.learning());
                clicked = async.click(click, p -> {
                    acceptDone.add(report.isDone());
                    shown.add(p);
                }, new AsyncAdaptationSession.Preview(next, null, List.of(click)));
                release.countDown();
            } else {
                release.countDown();
                report.get(60, TimeUnit.SECONDS);
                assertFalse(async.learning());
                clicked = async.click(click, shown::add);
            }
            assertTrue(report.get(60, TimeUnit.SECONDS).kept());
            assertTrue(clicked.get(60, TimeUnit.SECONDS).isPresent());
            return async.submit(() -> AdaptationSessionTest.predictOnce(async.session(), Fixtures.disk(30, 30, 10, 9)))
                    .get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * PyTorch records gradients by default on every thread but the one that started the engine;
     * the session's own thread must still update weights in place (the pull back towards the
     * start, a rollback) and make a version, as the viewer's clicks do.
     */
    @Test
    void anAcceptOnTheSessionsOwnThreadMakesAVersionWithTheDefaultSettings() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
             AsyncAdaptationSession async = new AsyncAdaptationSession(new AdaptationSession(model,
                     AdaptationPolicy.METHOD, AdaptationSettings.defaults(), VersionStore.inMemory(4)))) {
            String base = async.session().activeVersion().id();
            async.submit(() -> {
                async.session().start(Fixtures.disk(40, 36, 14, 3), "c");
                return null;
            }).get();
            async.click(new Click(40, 36, true), p -> { }).get(60, TimeUnit.SECONDS);
            UpdateReport r = async.accept(Fixtures.diskMask(40, 36, 14)).get(60, TimeUnit.SECONDS);
            assertTrue(r.kept(), r.message());
            async.submit(() -> {
                async.session().rollbackTo(base);
                return null;
            }).get(60, TimeUnit.SECONDS);
            assertEquals(base, async.session().activeVersion().id());
        }
    }

    /** Starts the image on the session, then holds its thread until the latch returned is released. */
    private static CountDownLatch startHeld(AsyncAdaptationSession async, Image2D image) throws Exception {
        async.submit(() -> {
            async.session().start(image, "a");
            return null;
        }).get();
        CountDownLatch release = new CountDownLatch(1);
        async.submit(() -> {
            awaitQuietly(release);
            return null;
        });
        return release;
    }

    private static void awaitQuietly(CountDownLatch latch) throws AdaptationException {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AdaptationException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdaptationException("interrupted", e);
        }
    }
}
