package org.pointlearn.adaptation.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.SessionEvent;
import org.pointlearn.adaptation.api.SessionState;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.adaptation.api.VersionStoreException;
import org.pointlearn.imaging.api.AtomicFiles;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * The interactive session: the state of a series' slices under one lock (short sections, never
 * around model work), the model work in order on the {@link AsyncAdaptationSession}'s thread,
 * the model's lifecycle (open, switch, learning on/off, new lineage) on a thread of its own, and
 * disk work (accepted masks, journal) on another ({@link SessionFiles}). Every change publishes
 * a {@link SessionEvent} outside the lock.
 */
@Messages({
    "MSG_NotReady=The segmentation model is not ready yet ({0}); clicks work once it is loaded.",
    "MSG_SessionFailed=Adaptation is unavailable: {0}",
    "MSG_LearningOn=Learning from clicks is on: accepted slices make new model versions.",
    "MSG_LearningOff=Learning from clicks is off: the model in use stays as it is.",
    "# {0} - model name",
    "# {1} - model version",
    "MSG_ModelSwitched=Now segmenting with {0} ({1}); its own versions are listed.",
    "# {0} folder the earlier versions are kept in",
    "MSG_NewLineage=A new lineage starts from the shipped model; the earlier versions are kept in {0}.",
    "# {0} - file",
    "MSG_LineageExported=Model lineage written to {0}",
    "# {0} - version and folder",
    "MSG_VersionExported=Model version exported: {0}",
    "# {0} - reason",
    "MSG_ModelExportFailed=Export failed: {0}",
    "# {0} - slice number",
    "MSG_Learning=Learning from slice {0} \u2026",
    "# {0} other version, {1} slice (1-based), {2} Dice, {3} version in use",
    "MSG_Compared={0} on slice {1} (dashed magenta): Dice {2} against {3} in use (yellow).",
    "# {0} slice (1-based), {1} clicks",
    "MSG_Resumed=Slice {0}: its {1} click(s) from before are back; the model predicts from them again.",
    "# {0} slice (1-based), {1} its clicks",
    "MSG_PredictedAgain=Slice {0} is predicted again from its {1} click(s) with the version now in use.",
    "# {0} slice (1-based), {1} clicks",
    "MSG_KeptAsDraft=Slice {0} keeps its {1} click(s) as a draft, not learned from until you continue it (Escape on it discards them).",
    "# {0} - slice number",
    "MSG_Discarded=The work on slice {0} was not accepted; its clicks, strokes and what the model learned from them are taken back.",
    "MSG_NothingToAccept=Nothing to accept on this slice: click on the object (or paint it) first.",
    "# {0} - reason",
    "MSG_ClickFailed=The click could not be used: {0}",
    "MSG_Opening=the adaptation session is opening",
    "MSG_NoOtherSquare=The last click was looked at at one scale only: there is no other mask to show (click again to correct it).",
    "# {0} policy",
    "MSG_Configured=Learning from clicks now follows the {0} policy with the settings from Options."
})
public final class SegmentationSession implements InteractiveSession {

    private static final Logger LOG = Logger.getLogger(SegmentationSession.class.getName());
    /** The versions and the one in use, read together on the model's thread. */
    private record Lineage(List<ModelVersion> versions, ModelVersion active) {
    }

    /** An accept or a rollback: what undo and redo act on once the slice in progress has nothing to undo. */
    private sealed interface Step permits Accepted, RolledBack {
    }

    /** Slice k's mask was accepted, from this work, with this version in use before. */
    private record Accepted(int slice, SeriesWork.Draft work, CompletableFuture<String> versionBefore) implements Step {
    }

    /** The version in use went from one to another. */
    private record RolledBack(String from, String to) implements Step {
    }

    private final Path root;
    private final SessionFiles files;
    private final Consumer<Boolean> onLearningChange;
    private final java.util.function.BiConsumer<AdaptationPolicy, AdaptationSettings> onConfigure;
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService lifecycle = daemon("pointlearn-session-lifecycle");

    // Guarded by this: the model.
    private SegmentationModel model;
    private AsyncAdaptationSession session;
    private String notReady;
    private boolean learning;
    private AdaptationPolicy policy;
    private AdaptationSettings settings;
    private List<ModelVersion> versions = List.of();
    private ModelVersion active;
    private String learningNote;
    private double lastClickMillis;
    private int updating;
    private SliceDraft resumeWhenOpen;
    /** Set by {@link #close}: a model change still queued opens nothing. */
    private boolean closed;
    private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    // Guarded by this: the series.
    private SeriesKey series;
    private Volume volume;
    private final Map<Integer, Mask2D> accepted = new HashMap<>();
    private final Map<Integer, SeriesWork.Draft> drafts = new HashMap<>();
    private int lastAccepted = -1;
    private final SliceInProgress work = new SliceInProgress();
    private final ArrayDeque<Step> history = new ArrayDeque<>();
    private final ArrayDeque<Step> undone = new ArrayDeque<>();
    /** Words to say that arose under the lock; {@link #changed} says them once it is released. */
    private final List<String> outbox = new ArrayList<>();

