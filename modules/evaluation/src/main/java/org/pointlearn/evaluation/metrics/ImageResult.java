package org.pointlearn.evaluation.metrics;

import java.util.List;
import org.pointlearn.inference.api.Click;

/**
 * What the protocol measured on one image.
 *
 * @param image the sample id
 * @param curve Dice after each click count
 * @param clicks the clicks the simulated user made, in order (fewer than the budget when it stopped early)
 */
public record ImageResult(String image, DiceCurve curve, List<Click> clicks) {

    /** Makes the click list unmodifiable. */
    public ImageResult {
        clicks = List.copyOf(clicks);
    }

    /** Dice after k clicks. */
    public double diceAt(int k) {
        return curve.diceAt(k);
    }

    /** Clicks to reach Dice 0.85 (the click budget when never). */
    public int noc85() {
        return curve.clicksToReach(ClickMetrics.NOC85);
    }

    /** Clicks to reach Dice 0.90 (the click budget when never). */
    public int noc90() {
        return curve.clicksToReach(ClickMetrics.NOC90);
    }

    /** Normalised area under the Dice-vs-clicks curve. */
    public double auc() {
        return curve.area();
    }
}
