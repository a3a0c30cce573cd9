package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * {@code postFirstClick}: the Post-Interaction steps also learn what the slice's first click should
 * have given, in the squares that click was looked at through, taking them in turn with the accepted
 * view. Whether that helps is measured on real slices (docs/adaptation.md), not on this toy model.
 */
class PostFirstClickTest {

    @Test
    void thePostStepsTakeTheFirstClickSquaresInTurnWithTheAcceptedView() throws Exception {
        AdaptationSettings off = Fixtures.strong().toBuilder().guardEnabled(false).postFirstClick(false).build();
        AdaptationSettings on = off.toBuilder().postFirstClick(true).build();
        Run without = run(off);
        Run with = run(on);
        for (int v = 1; v < with.versions().size(); v++) {
            List<Double> a = with.versions().get(v).losses();
            List<Double> b = without.versions().get(v).losses();
            assertEquals(b.size(), a.size(), "the same number of steps: the first-click views take turns, not extra steps");
        }
        // the first version: the mid steps and the first post step (the accepted view) are the same
        List<Double> a = with.versions().get(1).losses();
        List<Double> b = without.versions().get(1).losses();
        int mid = off.midSteps() * 2;
        assertEquals(b.subList(0, mid + 1), a.subList(0, mid + 1));
        assertNotEquals(b.get(mid + 1), a.get(mid + 1), "the second post step learns from the first click's square");
        // steps 1, 2, 3: near square, wide square, the accepted view again (the same example as step 0)
        assertNotEquals(b.get(mid + 2), a.get(mid + 2), "the third post step learns from the wide square");
        assertTrue(Double.isFinite(with.error()) && with.error() < 0.5, "one click on a new slice's disk still segments it: "
                + with.error());
    }

    @Test
    void theMethodLearnsTheFirstClickAndThePapersSettingsDoNot() {
        assertTrue(AdaptationSettings.defaults().postFirstClick());
        assertEquals(false, AdaptationSettings.paper().postFirstClick(), "the paper has no such views");
    }

    private record Run(List<ModelVersion> versions, double error) {
    }

    private static Run run(AdaptationSettings settings) throws Exception {
        Fixtures.engine().setRandomSeed(11);
        ModelCard card = Fixtures.smallCard().toBuilder()
                .focus(ModelCard.Focus.ZOOM.withFirstSide(0.3).withWideSide(0.6)).build();
        try (SegmentationModel model = SegmentationModel.create(card, Device.cpu());
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD, settings,
                     VersionStore.inMemory(8))) {
            for (int k = 0; k < 4; k++) {
                AdaptationSessionTest.learnKept(s, 30 + 4 * k, 30 + 2 * k, 10 + k, 60 + k);
            }
            Image2D next = Fixtures.disk(44, 38, 12, 99);
            s.start(next, "next");
            float[] p = s.click(new Click(44, 38, true), x -> { }, () -> true).probability();
            return new Run(s.versions(), Fixtures.error(p, Fixtures.diskMask(44, 38, 12)));
        }
    }
}
