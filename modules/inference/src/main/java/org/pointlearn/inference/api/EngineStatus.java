package org.pointlearn.inference.api;

/**
 * What the inference engine is running on, as the status bar and model panel show it.
 *
 * @param state starting, ready or failed
 * @param engine engine name and version, e.g. "PyTorch 2.7.1"
 * @param device the compute device in words, e.g. "CPU" or "GPU 0"
 * @param detail the reason when failed, or extra facts (threads, GPU count)
 */
public record EngineStatus(State state, String engine, String device, String detail) {

    /** Life cycle of the engine. */
    public enum State {
        /** Being loaded in the background. */
        STARTING,
        /** Loaded; inference can run. */
        READY,
        /** Could not load; see the detail. */
        FAILED
    }

    /** One line for a status bar. */
    public String summary() {
        return switch (state) {
            case STARTING -> "Engine: starting…";
            case READY -> "Engine: " + engine + " on " + device;
            case FAILED -> "Engine unavailable: " + detail;
        };
    }
}
