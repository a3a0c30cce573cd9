package org.pointlearn.adaptation.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.FocusPolicy;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.AcceptTimings;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.ClickTimings;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.SliceTest;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.adaptation.api.VersionStoreException;

/**
 * The interaction loop, the same for the workstation's user and the evaluation's simulated
 * user: {@link #start} an image, {@link #click} (prediction, then the policy's
 * Mid-Interaction update and re-prediction), {@link #undo} the last click, {@link #accept}
 * the final mask (Post-Interaction update, checked by the forgetting guard, stored as a
 * version); the next image starts from the adapted model. Synchronous: call it off the UI
 * thread, or through {@link AsyncAdaptationSession}.
 */
public final class AdaptationSession implements AutoCloseable {

    private final SegmentationModel model;
    private final AdaptationPolicy policy;
    private final Learner learner;
    private final Predictor predictor;
    private final FocusPolicy focus;
    private final ExampleBuilder examples;
    private final UpdateRunner runner;
    private final UpdateRule rule;
    private final ReplayBuffer replay;
    private final ForgettingGuard guard;
    private final VersionStore store;
    private final ModelState baseState;
    private final SliceTester tester;
    private TestRecord tests;
    /** Which first square the accepted slices wanted; off when the policy does not adapt. */
    private final FirstSquareMemory squares;
    /** While a session replays clicks with the S presses they had: the memory is not asked. */
    private boolean squaresPaused;
    private final List<Consumer<AdaptationEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<AdaptationEvent> events = new CopyOnWriteArrayList<>();
    private AdaptationSettings settings;
    private Augmentation augmentation;
    private ImageInteraction current;
    private int imageCount;
    private volatile ClickTimings lastClick = ClickTimings.NONE;
    private volatile AcceptTimings lastAccept = AcceptTimings.NONE;

    /**
     * A session on a live model. An empty store gets the model as its base version; a store
     * with versions puts its active version into the model (resuming an earlier session).
     *
     * @param model the model to run and adapt in place (not closed here)
     * @param policy what the session learns from
     * @param settings the update settings
     * @param store where versions go (owned by the caller)
     * @throws VersionStoreException when the store cannot record the base or its active version cannot be read
     */
    public AdaptationSession(SegmentationModel model, AdaptationPolicy policy, AdaptationSettings settings,
            VersionStore store) throws VersionStoreException {
        this.model = model;
        this.policy = policy;
        this.settings = settings;
        this.store = store;
        this.rule = UpdateRule.of(policy);
        this.learner = new Learner(model, rule.batchNormOnly() || settings.batchNormOnly());
        this.predictor = new Predictor(model);
        this.focus = new FocusPolicy(model.card().focus());
        this.examples = new ExampleBuilder(model.encoder());
        this.runner = new UpdateRunner(learner, rule);
        this.replay = new ReplayBuffer(settings.replayCapacity(), settings.seed());
        this.guard = new ForgettingGuard();
        this.augmentation = new Augmentation(settings, model.card().workingSize());
        new SessionResume(this).resume();
        this.baseState = policy.adapts() ? copyOfBase() : null;
        this.tester = new SliceTester(learner, predictor, () -> baseState);
        this.tests = new TestRecord(settings.testWindow(), settings.testMargin());
        this.squares = new FirstSquareMemory(policy.adapts() ? settings.squareMemory() : 0);
        restoreSquares();
    }

    /** The first-square memory of the session before this one on the same store, when there was one. */
    private void restoreSquares() {
        if (!squares.on()) {
            return;
        }
        try {
            Optional<String> saved = store.readBeside(FirstSquareMemory.FILE);
            if (saved.isPresent()) {
                squares.restore(saved.get());
            }
        } catch (VersionStoreException | java.io.IOException e) {
            announce(AdaptationEvent.Kind.STORE_REPAIRED, "The first-square memory was not restored ("
                    + e.getMessage() + "); first clicks show the surer square until a slice is accepted", null);
        }
    }

