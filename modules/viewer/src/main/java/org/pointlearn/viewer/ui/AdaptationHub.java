package org.pointlearn.viewer.ui;

import java.awt.EventQueue;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import org.openide.awt.StatusDisplayer;
import org.openide.modules.Places;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.openide.util.RequestProcessor;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSession;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.AsyncAdaptationSession;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.VersionStore;
import org.pointlearn.adaptation.api.VersionStoreException;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * The workstation's one adaptation session: opened on the loaded model as soon as the engine
 * has it, with the method's policy and defaults, its versions stored under the user directory
 * (one lineage per shipped model version, resumed at the next start). The viewer's click
 * tools segment through it; the model panel shows and rolls back its versions. State is read
 * and listeners are called on the event thread.
 */
@Messages({
    "# {0} folder the earlier versions are kept in",
    "MSG_NewLineage=A new lineage starts from the shipped model; the earlier versions are kept in {0}.",
    "STATUS_NoModel=Model: loading\u2026",
    "# {0} the model's version",
    "STATUS_Model=Model: {0}",
    "# {0} version in use, {1} the model it was adapted from",
    "STATUS_Adapted=Model: {0} of {1}",
    "# {0} milliseconds",
    "STATUS_Click=last click {0} ms",
    "MSG_ModelNotReady=The segmentation model is not ready yet ({0}); clicks work once it is loaded.",
    "MSG_SessionFailed=Adaptation is unavailable: {0}",
    "MSG_LearningOn=Learning from clicks is on: accepted slices make new model versions.",
    "MSG_LearningOff=Learning from clicks is off: the model in use stays as it is.",
    "# {0} - model name",
    "# {1} - model version",
    "MSG_ModelSwitched=Now segmenting with {0} ({1}); its own versions are listed.",
    "# {0} - file",
    "MSG_LineageExported=Model lineage written to {0}",
    "# {0} - version and folder",
    "MSG_VersionExported=Model version exported: {0}",
    "# {0} - reason",
    "MSG_ModelExportFailed=Export failed: {0}"
})
final class AdaptationHub {

