package org.pointlearn.evaluation.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Mean Dice after 1, 3 and 5 simulated clicks on the validation images, on their own grid:
 * the quick measure that picks the best epoch.
 */
record ValidationScore(double diceAt1, double diceAt3, double diceAt5, int images, Map<String, ValidationScore> byDomain) {

    /**
     * Per domain, and their mean (each domain counts the same, whatever its number of images).
     */
    static ValidationScore measure(SegmentationModel model, TrainingData data, SimulatedUser user) {
        Map<String, ValidationScore> per = new LinkedHashMap<>();
        for (TrainingData.Domain d : data.domains()) {
            per.put(d.name(), measure(model, d.validation(), user));
        }
        if (per.size() == 1) {
            return per.values().iterator().next();
        }
        double[] mean = new double[3];
        int images = 0;
        for (ValidationScore v : per.values()) {
            mean[0] += v.diceAt1() / per.size();
            mean[1] += v.diceAt3() / per.size();
            mean[2] += v.diceAt5() / per.size();
            images += v.images();
        }
        return new ValidationScore(mean[0], mean[1], mean[2], images, per);
    }

    /** The per-domain Dice@3, one line. */
    String byDomainText() {
        StringBuilder b = new StringBuilder();
        byDomain.forEach((d, v) -> b.append(String.format(java.util.Locale.ROOT, "%s %.3f  ", d, v.diceAt3())));
        return b.toString().trim();
    }

    static ValidationScore measure(SegmentationModel model, List<Sample> validation, SimulatedUser user) {
        Predictor predictor = new Predictor(model);
        double[] sum = new double[6];
        for (Sample s : validation) {
            InputEncoder.PreparedImage img = model.encoder().prepareImage(s.image());
            List<Click> clicks = new ArrayList<>();
            float[] prob = null;
            Mask2D pred = Mask2D.empty(s.mask().width(), s.mask().height());
            for (int k = 1; k <= 5; k++) {
                var next = user.nextClick(s.mask(), pred, clicks);
                if (next.isPresent()) {
                    clicks.add(next.get());
                    prob = predictor.predict(img, clicks, prob).probability();
                    pred = Mask2D.threshold(prob, s.mask().width(), s.mask().height(), 0.5f);
                }
                sum[k] += pred.dice(s.mask());
            }
        }
        int n = Math.max(1, validation.size());
        return new ValidationScore(sum[1] / n, sum[3] / n, sum[5] / n, validation.size(), Map.of());
    }

    /** The card with these scores as its validation metrics. */
    ModelCard writeInto(ModelCard card) {
        ModelCard.Builder b = card.toBuilder()
                .metric("validationImages", images)
                .metric("validationDiceAt1", round(diceAt1))
                .metric("validationDiceAt3", round(diceAt3))
                .metric("validationDiceAt5", round(diceAt5));
        if (!byDomain.isEmpty()) {
            Map<String, Object> per = new LinkedHashMap<>();
            byDomain.forEach((d, v) -> per.put(d, Map.of("images", v.images(), "diceAt1", round(v.diceAt1()),
                    "diceAt3", round(v.diceAt3()), "diceAt5", round(v.diceAt5()))));
            b.metric("validationByDomain", per);
        }
        return b.build();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
