package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pointlearn.inference.api.InferenceRuntime;

/** Help > About names every shipped model with the data it learned from and their licences. */
class AboutPointlearnActionTest {

    @Test
    void theAboutTextNamesTheModelsTheirDataAndLicences() throws Exception {
        java.util.List<InferenceRuntime.ModelChoice> shipped = new java.util.ArrayList<>();
        java.nio.file.Path models = java.nio.file.Path.of(System.getProperty("user.dir"), "..", "..", "models");
        for (String name : new String[] {"brain-mri", "fundus-disc", "mri-general"}) {
            org.pointlearn.inference.api.ModelCard card = org.pointlearn.inference.api.SegmentationModel.readCard(
                    models.resolve(name));
            shipped.add(new InferenceRuntime.ModelChoice(name, card.description(), card.trainingSources()));
        }
        String text = AboutPointlearnAction.text(shipped, "0.1");
        for (String expected : new String[] {"Pointlearn 0.1", "- mri-general", "- brain-mri", "- fundus-disc",
            "spine-spider-t2: Dataset:", "CC BY 4.0", "IDRiD", "Colin27", "mricron-data package, BSD-3-Clause",
            "Apache NetBeans Platform"}) {
            assertTrue(text.contains(expected), "'" + expected + "' missing from the About text:\n" + text);
        }
    }
}
