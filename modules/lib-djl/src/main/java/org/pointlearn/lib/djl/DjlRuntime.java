package org.pointlearn.lib.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * Starts DJL's PyTorch engine fully offline. The only place that initialises DJL: it
 * finds engines through the thread's context class loader, which must be the loader of
 * this wrapper module (where the native jar lives), not the caller's.
 */
public final class DjlRuntime {

    /** The engine Pointlearn runs on. */
    public static final String ENGINE_NAME = "PyTorch";

    private static Engine engine;
    private static TorchLibraries.Choice libraries = TorchLibraries.Choice.bundled("");

    private DjlRuntime() {
    }

    /**
     * Returns the PyTorch engine, starting it on first use.
     *
     * @param cacheDir where libtorch is unpacked from the bundled native jar (about 430 MB);
     *                 ignored when {@code DJL_CACHE_DIR} is already set
     * @return the engine
     * @throws EngineUnavailableException when the engine cannot start, in words
     */
    public static synchronized Engine engine(Path cacheDir) throws EngineUnavailableException {
        if (engine != null) {
            return engine;
        }
        // Never download: the native library ships inside the application.
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
        }
        // One inter-op thread: the default of two gave latency spikes of seconds on 2 cores.
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        libraries = TorchLibraries.choose(Path.of(System.getProperty("DJL_CACHE_DIR",
                System.getenv().getOrDefault("DJL_CACHE_DIR", cacheDir.toString()))));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            Engine e = Engine.getEngine(ENGINE_NAME);
            if (e == null) {
                throw new EngineUnavailableException("DJL found no PyTorch engine on its class path");
            }
            engine = e;
            NativeLogLevel.apply();
            return e;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EngineUnavailableException("the PyTorch engine failed to start: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The libraries the engine started from (the bundled CPU ones unless the user's folder was usable). */
    public static synchronized TorchLibraries.Choice libraries() {
        return libraries;
    }

    /**
     * Turns PyTorch's gradient recording off on the calling thread. PyTorch keeps that mode per
     * thread and a new thread starts with it on (only the thread that started the engine has it
     * off): inference there would record graphs for nothing, and an in-place update of a weight
     * (an optimizer step, a restored snapshot) fails with "a leaf Variable that requires grad is
     * being used in an in-place operation". A gradient collector turns it on for its lifetime and
     * restores it. Call with the engine started, before inference or weight updates on any thread.
     */
    public static void gradientsOff() {
        JniUtils.setGradMode(false);
    }

    /**
     * Sets the gradients of these arrays to zero in place, whatever they hold (NaN included),
     * as an optimizer step does after using them: for a step that is skipped.
     *
     * @param arrays parameters, those without a gradient are left alone
     */
    public static void clearGradients(Iterable<NDArray> arrays) {
        for (NDArray a : arrays) {
            if (a.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) a);
            }
        }
    }

    /**
     * The device this engine would use by default: a GPU when it sees one, else the CPU.
     *
     * @param e a started engine
     * @return the device
     */
    public static Device defaultDevice(Engine e) {
        return e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }
}
