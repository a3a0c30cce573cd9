package org.pointlearn.evaluation.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.evaluation.metrics.PolicyRun;

/**
 * The learning curve over the image sequence: for each policy, Dice after k clicks of the
 * image at position 1..n of the sequence, as a trailing mean over the last {@code window}
 * images (fewer at the start) and, with several image orders, the mean over the orders. A
 * policy that learns rises along the sequence; the frozen model stays level (up to how hard
 * the images are).
 */
public final class LearningCurvePlot {

    /** The number of clicks whose Dice is drawn. */
    public static final int CLICKS = 5;
    /** Images in the trailing mean. */
    public static final int WINDOW = 5;

    private final LineChart chart;

    /**
     * @param title above the chart
     * @param runs policy runs of one domain (several orders of a policy are averaged); all of the same length
     */
    public LearningCurvePlot(String title, List<PolicyRun> runs) {
        List<LineChart.Series> lines = new ArrayList<>();
        for (List<PolicyRun> orders : PolicyRun.byDomainAndPolicy(runs)) {
            lines.add(new LineChart.Series(orders.get(0).policy()
                    + (orders.size() > 1 ? " (" + orders.size() + " orders)" : ""), curve(orders)));
        }
        this.chart = new LineChart(title, "Position of the image in the sequence",
                "Dice@" + CLICKS + ", mean of the last " + WINDOW + " images", lines);
    }

    /** The trailing-mean Dice@k at each position, averaged over the runs (orders). */
    static double[] curve(List<PolicyRun> orders) {
        int n = orders.get(0).images().size();
        double[] mean = new double[n];
        for (PolicyRun run : orders) {
            if (run.images().size() != n) {
                throw new IllegalArgumentException("orders of " + run.policy() + " have " + n + " and "
                        + run.images().size() + " images");
            }
            for (int p = 0; p < n; p++) {
                int from = Math.max(0, p - WINDOW + 1);
                double sum = 0;
                for (int q = from; q <= p; q++) {
                    sum += run.images().get(q).diceAt(CLICKS);
                }
                mean[p] += sum / (p - from + 1) / orders.size();
            }
        }
        return mean;
    }

    /** Writes the chart as a PNG file, creating parent folders. */
    public void write(Path png) throws IOException {
        chart.write(png);
    }

    /** Draws the chart. */
    public BufferedImage render() {
        return chart.render();
    }
}
