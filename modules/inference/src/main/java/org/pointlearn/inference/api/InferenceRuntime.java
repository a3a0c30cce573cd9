package org.pointlearn.inference.api;

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

    /** Calls the listener on every status change (on a background thread). */
    void addStatusListener(Consumer<EngineStatus> listener);
}
