package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;

/** The examples the rules learn from and the guard's probe. */
class ExampleBuilderTest {

    private final InputEncoder encoder = new InputEncoder(Fixtures.smallCard());
    private final ExampleBuilder builder = new ExampleBuilder(encoder);
    private final InputEncoder.WorkingImage image = encoder.prepare(Fixtures.disk(40, 36, 14, 1));

    @Test
    void theGuardsProbeClicksAtTheCentreOfTheAcceptedMask() {
        float[] probe = builder.probe(image, Fixtures.diskMask(40, 36, 14));
        int n = 64 * 64;
        int cx = (int) Math.round(image.region().gridX(40, 64));
        int cy = (int) Math.round(image.region().gridY(36, 64));
        assertEquals(1f, probe[n + cy * 64 + cx], "positive-click map at the disk's centre");
        float sum = 0;
        for (int i = 2 * n; i < 3 * n; i++) {
            sum += probe[i];
        }
        assertEquals(0f, sum, "no negative click");
    }

    @Test
    void aNegativeClickSetsItsPixelsToBackgroundInTheMidTarget() {
        float[] allInside = new float[80 * 72];
        java.util.Arrays.fill(allInside, 0.9f);
        Click negative = new Click(20, 20, false);
        UpdateExample e = builder.refined(image, List.of(negative), null, allInside, AdaptationSettings.defaults(),
                AdaptationPolicy.Weighting.WEIGHTS);
        int x = (int) Math.round(image.region().gridX(20, 64));
        int y = (int) Math.round(image.region().gridY(20, 64));
        assertEquals(0f, e.target()[y * 64 + x]);
        assertEquals(1f, e.target()[0]);
        assertTrue(e.weight()[y * 64 + x] > 5, "CCG weight at the click: " + e.weight()[y * 64 + x]);
        assertEquals(1f, e.weight()[63 * 64 + 63], 1e-3);
    }

    @Test
    void withAgreeingWeightsTheGaussianSkipsTheRefinedMaskThatContradictsTheClick() {
        float[] allInside = new float[80 * 72];
        java.util.Arrays.fill(allInside, 0.9f);
        Click negative = new Click(20, 20, false);
        AdaptationSettings agreeing = AdaptationSettings.defaults().with(java.util.Map.of("ccgAgreeing", "true"));
        UpdateExample plain = builder.refined(image, List.of(negative), null, allInside,
                AdaptationSettings.defaults(), AdaptationPolicy.Weighting.WEIGHTS);
        UpdateExample e = builder.refined(image, List.of(negative), null, allInside, agreeing,
                AdaptationPolicy.Weighting.WEIGHTS);
        int x = (int) Math.round(image.region().gridX(20, 64));
        int y = (int) Math.round(image.region().gridY(20, 64));
        int ring = y * 64 + Math.min(63, x + 4);   // outside the click's disk, inside its Gaussian
        assertEquals(1f, e.target()[ring], "the refined mask says object there");
        assertTrue(plain.weight()[ring] > 2, "plain CCG weighs it up: " + plain.weight()[ring]);
        assertEquals(1f, e.weight()[ring], 1e-6, "agreeing CCG leaves it at 1");
        assertEquals(plain.weight()[y * 64 + x], e.weight()[y * 64 + x], 1e-6, "the click's own pixel keeps its weight");
    }

    @Test
    void anEmptyMaskGivesAProbeWithoutClicks() {
        float[] probe = builder.probe(image, Mask2D.empty(80, 72));
        float sum = 0;
        for (int i = 64 * 64; i < 3 * 64 * 64; i++) {
            sum += probe[i];
        }
        assertEquals(0f, sum);
    }
}
