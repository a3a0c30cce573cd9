package org.pointlearn.viewer.ui;

import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesWork;

/**
 * The click tools' keys: Enter accepts (Shift+Enter then goes to the next slice), Backspace and
 * Ctrl+Z undo, Ctrl+Y and Ctrl+Shift+Z redo, Escape clears (after asking) or cancels the
 * learning, B brush, E eraser, C clicks, [ and ] size the brush, S shows the other scale's mask
 * for a click the network looked at through two squares.
 */
@Messages({
    "# {0} slice (1-based), {1} clicks, {2} 1 when it has strokes",
    "ASK_Clear=Clear slice {0}? Its {1} click(s){2,choice,0#|1# and brush strokes} are taken back, with what the model learned from them.\nCtrl+Y brings them back one by one.",
    "# {0} slice (1-based), {1} clicks",
    "ASK_ClearDraft=Discard the draft of slice {0}? Its {1} click(s) are gone for good."
})
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
            case KeyEvent.VK_ESCAPE -> escape();
            case KeyEvent.VK_B -> tools.useTool(tool == ClickSegmentation.Tool.BRUSH ? ClickSegmentation.Tool.CLICK
                    : ClickSegmentation.Tool.BRUSH);
            case KeyEvent.VK_E -> tools.useTool(tool == ClickSegmentation.Tool.ERASER ? ClickSegmentation.Tool.CLICK
                    : ClickSegmentation.Tool.ERASER);
            case KeyEvent.VK_C -> tools.useTool(ClickSegmentation.Tool.CLICK);
            case KeyEvent.VK_S -> {
                if (ctrl) {
                    return;
                }
                tools.otherSquare();
            }
            case KeyEvent.VK_OPEN_BRACKET -> tools.resizeBrush(-1);
            case KeyEvent.VK_CLOSE_BRACKET -> tools.resizeBrush(1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Asks, then takes back every click and stroke of the slice shown (or its draft); or cancels the learning. */
    private void escape() {
        InteractiveSession session = tools.session();
        if (session.state().updating() > 0) {
            session.cancelUpdate();
            return;
        }
        SeriesWork w = tools.seriesWork();
        int k = view.slice();
        SeriesWork.Draft draft = w.slice() != k ? w.drafts().get(k) : null;
        if (draft != null && tools.confirm(Bundle.ASK_ClearDraft(k + 1, draft.clicks().size()))) {
            session.clear(k);
        } else if (draft == null && w.slice() == k && w.hasWork()
                && tools.confirm(Bundle.ASK_Clear(k + 1, w.clicks().size(), w.strokes().isEmpty() ? 0 : 1))) {
            session.clear(k);
        }
    }
}
