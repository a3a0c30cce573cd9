package org.pointlearn.evaluation.training;

import java.util.ArrayList;
import java.util.List;
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
record ValidationScore(double diceAt1, double diceAt3, double diceAt5, int images) {

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
        return new ValidationScore(sum[1] / n, sum[3] / n, sum[5] / n, validation.size());
    }

    void writeInto(ModelCard card) {
        card.metrics.put("validationImages", images);
        card.metrics.put("validationDiceAt1", round(diceAt1));
        card.metrics.put("validationDiceAt3", round(diceAt3));
        card.metrics.put("validationDiceAt5", round(diceAt5));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