    /** The base version's parameters, copied (the store may let its own copy go). */
    private ModelState copyOfBase() throws VersionStoreException {
        String baseId = store.versions().get(0).id();
        ModelState now = learner.capture();
        try {
            if (!baseId.equals(store.active().id())) {
                learner.restore(store.state(baseId, model));
            }
            ModelState captured = learner.capture();
            if (captured.optimizer() != null) {
                captured.optimizer().close();
            }
            return new ModelState(captured.parameters(), null);
        } finally {
            learner.restore(now);
            now.close();
        }
    }

    /** Starts a new image; an image in progress is abandoned without learning from it. */
    public void start(Image2D image, String imageId) {
        start(image, imageId, null);
    }

    /**
     * Starts a new image from a proposal (e.g. propagated from an accepted neighbour slice): the
     * proposal is the previous mask of the first click, what undo of the first click returns to,
     * and what {@link #accept} learns from when the user accepts it without clicking.
     *
     * @param proposal probabilities on the image's grid (width*height), or null to start from nothing
     * @throws IllegalArgumentException when the proposal does not fit the image
     */
    public synchronized void start(Image2D image, String imageId, float[] proposal) {
        if (proposal != null && proposal.length != image.width() * image.height()) {
            throw new IllegalArgumentException("the proposal has " + proposal.length + " values for a "
                    + image.width() + "x" + image.height() + " image");
        }
        if (current != null) {
            current.close();
        }
        imageCount++;
        current = new ImageInteraction(imageId == null ? "image-" + imageCount : imageId, image,
                model.encoder().prepareImage(image), proposal);
    }

    /** A click without a way to cancel its update. */
    public Prediction click(Click click) throws AdaptationException {
        return click(click, p -> { }, () -> false);
    }

    /**
     * Adds a click: predicts; with a Mid-Interaction policy then learns from it and predicts again.
     *
     * @param click the click, in the image's pixels
     * @param beforeUpdate receives the plain prediction before the update starts
     * @param cancelled polled between steps; when true the update is undone and the plain prediction returned
     * @return the prediction to show
     * @throws AdaptationException when no image is started or the click is outside it
     */
    public synchronized Prediction click(Click click, Consumer<Prediction> beforeUpdate, BooleanSupplier cancelled)
            throws AdaptationException {
        ImageInteraction img = requireImage();
        long t0 = System.nanoTime();
        Predictor.FirstSquare wanted = wantedSquare();
        Prediction plain = predictPlain(img, click, wanted);
        float[] previous = img.last().previous();
        List<Click> clicks = img.clicks();
        long t1 = System.nanoTime();
        lastClick = new ClickTimings(millis(t0, t1), 0, 0, 0);
        if (!policy.mid() || !policy.adapts() || settings.midSteps() == 0) {
            return plain;
        }
        beforeUpdate.accept(plain);
        long t2 = System.nanoTime();
        ModelState before = learner.capture();
        long t3 = System.nanoTime();
        List<Double> losses = runner.mid(midExample(img, clicks, previous, plain, img.last().view()), settings,
                cancelled);
        long t4 = System.nanoTime();
        lastClick = new ClickTimings(millis(t0, t1), millis(t2, t3), millis(t3, t4), 0);
        if (losses == null || losses.stream().anyMatch(l -> !Double.isFinite(l))) {
            learner.restore(before);
            before.close();
            announce(losses == null ? AdaptationEvent.Kind.CANCELLED : AdaptationEvent.Kind.GUARD_ROLLBACK,
                    losses == null ? "Learning from the click was cancelled; the model is as before it"
                            : "Learning from the click gave a loss that is not a finite number, so it was undone",
                    null);
            return plain;
        }
        Predictor.Focused again = predictor.predict(img.prepared(), clicks, previous);
        img.replaceLast(new ImageInteraction.Step(click, previous, prediction(img, clicks, again, true), before, losses,
                again.view(), again.other()));
        Prediction adapted = showWanted(img, again, wanted);
        lastClick = new ClickTimings(millis(t0, t1), millis(t2, t3), millis(t3, t4), millis(t4, System.nanoTime()));
        return adapted;
    }

