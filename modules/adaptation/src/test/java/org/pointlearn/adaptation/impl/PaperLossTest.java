package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.inference.api.SegmentationLoss;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * The paper's loss on a 3x3 example computed by hand: one positive click at the centre, the
 * target the middle column, sigma 1 px and a cut-off at 1.2 sigma (so the diagonal pixels, at
 * 1.41 px, are outside), the Gaussian counted only where the target agrees with the click.
 */
class PaperLossTest {

    private static final float LN3 = (float) Math.log(3);

    /** Target: the middle column. */
    private static final float[] TARGET = {0, 1, 0, 0, 1, 0, 0, 1, 0};

    private static float[] gaussians() {
        return SegmentationLoss.clickGaussians(List.of(new double[] {1, 1}), 3, 1, 1.2,
                (click, pixel) -> TARGET[pixel] == 1f);
    }

    @Test
    void theGaussianStopsAtItsCutOffAndCountsOnlyWhereTheTargetHasTheClicksLabel() {
        float e = (float) Math.exp(-0.5);
        assertArrayEquals(new float[] {
            0, e, 0,     // (0,0) and (2,0) at 1.41 px: beyond the cut-off; (1,0) at 1 px: exp(-1/2)
            0, 1, 0,     // (0,1) and (2,1) at 1 px but target 0 while the click is positive
            0, e, 0}, gaussians(), 1e-6f);
    }

    @Test
    void theLossEqualsTheHandComputedValue() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel();
                NDManager m = model.djlModel().getNDManager().newSubManager()) {
            // logits 0 everywhere (p = 0.5) but ln 3 at the centre (p = 0.75)
            NDArray logits = m.create(new float[] {0, 0, 0, 0, LN3, 0, 0, 0, 0}, new Shape(1, 1, 3, 3));
            NDArray target = m.create(TARGET, new Shape(1, 1, 3, 3));
            NDArray weight = m.create(gaussians(), new Shape(1, 1, 3, 3));
            // soft Dice (smoothing 1): intersection 0.5+0.75+0.5 = 1.75; sizes 4.75 and 3
            //   1 - (2*1.75 + 1) / (4.75 + 3 + 1) = 0.4857143
            // focal, alpha 0.7, gamma 2, mean over 9 pixels:
            //   target 1, p 0.5:  0.7 * 0.25 * ln 2      = 0.1213008  (twice)
            //   target 1, p 0.75: 0.7 * 0.0625 * ln(4/3) = 0.0125861
            //   target 0, p 0.5:  0.3 * 0.25 * ln 2      = 0.0519860  (six times)
            //   (0.2426015 + 0.0125861 + 0.3119162) / 9  = 0.0630115
            // Gaussian term, beta 200: cross-entropy x Gaussian, mean over 9 pixels:
            //   centre: ln(4/3) * 1 = 0.2876821; above and below: ln 2 * exp(-1/2) = 0.4204146 (twice)
            //   200 * 1.1285113 / 9 = 25.0780468
            double expected = 0.4857143 + 0.0630115 + 25.0780468;
            UpdateLoss paper = UpdateLoss.diceFocalGaussian(200, 0.7, 2);
            assertEquals(expected, paper.compute(logits, new UpdateLoss.BatchArrays(target, weight, null)).getFloat(),
                    1e-4);
            // without the Gaussian term (paper-nogauss: no weights): Dice + focal only
            assertEquals(0.4857143 + 0.0630115,
                    paper.compute(logits, new UpdateLoss.BatchArrays(target, null, null)).getFloat(), 1e-5);
        }
    }

    @Test
    void thePaperPoliciesRunWithThePapersScheduleAndNothingOfOurs() {
        AdaptationSettings s = AdaptationPolicy.PAPER.defaultSettings();
        assertEquals(AdaptationSettings.paper(), s);
        assertEquals(1, s.midSteps());
        assertEquals(2, s.postSteps());
        assertEquals(3, s.ccgSigma());
        assertEquals(3, s.ccgCutoff());
        assertEquals(200, s.ccgBeta());
        assertEquals(0.7, s.focalAlpha());
        assertEquals(true, s.ccgAgreeing());
        assertFalse(s.guardEnabled(), "the paper has no forgetting guard");
        assertEquals(0, s.replayEvery(), "nor replay");
        assertEquals(0, s.versionPull(), "nor a pull towards the start");
        assertEquals(AdaptationSettings.defaults(), AdaptationPolicy.METHOD.defaultSettings());
        assertEquals(AdaptationPolicy.Weighting.SEPARATE_TERM, AdaptationPolicy.PAPER.weighting());
        assertEquals(AdaptationPolicy.Weighting.NONE, AdaptationPolicy.PAPER_NO_GAUSS.weighting());
        assertEquals(AdaptationPolicy.Weighting.WEIGHTS, AdaptationPolicy.METHOD.weighting());
        assertEquals(List.of(true, false), List.of(AdaptationPolicy.PAPER_POST.post(), AdaptationPolicy.PAPER_POST.mid()));
        assertEquals(List.of(false, true), List.of(AdaptationPolicy.PAPER_MID.post(), AdaptationPolicy.PAPER_MID.mid()));
        UpdateExample e = new UpdateExample(new float[] {1}, new float[] {1}, null, null);
        assertNull(new Augmentation(s, 1).apply(e).weight());
        assertEquals(e, new Augmentation(s, 1).apply(e), "no augmentation: the example itself");
    }
}
