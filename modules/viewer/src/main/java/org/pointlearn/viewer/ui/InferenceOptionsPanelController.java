package org.pointlearn.viewer.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.NbBundle.Messages;

/** Registers the inference panel under Tools > Options > Pointlearn. */
@OptionsPanelController.SubRegistration(location = "Pointlearn", id = "Inference",
        displayName = "#AdvancedOption_DisplayName_Inference", keywords = "#AdvancedOption_Keywords_Inference",
        keywordsCategory = "Pointlearn/Inference")
@Messages({
    "AdvancedOption_DisplayName_Inference=Inference",
    "AdvancedOption_Keywords_Inference=inference device GPU CPU CUDA threads engine",
    "# {0} - reason",
    "MSG_InferenceNotSaved=The inference settings were not kept: {0}"
})
public final class InferenceOptionsPanelController extends OptionsPage<InferenceOptionsPanel> {

    @Override
    protected InferenceOptionsPanel create() {
        return new InferenceOptionsPanel(org.pointlearn.inference.api.InferenceRuntime.getDefault());
    }

    @Override
    protected void load(InferenceOptionsPanel p) {
        p.load();
    }

    @Override
    protected void store(InferenceOptionsPanel p) {
        p.store();
    }

    @Override
    protected String failure(String reason) {
        return Bundle.MSG_InferenceNotSaved(reason);
    }
}