    /**
     * What clicks on an image the session has not started yet would show with the model as it is
     * now, learning nothing and keeping nothing. A click made while an accept is still learning is
     * shown with it at once, between two of the accept's steps (the model part-way through that
     * update), and is predicted again, and learned from, once the accept is done
     * ({@link AsyncAdaptationSession}).
     *
     * @param proposal the image's starting mask, as {@link #start} takes it, or null
     * @param clicks the clicks on the image so far, at least one
     * @return the last click's plain prediction, with the square the first-square memory wants shown
     * @throws AdaptationException when a click is outside the image
     */
    public synchronized Prediction preview(Image2D image, float[] proposal, List<Click> clicks)
            throws AdaptationException {
        if (clicks.isEmpty()) {
            throw new IllegalArgumentException("a preview needs a click");
        }
        try (ImageInteraction img = new ImageInteraction("preview", image, model.encoder().prepareImage(image),
                proposal)) {
            Predictor.FirstSquare wanted = wantedSquare();
            Prediction shown = null;
            for (Click click : clicks) {
                shown = predictPlain(img, click, wanted);
            }
            return shown;
        }
    }

    /** Under the lock: the first square a first click shows now. */
    private Predictor.FirstSquare wantedSquare() {
        return squaresPaused ? Predictor.FirstSquare.SURER : squares.pick();
    }

    /**
     * Under the lock: a click predicted by the model as it is, added to the image as its last step,
     * with the wanted first square shown.
     */
    private Prediction predictPlain(ImageInteraction img, Click click, Predictor.FirstSquare wanted)
            throws AdaptationException {
        if (click.x() < 0 || click.y() < 0 || click.x() >= img.image().width() || click.y() >= img.image().height()) {
            throw new AdaptationException("The click at (" + click.x() + ", " + click.y() + ") is outside the "
                    + img.image().width() + "x" + img.image().height() + " image");
        }
        float[] previous = img.lastProbability();
        List<Click> clicks = img.clicksWith(click);
        Predictor.Focused focused = predictor.predict(img.prepared(), clicks, previous);
        img.push(new ImageInteraction.Step(click, previous, prediction(img, clicks, focused, false), null, List.of(),
                focused.view(), focused.other()));
        return showWanted(img, focused, wanted);
    }

    /**
     * Under the lock: the last click, just predicted, shows the first square its accepted slices wanted
     * ({@link FirstSquareMemory}): S is pressed for it as often as the user would have to (the squares
     * come in the order S shows them: the surer, the other, the small one), so what S does next and a
     * replay of the click with the presses (AdaptationSettings.squareMemory) are as with the user's own.
     *
     * @return the prediction shown, with the presses made
     */
    private Prediction showWanted(ImageInteraction img, Predictor.Focused focused, Predictor.FirstSquare wanted) {
        int presses = focused.other() == null ? 0 : switch (wanted) {
            case SURER -> 0;
            case NEAR -> focused.wide() ? 1 : 0;
            case WIDE -> focused.wide() ? 0 : 1;
            case SMALL -> model.card().focus().smallSide() > 0 ? 2 : 0;
        };
        ImageInteraction.Step step = img.last();
        for (int i = 0; i < presses; i++) {
            step = pressS(img, step);   // never null: the click has another square
        }
        ImageInteraction.Step shown = step.withShown(step.shown().withSquarePresses(presses));
        img.replaceLast(shown);
        return shown.shown();
    }

    /** Under the lock: the step with the next square shown, as S shows it (the small one looked at the first time); null when there is none. */
    private ImageInteraction.Step pressS(ImageInteraction img, ImageInteraction.Step last) {
        if (last.other() != null && !last.smallAsked()) {
            // the card's small square, looked at only now that S asks (the first click stays fast)
            last = last.withSmall(predictor.smallSquare(img.prepared(), img.clicks(), last.previous()));
        }
        return last.otherSquare();
    }

