/**
 * The viewer's windows and tools. Tools > Options > Pointlearn is the category holding the
 * workstation's pages (Adaptation, Display, Inference here; PACS from the dicom-pacs module).
 */
@OptionsPanelController.ContainerRegistration(id = "Pointlearn", categoryName = "#OptionsCategory_Name_Pointlearn",
        iconBase = "org/pointlearn/viewer/ui/options-pointlearn.png", keywords = "#OptionsCategory_Keywords_Pointlearn",
        keywordsCategory = "Pointlearn", position = 50)
@Messages({
    "OptionsCategory_Name_Pointlearn=Pointlearn",
    "OptionsCategory_Keywords_Pointlearn=Pointlearn adaptation display inference PACS"
})
package org.pointlearn.viewer.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.NbBundle.Messages;
