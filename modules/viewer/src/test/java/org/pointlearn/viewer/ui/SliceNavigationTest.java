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
