package org.pointlearn.inference.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;

class DjlInferenceRuntimeTest {

    @Test
    void startsOfflineOnTheCpuAndUnpacksIntoTheProjectCache() throws Exception {
        InferenceRuntime runtime = InferenceRuntime.getDefault();
        assertTrue(runtime instanceof DjlInferenceRuntime, "registered through @ServiceProvider");
        CompletableFuture<EngineStatus> done = new CompletableFuture<>();
        runtime.addStatusListener(done::complete);
        runtime.start();
        EngineStatus s = done.get(5, TimeUnit.MINUTES);
        assertEquals(EngineStatus.State.READY, s.state(), s.detail());
        assertEquals("Engine: PyTorch 2.7.1 on CPU", s.summary());
        Path cache = Path.of(System.getProperty("DJL_CACHE_DIR"));
        try (var files = Files.walk(cache)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("libtorch.so")),
                    "libtorch unpacked under " + cache);
        }
    }
}
