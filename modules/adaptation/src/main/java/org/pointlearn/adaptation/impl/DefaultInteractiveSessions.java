package org.pointlearn.adaptation.impl;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.openide.modules.Places;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;
import org.pointlearn.inference.api.SegmentationModel;

/** The sessions of the workstation: {@link SegmentationSession}s. */
@ServiceProvider(service = InteractiveSessions.class)
public final class DefaultInteractiveSessions implements InteractiveSessions {

    private static final String LEARN_KEY = "learnFromClicks";
    private static final String POLICY_KEY = "adaptationPolicy";
    private static final String SETTINGS_KEY = "adaptationSettings";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            DefaultInteractiveSessions.class.getName());
    private SegmentationSession workstation;
    /** The card of the model in use: its adaptation settings are what Options' changes are kept against. */
    private volatile org.pointlearn.inference.api.ModelCard card;

    @Override
    public synchronized InteractiveSession workstation() {
        if (workstation == null) {
            Preferences prefs = NbPreferences.forModule(InteractiveSessions.class);
            File user = Places.getUserDirectory();
            Path root = (user != null ? user.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-user"))
                    .resolve("pointlearn");
            AdaptationPolicy policy = rememberedPolicy(prefs);
            SegmentationSession s = new SegmentationSession(root, prefs.getBoolean(LEARN_KEY, true),
                    b -> prefs.putBoolean(LEARN_KEY, b), policy, rememberedSettings(prefs, policy, null), (p, n) -> {
                        prefs.put(POLICY_KEY, p.name());
                        prefs.put(SETTINGS_KEY, n.changedFrom(p.defaultSettings(card)));
                    });
            InferenceRuntime runtime = InferenceRuntime.getDefault();
            if (runtime == null) {
                s.notReadyBecause("no inference module is installed");
            } else {
                runtime.addStatusListener(status -> follow(s, runtime, status, prefs));
                follow(s, runtime, runtime.status(), prefs);
            }
            workstation = s;
        }
        return workstation;
    }

    /**
     * The session segments with the runtime's active model, learning with that model's settings (its
     * card's, with what the user changed in Options); until there is one it says why not.
     */
    private void follow(SegmentationSession s, InferenceRuntime runtime, EngineStatus status, Preferences prefs) {
        Optional<SegmentationModel> model = runtime.activeModel();
        if (model.isPresent()) {
            org.pointlearn.inference.api.ModelCard before = card;
            card = model.get().card(); // before configure: Options' changes are kept against this model's settings
            if (!card.adaptation().equals(before == null ? java.util.Map.of() : before.adaptation())) {
                AdaptationPolicy policy = s.state().policy();
                s.configure(policy, rememberedSettings(prefs, policy, card));
            }
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
        // learning with the method's settings for this model (its card may name some)
        SegmentationSession s = new SegmentationSession(root, learning, b -> { }, AdaptationPolicy.METHOD,
                AdaptationPolicy.METHOD.defaultSettings(model == null ? null : model.card()), (p, n) -> { });
        if (model != null) {
            s.useModel(model);
        } else {
            s.notReadyBecause("no model is loaded");
        }
        return s;
    }

    /** The policy chosen in Options, or the method's when none was (or a name no longer known). */
    private static AdaptationPolicy rememberedPolicy(Preferences prefs) {
        try {
            AdaptationPolicy p = AdaptationPolicy.named(prefs.get(POLICY_KEY, AdaptationPolicy.METHOD.name()));
            return p == AdaptationPolicy.FROZEN ? AdaptationPolicy.METHOD : p;
        } catch (IllegalArgumentException e) {
            LOG.log(java.util.logging.Level.WARNING, "The remembered adaptation policy is unknown; using method", e);
            return AdaptationPolicy.METHOD;
        }
    }

    /**
     * The policy's settings for the model's card (null: none yet) with the values changed in Options
     * (kept as name=value pairs against them).
     */
    private static AdaptationSettings rememberedSettings(Preferences prefs, AdaptationPolicy policy,
            org.pointlearn.inference.api.ModelCard card) {
        try {
            return policy.defaultSettings(card).with(AdaptationSettings.pairs(prefs.get(SETTINGS_KEY, "")));
        } catch (IllegalArgumentException e) {
            LOG.log(java.util.logging.Level.WARNING, "The remembered adaptation settings do not apply; using the defaults",
                    e);
            return policy.defaultSettings();
        }
    }
}
