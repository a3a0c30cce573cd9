package org.pointlearn.viewer.ui;

import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;

/**
 * The click tools' keys: Enter accepts (Shift+Enter then goes to the next slice), Backspace and
 * Ctrl+Z undo, Ctrl+Y and Ctrl+Shift+Z redo, Escape clears (after asking) or cancels the
 * learning, B brush, E eraser, C clicks, [ and ] size the brush.
 */
final class ClickKeys extends KeyAdapter {

    private final ClickSegmentation tools;
    private final SliceViewModel view;

    ClickKeys(ClickSegmentation tools, SliceViewModel view) {
        this.tools = tools;
        this.view = view;
    }

    @Override
    public void keyPressed(KeyEvent e) {
        boolean ctrl = e.isControlDown();
        ClickSegmentation.Tool tool = tools.tool();
        switch (e.getKeyCode()) {
            case KeyEvent.VK_ENTER -> {
                if (tools.accept() && e.isShiftDown()) {
                    view.moveSlices(1);
                }
            }
            case KeyEvent.VK_BACK_SPACE -> tools.undo();
            case KeyEvent.VK_Z -> {
                if (!ctrl) {
                    return;
                }
                if (e.isShiftDown()) {
                    tools.redo();
                } else {
                    tools.undo();
                }
            }
            case KeyEvent.VK_Y -> {
                if (!ctrl) {
                    return;
                }
                tools.redo();
            }
            case KeyEvent.VK_ESCAPE -> tools.escape();
            case KeyEvent.VK_B -> tools.useTool(tool == ClickSegmentation.Tool.BRUSH ? ClickSegmentation.Tool.CLICK
                    : ClickSegmentation.Tool.BRUSH);
            case KeyEvent.VK_E -> tools.useTool(tool == ClickSegmentation.Tool.ERASER ? ClickSegmentation.Tool.CLICK
                    : ClickSegmentation.Tool.ERASER);
            case KeyEvent.VK_C -> tools.useTool(ClickSegmentation.Tool.CLICK);
            case KeyEvent.VK_OPEN_BRACKET -> tools.resizeBrush(-1);
            case KeyEvent.VK_CLOSE_BRACKET -> tools.resizeBrush(1);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