    private static final Logger LOG = Logger.getLogger(AdaptationHub.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Adaptation session start", 1);
    private static AdaptationHub instance;
    private static final String LEARN_KEY = "learnFromClicks";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> messages = new CopyOnWriteArrayList<>();
    private AsyncAdaptationSession session;
    private String notReady = "the engine is starting";
    private List<ModelVersion> versions = List.of();
    private ModelVersion active;
    private boolean opening;
    private boolean learning = true;
    private Consumer<Boolean> onLearningChange = b -> { };
    private final List<Runnable> replacedListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> rolledBackListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Comparison>> comparisonListeners = new CopyOnWriteArrayList<>();
    private SegmentationModel model;
    private String learningNote;
    private Path storeFolder;
    private InferenceRuntime runtime;

    /** The workstation's hub, following the inference runtime; on the event thread. */
    static synchronized AdaptationHub getDefault() {
        if (instance == null) {
            instance = new AdaptationHub();
            Preferences prefs = NbPreferences.forModule(AdaptationHub.class);
            instance.learning = prefs.getBoolean(LEARN_KEY, true);
            instance.onLearningChange = b -> prefs.putBoolean(LEARN_KEY, b);
            instance.addMessageListener(words -> StatusDisplayer.getDefault().setStatusText(words,
                    StatusDisplayer.IMPORTANCE_ANNOTATION));
            InferenceRuntime runtime = InferenceRuntime.getDefault();
            if (runtime == null) {
                instance.notReady = "no inference module is installed";
            } else {
                instance.runtime = runtime;
                runtime.addStatusListener(s -> EventQueue.invokeLater(() -> instance.follow(s, runtime)));
                EventQueue.invokeLater(() -> instance.follow(runtime.status(), runtime));
            }
        }
        return instance;
    }

    /** A hub not yet attached to a model (tests call {@link #open}). */
    AdaptationHub() {
    }

    private void follow(EngineStatus status, InferenceRuntime runtime) {
        if (opening) {
            return;
        }
        Optional<SegmentationModel> model = runtime.activeModel();
        if (session != null) {
            if (model.isPresent() && model.get() != this.model) {
                switchModel(model.get());
            }
            return;
        }
        if (model.isPresent()) {
            open(model.get(), storeFolder(model.get()));
        } else {
            notReady = status.state() == EngineStatus.State.FAILED ? status.detail()
                    : status.model() != null && !status.model().loaded() && !status.model().isLoading()
                            ? status.model().detail()
                    : "it is loading";
        }
    }

    /** Where the versions of a model live: {@code <userdir>/pointlearn/versions/<model version>}. */
    static Path storeFolder(SegmentationModel model) {
        File user = Places.getUserDirectory();
        Path root = user != null ? user.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-user");
        String v = model.card().versionOrName();
        return root.resolve("pointlearn").resolve("versions").resolve(v.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Opens the session on a model in the background; on the event thread.
     *
     * @return completes on the event thread once the session is there (or failed, said in words)
     */
    CompletableFuture<Void> open(SegmentationModel model, Path folder) {
        opening = true;
        notReady = "the adaptation session is opening";
        CompletableFuture<Void> done = new CompletableFuture<>();
        AdaptationPolicy policy = learning ? AdaptationPolicy.METHOD : AdaptationPolicy.FROZEN;
        RP.post(() -> {
            try {
                AdaptationSettings settings = AdaptationSettings.defaults();
                VersionStore store = VersionStore.open(folder, settings.versionsInMemory());
                AsyncAdaptationSession async = newSession(model, policy, store);
                EventQueue.invokeLater(() -> {
                    this.model = model;
                    this.storeFolder = folder;
                    session = async;
                    opening = false;
                    refreshVersions().whenComplete((v, e) -> done.complete(null));
                    if (runtime != null) {
                        follow(runtime.status(), runtime); // another model may have been chosen meanwhile
                    }
                });
            } catch (VersionStoreException | RuntimeException e) {
                LOG.log(Level.WARNING, "The adaptation session could not be opened", e);
                EventQueue.invokeLater(() -> {
                    opening = false;
                    notReady = e.getMessage();
                    say(Bundle.MSG_SessionFailed(e.getMessage()));
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private AsyncAdaptationSession newSession(SegmentationModel m, AdaptationPolicy policy, VersionStore store)
            throws VersionStoreException {
        AdaptationSession s = new AdaptationSession(m, policy, AdaptationSettings.defaults(), store);
        s.addListener(this::heard);
        s.events().forEach(this::heard);
        AsyncAdaptationSession async = new AsyncAdaptationSession(s);
        async.submit(() -> {
            s.warmUp();   // before the user's first click, which queues behind it
            return null;
        });
        return async;
    }

    /** Whether accepted slices and clicks teach the model (the method) or it stays as it is (frozen). */
    boolean learning() {
        return learning;
    }

    /**
     * Turns learning from clicks on or off; on the event thread. The slice in progress is given
     * up first (what the model learned from its clicks is taken back); the versions stay.
     *
     * @return completes on the event thread once the session runs with the new choice
     */
    CompletableFuture<Void> setLearning(boolean learn) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (learn == learning) {
            done.complete(null);
            return done;
        }
        learning = learn;
        onLearningChange.accept(learn);
        return replaceSession(model, storeFolder, "the session is switching learning " + (learn ? "on" : "off"),
                learn ? Bundle.MSG_LearningOn() : Bundle.MSG_LearningOff());
    }

    /**
     * Goes on with another model: the slice in progress is given up, and a session opens on the
     * model with its own versions (each model version keeps its own lineage); on the event thread.
     *
     * @return completes on the event thread once the session runs on the model
     */
    CompletableFuture<Void> switchModel(SegmentationModel next) {
        return switchModel(next, storeFolder(next));
    }

    /** {@link #switchModel(SegmentationModel)} with the versions kept in the given folder. */
    CompletableFuture<Void> switchModel(SegmentationModel next, Path folder) {
        return replaceSession(next, folder, "the model is being switched to " + next.card().name(),
                Bundle.MSG_ModelSwitched(next.card().name(), next.card().version()));
    }

    /** Ends the current session (its slice in progress taken back) and opens one on a model; event thread. */
    private CompletableFuture<Void> replaceSession(SegmentationModel m, Path folder, String why, String done) {
        return replaceSession(m, folder, why, done, () -> { });
    }

    /** A step on disk between closing the old session and opening the new one. */
    @FunctionalInterface
    private interface DiskStep {
        void run() throws java.io.IOException;
    }

    /**
     * Starts a new lineage from the shipped model: the versions so far are moved aside (kept on
     * disk, named in the message) and the session starts again from the base; event thread.
     *
     * @return completes on the event thread once the new lineage is in use
     */
    CompletableFuture<Void> newLineage() {
        if (session == null || model == null || storeFolder == null) {
            say(notReadyMessage());
            return CompletableFuture.completedFuture(null);
        }
        Path folder = storeFolder;
        Path kept = folder.resolveSibling(folder.getFileName() + "-until-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return replaceSession(model, folder, "a new lineage is starting", Bundle.MSG_NewLineage(kept.toString()),
                () -> org.pointlearn.imaging.api.AtomicFiles.moveFolder(folder, kept));
    }

    private CompletableFuture<Void> replaceSession(SegmentationModel m, Path folder, String why, String done,
            DiskStep beforeOpen) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        AsyncAdaptationSession old = session;
        if (old == null) {
            finished.complete(null);
            return finished;
        }
        session = null;
        opening = true;
        notReady = why;
        replacedListeners.forEach(Runnable::run);
        AdaptationPolicy policy = learning ? AdaptationPolicy.METHOD : AdaptationPolicy.FROZEN;
        RP.post(() -> {
            AsyncAdaptationSession next = null;
            String failure = null;
            try {
                old.submit(() -> {
                    while (!old.session().clicks().isEmpty()) {
                        old.session().undo();
                    }
                    return null;
                }).join();
                old.close();
                beforeOpen.run();
                // The old session's states went with it: the new one reads the store afresh.
                next = newSession(m, policy, VersionStore.open(folder, AdaptationSettings.defaults().versionsInMemory()));
            } catch (VersionStoreException | java.io.IOException | RuntimeException e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
            AsyncAdaptationSession opened = next;
            String failed = failure;
            EventQueue.invokeLater(() -> {
                opening = false;
                session = opened;
                if (opened == null) {
                    notReady = failed;
                    say(Bundle.MSG_SessionFailed(failed));
                } else {
                    model = m;
                    storeFolder = folder;
                    say(done);
                }
                refreshVersions().whenComplete((v, e) -> finished.complete(null));
                if (runtime != null) {
                    follow(runtime.status(), runtime); // the user may have chosen yet another model meanwhile
                }
            });
        });
        return finished;
    }

    /** Calls a listener on the event thread when the session is replaced (work on a slice in progress ends). */
    void addReplacedListener(Runnable onEventThread) {
        replacedListeners.add(onEventThread);
    }

    /** The session, once open. */
    Optional<AsyncAdaptationSession> session() {
        return Optional.ofNullable(session);
    }

    /** Why there is no session yet, in words. */
    String notReadyMessage() {
        return Bundle.MSG_ModelNotReady(notReady);
    }

    /** The versions, oldest first, as last read. */
    List<ModelVersion> versions() {
        return versions;
    }

    /** The active version as last read, or null before the session is open. */
    ModelVersion active() {
        return active;
    }

    /**
     * Rereads the versions after the session's queued work; listeners are told on the event thread.
     *
     * @return completes on the event thread after the listeners were told
     */
    CompletableFuture<Void> refreshVersions() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (session == null) {
            done.complete(null);
            return done;
        }
        AdaptationSession s = session.session();
        session.submit(() -> new Lineage(s.versions(), s.activeVersion())).whenComplete((r, e) ->
                EventQueue.invokeLater(() -> {
                    if (r != null) {
                        versions = r.versions();
                        active = r.active();
                    }
                    listeners.forEach(Runnable::run);
                    done.complete(null);
                }));
        return done;
    }

    /**
     * Makes a version the active one, after the work queued before.
     *
     * @return completes on the event thread after the versions were reread
     */
    CompletableFuture<Void> rollbackTo(String versionId) {
        if (session == null) {
            say(notReadyMessage());
            return CompletableFuture.completedFuture(null);
        }
        AdaptationSession s = session.session();
        return session.submit(() -> {
            s.rollbackTo(versionId);
            return null;
        }).handle((v, e) -> {
            if (e != null) {
                say(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            }
            return e == null;
        }).thenCompose(rolledBack -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            EventQueue.invokeLater(() -> {
                if (rolledBack) {
                    rolledBackListeners.forEach(Runnable::run);
                }
                refreshVersions().whenComplete((x, e) -> done.complete(null));
            });
            return done;
        });
    }

    /**
     * The status-line words: the version in use and the model it comes from, and the last
     * click's time (model prediction, as the session measured it).
     */
    String statusText() {
        if (model == null || active == null) {
            return Bundle.STATUS_NoModel();
        }
        String name = model.card().versionOrName();
        String inUse = active.parentId() == null ? Bundle.STATUS_Model(name) : Bundle.STATUS_Adapted(active.id(), name);
        double ms = session == null ? 0 : session.session().lastClickTimings().predictMillis();
        return ms > 0 ? inUse + " \u00b7 " + Bundle.STATUS_Click(Long.toString(Math.round(ms))) : inUse;
    }

    /** A click's prediction was shown: listeners of the status line hear of it. */
    void clickShown() {
        listeners.forEach(Runnable::run);
    }

    /**
     * Another version's prediction of the slice in progress from its clicks, handed to the
     * comparison listeners (the viewer draws it beside the mask in use); a failure is said in words.
     *
     * @return completes on the event thread when the listeners have it
     */
    CompletableFuture<Void> compare(String versionId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (session == null) {
            say(notReadyMessage());
            done.complete(null);
            return done;
        }
        AdaptationSession s = session.session();
        String inUse = active == null ? "?" : active.id();
        session.submit(() -> s.predictWith(versionId)).whenComplete((p, e) -> EventQueue.invokeLater(() -> {
            if (e != null) {
                say(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            } else {
                comparisonListeners.forEach(l -> l.accept(new Comparison(versionId, inUse, p)));
            }
            done.complete(null);
        }));
        return done;
    }

    /** Another version's prediction of the slice in progress, and the version in use it is set against. */
    record Comparison(String versionId, String inUseId, org.pointlearn.adaptation.api.Prediction prediction) {
    }

    /** Calls a listener on the event thread with each comparison. */
    void addComparisonListener(Consumer<Comparison> onEventThread) {
        comparisonListeners.add(onEventThread);
    }

    /**
     * An event of the session: said in the status line; a change of the learning rate or a
     * return to the best version ("test, then train") also stays in the model panel.
     */
    void heard(org.pointlearn.adaptation.api.AdaptationEvent e) {
        say(e.message());
        if (e.kind() == org.pointlearn.adaptation.api.AdaptationEvent.Kind.LEARNING_SLOWED
                || e.kind() == org.pointlearn.adaptation.api.AdaptationEvent.Kind.RETURNED_TO_BEST) {
            EventQueue.invokeLater(() -> {
                learningNote = e.message();
                listeners.forEach(Runnable::run);
            });
        }
    }

    /** What "test, then train" last did to the learning, in words, or null while it did nothing. */
    String learningNote() {
        return learningNote;
    }

    /** Calls a listener on the event thread after a rollback put another version in use. */
    void addRolledBackListener(Runnable onEventThread) {
        rolledBackListeners.add(onEventThread);
    }

    /**
     * Writes the lineage (every version with its parent, image, steps, losses and guard verdict) as JSON.
     *
     * @return completes when written; a failure is said in words and completes the future exceptionally
     */
    CompletableFuture<Void> exportLineage(Path file) {
        return onSession(s -> s.store().exportLineage(file), Bundle.MSG_LineageExported(file));
    }

    /**
     * Copies a version as a model folder ({@code models/} format) that the workstation and
     * {@code make eval} can load.
     *
     * @return completes when written; a failure is said in words and completes the future exceptionally
     */
    CompletableFuture<Void> exportVersion(String versionId, Path folder) {
        return onSession(s -> s.store().exportModel(versionId, folder),
                Bundle.MSG_VersionExported(versionId + " -> " + folder));
    }

    private interface StoreWork {
        void run(AdaptationSession s) throws VersionStoreException;
    }

    /** Store work on the session's thread; says {@code done}, or why it failed, when it ends. */
    private CompletableFuture<Void> onSession(StoreWork work, String done) {
        if (session == null) {
            say(notReadyMessage());
            return CompletableFuture.failedFuture(new IllegalStateException(notReadyMessage()));
        }
        AdaptationSession s = session.session();
        return session.submit(() -> {
            work.run(s);
            return (Void) null;
        }).whenComplete((v, e) -> say(e == null ? done
                : Bundle.MSG_ModelExportFailed(e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
    }

    /** The versions and the one in use, read together. */
    private record Lineage(List<ModelVersion> versions, ModelVersion active) {
    }

    /** Calls a listener on the event thread whenever the versions may have changed. */
    void addChangeListener(Runnable onEventThread) {
        listeners.add(onEventThread);
    }

    /** Receives, on the event thread, every sentence the user should read about adaptation. */
    void addMessageListener(Consumer<String> onEventThread) {
        messages.add(onEventThread);
    }

    /** Closes the session after its queued work (tests; the workstation keeps it to the end). */
    void close() throws InterruptedException {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Tells the message listeners, on the event thread. */
    void say(String words) {
        EventQueue.invokeLater(() -> messages.forEach(m -> m.accept(words)));
    }
}
