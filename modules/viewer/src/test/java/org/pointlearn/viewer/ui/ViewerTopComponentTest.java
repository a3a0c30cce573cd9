package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.viewer.impl.RendererChoice;

class ViewerTopComponentTest {

    private final Volume fiveSlices = TestVolumes.brightFirstVoxel(8, 8, 5, 1, 1);

    @Test
    void beforeAnyVolumeItSaysWhatToDo() throws Exception {
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        assertEquals("No series open. Double-click a series in the DICOM browser.", onEdt(viewer::shownMessage));
    }

    @Test
    void editUndoRedoOfTheViewerIsTheClickToolsOneAndIdleWithoutThem() throws Exception {
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        assertTrue(onEdt(viewer::getUndoRedo) instanceof ClickUndoRedo, "the window system would see no undo");
        assertSame(onEdt(viewer::getUndoRedo), onEdt(viewer::getUndoRedo), "one undo object for the window's life");
        assertFalse(onEdt(() -> viewer.getUndoRedo().canUndo() || viewer.getUndoRedo().canRedo()));
    }

    @Test
    void whileLoadingItSaysSoAndIsNamedAfterTheSeries() throws Exception {
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        onEdt(() -> viewer.beginLoading("Colin27 T1"));
        assertEquals("Colin27 T1", viewer.getDisplayName());
        assertEquals("Loading Colin27 T1 …", onEdt(viewer::shownMessage));
    }

    @Test
    void aLoadedVolumeIsShownAtItsMiddleSlice() throws Exception {
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        onEdt(() -> {
            viewer.showVolume(viewer.beginLoading("T1"), fiveSlices);
            return null;
        });
        assertNull(onEdt(viewer::shownMessage));
        java.awt.Container shown = (java.awt.Container) viewer.getComponent(0);
        assertSame(viewer.canvas().component(), ((java.awt.Container) shown.getComponent(0)).getComponent(0),
                "the slice fills the window (the first of the views)");
        assertEquals(PlaneLayout.ONE, viewer.planeLayout(), "one plane unless chosen otherwise");
        assertSame(viewer.strip().getParent(), shown.getComponent(1), "the series overview is under it");
        assertEquals("0 of 5 slices accepted", onEdt(() -> viewer.strip().countText()));
        assertEquals("Slice 3/5", viewer.view().caption().get(0));
        assertTrue(onEdt(() -> viewer.canvas().component().getAccessibleContext().getAccessibleDescription())
                .startsWith("Slice 3/5, "), "a screen reader hears the caption");
    }

    @Test
    void aSlowEarlierSeriesDoesNotReplaceTheOneAskedForLast() throws Exception {
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        onEdt(() -> {
            long first = viewer.beginLoading("First");
            long second = viewer.beginLoading("Second");
            viewer.showVolume(first, fiveSlices);
            viewer.showProblem(first, "Could not open First: gone");
            return null;
        });
        assertEquals("Loading Second …", onEdt(viewer::shownMessage));
        assertEquals("Second", viewer.getDisplayName());
    }

    @Test
    void aFailureIsShownInWords() throws Exception {
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        String words = "Could not open T1: series 1.2.3 has no images on disk";
        onEdt(() -> {
            viewer.showProblem(viewer.beginLoading("T1"), words);
            return null;
        });
        assertEquals(words, onEdt(viewer::shownMessage));
    }

    @Test
    void aVolumeArrivingBeforeTheRendererWaitsWithAMessage() throws Exception {
        CompletableFuture<RendererChoice> later = new CompletableFuture<>();
        ViewerTopComponent viewer = onEdt(() -> {
            ViewerTopComponent v = new ViewerTopComponent(() -> later, idleSession());
            v.componentOpened();
            v.showVolume(v.beginLoading("T1"), fiveSlices);
            return v;
        });
        assertEquals("Preparing the display …", onEdt(viewer::shownMessage));
        later.complete(RendererChoice.java2d("VTK disabled by setting"));
        onEdt(() -> null);
        assertNull(onEdt(viewer::shownMessage));
        assertTrue(viewer.canvas() instanceof Java2dSliceCanvas);
    }

