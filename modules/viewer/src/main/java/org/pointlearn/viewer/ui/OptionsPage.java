package org.pointlearn.viewer.ui;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JComponent;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;

/**
 * What every Pointlearn page of Tools > Options does with its panel: shows the values in use
 * when opened or cancelled, keeps them on OK (a value refused is said in a dialog), and is valid
 * while its panel finds no problem. The pages only say how to make, load and store their panel.
 *
 * @param <P> the page's panel
 */
abstract class OptionsPage<P extends JComponent> extends OptionsPanelController {

    private static final Logger LOG = Logger.getLogger(OptionsPage.class.getName());

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private P panel;

    /** A new panel. */
    protected abstract P create();

    /** Shows the values in use. */
    protected abstract void load(P p);

    /**
     * Keeps the panel's values.
     *
     * @throws IllegalArgumentException when a value is refused, in words
     */
    protected abstract void store(P p);

    /** What is wrong with the panel's values, in words, or null. */
    protected String problem(P p) {
        return null;
    }

    /** The dialog's words when keeping the values failed. */
    protected abstract String failure(String reason);

    @Override
    public final void update() {
        load(panel());
    }

    @Override
    public final void applyChanges() {
        try {
            store(panel());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "An options page refused its values", e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(failure(e.getMessage()),
                    NotifyDescriptor.ERROR_MESSAGE));
        }
    }

    @Override
    public final void cancel() {
        load(panel());
    }

    @Override
    public final boolean isValid() {
        return problem(panel()) == null;
    }

    @Override
    public final boolean isChanged() {
        return true;
    }

    @Override
    public final JComponent getComponent(Lookup masterLookup) {
        return panel();
    }

    @Override
    public final HelpCtx getHelpCtx() {
        return HelpCtx.DEFAULT_HELP;
    }

    @Override
    public final void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }

    @Override
    public final void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
    }

    private P panel() {
        if (panel == null) {
            panel = create();
        }
        return panel;
    }
}
