package org.pointlearn.evaluation.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pointlearn.evaluation.metrics.PolicySummary;

/**
 * The Dice-vs-clicks chart: mean Dice after 1..N clicks, one line per policy (labelled
 * "domain / policy" when several domains are drawn), with axes, ticks, grid, legend and title.
 */
public final class DiceVsClicksPlot {

    private final LineChart chart;

    /** A chart of the given summaries, which must all cover the same number of clicks. */
    public DiceVsClicksPlot(String title, List<PolicySummary> summaries) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no policy summary");
        }
        int clicks = summaries.get(0).clicks();
        for (PolicySummary s : summaries) {
            if (s.clicks() != clicks) {
                throw new IllegalArgumentException("cannot plot curves of " + clicks + " and " + s.clicks()
                        + " clicks together (" + s.domain() + " / " + s.policy() + ")");
            }
        }
        boolean oneDomain = summaries.stream().map(PolicySummary::domain).distinct().count() == 1;
        List<LineChart.Series> lines = summaries.stream().map(s -> {
            double[] y = new double[clicks];
            for (int k = 1; k <= clicks; k++) {
                y[k - 1] = s.diceAt(k);
            }
            String label = (oneDomain ? s.policy() : s.domain() + " / " + s.policy()) + " (n=" + s.images() + ")";
            return new LineChart.Series(label, y);
        }).toList();
        this.chart = new LineChart(title, "Number of clicks", "Mean Dice", lines);
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
