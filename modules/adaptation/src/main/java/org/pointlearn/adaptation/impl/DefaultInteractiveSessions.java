package org.pointlearn.adaptation.impl;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.openide.modules.Places;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;
import org.pointlearn.inference.api.SegmentationModel;

/** The sessions of the workstation: {@link SegmentationSession}s. */
@ServiceProvider(service = InteractiveSessions.class)
public final class DefaultInteractiveSessions implements InteractiveSessions {

    private static final String LEARN_KEY = "learnFromClicks";
    private SegmentationSession workstation;

    @Override
    public synchronized InteractiveSession workstation() {
        if (workstation == null) {
            Preferences prefs = NbPreferences.forModule(InteractiveSessions.class);
            File user = Places.getUserDirectory();
            Path root = (user != null ? user.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-user"))
                    .resolve("pointlearn");
            SegmentationSession s = new SegmentationSession(root, prefs.getBoolean(LEARN_KEY, true),
                    b -> prefs.putBoolean(LEARN_KEY, b));
            InferenceRuntime runtime = InferenceRuntime.getDefault();
            if (runtime == null) {
                s.notReadyBecause("no inference module is installed");
            } else {
                runtime.addStatusListener(status -> follow(s, runtime, status));
                follow(s, runtime, runtime.status());
            }
            workstation = s;
        }
        return workstation;
    }

    /** The session segments with the runtime's active model; until there is one it says why not. */
    private static void follow(SegmentationSession s, InferenceRuntime runtime, EngineStatus status) {
        Optional<SegmentationModel> model = runtime.activeModel();
        if (model.isPresent()) {
            s.useModel(model.get());
        } else {
            s.notReadyBecause(status.state() == EngineStatus.State.FAILED ? status.detail()
                    : status.model() != null && !status.model().loaded() && !status.model().isLoading()
                            ? status.model().detail()
                    : "it is loading");
        }
    }

    @Override
    public InteractiveSession open(SegmentationModel model, Path root, boolean learning) {
        SegmentationSession s = new SegmentationSession(root, learning, b -> { });
        if (model != null) {
            s.useModel(model);
        } else {
            s.notReadyBecause("no model is loaded");
        }
        return s;
    }
}
