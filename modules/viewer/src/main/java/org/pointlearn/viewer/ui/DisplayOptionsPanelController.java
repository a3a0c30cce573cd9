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
import org.openide.util.NbBundle.Messages;

/** Registers the display panel under Tools > Options > Advanced. */
@OptionsPanelController.SubRegistration(location = "Advanced", id = "Display",
        displayName = "#AdvancedOption_DisplayName_Display", keywords = "#AdvancedOption_Keywords_Display",
        keywordsCategory = "Advanced/Display")
@Messages({
    "AdvancedOption_DisplayName_Display=Display",
    "AdvancedOption_Keywords_Display=display overlay mask colour color opacity outline",
    "# {0} - reason",
    "MSG_DisplayNotSaved=The display settings were not applied: {0}"
})
public final class DisplayOptionsPanelController extends OptionsPanelController {

    private static final Logger LOG = Logger.getLogger(DisplayOptionsPanelController.class.getName());

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private DisplayOptionsPanel panel;

    @Override
    public void update() {
        panel().load();
    }

    @Override
    public void applyChanges() {
        try {
            panel().store();
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Applying the display settings failed", e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    Bundle.MSG_DisplayNotSaved(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
        }
    }

    @Override
    public void cancel() {
        panel().load();
    }

    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public boolean isChanged() {
        return true;
    }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        return panel();
    }

    @Override
    public HelpCtx getHelpCtx() {
        return HelpCtx.DEFAULT_HELP;
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
    }

    private DisplayOptionsPanel panel() {
        if (panel == null) {
            panel = new DisplayOptionsPanel();
        }
        return panel;
    }
}
