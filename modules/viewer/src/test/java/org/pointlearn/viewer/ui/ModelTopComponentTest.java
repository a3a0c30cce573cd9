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
        assertTrue(text.contains("Versions appear here once adaptation runs."), text);
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
