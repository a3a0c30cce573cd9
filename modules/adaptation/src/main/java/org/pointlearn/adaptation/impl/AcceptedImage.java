package org.pointlearn.adaptation.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.adaptation.api.AcceptTimings;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.GuardVerdict;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.SliceTest;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.adaptation.api.VersionStoreException;

/**
 * What happens when the user accepts an image: the Post-Interaction update, the forgetting
 * guard's check against the replay buffer, and either a new version or a rollback to the
 * active one.
 */
final class AcceptedImage {

    private final AdaptationSession session;
    private final ImageInteraction image;
    private final Mask2D mask;
    private final AdaptationSettings settings;
    private final AdaptationPolicy policy;
    /** Where the time went (nanoseconds): "test, then train", the Post steps, the guard, the save. */
    private long testNanos;
    private long postNanos;
    private long guardNanos;
    private long saveNanos;

    AcceptedImage(AdaptationSession session, ImageInteraction image, Mask2D mask) {
        this.session = session;
        this.image = image;
        this.mask = mask;
        this.settings = session.settings();
        this.policy = session.policy();
    }

    UpdateReport learn(BooleanSupplier cancelled) throws AdaptationException {
        long start = System.nanoTime();
        SliceTest test = policy.adapts() ? session.testBeforeLearning(image, mask) : null;
        testNanos = System.nanoTime() - start;
        long postStart = System.nanoTime();
        InputEncoder.WorkingImage view = session.acceptedView(image, mask);
        UpdateExample accepted = session.examples().accepted(view, image.clicks(), image.lastPrevious(),
                mask, settings, session.rule().weighting());
        ReplayBuffer.Item item = new ReplayBuffer.Item(image.imageId(), accepted,
                session.examples().probe(view, mask));
        List<Double> losses = new ArrayList<>(image.midLosses());
        int postSteps = 0;
        if (policy.post() && policy.adapts()) {
            List<UpdateExample> examples = new ArrayList<>();
            examples.add(session.rule().postExample(session.examples(), image, view, accepted));
            if (settings.postFirstClick() && session.rule().augmentsAndReplays()) {
                for (InputEncoder.WorkingImage firstView : session.firstClickViews(image)) {
                    examples.add(session.examples().accepted(firstView, List.of(image.clicks().get(0)), null, mask,
                            settings, session.rule().weighting()));
                }
            }
            List<Double> post = session.runner().post(examples, session.replay(), session.augmentation(), settings,
                    cancelled);
            postNanos = System.nanoTime() - postStart;
            if (post == null) {
                return cancelled(start);
            }
            losses.addAll(post);
            postSteps = post.size();
        }
        if (image.midSteps() + postSteps == 0) {
            session.replay().add(item);
            session.react(test);
            return new UpdateReport(null, GuardVerdict.unchecked("nothing to check"),
                    "The model did not change (policy " + policy.name() + ")", millisSince(start));
        }
        if (settings.versionPull() > 0) {
            session.learner().pullTowardsStart(settings.versionPull());
        }
        UpdateReport report = judge(item, losses, postSteps, test, start);
        session.react(test);
        return report;
    }

    private UpdateReport judge(ReplayBuffer.Item item, List<Double> losses, int postSteps, SliceTest test,
            long start) throws AdaptationException {
        long guardStart = System.nanoTime();
        GuardVerdict verdict = settings.guardEnabled()
                ? session.guard().judge(ForgettingGuard.scores(session.learner(), session.replay().items()), losses,
                        session.learner().parametersFinite(), settings.guardMargin())
                : Objects.requireNonNullElse(ForgettingGuard.notFinite(losses, session.learner().parametersFinite()),
                        GuardVerdict.unchecked("the forgetting guard is off"));
        session.replay().add(item);
        VersionStore store = session.store();
        String parent = store.active().id();
        guardNanos = System.nanoTime() - guardStart;
        if (!verdict.passed()) {
            restoreActive(parent);
            rememberBaseline(item);
            session.announce(AdaptationEvent.Kind.GUARD_ROLLBACK, "Learning from " + image.imageId() + " was undone: "
                    + verdict.reason() + "; version " + parent + " stays active", parent);
            return new UpdateReport(null, verdict, "Rolled back to " + parent + ": " + verdict.reason(),
                    millisSince(start));
        }
        ModelVersion version = new ModelVersion(store.nextId(), parent, Instant.now(), image.imageId(),
                policy.name(), image.midSteps(), postSteps, losses, verdict.reason(), millisSince(start), test);
        long saveStart = System.nanoTime();
        try {
            store.commit(version, session.model(), session.learner().capture());
        } catch (VersionStoreException e) {
            restoreActive(parent);
            throw new AdaptationException(e.getMessage(), e);
        }
        saveNanos = System.nanoTime() - saveStart;
        if (settings.guardEnabled()) {
            long baselineStart = System.nanoTime();
            restoreActive(parent);
            rememberBaseline(item);
            restoreActive(version.id());
            guardNanos += System.nanoTime() - baselineStart;
        }
        session.announce(AdaptationEvent.Kind.VERSION_CREATED, "Learned from " + image.imageId() + ": version "
                + version.id() + " (" + verdict.reason() + ")", version.id());
        return new UpdateReport(version, verdict, "New model version " + version.id(), millisSince(start));
    }

    /** Where this accept's time went, with the first squares' scoring the session did before it. */
    AcceptTimings timings(double squaresMillis) {
        return new AcceptTimings(squaresMillis, testNanos / 1e6, postNanos / 1e6, guardNanos / 1e6, saveNanos / 1e6);
    }

    /** The new image's Dice under the model that has not learned from it (the one now in the learner). */
    private void rememberBaseline(ReplayBuffer.Item item) {
        double dice = ForgettingGuard.scores(session.learner(), List.of(item)).get(item.imageId());
        session.guard().remember(item.imageId(), dice,
                session.replay().items().stream().map(ReplayBuffer.Item::imageId).toList());
    }

    private UpdateReport cancelled(long start) throws AdaptationException {
        String parent = session.store().active().id();
        restoreActive(parent);
        session.announce(AdaptationEvent.Kind.CANCELLED, "Learning from " + image.imageId()
                + " was cancelled; version " + parent + " stays active", parent);
        return new UpdateReport(null, GuardVerdict.unchecked("cancelled"), "Cancelled; " + parent + " stays active",
                millisSince(start));
    }

    private void restoreActive(String id) throws AdaptationException {
        try {
            session.learner().restore(session.store().state(id, session.model()));
        } catch (VersionStoreException e) {
            throw new AdaptationException("The update was undone but version " + id + " cannot be restored: "
                    + e.getMessage(), e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