    /**
     * A session with no model yet ({@link #useModel} gives it one).
     *
     * @param root versions under {@code root/versions/<model>}, accepted masks and journal under
     *     {@code root/annotations}; null to keep versions in memory and nothing on disk (evaluation)
     * @param learning whether it learns from clicks
     * @param onLearningChange told when the user turns learning on or off (to remember it)
     */
    public SegmentationSession(Path root, boolean learning, Consumer<Boolean> onLearningChange) {
        this(root, learning, onLearningChange, AdaptationPolicy.METHOD, AdaptationSettings.defaults(), (p, s) -> { });
    }

    /**
     * A session with no model yet, learning by a policy with settings.
     *
     * @param root as in {@link #SegmentationSession(Path, boolean, Consumer)}
     * @param learning whether it learns from clicks
     * @param onLearningChange told when the user turns learning on or off (to remember it)
     * @param policy how it learns while learning is on
     * @param settings the numbers it learns with
     * @param onConfigure told when the user changes policy or settings (to remember them)
     */
    public SegmentationSession(Path root, boolean learning, Consumer<Boolean> onLearningChange,
            AdaptationPolicy policy, AdaptationSettings settings,
            java.util.function.BiConsumer<AdaptationPolicy, AdaptationSettings> onConfigure) {
        this.policy = policy;
        this.settings = settings;
        this.onConfigure = onConfigure;
        this.root = root;
        this.files = new SessionFiles(root == null ? null : root.resolve("annotations"), this::problem);
        this.learning = learning;
        this.onLearningChange = onLearningChange;
        if (policy == AdaptationPolicy.FROZEN) {
            throw new IllegalArgumentException("learning off is the frozen policy: choose how it learns when on");
        }
        this.notReady = "the engine is starting";
    }

    /** A single daemon thread of that name, for the session's queues. */
    static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Where the versions of a model live: {@code <root>/versions/<model version>}. */
    Path storeFolder(SegmentationModel m) {
        return root == null ? null : root.resolve("versions").resolve(m.card().versionOrName().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Says why the model is not there yet (while no model was given). */
    public void notReadyBecause(String why) {
        synchronized (this) {
            if (session != null || model != null) {
                return;
            }
            notReady = why;
        }
        changed();
    }

    // --- events and state ---

    @Override
    public void addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<SessionEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized SessionState state() {
        SeriesWork shown = series == null ? SeriesWork.NONE : work.snapshot(series, width(), height(), depth(),
                accepted, drafts, lastAccepted, kind(history.peek()), kind(undone.peek()));
        return new SessionState(model == null ? null : model.card().versionOrName(),
                session == null ? notReady : null, learning, versions, active, learningNote, lastClickMillis, updating,
                shown, policy, settings);
    }

    /** What undo or redo would act on once the slice in progress has nothing to undo or redo. */
    private static SeriesWork.Step kind(Step step) {
        return step == null ? null : step instanceof Accepted ? SeriesWork.Step.ACCEPT : SeriesWork.Step.ROLLBACK;
    }

    private int width() {
        return volume == null ? 0 : volume.geometry().width();
    }

    private int height() {
        return volume == null ? 0 : volume.geometry().height();
    }

    private int depth() {
        return volume == null ? 0 : volume.geometry().depth();
    }

    private void fire(SessionEvent.Kind kind, String message) {
        SessionEvent e = new SessionEvent(kind, message, state());
        for (Consumer<SessionEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "A session listener failed", ex);
            }
        }
    }

    /** Publishes the state, after the words left while the lock was held. */
    private void changed() {
        List<String> words;
        synchronized (this) {
            words = List.copyOf(outbox);
            outbox.clear();
        }
        words.forEach(this::say);
        fire(SessionEvent.Kind.CHANGED, null);
    }

    private void say(String words) {
        fire(SessionEvent.Kind.MESSAGE, words);
    }

    private void problem(String words) {
        fire(SessionEvent.Kind.PROBLEM, words);
    }

    @Override
    public synchronized CompletableFuture<Void> idle() {
        return pending;
    }

