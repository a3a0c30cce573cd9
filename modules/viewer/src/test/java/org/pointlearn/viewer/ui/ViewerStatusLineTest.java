package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;
import org.openide.awt.StatusLineElementProvider;
import org.openide.util.Lookup;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.viewer.impl.EngineStatusFeed;
import org.pointlearn.viewer.impl.RendererChoice;

class ViewerStatusLineTest {

    @Test
    void isRegisteredForTheStatusLine() {
        assertTrue(Lookup.getDefault().lookupAll(StatusLineElementProvider.class).stream()
                .anyMatch(ViewerStatusLine.class::isInstance));
    }

    @Test
    void showsTheJava2dFallbackWithItsReason() throws Exception {
        JPanel panel = ViewerTopComponentTest.onEdt(() -> ViewerStatusLine.build(CompletableFuture.completedFuture(
                RendererChoice.java2d("VTK unavailable: no X display (DISPLAY is not set)")), c -> { }));
        assertEquals("Renderer: Java2D (VTK unavailable: no X display (DISPLAY is not set))",
                ViewerTopComponentTest.onEdt(() -> label(panel, ViewerStatusLine.RENDERER_LABEL).getText()));
    }

    @Test
    void showsTheVtkVersionOnceChosen() throws Exception {
        CompletableFuture<RendererChoice> choice = new CompletableFuture<>();
        JPanel panel = ViewerTopComponentTest.onEdt(() -> ViewerStatusLine.build(choice, c -> { }));
        assertEquals("Renderer: choosing…",
                ViewerTopComponentTest.onEdt(() -> label(panel, ViewerStatusLine.RENDERER_LABEL).getText()));
        choice.complete(RendererChoice.vtk("9.1.0"));
        assertEquals("Renderer: VTK 9.1.0",
                ViewerTopComponentTest.onEdt(() -> label(panel, ViewerStatusLine.RENDERER_LABEL).getText()));
    }

    @Test
    void followsTheEngineStatus() throws Exception {
        List<Consumer<EngineStatus>> subscribers = new ArrayList<>();
        JPanel panel = ViewerTopComponentTest.onEdt(() -> ViewerStatusLine.build(
                CompletableFuture.completedFuture(RendererChoice.vtk("9.1.0")), subscribers::add));
        ViewerTopComponentTest.onEdt(() -> {
            subscribers.forEach(s -> s.accept(new EngineStatus(EngineStatus.State.STARTING, "", "", "")));
            return null;
        });
        assertEquals("Engine: starting…", label(panel, ViewerStatusLine.ENGINE_LABEL).getText());
        ViewerTopComponentTest.onEdt(() -> {
            subscribers.forEach(s -> s.accept(new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "")));
            return null;
        });
        assertEquals("Engine: PyTorch 2.7.1 on CPU", label(panel, ViewerStatusLine.ENGINE_LABEL).getText());
    }

    @Test
    void saysSoWhenNoInferenceModuleIsInstalled() throws Exception {
        JPanel panel = ViewerTopComponentTest.onEdt(() -> ViewerStatusLine.build(
                CompletableFuture.completedFuture(RendererChoice.vtk("9.1.0")),
                c -> EngineStatusFeed.subscribe(null, c)));
        assertEquals("Engine unavailable: no inference module is installed",
                ViewerTopComponentTest.onEdt(() -> label(panel, ViewerStatusLine.ENGINE_LABEL).getText()));
    }

    static JLabel label(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (c instanceof JLabel l && name.equals(l.getName())) {
                return l;
            }
            if (c instanceof Container inner && !(c instanceof JLabel)) {
                JLabel found = label(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
