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

/** Registers the inference panel under Tools > Options > Advanced. */
@OptionsPanelController.SubRegistration(location = "Advanced", id = "Inference",
        displayName = "#AdvancedOption_DisplayName_Inference", keywords = "#AdvancedOption_Keywords_Inference",
        keywordsCategory = "Advanced/Inference")
@Messages({
    "AdvancedOption_DisplayName_Inference=Inference",
    "AdvancedOption_Keywords_Inference=inference device GPU CPU CUDA threads engine",
    "# {0} - reason",
    "MSG_InferenceNotSaved=The inference settings were not kept: {0}"
})
public final class InferenceOptionsPanelController extends OptionsPanelController {

    private static final Logger LOG = Logger.getLogger(InferenceOptionsPanelController.class.getName());

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private InferenceOptionsPanel panel;

    @Override
    public void update() {
        panel().load();
    }

    @Override
    public void applyChanges() {
        try {
            panel().store();
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Keeping the inference settings failed", e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    Bundle.MSG_InferenceNotSaved(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
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

    private InferenceOptionsPanel panel() {
        if (panel == null) {
            panel = new InferenceOptionsPanel(org.pointlearn.inference.api.InferenceRuntime.getDefault());
        }
        return panel;
    }
}
