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

/** Registers the adaptation panel under Tools > Options > Advanced. */
@OptionsPanelController.SubRegistration(location = "Advanced", id = "Adaptation",
        displayName = "#AdvancedOption_DisplayName_Adaptation", keywords = "#AdvancedOption_Keywords_Adaptation",
        keywordsCategory = "Advanced/Adaptation")
@Messages({
    "AdvancedOption_DisplayName_Adaptation=Adaptation",
    "AdvancedOption_Keywords_Adaptation=adaptation learning clicks policy steps learning rate forgetting guard replay",
    "# {0} - reason",
    "MSG_AdaptationNotSaved=The adaptation settings were not applied: {0}"
})
public final class AdaptationOptionsPanelController extends OptionsPanelController {

    private static final Logger LOG = Logger.getLogger(AdaptationOptionsPanelController.class.getName());

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private AdaptationOptionsPanel panel;

    @Override
    public void update() {
        panel().load();
    }

    @Override
    public void applyChanges() {
        try {
            panel().store();
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Applying the adaptation settings failed", e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    Bundle.MSG_AdaptationNotSaved(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
        }
    }

    @Override
    public void cancel() {
        panel().load();
    }

    @Override
    public boolean isValid() {
        return panel().problem() == null;
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

    private AdaptationOptionsPanel panel() {
        if (panel == null) {
            panel = new AdaptationOptionsPanel(WorkstationSession.get());
        }
        return panel;
    }
}
