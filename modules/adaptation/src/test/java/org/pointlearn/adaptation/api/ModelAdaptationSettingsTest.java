package org.pointlearn.adaptation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * A model's card may name the adaptation settings it is used with (chosen by measurement for that
 * model): every policy but the paper's learns with them over the defaults, sessions opened on the
 * model start with them, and the shipped general MRI model learns with its own Mid-Interaction step (one, at 1e-5).
 */
class ModelAdaptationSettingsTest {

    private static final Path MODELS = Path.of(System.getProperty("user.dir"), "..", "..", "models");

    @Test
    void aCardsSettingsApplyOverTheDefaultsExceptForThePapersPolicies() {
        ModelCard card = Fixtures.smallCard().toBuilder().adaptation("midLearningRate", "5e-5").build();
        assertEquals(5e-5, AdaptationPolicy.METHOD.defaultSettings(card).midLearningRate());
        assertEquals(AdaptationSettings.defaults().postSteps(), AdaptationPolicy.METHOD.defaultSettings(card).postSteps(),
                "the rest stays as the defaults");
        assertEquals(5e-5, AdaptationPolicy.named("nogauss").defaultSettings(card).midLearningRate());
        assertEquals(AdaptationSettings.paper(), AdaptationPolicy.named("paper").defaultSettings(card),
                "the paper's policies keep the paper's settings");
        assertEquals(AdaptationSettings.defaults(), AdaptationPolicy.METHOD.defaultSettings(Fixtures.smallCard()));

        ModelCard wrong = Fixtures.smallCard().toBuilder().adaptation("midRate", "5e-5").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdaptationPolicy.METHOD.defaultSettings(wrong));
        assertTrue(e.getMessage().contains("test@base") && e.getMessage().contains("midRate"), e.getMessage());
    }

    @Test
    void theGeneralModelsSessionsLearnAtItsOwnMidRateAndTheBrainModelsAtTheDefault() throws Exception {
        Fixtures.engine();
        for (String name : new String[] {"mri-general", "brain-mri"}) {
            try (SegmentationModel model = SegmentationModel.load(MODELS.resolve(name), Device.cpu());
                 InteractiveSession session = InteractiveSessions.getDefault().open(model, null, true)) {
                // mri-general: one gentle Mid-Interaction step a click (docs/adaptation.md, "Settings per model")
                boolean general = name.equals("mri-general");
                double rate = general ? 1e-5 : AdaptationSettings.defaults().midLearningRate();
                int steps = general ? 1 : AdaptationSettings.defaults().midSteps();
                assertEquals(rate, session.state().settings().midLearningRate(), name);
                assertEquals(steps, session.state().settings().midSteps(), name);
                assertEquals(AdaptationSettings.defaults().postLearningRate(), session.state().settings().postLearningRate(),
                        name);
                // the user's choice in Options goes over the model's
                session.configure(AdaptationPolicy.METHOD, session.state().settings().toBuilder().postSteps(3).build())
                        .get(1, TimeUnit.MINUTES);
                assertEquals(rate, session.state().settings().midLearningRate(), name);
                assertEquals(steps, session.state().settings().midSteps(), name);
                assertEquals(3, session.state().settings().postSteps(), name);
            }
        }
    }
}