    /** Work whose end {@link #idle} waits for; a failure is said in words and the session's clicks become the truth. */
    private synchronized void track(CompletableFuture<?> work) {
        CompletableFuture<Void> done = work.handle((r, failure) -> {
            if (failure != null) {
                problem(Bundle.MSG_ClickFailed(reason(failure)));
                resync();
            }
            return null;
        });
        pending = CompletableFuture.allOf(pending, done);
    }

    private void resync() {
        AsyncAdaptationSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            return;
        }
        // Not joined: this may run on the model's own thread.
        s.submit(() -> s.session().clicks()).thenAccept(truth -> {
            synchronized (this) {
                if (work.active() && session == s) {
                    work.resynced(truth);
                }
            }
            changed();
        });
    }

    static String reason(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    // --- the model ---

    /** Opens the session on a model (the first one); the session follows later ones with {@link #useModel}. */
    @Override
    public CompletableFuture<Void> useModel(SegmentationModel next) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lifecycle.execute(() -> {
            boolean first;
            synchronized (this) {
                if (next == model && session != null) {
                    done.complete(null);
                    return;
                }
                first = model == null && session == null;
            }
            replace(next, storeFolder(next), Bundle.MSG_Opening(), first ? null
                    : Bundle.MSG_ModelSwitched(next.card().name(), next.card().version()), () -> { });
            done.complete(null);
        });
        return done;
    }

    @Override
    public CompletableFuture<Void> setLearning(boolean learn) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lifecycle.execute(() -> {
            SegmentationModel m;
            synchronized (this) {
                if (learn == learning) {
                    done.complete(null);
                    return;
                }
                learning = learn;
                m = model;
            }
            onLearningChange.accept(learn);
            if (m != null) {
                replace(m, storeFolder(m), "the session is switching learning " + (learn ? "on" : "off"),
                        learn ? Bundle.MSG_LearningOn() : Bundle.MSG_LearningOff(), () -> { });
            } else {
                changed();
            }
            done.complete(null);
        });
        return done;
    }

    @Override
    public CompletableFuture<Void> configure(AdaptationPolicy how, AdaptationSettings numbers) {
        if (how == AdaptationPolicy.FROZEN) {
            throw new IllegalArgumentException("learning off is setLearning(false), not the frozen policy");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        lifecycle.execute(() -> {
            SegmentationModel m;
            boolean newPolicy;
            AsyncAdaptationSession s;
            boolean on;
            synchronized (this) {
                newPolicy = how != policy;
                if (!newPolicy && numbers.equals(settings)) {
                    done.complete(null);
                    return;
                }
                m = model;
                s = session;
                on = learning;
                if (newPolicy || s == null || !on) {
                    policy = how;
                    settings = numbers;
                }
            }
            if (!newPolicy && s != null && on) {
                // On the model's thread first, then in the state: a click sent once the state shows the
                // new settings is queued behind them and uses them.
                s.submit(() -> {
                    s.session().updateSettings(numbers);
                    return null;
                }).join();
                synchronized (this) {
                    policy = how;
                    settings = numbers;
                }
            }
            onConfigure.accept(how, numbers);
            if (m != null && newPolicy && on) {
                replace(m, storeFolder(m), "the session is switching to the policy " + how.name(),
                        Bundle.MSG_Configured(how.name()), () -> { });
            } else if (s != null && on) {
                say(Bundle.MSG_Configured(how.name()));
            } else {
                changed();
            }
            done.complete(null);
        });
        return done;
    }

    @Override
    public CompletableFuture<Void> newLineage() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lifecycle.execute(() -> {
            SegmentationModel m;
            synchronized (this) {
                m = session == null ? null : model;
            }
            if (m == null) {
                say(notReadyMessage());
            } else if (root == null) {
                replace(m, null, "a new lineage is starting", Bundle.MSG_NewLineage("memory"), () -> { });
            } else {
                Path folder = storeFolder(m);
                Path kept = folder.resolveSibling(folder.getFileName() + "-until-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                replace(m, folder, "a new lineage is starting", Bundle.MSG_NewLineage(kept.toString()),
                        () -> AtomicFiles.moveFolder(folder, kept));
            }
            done.complete(null);
        });
        return done;
    }

    /** A step on disk between closing the old session and opening the new one. */
    @FunctionalInterface
    private interface DiskStep {
        void run() throws IOException;
    }

    /**
     * On the lifecycle thread: the slice in progress is kept as a draft (what the model learned
     * from it taken back), the old session closes after its queued work, and a session opens on
     * the model with the versions in the folder.
     */
    private void replace(SegmentationModel m, Path folder, String why, String doneWords, DiskStep beforeOpen) {
        AsyncAdaptationSession old;
        synchronized (this) {
            if (closed) {
                return;
            }
            keepAsDraft();
            endSliceWork();
            old = session;
            session = null;
            notReady = why;
        }
        changed();
        String failure = null;
        AsyncAdaptationSession next = null;
        CompletableFuture<Void> warming = CompletableFuture.completedFuture(null);
        List<ModelVersion> lineage = List.of();
        ModelVersion inUse = null;
        try {
            if (old != null) {
                old.close();
            }
            beforeOpen.run();
            AdaptationPolicy how;
            AdaptationSettings numbers;
            synchronized (this) {
                how = learning ? policy : AdaptationPolicy.FROZEN;
                numbers = settings;
            }
            VersionStore store = folder == null ? VersionStore.inMemory(numbers.versionsInMemory())
                    : VersionStore.open(folder, numbers.versionsInMemory());
            AdaptationSession s = new AdaptationSession(m, how, numbers, store);
            s.addListener(this::heard);
            lineage = s.versions();
            inUse = s.activeVersion();
            next = new AsyncAdaptationSession(s);
            // before the user's first click, which queues behind it; idle() waits for it (a failure only
            // means the first click pays for the engine's first use)
            warming = next.submit(() -> {
                s.warmUp();
                return null;
            }).handle((r, e) -> null);
        } catch (VersionStoreException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The adaptation session could not be opened", e);
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        SliceDraft resume;
        synchronized (this) {
            session = next;
            pending = CompletableFuture.allOf(pending, warming);
            if (next != null) {
                model = m;
                notReady = null;
                versions = lineage;
                active = inUse;
            } else {
                notReady = failure;
            }
            resume = next != null ? resumeWhenOpen : null;
            resumeWhenOpen = null;
        }
        if (failure != null) {
            problem(Bundle.MSG_SessionFailed(failure));
        } else if (doneWords != null) {
            say(doneWords);
        }
        changed();
        if (resume != null) {
            resume(resume);
        }
    }

    private synchronized String notReadyMessage() {
        return Bundle.MSG_NotReady(notReady == null ? "?" : notReady);
    }

    /** An event of the model's session: said; a change of the learning also stays in the model panel. */
    private void heard(AdaptationEvent e) {
        if (e.kind() == AdaptationEvent.Kind.LEARNING_SLOWED || e.kind() == AdaptationEvent.Kind.RETURNED_TO_BEST) {
            synchronized (this) {
                learningNote = e.message();
            }
            fire(SessionEvent.Kind.LEARNING_NOTE, e.message());
        } else {
            say(e.message());
        }
    }

    /** Rereads the versions after the queued model work, then publishes. */
    private CompletableFuture<Void> refreshVersions() {
        AsyncAdaptationSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            changed();
            return CompletableFuture.completedFuture(null);
        }
        return s.submit(() -> new Lineage(s.session().versions(), s.session().activeVersion()))
                .handle((r, e) -> {
                    if (r != null) {
                        synchronized (this) {
                            if (session == s) {
                                versions = r.versions();
                                active = r.active();
                            }
                        }
                    }
                    changed();
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> rollbackTo(String versionId) {
        return rollback(versionId, true);
    }

    /** Puts a version in use on the model's thread, then predicts the slice in progress again; undoable. */
    private CompletableFuture<Void> rollback(String versionId, boolean fresh) {
        AsyncAdaptationSession s;
        synchronized (this) {
            s = session;
            if (fresh) {
                undone.clear();
            }
        }
        if (s == null) {
            say(notReadyMessage());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = s.submit(() -> {
            String from = s.session().activeVersion().id();
            s.session().rollbackTo(versionId);
            return from;
        }).handle((from, e) -> {
            if (e != null) {
                problem(reason(e));
            } else {
                synchronized (this) {
                    if (fresh) {
                        history.push(new RolledBack(from, versionId));
                    }
                }
                predictAgain(s);
            }
            return null;
        }).thenCompose(v -> refreshVersions());
        track(done);
        return done;
    }

    /**
     * Another version is in use: the slice in progress is predicted again from its clicks with it
     * (which learns from them again as it would have), so what is shown is what that version makes of it.
     */
    private void predictAgain(AsyncAdaptationSession s) {
        int k;
        List<Click> again;
        synchronized (this) {
            if (!work.active() || work.clicks().isEmpty() || volume == null || session != s) {
                return;
            }
            k = work.slice();
            again = work.clicks();
            startImage(k, s, work.proposal());
            Map<Integer, Integer> chosen = work.otherSquares();
            work.forgetOtherSquares();
            pauseSquareMemory(s, true);
            for (int i = 0; i < again.size(); i++) {
                track(s.click(again.get(i), p -> show(k, p)));
                for (int n = 0; n < chosen.getOrDefault(i, 0); n++) {
                    pressAgain(k, i, s);
                }
            }
            pauseSquareMemory(s, false);
        }
        say(Bundle.MSG_PredictedAgain(k + 1, again.size()));
    }

    @Override
    public CompletableFuture<Void> compare(String versionId) {
        AsyncAdaptationSession s;
        String inUse;
        synchronized (this) {
            s = session;
            inUse = active == null ? "?" : active.id();
        }
        if (s == null) {
            say(notReadyMessage());
            return CompletableFuture.completedFuture(null);
        }
        return s.submit(() -> s.session().predictWith(versionId)).handle((p, e) -> {
            if (e != null) {
                problem(reason(e));
                return null;
            }
            String words;
            synchronized (this) {
                if (!work.active() || p.clicks().size() != work.clicks().size()) {
                    return null;
                }
                work.compared(p.mask());
                Mask2D shown = work.workingMask();
                double dice = shown == null ? 0 : p.mask().dice(shown);
                words = Bundle.MSG_Compared(versionId, work.slice() + 1, String.format(Locale.ROOT, "%.2f", dice),
                        inUse);
            }
            say(words);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> exportLineage(Path file) {
        return onStore(s -> s.store().exportLineage(file), Bundle.MSG_LineageExported(file));
    }

    @Override
    public CompletableFuture<Void> exportVersion(String versionId, Path folder) {
        return onStore(s -> s.store().exportModel(versionId, folder), Bundle.MSG_VersionExported(versionId + " -> " + folder));
    }

    private interface StoreWork {
        void run(AdaptationSession s) throws VersionStoreException;
    }

    private CompletableFuture<Void> onStore(StoreWork work, String doneWords) {
        AsyncAdaptationSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            String words = notReadyMessage();
            say(words);
            return CompletableFuture.failedFuture(new IllegalStateException(words));
        }
        return s.submit(() -> {
            work.run(s.session());
            return (Void) null;
        }).whenComplete((v, e) -> {
            if (e == null) {
                say(doneWords);
            } else {
                problem(Bundle.MSG_ModelExportFailed(reason(e)));
            }
        });
    }

    @Override
    public void cancelUpdate() {
        AsyncAdaptationSession s;
        synchronized (this) {
            s = session;
        }
        if (s != null) {
            s.cancel();
        }
    }

    // --- the series ---

    @Override
    public CompletableFuture<Void> openSeries(SeriesKey key, Volume v) {
        synchronized (this) {
            if (v == volume && key.equals(series)) {
                return CompletableFuture.completedFuture(null);
            }
            discardUnaccepted();
            series = key;
            volume = v;
            accepted.clear();
            drafts.clear();
            lastAccepted = -1;
            endSliceWork();
        }
        changed();
        CompletableFuture<Void> restored = files.restore(key, v.geometry()).thenAccept(read -> {
            boolean shown;
            synchronized (this) {
                shown = volume == v && !read.isEmpty();
                if (shown) {
                    read.forEach(accepted::putIfAbsent);
                }
            }
            if (shown) {
                changed();
            }
        });
        track(restored);
        return restored;
    }

    /** Under the lock: the session ready for new work on slice k, or null when there is none (not ready, no such slice). */
    private AsyncAdaptationSession sessionFor(int k) {
        if (volume == null || k < 0 || k >= depth() || session == null) {
            return null;
        }
        startSlice(k, session);
        work.clearRedo();
        return session;
    }

    /** Says why there is no model yet, if that is why nothing happened. */
    private void sayIfNotReady() {
        SessionState st = state();
        if (!st.ready()) {
            say(Bundle.MSG_NotReady(st.notReady()));
        }
    }

    @Override
    public CompletableFuture<Void> click(int k, Click click) {
        CompletableFuture<Void> shown;
        synchronized (this) {
            AsyncAdaptationSession s = sessionFor(k);
            shown = s == null ? null : addClick(click, s);
        }
        if (shown == null) {
            sayIfNotReady();
            return CompletableFuture.completedFuture(null);
        }
        changed();
        return shown;
    }

    /**
     * Under the lock: the click is shown now, journaled, and the model predicts (and learns) on its
     * thread; while an accept is still learning, its mask is previewed between the accept's steps.
     */
    private CompletableFuture<Void> addClick(Click click, AsyncAdaptationSession s) {
        int k = work.slice();
        work.addClick(click);
        journal();
        AsyncAdaptationSession.Preview preview = null;
        if (s.learning()) {
            Mask2D proposal = work.proposal();
            preview = new AsyncAdaptationSession.Preview(Image2D.ofSlice(volume, k),
                    proposal == null ? null : proposal.toFloats(), work.clicks());
        }
        CompletableFuture<Void> done = s.click(click, p -> show(k, p), preview).thenApply(p -> null);
        track(done);
        return done;
    }

    /** A prediction of slice k arrived (on the model's thread): shown unless the slice changed meanwhile. */
    private void show(int k, Prediction p) {
        synchronized (this) {
            if (!work.is(k)) {
                return;
            }
            if (work.shown(p)) {
                journal();   // the session pressed S itself: a replay presses it too
            }
            AsyncAdaptationSession s = session;
            if (s != null) {
                lastClickMillis = s.session().lastClickTimings().predictMillis();
            }
        }
        changed();
    }

    @Override
    public void beginStroke(int k, int x, int y, int radius, boolean paint) {
        boolean none;
        synchronized (this) {
            none = sessionFor(k) == null;
        }
        if (none) {
            sayIfNotReady();
            return;
        }
        synchronized (this) {
            work.beginStroke(x, y, radius, paint);
        }
        changed();
    }

    @Override
    public void continueStroke(int x, int y) {
        synchronized (this) {
            if (!work.continueStroke(x, y)) {
                return;
            }
        }
        changed();
    }

    @Override
    public synchronized void endStroke() {
        if (work.endStroke()) {
            journal();
        }
    }

    @Override
    public CompletableFuture<Void> otherSquare(int k) {
        AsyncAdaptationSession s;
        int n;
        synchronized (this) {
            s = work.is(k) && !work.clicks().isEmpty() ? session : null;
            n = work.clicks().size();
            if (s != null) {
                work.clearComparison();
            }
        }
        if (s == null) {
            sayIfNotReady();
            return CompletableFuture.completedFuture(null);
        }
        // Once shown, the choice is kept with click n (the last one now), so it is made again whenever
        // the clicks are predicted again (a draft continued, an accept undone, another version, a crash).
        CompletableFuture<Void> done = s.otherSquare(p -> show(k, p)).thenAccept(had -> {
            if (!had) {
                say(Bundle.MSG_NoOtherSquare());
                return;
            }
            synchronized (this) {
                // click n is still there (a later click may have been queued behind the S)
                if (work.is(k) && work.clicks().size() >= n) {
                    work.choseOtherSquare(n - 1);
                    journal();
                }
            }
        });
        track(done);
        return done;
    }

    /**
     * Under the lock: slice k's clicks again, in order (shown, journaled, predicted and learned from as
     * before), with S pressed again after those whose other square the user chose.
     *
     * @return completes when the last click's mask is published
     */
    private CompletableFuture<Void> replay(int k, List<Click> again, Map<Integer, Integer> chosen,
            AsyncAdaptationSession s) {
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        pauseSquareMemory(s, true);
        for (int i = 0; i < again.size(); i++) {
            done = addClick(again.get(i), s);
            for (int n = 0; n < chosen.getOrDefault(i, 0); n++) {
                pressAgain(k, i, s);
            }
        }
        pauseSquareMemory(s, false);
        return done;
    }

    /**
     * In turn on the model's thread: clicks replayed with the S presses they had show the squares they
     * showed, not what the first-square memory would choose now.
     */
    private static void pauseSquareMemory(AsyncAdaptationSession s, boolean paused) {
        s.submit(() -> {
            s.session().pauseSquareMemory(paused);
            return null;
        });
    }

    /** Under the lock, replaying slice k's clicks: the user pressed S after click i; it is pressed again. */
    private void pressAgain(int k, int i, AsyncAdaptationSession s) {
        work.choseOtherSquare(i);
        journal();
        track(s.otherSquare(p -> show(k, p)));
    }

    @Override
    public void undo(int k) {
        Step step = null;
        synchronized (this) {
            if (!undoLocked(k)) {
                if (work.canUndo() || history.isEmpty() || session == null) {
                    return;
                }
                step = history.pop();
                undone.push(step);
                if (step instanceof Accepted a) {
                    unaccept(a, session);
                }
            }
        }
        if (step instanceof RolledBack r) {
            rollback(r.from(), false);
        }
        changed();
    }

    /**
     * Under the lock: an accept taken back. The version in use goes back to the one before it (the
     * version it made stays in the lineage), the accepted mask goes (from disk too) and the slice
     * is in progress again with its clicks and strokes, which the model predicts and learns from again.
     */
    private void unaccept(Accepted a, AsyncAdaptationSession s) {
        s.submit(() -> {
            String before = a.versionBefore().join();   // read earlier on this same thread
            if (!s.session().activeVersion().id().equals(before)) {
                s.session().rollbackTo(before);
            }
            return null;
        });
        accepted.remove(a.slice());
        forget(a.slice());
        drafts.put(a.slice(), a.work());
        startSlice(a.slice(), s);
        track(refreshVersions());
    }

    /** Takes back the last click or stroke of slice k; whether it did. */
    private synchronized boolean undoLocked(int k) {
        if (!work.is(k) || !work.canUndo()) {
            return false;
        }
        if (!work.lastIsClick()) {
            work.undoStroke();
            journal();
            return true;
        }
        AsyncAdaptationSession s = session;
        if (s == null || work.clicks().isEmpty()) {
            return false;
        }
        work.undoClick();
        journal();
        track(s.undo(p -> show(k, p)));
        return true;
    }

    @Override
    public void redo(int k) {
        Step step = null;
        synchronized (this) {
            boolean onSlice = work.is(k) && work.nextRedo() != null;
            if (!onSlice && !undone.isEmpty() && session != null) {
                step = undone.pop();
            } else if (!onSlice) {
                return;
            }
        }
        if (step instanceof Accepted a) {
            accept(a.slice(), false);
            return;
        } else if (step instanceof RolledBack r) {
            synchronized (this) {
                history.push(r);
            }
            rollback(r.to(), false);
            return;
        }
        synchronized (this) {
            SliceInProgress.Redo r = work.is(k) ? work.nextRedo() : null;
            if (r == null || (r.click() != null && session == null)) {
                return;
            }
            work.popRedo();
            if (r.click() != null) {
                pauseSquareMemory(session, true);
                addClick(r.click(), session);
                for (int n = 0; n < r.otherSquares(); n++) {
                    pressAgain(k, work.clicks().size() - 1, session);
                }
                pauseSquareMemory(session, false);
            } else {
                journal();
            }
        }
        changed();
    }

    @Override
    public void clear(int k) {
        synchronized (this) {
            if (!work.is(k)) {
                if (drafts.remove(k) == null) {
                    return;
                }
            } else {
                while (work.is(k) && work.canUndo() && undoLocked(k)) {
                    // one by one, so that redo can bring them back in order
                }
            }
        }
        changed();
    }

    @Override
    public Optional<CompletableFuture<UpdateReport>> accept(int k) {
        return accept(k, true);
    }

    /** Accepts slice k; {@code fresh} when the user did it (not a redo), which forgets what was undone. */
    private Optional<CompletableFuture<UpdateReport>> accept(int k, boolean fresh) {
        CompletableFuture<UpdateReport> update;
        String problemWords = null;
        synchronized (this) {
            AsyncAdaptationSession s = session;
            if (s != null && volume != null && k >= 0 && k < depth() && !work.is(k)
                    && (currentProposal(k) != null || drafts.containsKey(k))) {
                startSlice(k, s);   // the proposal as it is, or the draft continued
            }
            Mask2D done = work.is(k) ? work.workingMask() : null;
            if (s == null || done == null) {
                problemWords = s == null ? notReadyMessage() : Bundle.MSG_NothingToAccept();
                update = null;
            } else {
                if (fresh) {
                    undone.clear();
                }
                // The version in use just before this update, read in turn on the model's thread.
                CompletableFuture<String> before = s.submit(() -> s.session().activeVersion().id());
                history.push(new Accepted(k, work.draft(), before));
                lastAccepted = k;
                accepted.put(k, done);
                save(k, done);
                endSliceWork();
                updating++;
                update = s.accept(done);
                track(update.handle((report, failure) -> {
                    synchronized (this) {
                        updating--;
                    }
                    if (failure != null) {
                        problem(reason(failure));
                    } else {
                        say(report.message());
                    }
                    return null;
                }).thenCompose(v -> refreshVersions()));
            }
        }
        if (update == null) {
            say(problemWords);
            return Optional.empty();
        }
        say(Bundle.MSG_Learning(k + 1));
        return Optional.of(update);
    }

    /** Under the lock: the proposal for slice k (not in progress, no draft), or null. */
    private Mask2D currentProposal(int k) {
        return work.is(k) || drafts.containsKey(k) ? null
                : SeriesWork.proposal(accepted, lastAccepted, k).map(SeriesWork.Proposal::mask).orElse(null);
    }

    /** Under the lock: the session segments slice k from now on (a new image unless it already does). */
    private void startSlice(int k, AsyncAdaptationSession s) {
        if (work.is(k)) {
            return;
        }
        keepAsDraft();
        SeriesWork.Draft draft = drafts.remove(k);
        Mask2D start = draft != null ? draft.proposal() : currentProposal(k);
        work.start(k, start, draft != null ? draft.shown() : start, width(), height());
        startImage(k, s, start);
        if (draft != null) {
            // The draft's strokes and clicks again, in order: the model predicts and learns from them as before.
            if (!draft.strokes().isEmpty()) {
                work.restoreStrokes(draft.strokes());
            }
            replay(k, draft.clicks(), draft.otherSquares(), s);
        }
    }

    /** Under the lock: the model's session starts slice k's image, from a proposal or nothing. */
    private void startImage(int k, AsyncAdaptationSession s, Mask2D from) {
        Image2D image = Image2D.ofSlice(volume, k);
        String id = String.format(Locale.ROOT, "%s slice %d", series.title(), k + 1);
        float[] start = from == null ? null : from.toFloats();
        s.submit(() -> {
            s.session().start(image, id, start);
            return null;
        });
    }

    /**
     * Under the lock: the slice in progress is left; its clicks and strokes stay as a draft on
     * it, what the model learned from them is taken back (it learns again when the slice is continued).
     */
    private void keepAsDraft() {
        if (!work.hasWork()) {
            return;
        }
        drafts.put(work.slice(), work.draft());
        outbox.add(Bundle.MSG_KeptAsDraft(work.slice() + 1, work.clicks().size()));
        takeBackClicks();
        clearJournal();
    }

    /** Under the lock: the model's session takes back the slice's clicks and what it learned from them. */
    private void takeBackClicks() {
        AsyncAdaptationSession s = session;
        if (s == null) {
            return;
        }
        for (int i = 0; i < work.clicks().size(); i++) {
            track(s.undo(p -> { }));
        }
    }

    /** Under the lock: an unaccepted slice is given up with what the model learned from it. */
    private void discardUnaccepted() {
        if (work.hasWork()) {
            outbox.add(Bundle.MSG_Discarded(work.slice() + 1));
            takeBackClicks();
        }
    }

    /** Under the lock: no slice in progress. */
    private void endSliceWork() {
        if (work.active()) {
            clearJournal();
        }
        work.end();
    }

    /** Under the lock: the accepted mask of slice k leaves the disk, off the caller's thread. */
    private void forget(int k) {
        files.forget(series, volume.geometry(), k);
    }

    /** Under the lock: keeps an accepted mask on disk, off the caller's thread; a failure is said in words. */
    private void save(int k, Mask2D done) {
        files.save(series, volume.geometry(), k, done);
    }

    /** Under the lock: the slice in progress goes to the journal, or the journal is cleared when it has no work. */
    private void journal() {
        if (!files.keeps(series) || !work.active()) {
            return;
        }
        if (!work.hasWork()) {
            clearJournal();
            return;
        }
        files.journal(work.journalEntry(series));
    }

    private void clearJournal() {
        files.clearJournal();
    }

    @Override
    public CompletableFuture<Optional<SliceDraft>> journaled() {
        return files.journaled();
    }

    @Override
    public void forgetJournal() {
        synchronized (this) {
            clearJournal();
        }
    }

    @Override
    public CompletableFuture<Void> resume(SliceDraft d) {
        CompletableFuture<Void> done;
        synchronized (this) {
            if (session == null) {
                resumeWhenOpen = d;   // once the model is there
                return CompletableFuture.completedFuture(null);
            }
            if (volume == null || d.slice() >= depth()) {
                return CompletableFuture.completedFuture(null);
            }
            startSlice(d.slice(), session);
            if (d.hasStrokes()) {
                work.restoreStrokes(d.strokes());
            }
            done = replay(d.slice(), d.clicks(), d.otherSquares(), session);
        }
        say(Bundle.MSG_Resumed(d.slice() + 1, d.clicks().size()));
        changed();
        return done;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // A model change in progress finishes first (its new session, warming up on the model, is then
        // closed below): the caller may close the model once this returns, and nothing may still run on it.
        lifecycle.shutdown();
        AsyncAdaptationSession s;
        try {
            if (!lifecycle.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warning("A change of model did not end within 5 minutes of closing the session");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            s = session;
            session = null;
            notReady = "the session is closed";
        }
        try {
            if (s != null) {
                s.close();
            }
            files.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
