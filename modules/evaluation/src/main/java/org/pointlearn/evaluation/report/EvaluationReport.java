package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;

/** Writes the three report files of an evaluation: summary.csv, per_image.csv and dice_vs_clicks.png. */
public final class EvaluationReport {

    /** File name of the per-policy means. */
    public static final String SUMMARY = "summary.csv";
    /** File name of the per-image results. */
    public static final String PER_IMAGE = "per_image.csv";
    /** File name of the chart. */
    public static final String PLOT = "dice_vs_clicks.png";

    private EvaluationReport() {
    }

    /** Writes the report of the runs into the folder, creating it if needed. */
    public static void write(Path folder, List<PolicyRun> runs) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no policy run to report");
        }
        List<PolicySummary> summaries = runs.stream().map(PolicyRun::summary).toList();
        SummaryCsv.write(folder.resolve(SUMMARY), runs);
        PerImageCsv.write(folder.resolve(PER_IMAGE), runs);
        String domains = summaries.stream().map(PolicySummary::domain).distinct().collect(Collectors.joining(", "));
        new DiceVsClicksPlot("Mean Dice vs number of clicks: " + domains, summaries).write(folder.resolve(PLOT));
    }
}
