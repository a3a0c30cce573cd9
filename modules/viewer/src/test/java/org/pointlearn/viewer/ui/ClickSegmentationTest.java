package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointlearn.viewer.ui.ViewerTopComponentTest.onEdt;

import ai.djl.Device;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.SessionState;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.viewer.impl.GreySlice;

/**
 * The click tools with the shipped brain model on the real engine: what the user sees after
 * clicks, undo, accept and a rollback, and that the versions survive a restart.
 */
class ClickSegmentationTest {

    private static final Path BRAIN = Path.of(System.getProperty("user.dir"), "..", "..", "models", "brain-mri");
    private static final int SIZE = 128;
    private static final int CX = 60;
    private static final int CY = 70;
    private static final int R = 18;
    /** The canvas is twice the slice: slice pixel (x, y) is under canvas point (2x + 1, 2y + 1). */
    private static final int CANVAS = 2 * SIZE;

    private SegmentationModel model;

    @TempDir
    Path store;

    private final Volume disk = TestVolumes.disk(SIZE, 3, CX, CY, R);
    private final List<String> said = new CopyOnWriteArrayList<>();
    private static final SeriesKey SAVED = new SeriesKey("1.2", "1.2.3.4", "Disk");
    private InteractiveSession hub;
    private SliceViewModel view;
    private Java2dSliceCanvas canvas;
    private ClickSegmentation tools;

    /** A fresh copy of the shipped model for every test: the sessions learn in it. */
    @BeforeEach
    void loadModel() throws Exception {
        model = SegmentationModel.load(BRAIN, Device.cpu());
    }

    /** The session first (its worker may still use the model), then the model. */
    @AfterEach
    void closeSessionAndModel() throws Exception {
        if (hub != null) {
            hub.close();
        }
        model.close();
    }

    private void openTools(InteractiveSession h) throws Exception {
        openTools(h, false);
    }

    /**
     * Asserts the session said words like these: it says them after its state changed, so they are
     * waited for (up to 10 s), not expected at once.
     */
    private void assertSaid(java.util.function.Predicate<String> words, String why) throws InterruptedException {
        for (int i = 0; i < 100 && said.stream().noneMatch(words); i++) {
            Thread.sleep(100);
        }
        assertTrue(said.stream().anyMatch(words), why + " (said: " + said + ")");
    }

    /** The tools on the disk volume, keeping accepted masks on disk (series 1.2.3.4) when {@code saved}. */
    private void openTools(InteractiveSession h, boolean saved) throws Exception {
        hub = h;
        SeriesKey key = saved ? SAVED : SeriesKey.inMemory("Disk");
        onEdt(() -> {
            hub.addListener(e -> {
                if (e.message() != null) {
                    said.add(e.message());
                }
            });
            view = new SliceViewModel();
            view.show(disk);
            canvas = new Java2dSliceCanvas();
            canvas.setSize(CANVAS, CANVAS);
            tools = ClickSegmentation.attach(view, canvas, hub, () -> key);
            tools.addChangeListener(e -> canvas.show(tools.decorate(view.image(), view.slice()), List.of()));
            canvas.show(view.image(), List.of());
            return null;
        });
    }

    /** A session on the brain model with its versions and masks under {@link #store}, once it is ready. */
    private InteractiveSession openedHub() throws Exception {
        InteractiveSession h = InteractiveSessions.getDefault().open(model, store, true);
        for (int i = 0; i < 1200 && !h.state().ready(); i++) {
            Thread.sleep(100);
        }
        assertTrue(h.state().ready(), h.state().notReady());
        return h;
    }

    private void settle() throws Exception {
        onEdt(tools::idle).get(2, TimeUnit.MINUTES);
        onEdt(() -> null);
    }

    private void clickAt(int x, int y, boolean positive) throws Exception {
        onEdt(() -> {
            tools.click(2 * x + 1, 2 * y + 1, positive);
            return null;
        });
        settle();
    }

    private void key(int code, int modifiers) throws Exception {
        onEdt(() -> {
            // Straight to the canvas's listeners: dispatching would send keys to the (absent) focus owner.
            KeyEvent e = new KeyEvent(canvas, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, code,
                    KeyEvent.CHAR_UNDEFINED);
            for (KeyListener l : canvas.getKeyListeners()) {
                l.keyPressed(e);
            }
            return null;
        });
        settle();
    }

    private BufferedImage shot() throws Exception {
        return onEdt(() -> {
            BufferedImage img = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
            canvas.paint(img.getGraphics());
            return img;
        });
    }

