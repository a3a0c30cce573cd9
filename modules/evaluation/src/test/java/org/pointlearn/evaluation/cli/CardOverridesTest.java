package org.pointlearn.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pointlearn.inference.api.ModelCard;

class CardOverridesTest {

    private static final ModelCard CARD = ModelCard.builder().name("m").version("m@1").workingSize(64).unet(16, 3)
            .build();

    @Test
    void everyFocusAndEditFieldChangesAloneAndTheRestStays() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("focus.policy", "zoom");
        pairs.put("focus.firstSide", "0.25");
        pairs.put("focus.grow", "1.6");
        pairs.put("focus.minSide", "0.1");
        pairs.put("focus.zoomOuts", "3");
        pairs.put("focus.local", "true");
        pairs.put("edits.negativeNeverAdds", "false");
        pairs.put("edits.keepClickedComponents", "true");
        ModelCard c = CardOverrides.apply(CARD, pairs);
        assertEquals(new ModelCard.Focus(ModelCard.Focus.Policy.ZOOM, 0.25, 1.6, 0.1, 3, 0, true, 0, 0, 0, 0), c.focus());
        assertEquals(new ModelCard.Edits(false, true, true), c.edits());
        assertEquals(CARD.workingSize(), c.workingSize());
        assertEquals(CARD.focus(), CardOverrides.apply(CARD, Map.of()).focus());
    }

    @Test
    void unknownFieldsAndUnusableValuesAreRefusedInWords() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CardOverrides.apply(CARD, Map.of("focus.size", "1")));
        assertTrue(unknown.getMessage().contains("no field 'focus.size'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CardOverrides.apply(CARD, Map.of("focus.policy", "wide")));
        assertThrows(IllegalArgumentException.class, () -> CardOverrides.apply(CARD, Map.of("focus.nearFilled", "1.5")),
                "a share of a square is at most 1");
    }

    @Test
    void theFillBoundsOfTheWideSquareAreSetOneByOne() {
        ModelCard c = CardOverrides.apply(CARD, Map.of("focus.nearFilled", "0.45"));
        assertEquals(0.45, c.focus().nearFilled());
        assertEquals(0, c.focus().wideFilled());
        ModelCard both = CardOverrides.apply(c, Map.of("focus.wideFilled", "0.2"));
        assertEquals(CARD.focus().withFilled(0.45, 0.2), both.focus());
    }

    @Test
    void adaptationSettingsAreWrittenIntoTheCardByName() {
        ModelCard c = CardOverrides.apply(CARD, Map.of("adaptation.midLearningRate", "1e-5"));
        assertEquals(Map.of("midLearningRate", "1e-5"), c.adaptation());
        assertEquals(CARD.focus(), c.focus(), "the rest stays");
    }
}
