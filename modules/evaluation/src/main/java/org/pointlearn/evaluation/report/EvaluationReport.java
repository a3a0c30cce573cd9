package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;

/**
 * Writes the report files of an evaluation: summary.csv, per_image.csv, dice_vs_clicks.png,
 * learning_curve.png and, when a forgetting check ran, forgetting.csv.
 */
public final class EvaluationReport {

    /** File name of the per-policy means. */
    public static final String SUMMARY = "summary.csv";
    /** File name of the per-image results. */
    public static final String PER_IMAGE = "per_image.csv";
    /** File name of the chart. */
    public static final String PLOT = "dice_vs_clicks.png";
    /** File name of the learning curve over the sequence. */
    public static final String LEARNING_CURVE = "learning_curve.png";
    /** File name of the forgetting check. */
    public static final String FORGETTING = "forgetting.csv";

    private EvaluationReport() {
    }

    /** Writes the report of the runs (any number of orders per policy) into the folder, creating it if needed. */
    public static void write(Path folder, List<PolicyRun> runs) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no policy run to report");
        }
        SummaryCsv.write(folder.resolve(SUMMARY), runs);
        PerImageCsv.write(folder.resolve(PER_IMAGE), runs);
        List<PolicySummary> pooled = pooled(runs);
        String domains = pooled.stream().map(PolicySummary::domain).distinct().collect(Collectors.joining(", "));
        new DiceVsClicksPlot("Mean Dice vs number of clicks: " + domains, pooled).write(folder.resolve(PLOT));
        if (pooled.stream().map(PolicySummary::domain).distinct().count() == 1) {
            new LearningCurvePlot("Along the sequence: " + domains, runs).write(folder.resolve(LEARNING_CURVE));
        }
    }

    /** Writes forgetting.csv into the folder. */
    public static void writeForgetting(Path folder, List<ForgettingCsv.Check> checks) throws IOException {
        ForgettingCsv.write(folder.resolve(FORGETTING), checks);
    }

    /** One summary per domain and policy over the images of all its orders. */
    private static List<PolicySummary> pooled(List<PolicyRun> runs) {
        List<PolicySummary> out = new ArrayList<>();
        for (List<PolicyRun> group : PolicyRun.byDomainAndPolicy(runs)) {
            List<ImageResult> images = group.stream().flatMap(r -> r.images().stream()).toList();
            out.add(PolicySummary.of(group.get(0).domain(), group.get(0).policy(), images));
        }
        return out;
    }
}
