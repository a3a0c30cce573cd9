package org.pointlearn.viewer.ui;

import java.util.function.Supplier;
import javax.swing.event.ChangeListener;
import javax.swing.undo.CannotRedoException;
import javax.swing.undo.CannotUndoException;
import org.openide.awt.UndoRedo;
import org.openide.util.ChangeSupport;
import org.openide.util.NbBundle.Messages;

/**
 * The click tools' undo and redo as NetBeans sees them: Edit > Undo/Redo and the toolbar's
 * buttons follow the slice shown (enabled when it has a click or stroke to take back or to do
 * again, or when the last accept or rollback can be taken back) and do what Backspace/Ctrl+Z
 * and Ctrl+Y do; the menu names the action ("Undo Accept Slice"). One object for the viewer's lifetime:
 * the tools arrive when the renderer is chosen, later than the window system asks.
 */
@Messages({
    "UNDO_Click=Click",
    "UNDO_Stroke=Brush Stroke",
    "UNDO_Accept=Accept Slice",
    "UNDO_Rollback=Roll Back"
})
final class ClickUndoRedo implements UndoRedo {

    private final Supplier<ClickSegmentation> tools;
    private final ChangeSupport changes = new ChangeSupport(this);

    /** @param tools the viewer's click tools, null until they are attached */
    ClickUndoRedo(Supplier<ClickSegmentation> tools) {
        this.tools = tools;
    }

    /** The tools or the slice shown changed: the menu items and buttons look again. */
    void changed() {
        changes.fireChange();
    }

    @Override
    public boolean canUndo() {
        ClickSegmentation t = tools.get();
        return t != null && t.canUndo();
    }

    @Override
    public boolean canRedo() {
        ClickSegmentation t = tools.get();
        return t != null && t.canRedo();
    }

    @Override
    public void undo() throws CannotUndoException {
        if (!canUndo()) {
            throw new CannotUndoException();
        }
        tools.get().undo();
    }

    @Override
    public void redo() throws CannotRedoException {
        if (!canRedo()) {
            throw new CannotRedoException();
        }
        tools.get().redo();
    }

    @Override
    public void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    @Override
    public void removeChangeListener(ChangeListener l) {
        changes.removeChangeListener(l);
    }

    @Override
    public String getUndoPresentationName() {
        ClickSegmentation t = tools.get();
        return t == null || !t.canUndo() ? "" : name(t.seriesWork().undo());
    }

    @Override
    public String getRedoPresentationName() {
        ClickSegmentation t = tools.get();
        return t == null || !t.canRedo() ? "" : name(t.seriesWork().redo());
    }

    private static String name(org.pointlearn.adaptation.api.SeriesWork.Step step) {
        return switch (step) {
            case CLICK -> Bundle.UNDO_Click();
            case STROKE -> Bundle.UNDO_Stroke();
            case ACCEPT -> Bundle.UNDO_Accept();
            case ROLLBACK -> Bundle.UNDO_Rollback();
        };
    }
}