    /** What is under the mouse is read out under the slice; R puts the window back. */
    @Test
    void theVoxelUnderTheMouseIsReadOutAndRResetsTheWindow() throws Exception {
        Volume disk = TestVolumes.disk(64, 3, 20, 30, 8);
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        onEdt(() -> {
            viewer.showVolume(viewer.beginLoading("Disk"), disk);
            viewer.canvas().component().setSize(128, 128);
            return null;
        });
        String inside = onEdt(() -> {
            viewer.showReadout(2 * 20 + 1, 2 * 30 + 1);
            return viewer.readoutText();
        });
        int[] p = onEdt(() -> viewer.canvas().pixelAt(2 * 20 + 1, 2 * 30 + 1));
        double[] mm = disk.geometry().voxelToPatient(p[0], p[1], 1);
        String value = disk.value(p[0], p[1], 1) >= 10 ? String.format(java.util.Locale.ROOT, "%.0f",
                disk.value(p[0], p[1], 1)) : String.format(java.util.Locale.ROOT, "%.2f", disk.value(p[0], p[1], 1));
        assertEquals(String.format(java.util.Locale.ROOT, "IJK %d, %d, 1 \u00b7 %s %.1f %s %.1f %s %.1f mm \u00b7 %s", p[0], p[1],
                mm[0] < 0 ? "R" : "L", Math.abs(mm[0]), mm[1] < 0 ? "A" : "P", Math.abs(mm[1]), mm[2] < 0 ? "I" : "S",
                Math.abs(mm[2]), value), inside);
        assertTrue(Math.abs(p[0] - 20) <= 1 && Math.abs(p[1] - 30) <= 1, "the readout is of the pixel under the mouse");
        assertEquals(" ", onEdt(() -> {
            viewer.showReadout(-5, -5);
            return viewer.readoutText();
        }), "off the image nothing is read out");

        org.pointlearn.imaging.api.WindowLevel opened = onEdt(() -> viewer.view().window());
        onEdt(() -> {
            viewer.view().setWindow(new org.pointlearn.imaging.api.WindowLevel(opened.center() + 50, opened.width() * 3));
            java.awt.Component c = viewer.canvas().component();
            java.awt.event.KeyEvent r = new java.awt.event.KeyEvent(c, java.awt.event.KeyEvent.KEY_PRESSED, 0, 0,
                    java.awt.event.KeyEvent.VK_R, 'r');
            for (java.awt.event.KeyListener l : c.getKeyListeners()) {
                l.keyPressed(r);
            }
            return null;
        });
        assertEquals(opened, onEdt(() -> viewer.view().window()), "R did not put the window back");
    }

