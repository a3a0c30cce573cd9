package org.pointlearn.inference.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;

class ShippedModelLoadingTest {

    @AfterEach
    void forget() {
        System.clearProperty("pointlearn.models");
        org.openide.util.NbPreferences.forModule(DjlInferenceRuntime.class).remove("model");
    }

    private static void tinyModel(Path dir, String name, String description) throws Exception {
        ModelCard card = ModelCard.builder().name(name).description(description).workingSize(32).unet(16, 3).build();
        org.pointlearn.lib.djl.DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
        try (SegmentationModel m = SegmentationModel.create(card, Device.cpu())) {
            m.save(dir.resolve(name));
        }
    }

    @Test
    void theUserChoosesAmongTheShippedModelsAndTheChoiceIsRemembered(@TempDir Path dir) throws Exception {
        tinyModel(dir, "brain-mri", "Brain lesion");
        tinyModel(dir, "fundus-disc", "Optic disc");
        tinyModel(dir, "mri-general", "Anything on MRI");
        Files.createDirectories(dir.resolve("not-a-model"));
        System.setProperty("pointlearn.models", dir.toString());
        DjlInferenceRuntime runtime = new DjlInferenceRuntime();
        assertEquals(java.util.List.of("brain-mri", "fundus-disc", "mri-general"),
                runtime.shippedModels().stream().map(c -> c.name()).toList());
        assertEquals("fundus-disc \u2014 Optic disc", runtime.shippedModels().get(1).toString());
        java.util.concurrent.BlockingQueue<EngineStatus> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        runtime.addStatusListener(seen::add);
        runtime.start();
        EngineStatus s = awaitLoaded(seen);
        assertEquals("mri-general", s.model().name(), "the general MRI model opens first when it is shipped");
        runtime.useModel("fundus-disc");
        s = awaitLoaded(seen);
        assertEquals("fundus-disc", s.model().name());
        assertEquals("fundus-disc", runtime.activeModel().orElseThrow().card().name());

        DjlInferenceRuntime next = new DjlInferenceRuntime();
        java.util.concurrent.BlockingQueue<EngineStatus> again = new java.util.concurrent.LinkedBlockingQueue<>();
        next.addStatusListener(again::add);
        next.start();
        assertEquals("fundus-disc", awaitLoaded(again).model().name(), "the next start remembers the choice");
    }

    private static EngineStatus awaitLoaded(java.util.concurrent.BlockingQueue<EngineStatus> seen) throws Exception {
        while (true) {
            EngineStatus s = seen.poll(5, TimeUnit.MINUTES);
            assertTrue(s != null, "no status within 5 minutes");
            if (s.model() != null && s.model().loaded()) {
                return s;
            }
        }
    }

    @Test
    void modelChoiceFallsBackToAShippedDefault() {
        assertEquals("brain-mri", ShippedModels.choose("gone", java.util.List.of("brain-mri", "fundus-disc")));
        assertEquals("fundus-disc", ShippedModels.choose("fundus-disc", java.util.List.of("brain-mri", "fundus-disc")));
        assertEquals("mri-general", ShippedModels.choose(null, java.util.List.of("brain-mri", "mri-general")));
    }

    private static EngineStatus startAndAwaitModel() throws Exception {
        DjlInferenceRuntime runtime = new DjlInferenceRuntime();
        CompletableFuture<EngineStatus> withModel = new CompletableFuture<>();
        runtime.addStatusListener(s -> {
            if (s.model() != null && !s.model().isLoading()) {
                withModel.complete(s);
            }
        });
        runtime.start();
        return withModel.get(5, TimeUnit.MINUTES);
    }

    @Test
    void theDefaultModelIsLoadedAfterTheEngineAndDescribed(@TempDir Path dir) throws Exception {
        ModelCard card = ModelCard.builder().name("brain-mri").description("Brain lesion").workingSize(32).unet(16, 3)
                .training("data", "brain-mets-t2w").metric("validationDiceAt5", 0.8123).build();
        org.pointlearn.lib.djl.DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
        try (SegmentationModel m = SegmentationModel.create(card, Device.cpu())) {
            m.save(dir.resolve("brain-mri"));
        }
        System.setProperty("pointlearn.models", dir.toString());
        EngineStatus s = startAndAwaitModel();
        assertTrue(s.model().loaded(), s.model().detail());
        assertTrue(s.model().version().startsWith("brain-mri@"), s.model().version());
        assertEquals("trained on brain-mets-t2w; validation Dice after 5 clicks 0.81", s.model().detail());
    }

    @Test
    void aMissingModelIsReportedWithWhereItWasLookedFor(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        System.setProperty("pointlearn.models", dir.resolve("empty").toString());
        EngineStatus s = startAndAwaitModel();
        assertFalse(s.model().loaded());
        assertTrue(s.model().detail().contains("not found in " + dir.resolve("empty")), s.model().detail());
        assertEquals(EngineStatus.State.READY, s.state(), "the engine itself still works");
    }
}
