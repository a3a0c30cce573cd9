package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.WindowLevel;

class SliceNavigationTest {

    private final SliceViewModel view = new SliceViewModel();
    private final Java2dSliceCanvas canvas = new Java2dSliceCanvas();

    @BeforeEach
    void showFiveSlices() {
        view.show(TestVolumes.brightFirstVoxel(8, 8, 5, 1, 1));
        SliceNavigation.attach(canvas, view);
    }

    @Test
    void startsAtTheMiddleSlice() {
        assertEquals(2, view.slice());
        assertEquals("Slice 3/5", view.caption().get(0));
    }

    @Test
    void eachWheelNotchMovesOneSlice() {
        wheel(1);
        assertEquals(3, view.slice());
        wheel(-1);
        wheel(-1);
        assertEquals(1, view.slice());
    }

    @Test
    void wheelStopsAtTheFirstAndLastSlice() {
        wheel(10);
        assertEquals(4, view.slice());
        assertEquals("Slice 5/5", view.caption().get(0));
        wheel(1);
        assertEquals(4, view.slice());
        wheel(-25);
        assertEquals(0, view.slice());
        assertEquals("Slice 1/5", view.caption().get(0));
    }

    @Test
    void halfNotchesFromATouchpadAddUp() {
        wheel(0, 0.5);
        assertEquals(2, view.slice());
        wheel(0, 0.5);
        assertEquals(3, view.slice());
    }

    /** 1-9 choose a window: the stored ones, then auto, the MR ones and full range; the caption names it. */
    @Test
    void numberKeysChooseAmongTheStoredAndDerivedWindows() {
        org.pointlearn.imaging.api.Volume v = TestVolumes.disk(32, 3, 16, 16, 6);
        view.show(v, List.of(new org.pointlearn.imaging.api.WindowLevel(40, 80),
                new org.pointlearn.imaging.api.WindowLevel(100, 300)));
        assertEquals(List.of("stored 1", "stored 2", "auto", "MR contrast", "MR bright", "full range"),
                view.presets().stream().map(SliceViewModel.Preset::name).toList());
        assertTrue(view.caption().get(1).endsWith("(stored 1)"), view.caption().get(1));
        key(KeyEvent.VK_2);
        assertEquals(new org.pointlearn.imaging.api.WindowLevel(100, 300), view.window());
        key(KeyEvent.VK_6);
        float[] range = v.range();
        assertEquals(range[1] - range[0], view.window().width(), 1e-3, "full range");
        assertTrue(view.caption().get(1).endsWith("(full range)"), view.caption().get(1));
        key(KeyEvent.VK_9);
        assertTrue(view.caption().get(1).endsWith("(full range)"), "a key past the presets changes nothing");
        key(KeyEvent.VK_R);
        assertEquals(new org.pointlearn.imaging.api.WindowLevel(40, 80), view.window(), "R goes back to the first");
    }

    /** On the demo brain: "MR contrast" narrows the window onto the tissue, "MR bright" sits above it. */
    @Test
    void theMrPresetsFollowTheTissuesValues() {
        view.show(TestVolumes.colin27(), List.of());
        java.util.Map<String, org.pointlearn.imaging.api.WindowLevel> w = new java.util.HashMap<>();
        view.presets().forEach(p -> w.put(p.name(), p.window()));
        assertTrue(w.get("MR contrast").width() < 0.8 * w.get("auto").width(), "contrast " + w.get("MR contrast")
                + " against auto " + w.get("auto"));
        org.pointlearn.imaging.api.WindowLevel bright = w.get("MR bright");
        org.pointlearn.imaging.api.WindowLevel contrast = w.get("MR contrast");
        assertTrue(bright.center() - bright.width() / 2 > contrast.center() - contrast.width() / 2
                && bright.center() + bright.width() / 2 > contrast.center() + contrast.width() / 2,
                "bright lies above contrast: " + bright + ", " + contrast);
    }

    @Test
    void pageAndArrowKeysMoveOneSliceHomeAndEndGoToTheEnds() {
        key(KeyEvent.VK_PAGE_DOWN);
        assertEquals(3, view.slice());
        key(KeyEvent.VK_UP);
        key(KeyEvent.VK_PAGE_UP);
        assertEquals(1, view.slice());
        key(KeyEvent.VK_END);
        assertEquals(4, view.slice());
        key(KeyEvent.VK_DOWN);
        assertEquals(4, view.slice());
        key(KeyEvent.VK_HOME);
        assertEquals(0, view.slice());
    }