    /**
     * Under the lock, before an accepted slice is learned from: how close each first square's mask of
     * its first click came to the accepted mask, remembered (nothing when that click was looked at
     * through one square, or the memory is off).
     */
    private void rememberSquares(ImageInteraction img, Mask2D accepted) {
        ImageInteraction.Step first = img.first();
        if (!squares.on() || first == null || first.others().isEmpty()) {
            return;
        }
        java.util.Map<Predictor.FirstSquare, float[]> masks = predictor.firstSquares(img.prepared(),
                List.of(first.click()), first.previous());
        java.util.Map<Predictor.FirstSquare, Double> dice = new java.util.EnumMap<>(Predictor.FirstSquare.class);
        int w = img.image().width();
        int h = img.image().height();
        masks.forEach((square, p) -> dice.put(square, Mask2D.threshold(p, w, h, Prediction.THRESHOLD).dice(accepted)));
        Predictor.FirstSquare before = squares.pick();
        squares.record(dice);
        try {
            store.writeBeside(FirstSquareMemory.FILE, squares.toJson());
        } catch (VersionStoreException e) {
            announce(AdaptationEvent.Kind.STORE_REPAIRED, "The first-square memory is not kept on disk ("
                    + e.getMessage() + "); a restarted workstation starts it again", null);
        }
        Predictor.FirstSquare now = squares.pick();
        if (now != before) {
            announce(AdaptationEvent.Kind.FIRST_SQUARE, now == Predictor.FirstSquare.SURER
                    ? "First clicks show the square the model is surer of again (S shows the others)"
                    : "First clicks now show the " + now.name().toLowerCase(java.util.Locale.ROOT)
                            + " square: its masks came closest to the last " + squares.size()
                            + " accepted slice(s) (S shows the others)", null);
        }
    }