    /** Mask pixels inside the disk. */
    private static int inside(Mask2D m) {
        int n = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                n += m.get(x, y) && TestVolumes.inDisk(x, y, CX, CY, R) ? 1 : 0;
            }
        }
        return n;
    }

    /** Mask tint: the red channel well above the blue one (grey has them equal). */
    private static boolean tinted(BufferedImage img, int sliceX, int sliceY) {
        int rgb = img.getRGB(2 * sliceX + 1, 2 * sliceY + 1);
        return ((rgb >> 16) & 0xff) - (rgb & 0xff) > 40;
    }

    /** Whether the screen at a slice pixel shows a click's colour (within the smoothing of the scaled image). */
    private static boolean dot(BufferedImage img, int sliceX, int sliceY, int colour) {
        int rgb = img.getRGB(2 * sliceX + 1, 2 * sliceY + 1);
        for (int shift = 16; shift >= 0; shift -= 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > 40) {
                return false;
            }
        }
        return true;
    }

    @Test
    void positiveClicksOnTheDiskOutlineItOnScreen() throws Exception {
        openTools(openedHub());
        clickAt(CX, CY, true);
        Mask2D first = onEdt(() -> tools.seriesWork().working());
        assertTrue(first.get(CX, CY), "the clicked pixel is outside the mask");
        assertTrue(first.area() >= 50, "hardly any mask: " + first.area() + " pixels");
        assertTrue(inside(first) >= 0.9 * first.area(), "the mask spills out of the disk: " + inside(first) + " of "
                + first.area() + " pixels inside");
        BufferedImage img = shot();
        assertTrue(tinted(img, CX + 4, CY), "the mask is not tinted on screen");
        assertFalse(tinted(img, 5, 5), "the background is tinted");
        assertTrue(dot(img, CX, CY, GreySlice.POSITIVE), "the click is not drawn as a green dot");
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).startsWith("Clicks 1 (+1 \u22120)"));

        clickAt(CX + R - 4, CY, true);
        Mask2D second = onEdt(() -> tools.seriesWork().working());
        assertTrue(inside(second) > inside(first) + 20, "a second click on the disk did not grow the mask inside it: "
                + inside(first) + " -> " + inside(second));
        assertTrue(inside(second) >= 0.9 * second.area(), "the mask spills out of the disk after the second click");
    }

    @Test
    void rightClickMarksBackgroundAndBackspaceTakesClicksBack() throws Exception {
        openTools(openedHub());
        clickAt(CX, CY, true);
        onEdt(() -> {
            int x = 2 * 10 + 1;
            int y = 2 * 10 + 1;
            canvas.dispatchEvent(new MouseEvent(canvas, MouseEvent.MOUSE_PRESSED, 0, InputEvent.BUTTON3_DOWN_MASK, x, y,
                    1, false, MouseEvent.BUTTON3));
            canvas.dispatchEvent(new MouseEvent(canvas, MouseEvent.MOUSE_RELEASED, 0, 0, x, y, 1, false,
                    MouseEvent.BUTTON3));
            return null;
        });
        settle();
        assertTrue(dot(shot(), 10, 10, GreySlice.NEGATIVE), "the negative click is not a red dot");
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).startsWith("Clicks 2 (+1 \u22121)"));
        key(KeyEvent.VK_BACK_SPACE, 0);
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).startsWith("Clicks 1 (+1 \u22120)"));
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        assertNull(onEdt(() -> tools.seriesWork().working()), "a mask is left after every click was taken back");
        BufferedImage img = shot();
        assertFalse(tinted(img, CX + R / 2, CY), "the disk is still tinted after every click was taken back");
        assertFalse(dot(img, CX, CY, GreySlice.POSITIVE), "the click dot stayed");
    }

    @Test
    void editUndoAndRedoFollowTheSliceShownAndDoWhatTheKeysDo() throws Exception {
        openTools(openedHub());
        ClickUndoRedo menu = new ClickUndoRedo(() -> tools);
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        onEdt(() -> {
            tools.addChangeListener(e -> menu.changed());
            menu.addChangeListener(e -> told.incrementAndGet());
            return null;
        });
        assertFalse(onEdt(menu::canUndo), "Undo is enabled before anything was done");
        clickAt(CX, CY, true);
        assertTrue(told.get() > 0, "the menu was not told that a click can be taken back");
        assertTrue(onEdt(menu::canUndo));
        assertEquals("Click", onEdt(menu::getUndoPresentationName));
        assertFalse(onEdt(menu::canRedo));
        onEdt(() -> {
            menu.undo();
            return null;
        });
        settle();
        assertNull(onEdt(() -> tools.seriesWork().working()), "Edit > Undo left the click's mask");
        assertTrue(onEdt(menu::canRedo) && !onEdt(menu::canUndo));
        onEdt(() -> {
            menu.redo();
            return null;
        });
        settle();
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "Edit > Redo did not bring the click's mask back");
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).startsWith("Clicks 1 (+1 \u22120)"));
        onEdt(() -> {
            view.moveSlices(1);
            return null;
        });
        assertFalse(onEdt(menu::canUndo), "Undo is offered on a slice without clicks");
        Exception refused = assertThrows(Exception.class, () -> onEdt(() -> {
            menu.undo();
            return null;
        }));
        assertTrue(refused.getCause() instanceof javax.swing.undo.CannotUndoException, refused.toString());
    }

    /** Tools > Options > Adaptation: what it sets is what the next click and accept do. */
    @Test
    void theOptionsPageChangesWhatTheNextAcceptDoes() throws Exception {
        openTools(openedHub());
        AdaptationOptionsPanel options = optionsPage();
        assertEquals(2, onEdt(() -> options.midStepsField().getValue()), "the page shows the shipped default");
        assertEquals("method", onEdt(() -> options.policyBox().getSelectedItem()));
        onEdt(() -> {
            options.midStepsField().setValue(0);
            options.postStepsField().setValue(3);
            options.guardBox().setSelected(false);
            options.store();
            return null;
        });
        for (int i = 0; i < 200 && hub.state().settings().midSteps() != 0; i++) {
            Thread.sleep(50);
        }
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, 0);
        hub.idle().get(2, TimeUnit.MINUTES);
        List<ModelVersion> versions = hub.state().versions();
        ModelVersion made = versions.get(versions.size() - 1);
        assertEquals(0, made.midSteps(), "the click still learned: " + made);
        assertEquals(3, made.postSteps(), "the accept did not take the page's steps: " + made);
    }

    /** Tools > Options > Pointlearn > Adaptation on the hub, showing what it uses now. */
    private AdaptationOptionsPanel optionsPage() throws Exception {
        return onEdt(() -> {
            AdaptationOptionsPanel o = new AdaptationOptionsPanel(hub);
            o.load();
            return o;
        });
    }

    /** A policy chosen on the options page runs with its own settings where the page shows none. */
    @Test
    void aPolicyChosenOnTheOptionsPageRunsWithItsOwnHiddenSettings() throws Exception {
        openTools(openedHub());
        AdaptationOptionsPanel options = optionsPage();
        onEdt(() -> {
            options.policyBox().setSelectedItem("paper");
            options.store();
            return null;
        });
        for (int i = 0; i < 200 && hub.state().policy() != AdaptationPolicy.PAPER; i++) {
            Thread.sleep(50);
        }
        assertEquals(0.0, hub.state().settings().versionPull(), "the paper's settings have no pull");
        onEdt(() -> {
            options.load();
            options.policyBox().setSelectedItem("method");
            options.store();
            return null;
        });
        for (int i = 0; i < 200 && hub.state().policy() != AdaptationPolicy.METHOD; i++) {
            Thread.sleep(50);
        }
        AdaptationSettings back = hub.state().settings();
        assertEquals(AdaptationSettings.defaults().versionPull(), back.versionPull(),
                "back on the method, the pull against forgetting is the method's again: " + back);
        assertTrue(back.postFirstClick() && back.flipProbability() > 0, "the method's own hidden settings: " + back);
    }

    /** Edit > Undo takes an accept back (the slice is in progress again, the version before in use), Redo does it again. */
    @Test
    void editUndoTakesAnAcceptBackAndRedoAcceptsAgain() throws Exception {
        openTools(openedHub());
        ClickUndoRedo menu = new ClickUndoRedo(() -> tools);
        String base = hub.state().active().id();
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK);
        settle();
        assertEquals(2, onEdt(view::slice), "Shift+Enter went on to the next slice");
        String made = hub.state().active().id();
        assertEquals("Accept Slice", onEdt(menu::getUndoPresentationName), "Edit > Undo names the accept");
        onEdt(() -> {
            menu.undo();
            return null;
        });
        settle();
        assertEquals(1, onEdt(view::slice), "the viewer went back to the slice whose accept was taken back");
        assertTrue(onEdt(() -> tools.acceptedMask(1)).isEmpty(), "the slice is still accepted");
        assertTrue(onEdt(() -> tools.captionLine(1)).startsWith("Clicks 1"), onEdt(() -> tools.captionLine(1)));
        assertEquals(base, hub.state().active().id(), "the version before the accept is not in use");
        assertTrue(hub.state().versions().stream().anyMatch(v -> v.id().equals(made)), "the version made was lost");
        assertEquals("Accept Slice", onEdt(menu::getRedoPresentationName));
        onEdt(() -> {
            menu.redo();
            return null;
        });
        settle();
        assertTrue(onEdt(() -> tools.acceptedMask(1)).isPresent(), "Edit > Redo did not accept the slice again");
        assertEquals(3, hub.state().versions().size(), "the model did not learn from the slice again");
    }

    @Test
    void enterAcceptsMakesAVersionAndTheVersionCanBeRolledBack() throws Exception {
        openTools(openedHub());
        ModelTopComponent panel = onEdt(() -> new ModelTopComponent(c -> c.accept(
                new org.pointlearn.inference.api.EngineStatus(org.pointlearn.inference.api.EngineStatus.State.READY,
                        "PyTorch 2.7.1", "CPU", "").withModel(new org.pointlearn.inference.api.EngineStatus.ModelInfo(
                        "brain-mri", "brain-mri@0a1b2c3d", "Brain lesion", "", true))), hub));
        assertEquals(1, hub.state().versions().size(), "a fresh store holds the base model");
        assertEquals("brain-mri@0a1b2c3d", onEdt(panel::inUseText));
        assertEquals("Model: " + model.card().version(), WorkstationSession.statusText(hub.state()),
                "the status line names the model");
        assertNull(onEdt(panel::learningNoteText), "a note on learning before anything happened");
        String note = onEdt(() -> {
            SessionState st = hub.state();
            panel.showVersions(new SessionState(st.modelName(), st.notReady(), st.learning(), st.versions(), st.active(),
                    "Learning slowed: over the last 4 slices the adapted model scored Dice 0.62", st.lastClickMillis(),
                    st.updating(), st.work(), st.policy(), st.settings()));
            return panel.learningNoteText();
        });
        assertTrue(String.valueOf(note).contains("Learning slowed: over the last 4 slices"),
                "the model panel does not say that learning slowed: " + note);
        clickAt(CX, CY, true);
        String status = WorkstationSession.statusText(hub.state());
        assertTrue(status.matches("Model: " + java.util.regex.Pattern.quote(model.card().version())
                + " \u00b7 last click [0-9]+ ms"), status);
        key(KeyEvent.VK_ENTER, 0);
        List<ModelVersion> versions = hub.state().versions();
        assertEquals(2, versions.size(), "no version after accepting: " + said);
        ModelVersion learned = versions.get(1);
        assertEquals("Disk slice 2", learned.imageId());
        assertEquals(learned.id(), hub.state().active().id());
        assertTrue(onEdt(() -> tools.acceptedMask(1)).isPresent(), "the accepted mask is gone");
        assertEquals("Accepted", onEdt(() -> tools.captionLine(1)));
        assertTrue(tinted(shot(), CX, CY), "the accepted mask is not shown on its slice");
        String text = onEdt(panel::shownText);
        assertTrue(text.contains("\u25cf " + learned.id() + "  ") && text.contains("from Disk slice 2"), text);
        assertEquals("brain-mri@0a1b2c3d, adapted: version " + learned.id(), onEdt(panel::inUseText),
                "In use does not name the adapted version");
        assertTrue(WorkstationSession.statusText(hub.state()).startsWith("Model: " + learned.id() + " of " + model.card().version()),
                WorkstationSession.statusText(hub.state()));

        onEdt(() -> {
            panel.versionList().setSelectedIndex(0);
            return null;
        });
        String detail = onEdt(panel::versionDetailText);
        assertTrue(detail.contains(learned.id() + ", learned from " + versions.get(0).id() + " on Disk slice 2: ")
                && detail.contains(" at accept, last loss ") && detail.contains("Guard: "), detail);
        String base = versions.get(0).id();
        onEdt(() -> {
            panel.versionList().setSelectedIndex(1);
            return null;
        });
        assertTrue(onEdt(panel::versionDetailText).contains(base + ": the shipped model"),
                onEdt(panel::versionDetailText));
        assertTrue(onEdt(() -> panel.rollbackButton().isEnabled()), "cannot roll back to the base");
        List<String> asked = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            panel.setConfirmation(question -> asked.add(question) && false);   // the user says Cancel
            panel.rollbackButton().doClick();
            return null;
        });
        hub.idle().get(1, TimeUnit.MINUTES);
        onEdt(() -> null);
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("Roll back to version " + base + "?\nThe model in use becomes " + base
                + " instead of " + learned.id()), asked.get(0));
        assertEquals(learned.id(), hub.state().active().id(), "Cancel rolled back all the same");
        onEdt(() -> {
            view.moveSlices(1);
            return null;
        });
        clickAt(CX, CY, true);   // a slice in progress when the user rolls back
        assertTrue(onEdt(() -> panel.compareButton().isEnabled()), "cannot compare with the base");
        onEdt(() -> {
            panel.compareButton().doClick();
            return null;
        });
        for (int i = 0; i < 200 && onEdt(() -> tools.seriesWork().comparison()) == null; i++) {
            Thread.sleep(50);
        }
        assertTrue(onEdt(() -> tools.seriesWork().comparison()) != null, "the other version's mask did not come: " + said);
        assertSaid(w -> w.matches(java.util.regex.Pattern.quote(base + " on slice 3 (dashed magenta): Dice ")
                + "[01]\\.[0-9]{2} against " + java.util.regex.Pattern.quote(learned.id()) + " in use \\(yellow\\)\\."), "not said");
        int[] drawn = onEdt(() -> tools.decorate(view.image(), 2)).rgb();
        assertTrue(java.util.Arrays.stream(drawn).anyMatch(c -> c == GreySlice.COMPARISON), "no dashed magenta outline");
        assertEquals(learned.id(), hub.state().active().id(), "comparing changed the version in use");
        CompletableFuture<Void> back = onEdt(() -> {
            panel.setConfirmation(question -> true);
            panel.rollbackButton().doClick();
            return hub.rollbackTo(base);
        });
        back.get(1, TimeUnit.MINUTES);
        settle();
        assertEquals(base, hub.state().active().id());
        assertSaid(w -> w.equals("Slice 3 is predicted again from its 1 click(s) with the version now in use."), "not said");
        assertEquals(List.of(new org.pointlearn.inference.api.Click(CX, CY, true)), hub.state().work().clicks(),
                "the slice's click was given to the restored version");
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "the slice shows the restored version's prediction");
        assertTrue(onEdt(() -> tools.captionLine(2)).startsWith("Clicks 1"), "the slice keeps its click");
        assertTrue(onEdt(panel::shownText).lines().anyMatch(l -> l.startsWith("\u25cf " + base + "  ")),
                onEdt(panel::shownText));
        assertTrue(onEdt(panel::shownText).lines().anyMatch(l -> l.startsWith(learned.id() + "  ")),
                "the later version is no longer listed: " + onEdt(panel::shownText));
        assertSaid(s -> s.contains("Went back to model version " + base), "not said");
        assertEquals("brain-mri@0a1b2c3d", onEdt(panel::inUseText), "after the rollback the base model is in use");
    }

    @Test
    void leavingAnUnacceptedSliceTakesBackWhatTheModelLearnedFromIt() throws Exception {
        openTools(openedHub());
        float[] before = firstWeights();
        clickAt(CX, CY, true);
        clickAt(CX + 5, CY, true);
        assertFalse(java.util.Arrays.equals(before, firstWeights()), "the clicks taught the model nothing");
        onEdt(() -> {
            view.moveSlices(1);
            return null;
        });
        clickAt(CX, CY, true);
        assertSaid(w -> w.equals("Slice 2 keeps its 2 click(s) as a draft, not learned from until you continue it"
                + " (Escape on it discards them)."), "not said");
        assertTrue(onEdt(() -> tools.captionLine(2)).startsWith("Clicks 1 "));
        assertFalse(onEdt(() -> tools.acceptedMask(1)).isPresent(), "an unaccepted slice shows as accepted");
        assertEquals("Draft: 2 click(s), not accepted \u00b7 click to continue \u00b7 Enter accepts \u00b7 Escape discards",
                onEdt(() -> tools.captionLine(1)));
        int drawn = onEdt(() -> tools.decorate(view.image(), 1)).rgb()[(CY + 8) * SIZE + CX];   // beside the click dots
        assertTrue(((drawn >> 16) & 0xff) - (drawn & 0xff) > 40, "the draft's mask is not shown");
        assertEquals(SeriesWork.SliceState.IN_PROGRESS, onEdt(() -> tools.seriesWork().state(1)));

        // Back on the draft: a click continues it (its two clicks are learned from again, then the new one).
        onEdt(() -> {
            view.moveSlices(-1);
            return null;
        });
        clickAt(CX - 5, CY, true);
        assertTrue(onEdt(() -> tools.captionLine(1)).startsWith("Clicks 3 (+3"), onEdt(() -> tools.captionLine(1)));
        assertEquals(List.of(2), onEdt(() -> tools.seriesWork().drafts().keySet().stream().sorted().toList()), "slice 3's click became a draft in turn");
        List<String> asked = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            view.moveSlices(1);
            tools.setConfirmation(q -> asked.add(q));
            return null;
        });
        key(KeyEvent.VK_ESCAPE, 0);
        assertEquals(List.of("Discard the draft of slice 3? Its 1 click(s) are gone for good."), asked);
        assertTrue(onEdt(() -> tools.seriesWork().drafts().keySet().stream().sorted().toList()).isEmpty(), "Escape did not discard the draft");

        Volume other = TestVolumes.disk(SIZE, 2, CX, CY, R);
        onEdt(() -> {
            view.show(other);
            tools.decorate(view.image(), view.slice());
            return null;
        });
        settle();
        assertArrayEquals(before, firstWeights(), "the model kept what it learned from slices never accepted");
        assertTrue(onEdt(() -> tools.seriesWork().drafts().keySet().stream().sorted().toList()).isEmpty(), "drafts belong to the volume they were drawn on");
    }

    /** The model's first weight tensor, read once the session is idle. */
    private float[] firstWeights() throws Exception {
        settle();
        return model.block().getParameters().get(0).getValue().getArray().toFloatArray();
    }

    @Test
    void aVersionExportsAsALoadableModelFolderAndTheLineageAsJson() throws Exception {
        openTools(openedHub());
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, 0);
        String learned = hub.state().active().id();
        Path folder = store.resolve("exported").resolve("brain-mri-" + learned);
        onEdt(() -> hub.exportVersion(learned, folder)).get(1, TimeUnit.MINUTES);
        try (SegmentationModel exported = SegmentationModel.load(folder, Device.cpu())) {
            assertEquals(model.card().workingSize(), exported.card().workingSize());
        }
        Path json = store.resolve("exported").resolve("lineage.json");
        onEdt(() -> hub.exportLineage(json)).get(1, TimeUnit.MINUTES);
        String text = java.nio.file.Files.readString(json);
        assertTrue(text.contains("\"" + learned + "\"") && text.contains("Disk slice 2"), text);
        onEdt(() -> null);
        assertSaid(s -> s.startsWith("Model version exported: " + learned), "not said");
        CompletableFuture<Void> missing = onEdt(() -> hub.exportVersion("v99", store.resolve("nowhere")));
        assertTrue(missing.handle((v, e) -> e != null).get(1, TimeUnit.MINUTES), "exporting an unknown version worked");
        onEdt(() -> null);
        assertSaid(s -> s.startsWith("Export failed: There is no model version v99"), "not said");
    }

    @Test
    void withLearningOffTheModelStaysAsItIsAndTurningItOnAgainEndsTheSliceInProgress() throws Exception {
        openTools(openedHub());
        ModelTopComponent panel = onEdt(() -> new ModelTopComponent(c -> { }, hub));
        float[] before = firstWeights();
        assertTrue(onEdt(() -> panel.learnSwitch().isSelected()), "learning is on by default");
        onEdt(() -> {
            panel.learnSwitch().doClick();
            return null;
        });
        for (int i = 0; i < 600 && !(hub.state().ready() && !hub.state().learning()); i++) {
            Thread.sleep(100);
        }
        assertSaid(s -> s.startsWith("Learning from clicks is off"), "not said");
        clickAt(CX, CY, true);
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "no prediction with learning off");
        key(KeyEvent.VK_ENTER, 0);
        assertTrue(onEdt(() -> tools.acceptedMask(1)).isPresent(), "the slice was not accepted");
        assertEquals(1, hub.state().versions().size(), "a version was made with learning off");
        assertArrayEquals(before, firstWeights(), "the model changed with learning off");

        onEdt(() -> {
            view.moveSlices(1);
            return null;
        });
        CompletableFuture<Void> on = onEdt(() -> hub.setLearning(true));
        on.get(1, TimeUnit.MINUTES);
        clickAt(CX, CY, true);
        assertFalse(java.util.Arrays.equals(before, firstWeights()), "learning is on again but the click taught nothing");
        CompletableFuture<Void> offAgain = onEdt(() -> hub.setLearning(false));
        offAgain.get(1, TimeUnit.MINUTES);
        onEdt(() -> null);
        assertArrayEquals(before, firstWeights(), "switching gave up the slice in progress but kept its learning");
        assertTrue(onEdt(() -> tools.captionLine(2)).startsWith("Draft: 1 click(s)"),
                "the slice in progress is kept as a draft: " + onEdt(() -> tools.captionLine(2)));
    }

    @Test
    void anotherModelBringsItsOwnVersionsAndSwitchingBackFindsTheFirstOnesAgain() throws Exception {
        openTools(openedHub());
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, 0);
        assertEquals(List.of("v0", "v1"), hub.state().versions().stream().map(ModelVersion::id).toList());
        onEdt(() -> {
            view.moveSlices(1);
            return null;
        });
        clickAt(CX, CY, true);
        try (SegmentationModel other = SegmentationModel.load(BRAIN.resolveSibling("mri-general"), Device.cpu())) {
            hub.useModel(other).get(2, TimeUnit.MINUTES);
            onEdt(() -> null);
            assertSaid(s -> s.startsWith("Now segmenting with " + other.card().name()), "not said");
            assertEquals(List.of("v0"), hub.state().versions().stream().map(ModelVersion::id).toList(),
                    "the other model starts its own lineage");
            assertTrue(onEdt(() -> tools.captionLine(2)).startsWith("Draft: 1 click(s)"),
                    "the slice in progress is kept as a draft: " + onEdt(() -> tools.captionLine(2)));
            clickAt(CX, CY, true);
            assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "the other model predicts");
            hub.useModel(model).get(2, TimeUnit.MINUTES);
            assertEquals(List.of("v0", "v1"), hub.state().versions().stream().map(ModelVersion::id).toList());
            assertEquals("v1", hub.state().active().id(), "back on the first model, its version in use is v1");
        }
    }

    @Test
    void versionsSurviveARestartAndTheLastActiveOneIsInUse() throws Exception {
        openTools(openedHub());
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK);
        assertEquals(2, onEdt(view::slice), "Shift+Enter did not go on to the next slice");
        assertTrue(onEdt(() -> tools.acceptedMask(1)).isPresent(), "Shift+Enter did not accept the slice");
        String learned = hub.state().active().id();
        hub.close();
        hub = null;
        InteractiveSession again = openedHub();
        hub = again;
        assertEquals(2, again.state().versions().size());
        assertEquals(learned, again.state().active().id());
    }

    /**
     * Shift+Enter accepts and moves on; the next slice shows the accepted mask as a proposal
     * (dashed outline, caption says so); Enter accepts it as it is (a version learns from it);
     * a click on a proposed slice starts from the proposal (undo goes back to it, not to nothing).
     */
    @Test
    void theNextSliceStartsFromTheAcceptedNeighbourAsAProposal() throws Exception {
        openTools(openedHub());
        onEdt(() -> {
            view.moveSlices(-1);   // slice 0 of 3
            return null;
        });
        clickAt(CX, CY, true);
        Mask2D first = onEdt(() -> tools.seriesWork().working());
        assertTrue(first.get(CX, CY));
        key(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK);
        settle();
        assertEquals(1, onEdt(view::slice));
        assertEquals(first, onEdt(() -> tools.proposal(1)).orElseThrow().mask(), "the accepted neighbour is proposed");
        assertEquals("Proposed from slice 1 (dashed) \u00b7 Enter accepts it \u00b7 click to correct it",
                onEdt(() -> tools.captionLine(1)));
        int[] drawn = onEdt(() -> tools.decorate(view.image(), 1)).rgb();
        long dashes = java.util.Arrays.stream(drawn).filter(c -> c == GreySlice.PROPOSAL).count();
        int outline = 0;
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                outline += first.get(x, y) && (!first.get(x - 1, y) || !first.get(x + 1, y) || !first.get(x, y - 1)
                        || !first.get(x, y + 1)) ? 1 : 0;
            }
        }
        assertTrue(dashes >= outline / 4 && dashes < outline, "the proposal's outline is drawn dashed: " + dashes
                + " of " + outline + " px");
        assertTrue((drawn[CY * SIZE + CX] & 0xffffff) != GreySlice.MASK, "only the outline, no fill");
        SeriesStrip strip = onEdt(() -> {
            SeriesStrip s = new SeriesStrip(view, tools);
            s.setSize(300, 18);
            return s;
        });
        assertEquals("1 of 3 slices accepted", onEdt(strip::countText));
        java.awt.image.BufferedImage painted = onEdt(() -> {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(300, 18,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            strip.paint(g);
            g.dispose();
            return img;
        });
        int[] cellX = new int[3];
        for (int x = 0; x < 300; x++) {
            int k = strip.sliceAt(x);
            if (k >= 0 && cellX[k] == 0) {
                cellX[k] = x + 4;
            }
        }
        assertEquals(SeriesStrip.ACCEPTED.getRGB(), painted.getRGB(cellX[0], 9), "slice 1 accepted (yellow)");
        assertEquals(SeriesStrip.PROPOSED.getRGB(), painted.getRGB(cellX[1], 9), "slice 2 proposed (blue)");
        assertEquals(SeriesStrip.UNTOUCHED.getRGB(), painted.getRGB(cellX[2], 9), "slice 3 untouched");
        int versions = hub.state().versions().size();
        key(KeyEvent.VK_ENTER, 0);
        settle();
        assertEquals(first, onEdt(() -> tools.acceptedMask(1)).orElseThrow(), "Enter accepted the proposal as it is");
        hub.idle().get(2, TimeUnit.MINUTES);   // the update, however long a busy machine takes
        assertEquals(versions + 1, hub.state().versions().size(), "the model learned from the accepted proposal: "
                + said);
        assertEquals("2 of 3 slices accepted", onEdt(strip::countText));
        onEdt(() -> {
            strip.dispatchEvent(new MouseEvent(strip, MouseEvent.MOUSE_PRESSED, 0, 0, cellX[2], 9, 1, false,
                    MouseEvent.BUTTON1));
            return null;
        });
        assertEquals(2, onEdt(view::slice), "a click on the overview went to slice 3");
        assertTrue(onEdt(() -> tools.proposal(2)).isPresent(), "slice 3 is proposed from slice 2");
        clickAt(CX + 3, CY, true);
        assertEquals("Clicks 1 (+1 \u22120) \u00b7 Enter accepts, Shift+Enter and next \u00b7 Backspace undoes",
                onEdt(() -> tools.captionLine(2)));
        key(KeyEvent.VK_BACK_SPACE, 0);
        settle();
        assertEquals(onEdt(() -> tools.acceptedMask(1)).orElseThrow(), onEdt(() -> tools.seriesWork().working()),
                "undoing the click on a proposed slice goes back to the proposal, not to nothing");
        clickAt(CX + 3, CY, true);
        key(KeyEvent.VK_ENTER, 0);
        hub.idle().get(2, TimeUnit.MINUTES);
        assertEquals("3 of 3 slices accepted", onEdt(strip::countText), "the third slice, corrected, accepted");
        assertEquals(versions + 2, hub.state().versions().size(), "three accepted slices, three versions: " + said);
    }

    @Test
    void escapeAsksBeforeClearingASliceAndCtrlYBringsTheClickBack() throws Exception {
        openTools(openedHub());
        clickAt(CX, CY, true);
        List<String> asked = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            tools.setConfirmation(q -> asked.add(q) && false);
            return null;
        });
        key(KeyEvent.VK_ESCAPE, 0);
        settle();
        assertEquals(List.of("Clear slice 2? Its 1 click(s) are taken back, with what the model learned"
                + " from them.\nCtrl+Y brings them back one by one."), asked);
        assertTrue(onEdt(() -> tools.captionLine(1)).startsWith("Clicks 1"), "Cancel cleared the slice all the same");
        onEdt(() -> {
            tools.setConfirmation(q -> true);
            return null;
        });
        key(KeyEvent.VK_ESCAPE, 0);
        settle();
        assertNull(onEdt(() -> tools.seriesWork().working()), "OK did not clear the slice");
        key(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        settle();
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "Ctrl+Y did not bring the cleared click back");
    }

    @Test
    void exitWithAnUnacceptedSliceAsksAcceptDiscardOrCancel() throws Exception {
        openTools(openedHub());
        List<String> asked = new CopyOnWriteArrayList<>();
        assertTrue(UnacceptedWorkOnExit.mayExit(tools, q -> {
            asked.add(q);
            return UnacceptedWorkOnExit.Answer.CANCEL;
        }), "nothing to lose: the workstation closes");
        assertTrue(asked.isEmpty(), "asked without unaccepted work");
        clickAt(CX, CY, true);
        assertFalse(UnacceptedWorkOnExit.mayExit(tools, q -> {
            asked.add(q);
            return UnacceptedWorkOnExit.Answer.CANCEL;
        }), "Cancel closed the workstation");
        assertEquals(List.of("Slice 2 has clicks that are not accepted. Accept it before closing?"), asked);
        assertTrue(UnacceptedWorkOnExit.mayExit(tools, q -> UnacceptedWorkOnExit.Answer.ACCEPT));
        assertTrue(onEdt(() -> tools.acceptedMask(1)).isPresent(), "Accept and close did not accept the slice");
        assertEquals(2, hub.state().versions().size(), "the model had not learned from the slice before closing");
        onEdt(() -> {
            view.moveSlices(1);
            return null;
        });
        clickAt(CX, CY, true);
        assertTrue(UnacceptedWorkOnExit.mayExit(tools, q -> UnacceptedWorkOnExit.Answer.DISCARD));
        assertTrue(onEdt(() -> tools.acceptedMask(2)).isEmpty(), "Discard accepted the slice");
    }

    /**
     * kill -9 in the middle of a slice: the journal on disk holds its clicks; the next start
     * offers them back on that slice, and the model predicts from them again. Accepting clears
     * the journal.
     */
    @Test
    void aSliceInProgressComesBackAfterACrash() throws Exception {
        openTools(openedHub(), true);
        clickAt(CX, CY, true);
        clickAt(CX + 4, CY, true);
        org.pointlearn.adaptation.api.SliceDraft entry = null;
        for (int i = 0; i < 100 && (entry == null || entry.clicks().size() < 2); i++) {
            Thread.sleep(50);
            entry = hub.journaled().get(1, TimeUnit.MINUTES).orElse(null);
        }
        assertEquals(List.of(new org.pointlearn.inference.api.Click(CX, CY, true),
                new org.pointlearn.inference.api.Click(CX + 4, CY, true)), entry.clicks(), "the journal on disk");
        assertEquals(1, entry.slice());
        assertEquals("1.2.3.4", entry.series());

        // The workstation dies here: nothing more runs. A new one starts on the same folders.
        hub.close();
        hub = null;
        openTools(openedHub(), true);
        List<String> asked = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            view.moveSlices(1);   // wherever the series opens, the journal's slice is shown
            tools.offerJournal(q -> asked.add(q));
            return null;
        });
        settle();
        settle();
        assertEquals(List.of("Slice 2 had 2 click(s) that were not accepted when Pointlearn stopped.\n"
                + "Continue with them?"), asked);
        assertEquals(1, onEdt(view::slice));
        assertTrue(onEdt(() -> tools.captionLine(1)).startsWith("Clicks 2 (+2"), onEdt(() -> tools.captionLine(1)));
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "the model predicted from the clicks again");
        assertSaid(w -> w.equals("Slice 2: its 2 click(s) from before are back; the model predicts from them again."),
                said.toString());
        key(KeyEvent.VK_ENTER, 0);
        settle();
        for (int i = 0; i < 100 && hub.journaled().get(1, TimeUnit.MINUTES).isPresent(); i++) {
            Thread.sleep(50);
        }
        assertTrue(hub.journaled().get(1, TimeUnit.MINUTES).isEmpty(), "accepting the slice left its journal behind");
    }

    @Test
    void aNewLineageStartsFromTheShippedModelAndKeepsTheEarlierVersionsOnDisk() throws Exception {
        Path folder = store.resolve("versions").resolve(model.card().versionOrName().replaceAll("[^A-Za-z0-9._-]", "_"));
        openTools(openedHub());
        ModelTopComponent panel = onEdt(() -> new ModelTopComponent(c -> c.accept(
                new org.pointlearn.inference.api.EngineStatus(org.pointlearn.inference.api.EngineStatus.State.READY,
                        "PyTorch 2.7.1", "CPU", "")), hub));
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, 0);
        hub.idle().get(2, TimeUnit.MINUTES);
        assertEquals(2, hub.state().versions().size());
        List<String> asked = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            panel.setConfirmation(q -> asked.add(q));
            panel.newLineageButton().doClick();
            return null;
        });
        for (int i = 0; i < 1200 && hub.state().versions().size() != 1; i++) {
            Thread.sleep(50);
        }
        assertTrue(asked.get(0).startsWith("Start a new lineage from the shipped model?"), asked.toString());
        assertEquals(List.of("v0"), hub.state().versions().stream().map(ModelVersion::id).toList(),
                "the new lineage starts from the shipped model alone");
        List<Path> kept;
        try (var entries = java.nio.file.Files.list(folder.getParent())) {
            kept = entries.filter(p -> p.getFileName().toString().startsWith(folder.getFileName() + "-until-")).toList();
        }
        assertEquals(1, kept.size(), "the earlier lineage is not kept on disk");
        assertTrue(java.nio.file.Files.isDirectory(kept.get(0).resolve("versions").resolve("v1")),
                "the earlier version v1 is not in " + kept.get(0));
        assertSaid(w -> w.startsWith("A new lineage starts from the shipped model; the earlier"
                + " versions are kept in " + kept.get(0)), said.toString());
    }

    @Test
    void anAcceptedSliceIsThereAgainWhenTheSeriesIsOpenedAgain() throws Exception {
        openTools(openedHub(), true);
        clickAt(CX, CY, true);
        key(KeyEvent.VK_ENTER, 0);
        Mask2D accepted = onEdt(() -> tools.acceptedMask(1)).orElseThrow();
        Path folder = store.resolve("annotations").resolve("1.2").resolve("1.2.3.4");
        for (int i = 0; i < 100 && !(java.nio.file.Files.isDirectory(folder) && pngs(folder) == 1); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, pngs(folder), "the accepted mask is not on disk under its study and series");
        Volume reopened = TestVolumes.disk(SIZE, 3, CX, CY, R);
        ClickSegmentation again = onEdt(() -> {
            SliceViewModel v = new SliceViewModel();
            v.show(reopened);
            Java2dSliceCanvas c = new Java2dSliceCanvas();
            c.setSize(CANVAS, CANVAS);
            ClickSegmentation t = ClickSegmentation.attach(v, c, hub, () -> SAVED);
            t.decorate(v.image(), v.slice());
            return t;
        });
        onEdt(again::idle).get(1, TimeUnit.MINUTES);
        onEdt(() -> null);
        assertEquals(accepted, onEdt(() -> again.acceptedMask(1)).orElseThrow(), "the accepted mask did not come back");
        assertEquals("Accepted", onEdt(() -> again.captionLine(1)));
    }

    private static long pngs(Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
        }
    }

    @Test
    void brushAndEraserStrokesStayOverLaterPredictionsAndBackspaceTakesThemBack() throws Exception {
        openTools(openedHub());
        key(KeyEvent.VK_B, 0);
        assertEquals(ClickSegmentation.Tool.BRUSH, onEdt(tools::tool));
        drag(100, 20, 110, 20);           // a painted bar in the background, far from the disk
        Mask2D painted = onEdt(() -> tools.seriesWork().working());
        assertTrue(painted.get(100, 20) && painted.get(105, 20) && painted.get(110, 20), "the stroke is not painted");
        assertFalse(painted.get(100, 30), "the brush painted beyond its radius");
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).startsWith("Brush 3 px \u00b7 Edited"));

        key(KeyEvent.VK_C, 0);
        clickAt(CX, CY, true);
        Mask2D both = onEdt(() -> tools.seriesWork().working());
        assertTrue(both.get(CX, CY) && both.get(105, 20), "the prediction replaced the painted bar");

        key(KeyEvent.VK_E, 0);
        drag(CX - R, CY, CX + R, CY);      // erase a line through the disk
        Mask2D erased = onEdt(() -> tools.seriesWork().working());
        assertFalse(erased.get(CX, CY), "the eraser left the disk's centre");
        assertTrue(erased.get(105, 20), "the eraser took the bar too");
        key(KeyEvent.VK_BACK_SPACE, 0);
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "Backspace did not take the eraser stroke back");
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).contains("Clicks 1"), "the click went with the stroke");
        key(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        assertFalse(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "Ctrl+Y did not do the eraser stroke again");
        key(KeyEvent.VK_BACK_SPACE, 0);
        key(KeyEvent.VK_BACK_SPACE, 0);
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).contains("Edited"), "the click was not taken back");
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        assertTrue(onEdt(() -> tools.captionLine(view.slice())).contains("Clicks 1"), "Ctrl+Shift+Z did not redo");
        assertTrue(onEdt(() -> tools.seriesWork().working()).get(CX, CY), "the redone click does not predict the disk");

        key(KeyEvent.VK_ENTER, 0);
        Mask2D accepted = onEdt(() -> tools.acceptedMask(1)).orElseThrow();
        assertTrue(accepted.get(105, 20) && accepted.get(CX, CY), "the accepted mask lost the painted bar or the disk");
        assertEquals(2, hub.state().versions().size(), "no version after accepting: " + said);
    }

    /** A left drag on the canvas between two slice pixels, in steps. */
    private void drag(int x0, int y0, int x1, int y1) throws Exception {
        onEdt(() -> {
            canvas.dispatchEvent(new MouseEvent(canvas, MouseEvent.MOUSE_PRESSED, 0, InputEvent.BUTTON1_DOWN_MASK,
                    2 * x0 + 1, 2 * y0 + 1, 1, false, MouseEvent.BUTTON1));
            for (int s = 1; s <= 4; s++) {
                int x = x0 + (x1 - x0) * s / 4;
                int y = y0 + (y1 - y0) * s / 4;
                canvas.dispatchEvent(new MouseEvent(canvas, MouseEvent.MOUSE_DRAGGED, 0, InputEvent.BUTTON1_DOWN_MASK,
                        2 * x + 1, 2 * y + 1, 0, false, MouseEvent.NOBUTTON));
            }
            canvas.dispatchEvent(new MouseEvent(canvas, MouseEvent.MOUSE_RELEASED, 0, 0, 2 * x1 + 1, 2 * y1 + 1, 1,
                    false, MouseEvent.BUTTON1));
            return null;
        });
        settle();
    }

    @Test
    void beforeTheModelIsThereAClickSaysSoAndChangesNothing() throws Exception {
        openTools(InteractiveSessions.getDefault().open(null, store, true));
        clickAt(CX, CY, true);
        onEdt(() -> null);
        assertNull(onEdt(() -> tools.seriesWork().working()));
        assertSaid(s -> s.startsWith("The segmentation model is not ready yet"), "not said");
    }

    @Test
    void enterWithoutClicksSaysThereIsNothingToAccept() throws Exception {
        openTools(openedHub());
        key(KeyEvent.VK_ENTER, 0);
        onEdt(() -> null);
        assertEquals(1, hub.state().versions().size());
        assertSaid(s -> s.startsWith("Nothing to accept"), "not said");
    }
}