    @Test
    void rightDragWidensAndShiftsTheWindow() {
        WindowLevel before = view.window();
        mouse(MouseEvent.MOUSE_PRESSED, 100, 100, InputEvent.BUTTON3_DOWN_MASK, MouseEvent.BUTTON3);
        mouse(MouseEvent.MOUSE_DRAGGED, 140, 120, InputEvent.BUTTON3_DOWN_MASK, MouseEvent.NOBUTTON);
        mouse(MouseEvent.MOUSE_RELEASED, 140, 120, 0, MouseEvent.BUTTON3);
        WindowLevel after = view.window();
        assertTrue(after.width() > before.width(), "dragging right widens: " + before + " -> " + after);
        assertTrue(after.center() > before.center(), "dragging down raises the level: " + before + " -> " + after);
        assertTrue(view.caption().get(1).startsWith("W/L "), view.caption().get(1));
    }

    @Test
    void ctrlWheelZoomsAboutThePointerAndZeroFitsAgain() {
        canvas.setSize(400, 400);
        canvas.show(view.image(), view.caption(), view.transform());
        int[] under = canvas.pixelAt(120, 300);
        MouseWheelEvent in = new MouseWheelEvent(canvas, MouseEvent.MOUSE_WHEEL, System.currentTimeMillis(),
                InputEvent.CTRL_DOWN_MASK, 120, 300, 120, 300, 0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, -3, -3);
        canvas.dispatchEvent(in);
        assertEquals(2, view.slice(), "zooming must not change the slice");
        assertEquals(1.953, view.transform().zoom(), 1e-3, "three notches in: 1.25^3");
        assertEquals("Zoom 195 %", view.caption().get(2));
        canvas.show(view.image(), view.caption(), view.transform());
        assertEquals(java.util.Arrays.toString(under), java.util.Arrays.toString(canvas.pixelAt(120, 300)),
                "the pixel under the pointer moved");
        // The slice's corner moved from (0, 0) to 120 - 1.953 * 120 = -114, 300 - 1.953 * 300 = -286: the
        // screen's corner shows slice pixel (1, 2), 8 pixels of 400 / 8 * 1.953 = 97.7 screen pixels.
        assertEquals("[1, 2]", java.util.Arrays.toString(canvas.pixelAt(2, 2)));
        key(KeyEvent.VK_0);
        assertEquals(1, view.transform().zoom());
        assertEquals(2, view.caption().size(), "no zoom line when fitted");
    }

    @Test
    void middleDragMovesTheSliceWithThePointer() {
        canvas.setSize(400, 400);
        key(KeyEvent.VK_PLUS);
        key(KeyEvent.VK_PLUS);
        canvas.show(view.image(), view.caption(), view.transform());
        int[] before = canvas.pixelAt(200, 200);
        mouse(MouseEvent.MOUSE_PRESSED, 200, 200, InputEvent.BUTTON2_DOWN_MASK, MouseEvent.BUTTON2);
        mouse(MouseEvent.MOUSE_DRAGGED, 260, 230, InputEvent.BUTTON2_DOWN_MASK, MouseEvent.NOBUTTON);
        mouse(MouseEvent.MOUSE_RELEASED, 260, 230, 0, MouseEvent.BUTTON2);
        canvas.show(view.image(), view.caption(), view.transform());
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(canvas.pixelAt(260, 230)),
                "the pixel grabbed is not under the pointer after the drag");
        assertEquals(2, view.slice());
    }

    private void wheel(int notches) {
        wheel(notches, notches);
    }

    private void wheel(int notches, double precise) {
        canvas.dispatchEvent(new MouseWheelEvent(canvas, MouseEvent.MOUSE_WHEEL, System.currentTimeMillis(), 0,
                10, 10, 10, 10, 0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, notches, precise));
    }

    private void key(int code) {
        KeyEvent e = new KeyEvent(canvas, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, code,
                KeyEvent.CHAR_UNDEFINED);
        // Without a focused window the focus manager would drop the event: call the listeners.
        for (KeyListener l : canvas.getKeyListeners()) {
            l.keyPressed(e);
        }
    }

    private void mouse(int id, int x, int y, int modifiers, int button) {
        Component c = canvas;
        c.dispatchEvent(new MouseEvent(c, id, System.currentTimeMillis(), modifiers, x, y, 1, false, button));
    }
}