    /**
     * Runs the model once forward and, when the policy learns after clicks, once through a
     * Mid-Interaction step on a synthetic image, then puts the model and the optimizer back
     * exactly: the user's first click does not pay for the engine's first use (measured: about
     * 1.5 s cold against 40 ms warm for mri-general on 2 cores).
     */
    public synchronized void warmUp() {
        int n = model.card().workingSize();
        float[] ramp = new float[n * n];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (i % n) + (i / n);
        }
        InputEncoder.PreparedImage prepared = model.encoder().prepareImage(Image2D.grey(n, n, ramp));
        List<Click> clicks = List.of(new Click(n / 2, n / 2, true));
        Predictor.Focused focused = predictor.predict(prepared, clicks, null);
        if (policy.mid() && policy.adapts() && settings.midSteps() > 0) {
            ModelState before = learner.capture();
            try {
                Prediction plain = new Prediction(focused.probability(), n, n, clicks, false);
                ImageInteraction img = new ImageInteraction("warm-up", Image2D.grey(n, n, ramp), prepared);
                runner.mid(midExample(img, clicks, null, plain, focused.view()), settings.withSteps(settings.postSteps(),
                        1), () -> false);
            } finally {
                learner.restore(before);
                before.close();
            }
        }
    }

    /** Where the time of the latest accept went ({@link AcceptTimings#NONE} before the first). */
    public AcceptTimings lastAcceptTimings() {
        return lastAccept;
    }

    /** Where the time of the latest click went ({@link ClickTimings#NONE} before the first). */
    public ClickTimings lastClickTimings() {
        return lastClick;
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }

    private UpdateExample midExample(ImageInteraction img, List<Click> clicks, float[] previous, Prediction plain,
            InputEncoder.WorkingImage view) {
        return rule.midExample(examples, img, view, clicks, previous, plain.probability(), settings);
    }

    private static Prediction prediction(ImageInteraction img, List<Click> clicks, Predictor.Focused p,
            boolean adapted) {
        return new Prediction(p.probability(), img.image().width(), img.image().height(), clicks, adapted,
                p.other() != null);
    }

    /**
     * The views the image's first click was looked at through (its first-click squares, near and,
     * with the card's wide side, wide), when the model zooms and that click is positive; else none.
     */
    List<InputEncoder.WorkingImage> firstClickViews(ImageInteraction img) {
        List<Click> clicks = img.clicks();
        if (!focus.zooms() || clicks.isEmpty() || !clicks.get(0).positive()) {
            return List.of();
        }
        int w = img.image().width();
        int h = img.image().height();
        List<Click> first = List.of(clicks.get(0));
        List<InputEncoder.WorkingImage> views = new ArrayList<>();
        views.add(model.encoder().view(img.prepared(), focus.choose(w, h, first, null)));
        var wide = focus.wide(w, h, first, null);
        if (wide != null) {
            views.add(model.encoder().view(img.prepared(), wide));
        }
        return views;
    }

    /** The view an accepted mask is learned through: the model's focus around the mask and the clicks. */
    InputEncoder.WorkingImage acceptedView(ImageInteraction img, Mask2D mask) {
        var region = focus.aroundMask(mask.width(), mask.height(), img.clicks(), mask.toFloats());
        return model.encoder().view(img.prepared(), region);
    }

    /**
     * Takes back the last click and the update it caused.
     *
     * @return the prediction shown before that click (all zeros when it was the first)
     * @throws AdaptationException when no image is started or it has no clicks
     */
    public synchronized Prediction undo() throws AdaptationException {
        ImageInteraction img = requireImage();
        ImageInteraction.Step last = img.pop();
        if (last == null) {
            throw new AdaptationException("There is no click to undo on this image");
        }
        if (last.before() != null) {
            learner.restore(last.before());
            last.before().close();
        }
        float[] p = img.lastProbability();
        int w = img.image().width();
        int h = img.image().height();
        return new Prediction(p == null ? new float[w * h] : p, w, h, img.clicks(), false,
                img.last() != null && img.last().other() != null);
    }

    /**
     * Shows another square's mask for the last click, when it was looked at through two (a first
     * click, or a positive click on a new object): the user says the network chose the wrong scale.
     * The squares come in turn: the other of the two, then (when the card has a {@code smallSide})
     * the small one, looked at the first time it is asked for, then the first choice again. Later
     * clicks start from what is shown. No learning happens here (an update the click made stays).
     *
     * @return the prediction now shown, or empty when the last click had no other square
     * @throws AdaptationException when no image is started
     */
    public synchronized Optional<Prediction> otherSquare() throws AdaptationException {
        ImageInteraction img = requireImage();
        ImageInteraction.Step last = img.last();
        ImageInteraction.Step swapped = last == null ? null : pressS(img, last);
        if (swapped == null) {
            return Optional.empty();
        }
        img.replaceLast(swapped);
        return Optional.of(swapped.shown());
    }

    /** Accepts without a way to cancel the update. */
    public UpdateReport accept(Mask2D finalMask) throws AdaptationException {
        return accept(finalMask, () -> false);
    }

    /**
     * The user accepts the image's final mask: the policy's Post-Interaction update, the
     * forgetting guard, and a new version when the model changed and the guard agrees.
     *
     * @param finalMask the user-approved mask on the image's grid
     * @param cancelled polled between steps; when true the model returns to the active version
     * @return what happened, in words
     * @throws AdaptationException when no image is started, the mask does not fit, or the version cannot be saved
     */
    public synchronized UpdateReport accept(Mask2D finalMask, BooleanSupplier cancelled) throws AdaptationException {
        ImageInteraction img = requireImage();
        if (finalMask.width() != img.image().width() || finalMask.height() != img.image().height()) {
            throw new AdaptationException("The mask is " + finalMask.width() + "x" + finalMask.height()
                    + " but the image is " + img.image().width() + "x" + img.image().height());
        }
        current = null;
        try (img) {
            long t0 = System.nanoTime();
            rememberSquares(img, finalMask);
            AcceptedImage accepted = new AcceptedImage(this, img, finalMask);
            double squaresMillis = millis(t0, System.nanoTime());
            try {
                return accepted.learn(cancelled);
            } finally {
                lastAccept = accepted.timings(squaresMillis);
            }
        }
    }

    /**
     * Makes an earlier (or later) version the active one: its parameters go back into the model.
     *
     * @throws VersionStoreException when the version is unknown or cannot be read
     */
    public synchronized void rollbackTo(String versionId) throws VersionStoreException {
        rollbackQuietly(versionId);
        announce(AdaptationEvent.Kind.ROLLBACK, "Went back to model version " + versionId, versionId);
    }

    /** Puts the session's own copy of the base into the model and makes the base active and kept again. */
    private void returnToBase(String baseId) throws AdaptationException {
        learner.restore(baseState);
        store.keep(baseId, learner.capture());
        try {
            store.activate(baseId);
        } catch (VersionStoreException e) {
            throw new AdaptationException("Going back to the shipped model failed: " + e.getMessage(), e);
        }
        if (current != null) {
            current.dropUndoStates();
        }
    }

    private void rollbackQuietly(String versionId) throws VersionStoreException {
        learner.restore(store.state(versionId, model));
        store.activate(versionId);
        if (current != null) {
            current.dropUndoStates();
        }
    }

    /**
     * "Test, then train": scores the image with the active version (as before the image) and the
     * base before any Post-Interaction step uses it; null when the policy does not learn, tests
     * are off or the image has no clicks.
     */
    SliceTest testBeforeLearning(ImageInteraction img, Mask2D mask) {
        if (baseState == null || settings.testWindow() == 0) {
            return null;
        }
        return tester.test(img, mask, store.active().id(), settings.testClicks());
    }

    /**
     * Records a test; when the adapted versions did worse than the base over the recent slices,
     * slows learning or returns to the best version, and says so.
     */
    void react(SliceTest test) throws AdaptationException {
        if (test == null) {
            return;
        }
        TestRecord.Reaction reaction = tests.add(test);
        if (reaction == TestRecord.Reaction.NONE) {
            return;
        }
        List<SliceTest> judged = tests.judged();
        String scores = String.format(java.util.Locale.ROOT,
                "over the last %d slices the adapted model scored Dice %.2f before learning from them, the shipped"
                        + " model %.2f", judged.size(),
                judged.stream().mapToDouble(SliceTest::activeDice).average().orElse(0),
                judged.stream().mapToDouble(SliceTest::baseDice).average().orElse(0));
        runner.setLearningScale(tests.learningScale());
        String rate = tests.learningScale() == 1 ? "its set rate"
                : "1/" + Math.round(1 / tests.learningScale()) + " of its set rate";
        if (reaction == TestRecord.Reaction.SLOW_DOWN) {
            announce(AdaptationEvent.Kind.LEARNING_SLOWED, "Learning slowed: " + scores + "; it goes on at " + rate,
                    store.active().id());
            return;
        }
        String baseId = store.versions().get(0).id();
        String best = tests.bestVersion(baseId);
        try {
            if (!best.equals(store.active().id())) {
                rollbackQuietly(best);
            }
        } catch (VersionStoreException e) {
            // No longer kept (an in-memory store keeps the last few versions): the base, which the session keeps.
            best = baseId;
            returnToBase(baseId);
        }
        announce(AdaptationEvent.Kind.RETURNED_TO_BEST, "Returned to version " + best + ": " + scores
                + "; learning goes on from there at " + rate, best);
    }

    /** The tests of accepted slices in this session, oldest first. */
    public synchronized List<SliceTest> tests() {
        return tests.all();
    }

    /** The factor the learning rates are multiplied by now (1, or less after "test, then train" slowed it). */
    public double learningScale() {
        return runner.learningScale();
    }

    /**
     * What another version makes of the current image: it replays the image's clicks (from its
     * proposal, if it started from one), fed its own previous prediction, without learning;
     * the model in use is put back exactly afterwards.
     *
     * @return the other version's probability on the image's grid
     * @throws AdaptationException when no image with clicks is in progress or the version cannot be read
     */
    public synchronized Prediction predictWith(String versionId) throws AdaptationException {
        ImageInteraction img = requireImage();
        List<Click> clicks = img.clicks();
        if (clicks.isEmpty()) {
            throw new AdaptationException("There is no click on this image to compare the versions on");
        }
        ModelState now = learner.capture();
        try {
            learner.restore(store.state(versionId, model));
            return new Prediction(SliceTester.replay(predictor, img, clicks, img.proposal()), img.image().width(),
                    img.image().height(), clicks, false);
        } catch (VersionStoreException e) {
            throw new AdaptationException(e.getMessage(), e);
        } finally {
            learner.restore(now);
            now.close();
        }
    }

    /**
     * Pauses the first-square memory (a click shows the surer square, as with the memory off) while
     * clicks are replayed with the S presses they had, so they show what they showed; or resumes it.
     */
    public synchronized void pauseSquareMemory(boolean paused) {
        squaresPaused = paused;
    }

    /**
     * Uses other settings from the next update on; which parameters learn (batchNormOnly) stays as the
     * session started, so {@link #settings()} says what is in effect.
     */
    public synchronized void updateSettings(AdaptationSettings requested) {
        AdaptationSettings newSettings = requested.toBuilder().batchNormOnly(settings.batchNormOnly()).build();
        if (newSettings.testWindow() != settings.testWindow() || newSettings.testMargin() != settings.testMargin()) {
            tests = new TestRecord(newSettings.testWindow(), newSettings.testMargin());
            runner.setLearningScale(1);
        }
        this.settings = newSettings;
        this.augmentation = new Augmentation(newSettings, model.card().workingSize());
        squares.resize(policy.adapts() ? newSettings.squareMemory() : 0);
    }

    /** Registers a listener for events the user should see. */
    public void addListener(Consumer<AdaptationEvent> listener) {
        listeners.add(listener);
    }

    /** Every event of this session so far. */
    public List<AdaptationEvent> events() {
        return List.copyOf(events);
    }

    /** The clicks on the current image (empty when none is started). */
    public synchronized List<Click> clicks() {
        return current == null ? List.of() : current.clicks();
    }

    /** The session's policy. */
    public AdaptationPolicy policy() {
        return policy;
    }

    /** The settings in use. */
    public synchronized AdaptationSettings settings() {
        return settings;
    }

    /** The model versions, oldest first. */
    public synchronized List<ModelVersion> versions() {
        return store.versions();
    }

    /** The active version. */
    public synchronized ModelVersion activeVersion() {
        return store.active();
    }

    /** The version store. */
    public VersionStore store() {
        return store;
    }

    /** The live model. */
    public SegmentationModel model() {
        return model;
    }

    private ImageInteraction requireImage() throws AdaptationException {
        if (current == null) {
            throw new AdaptationException("No image is being segmented; start one first");
        }
        return current;
    }

    void announce(AdaptationEvent.Kind kind, String message, String versionId) {
        AdaptationEvent e = AdaptationEvent.of(kind, message, versionId);
        events.add(e);
        listeners.forEach(l -> l.accept(e));
    }

    Learner learner() {
        return learner;
    }

    /** The rule the policy learns by. */
    UpdateRule rule() {
        return rule;
    }

    UpdateRunner runner() {
        return runner;
    }

    ExampleBuilder examples() {
        return examples;
    }

    ReplayBuffer replay() {
        return replay;
    }

    ForgettingGuard guard() {
        return guard;
    }

    Augmentation augmentation() {
        return augmentation;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        learner.close();
        if (baseState != null) {
            baseState.close();
        }
    }
}
