package org.pointlearn.viewer.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.NbBundle.Messages;

/** Registers the display panel under Tools > Options > Pointlearn. */
@OptionsPanelController.SubRegistration(location = "Pointlearn", id = "Display",
        displayName = "#AdvancedOption_DisplayName_Display", keywords = "#AdvancedOption_Keywords_Display",
        keywordsCategory = "Pointlearn/Display")
@Messages({
    "AdvancedOption_DisplayName_Display=Display",
    "AdvancedOption_Keywords_Display=display overlay mask colour color opacity outline",
    "# {0} - reason",
    "MSG_DisplayNotSaved=The display settings were not applied: {0}"
})
public final class DisplayOptionsPanelController extends OptionsPage<DisplayOptionsPanel> {

    @Override
    protected DisplayOptionsPanel create() {
        return new DisplayOptionsPanel();
    }

    @Override
    protected void load(DisplayOptionsPanel p) {
        p.load();
    }

    @Override
    protected void store(DisplayOptionsPanel p) {
        p.store();
    }

    @Override
    protected String failure(String reason) {
        return Bundle.MSG_DisplayNotSaved(reason);
    }
}
