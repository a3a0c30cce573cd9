package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pointlearn.inference.api.EngineStatus;

class ModelTopComponentTest {

    @Test
    void saysHonestlyThatThereIsNoModelAndNoVersionsYet() throws Exception {
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(c -> { }));
        String text = panel.shownText();
        assertTrue(text.contains("No segmentation model installed yet"), text);
        assertTrue(text.contains("Versions appear here once the model is loaded."), text);
        assertTrue(text.contains("Starting…"), text);
    }

    @Test
    void showsEngineAndDeviceOnceReady() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add));
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "")));
            return null;
        });
        assertEquals(List.of("PyTorch 2.7.1", "CPU", "Ready"), panel.shownText().lines().limit(3).toList());
    }

    @Test
    void showsTheLoadedModelWithWhatItSegmentsAndHowWellItDid() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add));
        EngineStatus ready = new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "");
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(ready));
            return null;
        });
        assertTrue(panel.shownText().contains("Loading…"), panel.shownText());
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(ready.withModel(new EngineStatus.ModelInfo("brain-mri", "brain-mri@0a1b2c3d",
                    "Brain lesion", "trained on brain-mets-t2w; validation Dice after 5 clicks 0.85", true))));
            return null;
        });
        String text = panel.shownText();
        assertTrue(text.contains("brain-mri@0a1b2c3d"), text);
        assertTrue(text.contains("validation Dice after 5 clicks 0.85"), text);
    }

    @Test
    void saysWhyTheShippedModelIsMissing() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add));
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "")
                    .withModel(new EngineStatus.ModelInfo("brain-mri", "", "", "not found in /x", false))));
            return null;
        });
        assertTrue(panel.shownText().contains("brain-mri: not found in /x"), panel.shownText());
    }

    @Test
    void showsWhyTheEngineFailed() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add));
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(new EngineStatus(EngineStatus.State.FAILED, "", "", "libtorch did not load")));
            return null;
        });
        assertTrue(panel.shownText().contains("Unavailable: libtorch did not load"), panel.shownText());
    }
}
