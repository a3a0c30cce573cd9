package org.pointlearn.viewer.impl;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;

/**
 * Delivers the inference engine's status to the UI on the event thread: the current one
 * at once, then every change. Says so in words when no inference module is installed.
 */
public final class EngineStatusFeed {

    /** The status shown when no {@link InferenceRuntime} is registered. */
    public static final EngineStatus NOT_INSTALLED = new EngineStatus(EngineStatus.State.FAILED,
            "", "", "no inference module is installed");

    private EngineStatusFeed() {
    }

    /**
     * Subscribes a UI element to the engine status of this workstation.
     *
     * @param onEventThread receives the current status and every later one, on the event thread
     */
    public static void subscribe(Consumer<EngineStatus> onEventThread) {
        subscribe(InferenceRuntime.getDefault(), onEventThread);
    }

    /**
     * Subscribes a UI element to a runtime's status.
     *
     * @param runtime the runtime, or null when none is installed
     * @param onEventThread receives the current status and every later one, on the event thread
     */
    public static void subscribe(InferenceRuntime runtime, Consumer<EngineStatus> onEventThread) {
        if (runtime == null) {
            EventQueue.invokeLater(() -> onEventThread.accept(NOT_INSTALLED));
            return;
        }
        // Every delivery shows the newest status, so a change racing the first read never
        // leaves an older status on screen.
        AtomicReference<EngineStatus> latest = new AtomicReference<>();
        Runnable deliver = () -> onEventThread.accept(latest.get());
        runtime.addStatusListener(status -> {
            latest.set(status);
            EventQueue.invokeLater(deliver);
        });
        latest.compareAndSet(null, runtime.status());
        EventQueue.invokeLater(deliver);
    }
}
