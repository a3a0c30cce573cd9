package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.Fixtures;

/**
 * kill -9 at any moment: a child JVM saves versions in a loop and is killed at random times;
 * after every kill the store opens, its active version loads (hash checked) and predicts, and
 * no saved version is lost.
 */
class VersionStoreCrashTest {

    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void theStoreSurvivesKillsInTheMiddleOfSaving() throws Exception {
        Random rnd = new Random(3);
        int known = 0;
        List<String> repairs = new ArrayList<>();
        for (int round = 0; round < KILLS; round++) {
            Process child = start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                int saved = 0;
                while ((line = out.readLine()) != null && saved < 2) {
                    saved += line.startsWith("saved") ? 1 : 0;
                }
                assertNotNull(line, "the child stopped before saving: see its output");
                Thread.sleep(rnd.nextInt(120));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            try (VersionStore store = VersionStore.open(dir, 2)) {
                repairs.addAll(store.repairs());
                assertTrue(store.versions().size() >= known + 2, "versions " + store.versions().size() + " < " + known);
                known = store.versions().size();
                assertPredicts(store.versionFolder(store.active().id()));
                assertEquals(store.active().id(), store.versions().get(store.versions().size() - 1).id());
            }
        }
        System.out.println("crash test: " + known + " versions, repaired after kills: " + repairs);
    }

    private Process start() throws Exception {
        return Fixtures.childJvm(StoreWriterProcess.class, dir);
    }

    private static void assertPredicts(Path versionFolder) throws Exception {
        assertTrue(Files.isRegularFile(versionFolder.resolve("model.json")), versionFolder.toString());
        try (SegmentationModel m = SegmentationModel.load(versionFolder, Device.cpu())) {
            float[] p = new Predictor(m).predict(m.encoder().prepare(Fixtures.disk(40, 36, 14, 1)),
                    List.of(new Click(40, 36, true)), null);
            for (float v : p) {
                assertTrue(Float.isFinite(v) && v >= 0 && v <= 1);
            }
        }
    }
}
