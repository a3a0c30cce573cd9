package org.pointlearn.viewer.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.NbBundle.Messages;

/** Registers the adaptation panel under Tools > Options > Pointlearn. */
@OptionsPanelController.SubRegistration(location = "Pointlearn", id = "Adaptation",
        displayName = "#AdvancedOption_DisplayName_Adaptation", keywords = "#AdvancedOption_Keywords_Adaptation",
        keywordsCategory = "Pointlearn/Adaptation")
@Messages({
    "AdvancedOption_DisplayName_Adaptation=Adaptation",
    "AdvancedOption_Keywords_Adaptation=adaptation learning clicks policy steps learning rate forgetting guard replay",
    "# {0} - reason",
    "MSG_AdaptationNotSaved=The adaptation settings were not applied: {0}"
})
public final class AdaptationOptionsPanelController extends OptionsPage<AdaptationOptionsPanel> {

    @Override
    protected AdaptationOptionsPanel create() {
        return new AdaptationOptionsPanel(WorkstationSession.get());
    }

    @Override
    protected void load(AdaptationOptionsPanel p) {
        p.load();
    }

    @Override
    protected void store(AdaptationOptionsPanel p) {
        p.store();
    }

    @Override
    protected String problem(AdaptationOptionsPanel p) {
        return p.problem();
    }

    @Override
    protected String failure(String reason) {
        return Bundle.MSG_AdaptationNotSaved(reason);
    }
}
