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
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(c -> { }, ViewerTopComponentTest.idleSession()));
        String text = panel.shownText();
        assertTrue(text.contains("No segmentation model installed yet"), text);
        assertTrue(text.contains("Versions appear here once the model is loaded."), text);
        assertTrue(text.contains("Starting…"), text);
    }

    @Test
    void showsEngineAndDeviceOnceReady() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession()));
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "")));
            return null;
        });
        assertEquals(List.of("PyTorch 2.7.1", "CPU", "Ready"), panel.shownText().lines().limit(3).toList());
    }

    @Test
    void showsTheLoadedModelWithWhatItSegmentsAndHowWellItDid() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession()));
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
    void saysWhenTheUsersOwnPyTorchLibrariesCouldNotBeUsed() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession()));
        EngineStatus ready = new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "")
                .withNotice("own PyTorch libraries in /opt/t not used: the NVIDIA driver 535.54 is too old");
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(ready));
            return null;
        });
        assertTrue(panel.shownText().contains("Ready: own PyTorch libraries in /opt/t not used: the NVIDIA driver"),
                panel.shownText());
        assertEquals("Engine: PyTorch 2.7.1 on CPU (own PyTorch libraries in /opt/t not used: the NVIDIA driver 535.54 "
                + "is too old)", ready.summary(), "the status bar says it too");
    }

    @Test
    void saysWhichModelIsBeingLoaded() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession()));
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(new EngineStatus(EngineStatus.State.READY, "PyTorch 2.7.1", "CPU", "")
                    .withModel(EngineStatus.ModelInfo.loading("mri-general"))));
            return null;
        });
        assertTrue(panel.shownText().contains("Loading mri-general…"), panel.shownText());
    }

    @Test
    void saysWhyTheShippedModelIsMissing() throws Exception {
        List<Consumer<EngineStatus>> feed = new ArrayList<>();
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession()));
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
        ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession()));
        ViewerTopComponentTest.onEdt(() -> {
            feed.forEach(c -> c.accept(new EngineStatus(EngineStatus.State.FAILED, "", "", "libtorch did not load")));
            return null;
        });
        assertTrue(panel.shownText().contains("Unavailable: libtorch did not load"), panel.shownText());
    }

    @Test
    void theUserPicksAnotherShippedModelAndThePanelShowsItOnceLoaded() throws Exception {
        String before = System.getProperty("pointlearn.models");
        System.setProperty("pointlearn.models",
                java.nio.file.Path.of(System.getProperty("user.dir"), "..", "..", "models").normalize().toString());
        try {
            org.pointlearn.inference.api.InferenceRuntime runtime = org.pointlearn.inference.api.InferenceRuntime.getDefault();
            java.util.concurrent.BlockingQueue<EngineStatus> seen = new java.util.concurrent.LinkedBlockingQueue<>();
            runtime.addStatusListener(seen::add);
            runtime.start();
            List<Consumer<EngineStatus>> feed = new ArrayList<>();
            runtime.addStatusListener(st -> java.awt.EventQueue.invokeLater(() -> feed.forEach(c -> c.accept(st))));
            ModelTopComponent panel = ViewerTopComponentTest.onEdt(() -> new ModelTopComponent(feed::add, ViewerTopComponentTest.idleSession(),
                    runtime));
            var names = ViewerTopComponentTest.onEdt(() -> {
                List<String> n = new ArrayList<>();
                for (int i = 0; i < panel.modelChooser().getItemCount(); i++) {
                    n.add(panel.modelChooser().getItemAt(i).name());
                }
                return n;
            });
            assertTrue(names.containsAll(List.of("brain-mri", "fundus-disc")), names.toString());
            ViewerTopComponentTest.onEdt(() -> {
                for (int i = 0; i < panel.modelChooser().getItemCount(); i++) {
                    if (panel.modelChooser().getItemAt(i).name().equals("fundus-disc")) {
                        panel.modelChooser().setSelectedIndex(i);
                    }
                }
                return null;
            });
            EngineStatus s;
            do {
                s = seen.poll(5, java.util.concurrent.TimeUnit.MINUTES);
                assertTrue(s != null, "the fundus model did not load");
            } while (s.model() == null || !s.model().loaded() || !s.model().name().equals("fundus-disc"));
            // The panel hears of the status through its own listener, which the runtime may call a moment
            // after the test's: wait for it to be shown.
            String text = ViewerTopComponentTest.onEdt(panel::shownText);
            for (int i = 0; i < 200 && !text.contains("fundus-disc@"); i++) {
                Thread.sleep(50);
                text = ViewerTopComponentTest.onEdt(panel::shownText);
            }
            assertTrue(text.contains("fundus-disc@"), text);
            assertEquals("fundus-disc", ViewerTopComponentTest.onEdt(
                    () -> ((org.pointlearn.inference.api.InferenceRuntime.ModelChoice) panel.modelChooser().getSelectedItem()).name()));
            int wide = ViewerTopComponentTest.onEdt(() -> {
                panel.modelChooser().setSelectedIndex(panel.modelChooser().getSelectedIndex());
                return Math.max(panel.getMinimumSize().width, panel.getPreferredSize().width);
            });
            assertTrue(wide <= 480, "the model panel asks for " + wide + " px: the long descriptions of "
                    + names + " would squeeze the viewer beside it");
            runtime.useModel("brain-mri"); // leave the runtime as the other tests expect it
        } finally {
            if (before == null) {
                System.clearProperty("pointlearn.models");
            } else {
                System.setProperty("pointlearn.models", before);
            }
        }
    }
}
