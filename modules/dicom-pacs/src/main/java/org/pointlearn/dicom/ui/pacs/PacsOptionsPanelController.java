package org.pointlearn.dicom.ui.pacs;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import javax.swing.JComponent;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;

/** Registers the PACS panel under Tools > Options > Pointlearn. */
@OptionsPanelController.SubRegistration(location = "Pointlearn", id = "Pacs", displayName = "#AdvancedOption_DisplayName_Pacs",
        keywords = "#AdvancedOption_Keywords_Pacs", keywordsCategory = "Pointlearn/Pacs")
@Messages({
    "AdvancedOption_DisplayName_Pacs=PACS",
    "AdvancedOption_Keywords_Pacs=PACS DICOM AE title C-MOVE C-GET WADO",
    "# {0} - reason",
    "MSG_saveFailed=The PACS settings could not be saved: {0}",
})
public final class PacsOptionsPanelController extends OptionsPanelController {

    private static final Logger LOG = Logger.getLogger(PacsOptionsPanelController.class.getName());

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private PacsOptionsPanel panel;

    @Override
    public void update() {
        panel().load();
    }

    @Override
    public void applyChanges() {
        try {
            panel().store();
        } catch (BackingStoreException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Saving the PACS settings failed", e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    Bundle.MSG_saveFailed(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
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

    private PacsOptionsPanel panel() {
        if (panel == null) {
            panel = new PacsOptionsPanel();
        }
        return panel;
    }
}