    /** The demo brain is drawn as radiologists expect: patient's right on the left, anterior at the top, and says so. */
    @Test
    void theDemoBrainShowsItsOrientationAtTheEdges() throws Exception {
        Volume brain = TestVolumes.colin27();
        assertEquals(new org.pointlearn.viewer.impl.Orientation("R", "L", "A", "P"),
                org.pointlearn.viewer.impl.Orientation.of(brain.geometry()));
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        java.awt.image.BufferedImage[] shots = onEdt(() -> {
            viewer.showVolume(viewer.beginLoading("Colin27"), brain);
            java.awt.Component c = viewer.canvas().component();
            c.setSize(400, 400);
            java.awt.image.BufferedImage with = new java.awt.image.BufferedImage(400, 400,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            c.paint(with.getGraphics());
            viewer.canvas().orient(null);
            viewer.canvas().show(viewer.view().image(), List.of(), viewer.view().transform());
            java.awt.image.BufferedImage without = new java.awt.image.BufferedImage(400, 400,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            c.paint(without.getGraphics());
            return new java.awt.image.BufferedImage[] {with, without};
        });
        int changed = 0;
        for (int y = 180; y < 220; y++) {
            for (int x = 0; x < 30; x++) {
                changed += shots[0].getRGB(x, y) != shots[1].getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(changed > 10, "no letter at the middle of the left edge (" + changed + " px differ)");
    }

    /** Tools > Options > Advanced > Display: the style it stores is the one masks are drawn in. */
    @Test
    void theDisplayPageSetsHowMasksAreDrawn() throws Exception {
        try {
            onEdt(() -> {
                DisplayOptionsPanel page = new DisplayOptionsPanel();
                page.load();
                page.setColour(0x00ffff);
                page.opacitySlider().setValue(70);
                page.outlineBox().setSelected(true);
                page.store();
                return null;
            });
            assertEquals(new org.pointlearn.viewer.impl.OverlayStyle(0x00ffff, 0.7, true), DisplayOptionsPanel.style());
        } finally {
            org.pointlearn.viewer.impl.OverlayStyle.DEFAULT.save(DisplayOptionsPanel.preferences());
        }
        assertEquals(org.pointlearn.viewer.impl.OverlayStyle.DEFAULT, DisplayOptionsPanel.style());
    }

    /** Tools > Options > Advanced > Inference: the device and threads are kept for the next start. */
    @Test
    void theInferencePageKeepsTheDeviceForTheNextStart() throws Exception {
        org.pointlearn.inference.api.InferenceRuntime runtime = org.pointlearn.inference.api.InferenceRuntime.getDefault();
        org.pointlearn.inference.api.InferenceRuntime.StartSettings before = runtime.startSettings();
        try {
            onEdt(() -> {
                InferenceOptionsPanel page = new InferenceOptionsPanel(runtime);
                page.load();
                page.deviceBox().setSelectedItem("cpu");
                page.threadsField().setValue(3);
                page.store();
                return null;
            });
            assertEquals(new org.pointlearn.inference.api.InferenceRuntime.StartSettings("cpu", 3),
                    runtime.startSettings());
        } finally {
            runtime.rememberStartSettings(before);
        }
    }

    /** A series of several volumes (time points, echoes) opens with a chooser, each volume at the same slice. */
    @Test
    void aSeriesOfSeveralVolumesOpensWithAChooser() throws Exception {
        Volume early = TestVolumes.disk(32, 5, 16, 16, 4);
        Volume late = TestVolumes.disk(32, 5, 16, 16, 9);
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        onEdt(() -> {
            long r = viewer.beginLoading("fMRI", new org.pointlearn.dicom.api.SeriesRef("1.2", "1.2.3", "MR", "fMRI", 10));
            viewer.showVolumes(r, List.of(early, late), List.of());
            viewer.view().goToSlice(1);
            return null;
        });
        assertArrayEquals(new int[] {0, 2}, onEdt(viewer::volumeShown));
        assertEquals("1.2.3", onEdt(() -> viewer.seriesKey().seriesUid()));
        onEdt(() -> {
            viewer.showVolumeNumber(1);
            return null;
        });
        assertSame(late, onEdt(() -> viewer.view().volume()), "the second volume is shown");
        assertEquals(1, onEdt(() -> viewer.view().slice()), "at the same slice");
        assertEquals("1.2.3.v2", onEdt(() -> viewer.seriesKey().seriesUid()), "with its own accepted masks");
    }

    /** The demo brain in the other planes: reformatted with its geometry, the letters at the edges follow. */
    @Test
    void theDemoBrainCanBeSeenCoronallyAndSagittally() throws Exception {
        Volume brain = TestVolumes.colin27();
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        onEdt(() -> {
            viewer.showVolume(viewer.beginLoading("Colin27", new org.pointlearn.dicom.api.SeriesRef("1.2", "1.2.9", "MR",
                    "T1", 181)), brain);
            viewer.choosePlane(org.pointlearn.imaging.api.Planes.Plane.CORONAL);
            return null;
        });
        Volume coronal = onEdt(() -> viewer.view().volume());
        assertEquals(brain.geometry().height(), coronal.geometry().depth(), "one coronal slice per row of the axial");
        assertEquals(new org.pointlearn.viewer.impl.Orientation("R", "L", "S", "I"),
                org.pointlearn.viewer.impl.Orientation.of(coronal.geometry()));
        assertEquals("1.2.9.coronal", onEdt(() -> viewer.seriesKey().seriesUid()), "its own accepted masks");
        onEdt(() -> {
            viewer.choosePlane(org.pointlearn.imaging.api.Planes.Plane.SAGITTAL);
            return null;
        });
        Volume sagittal = onEdt(() -> viewer.view().volume());
        assertEquals(brain.geometry().width(), sagittal.geometry().depth());
        assertEquals(new org.pointlearn.viewer.impl.Orientation("A", "P", "S", "I"),
                org.pointlearn.viewer.impl.Orientation.of(sagittal.geometry()));
        // A landmark: the brightest voxel of the middle axial slice is where the sagittal slice through it says.
        int k = brain.geometry().depth() / 2;
        int best = 0;
        float[] axial = brain.slice(k);
        for (int i = 1; i < axial.length; i++) {
            best = axial[i] > axial[best] ? i : best;
        }
        int x = best % brain.geometry().width();
        int y = best / brain.geometry().width();
        assertEquals(axial[best], sagittal.value(y, brain.geometry().depth() - 1 - k, x), "the same voxel, seen sagittally");
        onEdt(() -> {
            viewer.choosePlane(org.pointlearn.imaging.api.Planes.Plane.ACQUIRED);
            return null;
        });
        assertSame(brain, onEdt(() -> viewer.view().volume()));
    }

    /**
     * The 2 x 2 layout: beside the axial slice, the coronal and sagittal slices through a cursor,
     * with its cross; a click in a side view takes the axial view to the slice through it, the
     * wheel there moves the cursor across; the choice is remembered.
     */
    @Test
    void theOtherTwoPlanesFollowACursor() throws Exception {
        Volume brain = TestVolumes.colin27();
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        try {
            SideViews sides = onEdt(() -> {
                viewer.showVolume(viewer.beginLoading("Colin27", new org.pointlearn.dicom.api.SeriesRef("1.2", "1.2.9",
                        "MR", "T1", 181)), brain);
                viewer.chooseLayout(PlaneLayout.GRID);
                return viewer.sides();
            });
            assertEquals(PlaneLayout.GRID, PlaneLayout.stored(DisplayOptionsPanel.preferences()), "remembered");
            assertEquals(org.pointlearn.imaging.api.Planes.Plane.CORONAL, onEdt(() -> sides.plane(0)));
            assertEquals(org.pointlearn.imaging.api.Planes.Plane.SAGITTAL, onEdt(() -> sides.plane(1)));
            assertEquals(new org.pointlearn.viewer.impl.Orientation("R", "L", "S", "I"), onEdt(() -> sides.orientation(0)));
            assertEquals(new org.pointlearn.viewer.impl.Orientation("A", "P", "S", "I"), onEdt(() -> sides.orientation(1)));
            int[] cursor = onEdt(sides::cursor);
            assertArrayEquals(new int[] {90, 108, 90}, cursor, "the cursor starts at the middle of the middle slice");
            org.pointlearn.viewer.impl.GreySlice coronal = onEdt(() -> sides.shown(0));
            assertEquals(181, coronal.width());
            assertEquals(181, coronal.height(), "coronal: as many rows as axial slices, 1 mm each");
            int[] c = onEdt(() -> sides.sideCursor(0));
            int cross = 0;
            for (int x = 0; x < coronal.width(); x++) {
                cross += coronal.rgb()[c[1] * coronal.width() + x] == org.pointlearn.viewer.impl.GreySlice.CURSOR ? 1 : 0;
            }
            assertTrue(cross > 40, "the cross along the row of the axial slice shown (" + cross + " px)");

            // a click near the top of the coronal view: the axial view goes up to the slice through it
            int[] target = onEdt(() -> {
                java.awt.Component side = sides.component(0);
                side.setSize(300, 300);
                int[] p = ((SliceCanvas) side).pixelAt(150, 60);
                for (int id : new int[] {java.awt.event.MouseEvent.MOUSE_PRESSED, java.awt.event.MouseEvent.MOUSE_RELEASED}) {
                    side.dispatchEvent(new java.awt.event.MouseEvent(side, id, 0, java.awt.event.InputEvent.BUTTON1_DOWN_MASK,
                            150, 60, 1, false, java.awt.event.MouseEvent.BUTTON1));
                }
                return p;
            });
            int[] moved = onEdt(sides::cursor);
            assertEquals(target[0], moved[0], "the column clicked");
            assertEquals(brain.geometry().depth() - 1 - target[1], moved[2], "the axial slice of the row clicked");
            assertEquals(moved[2], onEdt(() -> viewer.view().slice()), "the axial view shows it");
            assertTrue(moved[2] > 130, "a slice near the top of the head: " + moved[2]);
            // the wheel over the sagittal view moves the cursor to the next sagittal slice, the axial slice stays
            onEdt(() -> {
                java.awt.Component side = sides.component(1);
                side.dispatchEvent(new java.awt.event.MouseWheelEvent(side, java.awt.event.MouseEvent.MOUSE_WHEEL, 0, 0,
                        10, 10, 0, false, java.awt.event.MouseWheelEvent.WHEEL_UNIT_SCROLL, 1, 1));
                return null;
            });
            int[] across = onEdt(sides::cursor);
            assertEquals(1, Math.abs(across[0] - moved[0]), "one column across");
            assertEquals(moved[2], across[2]);
            onEdt(() -> {
                viewer.chooseLayout(PlaneLayout.ONE);
                return null;
            });
            assertTrue(onEdt(() -> !sides.component(0).isVisible()), "one plane hides the others");
        } finally {
            PlaneLayout.ONE.store(DisplayOptionsPanel.preferences());
        }
    }

    /**
     * A Ctrl+click on the slice while one plane is shown puts the cursor there: the coronal and
     * sagittal views opened afterwards go through the pixel clicked, not the middle of the volume.
     */
    @Test
    void aCursorPutBeforeTheOtherPlanesOpenIsWhereTheyOpen() throws Exception {
        Volume brain = TestVolumes.colin27();
        ViewerTopComponent viewer = onEdt(ViewerTopComponentTest::openedViewer);
        try {
            int[] clicked = onEdt(() -> {
                viewer.showVolume(viewer.beginLoading("Colin27", new org.pointlearn.dicom.api.SeriesRef("1.2", "1.2.9",
                        "MR", "T1", 181)), brain);
                viewer.chooseLayout(PlaneLayout.ONE);
                java.awt.Component c = viewer.canvas().component();
                c.setSize(400, 400);
                int[] p = viewer.canvas().pixelAt(150, 260);
                for (int id : new int[] {java.awt.event.MouseEvent.MOUSE_PRESSED, java.awt.event.MouseEvent.MOUSE_RELEASED}) {
                    c.dispatchEvent(new java.awt.event.MouseEvent(c, id, 0, java.awt.event.InputEvent.BUTTON1_DOWN_MASK
                            | java.awt.event.InputEvent.CTRL_DOWN_MASK, 150, 260, 1, false, java.awt.event.MouseEvent.BUTTON1));
                }
                return p;
            });
            assertTrue(clicked[0] != 90 || clicked[1] != 108, "a pixel away from the middle: " + java.util.Arrays.toString(clicked));
            SideViews sides = onEdt(() -> {
                viewer.chooseLayout(PlaneLayout.GRID);
                return viewer.sides();
            });
            int[] cursor = onEdt(sides::cursor);
            assertEquals(clicked[0], cursor[0], "the column Ctrl+clicked");
            assertEquals(clicked[1], cursor[1], "the row Ctrl+clicked");
        } finally {
            PlaneLayout.ONE.store(DisplayOptionsPanel.preferences());
        }
    }

    private static ViewerTopComponent openedViewer() {
        ViewerTopComponent viewer = new ViewerTopComponent(
                () -> CompletableFuture.completedFuture(RendererChoice.java2d("VTK disabled by setting")), idleSession());
        viewer.componentOpened();
        return viewer;
    }

    /** A session without a model, its folders in a new temporary folder (clicks say the model is not ready). */
    static org.pointlearn.adaptation.api.InteractiveSession idleSession() {
        try {
            return org.pointlearn.adaptation.api.InteractiveSessions.getDefault().open(null,
                    java.nio.file.Files.createTempDirectory("pointlearn-viewer-test"), true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs on the event thread after everything queued there, and returns the result. */
    static <T> T onEdt(java.util.concurrent.Callable<T> task) throws InterruptedException, InvocationTargetException {
        EventQueue.invokeAndWait(() -> { });
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new InvocationTargetException(failure.get());
        }
        return result.get();
    }
}
