package org.pointlearn.inference.api;

/**
 * What the inference engine is running on and which segmentation model it has loaded, as
 * the status bar and model panel show it.
 *
 * @param state starting, ready or failed
 * @param engine engine name and version, e.g. "PyTorch 2.7.1"
 * @param device the compute device in words, e.g. "CPU" or "GPU 0"
 * @param detail the reason when failed, or extra facts (threads, GPU count)
 * @param model the segmentation model, or null while none is loaded
 * @param notice what the user should know about where the engine came from (empty when nothing),
 *               e.g. that their own PyTorch libraries could not be used
 */
public record EngineStatus(State state, String engine, String device, String detail, ModelInfo model, String notice) {

    /** Life cycle of the engine. */
    public enum State {
        /** Being loaded in the background. */
        STARTING,
        /** Loaded; inference can run. */
        READY,
        /** Could not load; see the detail. */
        FAILED
    }

    /**
     * The segmentation model as the user sees it.
     *
     * @param name short name, e.g. brain-mri
     * @param version the exact parameters' id, e.g. brain-mri@3f2a9c1e
     * @param description what it segments
     * @param detail training data and validation figures, or why it could not be loaded
     * @param loaded whether it is ready to predict
     */
    public record ModelInfo(String name, String version, String description, String detail, boolean loaded) {

        private static final String LOADING = "loading";

        /** A model being loaded. */
        public static ModelInfo loading(String name) {
            return new ModelInfo(name, "", "", LOADING, false);
        }

        /** Whether the model is still being loaded (neither ready nor failed). */
        public boolean isLoading() {
            return !loaded && LOADING.equals(detail);
        }
    }

    /** A status without a model or notice. */
    public EngineStatus(State state, String engine, String device, String detail) {
        this(state, engine, device, detail, null, "");
    }

    /** The same status with another model. */
    public EngineStatus withModel(ModelInfo m) {
        return new EngineStatus(state, engine, device, detail, m, notice);
    }

    /** The same status with a notice. */
    public EngineStatus withNotice(String words) {
        return new EngineStatus(state, engine, device, detail, model, words == null ? "" : words);
    }

    /** One line for a status bar. */
    public String summary() {
        return switch (state) {
            case STARTING -> "Engine: starting…";
            case READY -> "Engine: " + engine + " on " + device + (notice.isEmpty() ? "" : " (" + notice + ")");
            case FAILED -> "Engine unavailable: " + detail;
        };
    }
}
