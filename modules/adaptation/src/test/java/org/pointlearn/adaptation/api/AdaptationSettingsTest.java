package org.pointlearn.adaptation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdaptationSettingsTest {

    @Test
    void valuesChangeByNameAndTheRestStays() {
        AdaptationSettings d = AdaptationSettings.defaults();
        AdaptationSettings s = d.with(Map.of("ccgLambda", "10", "midSteps", "1", "guardEnabled", "false"));
        assertEquals(10, s.ccgLambda());
        assertEquals(1, s.midSteps());
        assertFalse(s.guardEnabled());
        assertEquals(d.postSteps(), s.postSteps());
        assertEquals(d.ccgSigma(), s.ccgSigma());
        assertEquals(d, d.with(Map.of()));
        assertTrue(s.toString().contains("ccgLambda=10.0"), s.toString());
    }

    @Test
    void unknownNamesBadNumbersAndRangesAreRefusedInWords() {
        AdaptationSettings d = AdaptationSettings.defaults();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> d.with(Map.of("lambda", "10")));
        assertTrue(unknown.getMessage().contains("no setting 'lambda'") && unknown.getMessage().contains("ccgLambda"),
                unknown.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> d.with(Map.of("midSteps", "two")));
        assertTrue(notNumber.getMessage().contains("midSteps"), notNumber.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> d.with(Map.of("postLearningRate", "-1")));
        assertTrue(range.getMessage().contains("learning rates must be positive"), range.getMessage());
    }
}
