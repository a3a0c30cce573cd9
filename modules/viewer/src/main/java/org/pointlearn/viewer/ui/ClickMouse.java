package org.pointlearn.viewer.ui;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.SwingUtilities;

/**
 * The click tools' mouse: a left click marks the object, a right click (or Shift+left) the
 * background; with the brush or eraser a left drag strokes; Ctrl+click is not a segmentation
 * click (it moves the cursor of the other planes). A click is a press and release
 * within a few pixels, so that a right-drag still sets the window.
 */
final class ClickMouse extends MouseAdapter {

    /** Largest movement, in screen pixels, between press and release that still counts as a click. */
    private static final int CLICK_SLOP = 3;

    private final ClickSegmentation tools;
    private boolean stroking;
    private int pressX;
    private int pressY;

    ClickMouse(ClickSegmentation tools) {
        this.tools = tools;
    }

    @Override
    public void mousePressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        if (tools.tool() != ClickSegmentation.Tool.CLICK && SwingUtilities.isLeftMouseButton(e)) {
            stroking = tools.beginStroke(e.getX(), e.getY());
        }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (stroking && SwingUtilities.isLeftMouseButton(e)) {
            tools.continueStroke(e.getX(), e.getY());
        }
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (stroking) {
            stroking = false;
            tools.endStroke();
            return;
        }
        boolean left = SwingUtilities.isLeftMouseButton(e);
        if ((tools.tool() != ClickSegmentation.Tool.CLICK && left) || Math.abs(e.getX() - pressX) > CLICK_SLOP
                || Math.abs(e.getY() - pressY) > CLICK_SLOP) {
            return;
        }
        if ((left || SwingUtilities.isRightMouseButton(e)) && !e.isControlDown()) {   // Ctrl+click moves the planes' cursor only
            tools.click(e.getX(), e.getY(), left && !e.isShiftDown());
        }
    }
}
