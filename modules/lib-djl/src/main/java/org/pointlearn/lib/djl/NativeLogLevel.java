package org.pointlearn.lib.djl;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The least severity libtorch writes to standard error. libtorch's own messages go straight to
 * the process's standard error, not through Java logging; on CPUs NNPACK does not support,
 * every small convolution writes "Could not initialize NNPACK! Reason: Unsupported hardware."
 * (thousands of lines in a training run, hiding everything else). DJL has no setting for it and
 * libtorch reads {@code TORCH_CPP_LOG_LEVEL} only from Python, so this writes the level into
 * libtorch's own flag ({@code FLAGS_caffe2_log_level} in libc10) once the engine is loaded.
 * Errors are still written; exceptions from libtorch reach Java as before.
 */
final class NativeLogLevel {

    private static final Logger LOG = Logger.getLogger(NativeLogLevel.class.getName());

    /** Property naming the level: info, warning or error (the default). */
    static final String PROPERTY = "pointlearn.torch.log";

    private NativeLogLevel() {
    }

    /** libtorch's numbering: 0 info, 1 warning, 2 error. */
    static int level(String name) {
        return switch (name == null ? "error" : name.toLowerCase(Locale.ROOT)) {
            case "info" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    /**
     * Sets libtorch's log level from {@link #PROPERTY}; does nothing but log when libc10 or its
     * flag cannot be found (another libtorch build).
     *
     * @return the level now in force, or -1 when it could not be set
     */
    static int apply() {
        try {
            Path c10 = Path.of(LibUtils.getLibtorchPath()).resolve("libc10.so");
            Pointer flag = NativeLibrary.getInstance(c10.toString()).getGlobalVariableAddress("FLAGS_caffe2_log_level");
            int level = level(System.getProperty(PROPERTY));
            flag.setInt(0, level);
            return flag.getInt(0);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "libtorch's log level could not be set; its warnings stay on", e);
            return -1;
        }
    }
}
