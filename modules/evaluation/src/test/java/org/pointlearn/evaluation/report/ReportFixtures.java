package org.pointlearn.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import org.pointlearn.evaluation.metrics.DiceCurve;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.inference.api.Click;

/** Hand-made runs for report tests. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** A run whose images start at the given Dice and gain the given step per click. */
    static PolicyRun run(String domain, String policy, double start, double step, int images) {
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            List<Double> dice = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                dice.add(Math.min(1.0, start + i * 0.01 + k * step));
            }
            results.add(new ImageResult("img-" + i, DiceCurve.of(dice, 20), List.of(new Click(1, 2, true))));
        }
        return new PolicyRun(domain, policy, results);
    }
}
