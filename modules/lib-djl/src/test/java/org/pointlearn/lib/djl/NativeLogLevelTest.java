package org.pointlearn.lib.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeLogLevelTest {

    private static Path cache() {
        return Path.of(System.getProperty("DJL_CACHE_DIR"));
    }

    @Test
    void theEngineStartsWithLibtorchWarningsOff() throws Exception {
        DjlRuntime.engine(cache());
        assertEquals(2, NativeLogLevel.apply(), "libtorch's log level is error");
        assertEquals(1, NativeLogLevel.level("warning"));
        assertEquals(0, NativeLogLevel.level("INFO"));
        assertEquals(2, NativeLogLevel.level("nonsense"));
    }

    @Test
    void convolutionsWriteNoLibtorchWarningsToStandardError() throws Exception {
        // On CPUs NNPACK does not know (this project's machines among them) every convolution of
        // a single image wrote "Could not initialize NNPACK! Reason: Unsupported hardware."
        String out = child(List.of());
        assertTrue(out.contains("convolved"), out);
        assertFalse(out.contains("NNPACK"), out);
    }

    /** Output and error of a fresh JVM that starts the engine and runs small convolutions. */
    private static String child(List<String> options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-DDJL_CACHE_DIR=" + cache()));
        cmd.addAll(options);
        cmd.add(NnpackProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The child: batch-1 convolutions, the case where libtorch asks NNPACK. */
    public static final class NnpackProbe {

        public static void main(String[] args) throws Exception {
            DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.randomNormal(new Shape(1, 4, 64, 64));
                NDArray w = m.randomNormal(new Shape(4, 4, 3, 3));
                for (int i = 0; i < 3; i++) {
                    Conv2d.conv2d(x, w, m.zeros(new Shape(4)), new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                            .singletonOrThrow().sum().getFloat();
                }
            }
            System.out.println("convolved");
        }
    }
}
