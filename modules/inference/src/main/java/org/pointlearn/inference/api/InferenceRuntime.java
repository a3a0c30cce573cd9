package org.pointlearn.inference.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openide.util.Lookup;

/** The deep-learning runtime of the workstation: started once, in the background. */
public interface InferenceRuntime {

    /** The runtime of this workstation. */
    static InferenceRuntime getDefault() {
        return Lookup.getDefault().lookup(InferenceRuntime.class);
    }

    /** Starts the engine in the background if not yet started; returns at once. */
    void start();

    /** The engine's current status. */
    EngineStatus status();

    /** The segmentation model loaded at start-up, once it is ready. */
    Optional<SegmentationModel> activeModel();

    /**
     * A model the workstation ships.
     *
     * @param name folder name, e.g. mri-general
     * @param description what it segments, in words
     */
    record ModelChoice(String name, String description, List<String> trainingData) {

        /** A model whose training data are not told. */
        public ModelChoice(String name, String description) {
            this(name, description, List.of());
        }

        /** Copies the list. */
        public ModelChoice {
            trainingData = List.copyOf(trainingData);
        }

        @Override
        public String toString() {
            return description.isBlank() ? name : name + " \u2014 " + description;
        }
    }

    /** The shipped models, sorted by name. */
    List<ModelChoice> shippedModels();

    /**
     * Loads another shipped model in the background and makes it the active one (remembered for
     * the next start); the status listeners hear of it. Models once loaded stay loaded.
     */
    void useModel(String name);

    /**
     * The device and thread count the engine starts with next time (Tools > Options > Pointlearn >
     * Inference): device {@code auto}, {@code cpu} or {@code gpu}; threads 0 for one per core. A
     * {@code pointlearn.device} system property or {@code POINTLEARN_DEVICE} variable, or an
     * {@code ai.djl.pytorch.num_threads} property, still wins.
     */
    record StartSettings(String device, int threads) {

        /** Checks the values. */
        public StartSettings {
            if (!List.of("auto", "cpu", "gpu").contains(device) || threads < 0) {
                throw new IllegalArgumentException("device must be auto, cpu or gpu and threads >= 0, not " + device
                        + ", " + threads);
            }
        }
    }

    /** The settings the engine starts with next time. */
    default StartSettings startSettings() {
        return new StartSettings("auto", 0);
    }

    /** Remembers the settings for the next start (the engine cannot change device or threads while running). */
    default void rememberStartSettings(StartSettings settings) {
        throw new UnsupportedOperationException("this runtime does not remember start settings");
    }

    /** Calls the listener on every status change (on a background thread). */
    void addStatusListener(Consumer<EngineStatus> listener);
}
