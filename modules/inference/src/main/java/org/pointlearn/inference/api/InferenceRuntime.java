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

    /** Calls the listener on every status change (on a background thread). */
    void addStatusListener(Consumer<EngineStatus> listener);
}
