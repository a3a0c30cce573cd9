package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.evaluation.metrics.ClickMetrics;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;

/**
 * {@code summary.csv}: one row per domain and policy with the means over its images.
 * Columns: domain, policy, images (count), dice_at_k = mean Dice after k clicks (0..1, 4
 * decimals), noc85 / noc90 = mean number of clicks to reach Dice 0.85 / 0.90, 20 counted for
 * an image that never does (2 decimals), auc = mean normalised area under the Dice-vs-clicks
 * curve, i.e. mean Dice over clicks 1..20 (4 decimals); then Dice@1, Dice@5 and NoC@85 of the
 * first and of the last third of the image sequence (how a policy changes as it adapts).
 */
public final class SummaryCsv {

    /** The exact header line. */
    public static final String HEADER =
            "domain,policy,images,dice_at_1,dice_at_3,dice_at_5,dice_at_10,dice_at_20,noc85,noc90,auc,"
            + "dice_at_1_first,dice_at_1_last,dice_at_5_first,dice_at_5_last,noc85_first,noc85_last";

    private SummaryCsv() {
    }

    /**
     * Writes the header and one row per domain and policy, in the order of their first run. Runs of
     * the same domain and policy in several image orders are averaged column by column (each order
     * weighs the same).
     */
    public static void write(Path file, List<PolicyRun> runs) throws IOException {
        List<String> rows = new ArrayList<>();
        for (List<PolicyRun> group : PolicyRun.byDomainAndPolicy(runs)) {
            rows.add(row(group));
        }
        CsvText.write(file, HEADER, rows);
    }

    /** The row of the runs of one domain and policy: the mean of each column over the runs. */
    private static String row(List<PolicyRun> runs) {
        double[] sum = new double[ClickMetrics.REPORTED_CLICKS.length + 9];
        for (PolicyRun run : runs) {
            double[] v = values(run);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] / runs.size();
            }
        }
        PolicyRun first = runs.get(0);
        StringBuilder row = new StringBuilder();
        row.append(CsvText.text(first.domain())).append(',').append(CsvText.text(first.policy()))
                .append(',').append(first.images().size());
        int reported = ClickMetrics.REPORTED_CLICKS.length;
        for (int i = 0; i < sum.length; i++) {
            boolean clickCount = i == reported || i == reported + 1 || i >= reported + 7;
            row.append(',').append(CsvText.number(sum[i], clickCount ? 2 : 4));
        }
        return row.toString();
    }

    /** Dice@k for the reported k, NoC@85, NoC@90, AUC, then the thirds' Dice@1, Dice@5 and NoC@85. */
    private static double[] values(PolicyRun run) {
        PolicySummary all = run.summary();
        PolicySummary first = run.firstThird().summary();
        PolicySummary last = run.lastThird().summary();
        int[] ks = ClickMetrics.REPORTED_CLICKS;
        double[] v = new double[ks.length + 9];
        for (int i = 0; i < ks.length; i++) {
            v[i] = all.diceAt(ks[i]);
        }
        int i = ks.length;
        v[i++] = all.noc85();
        v[i++] = all.noc90();
        v[i++] = all.auc();
        v[i++] = first.diceAt(1);
        v[i++] = last.diceAt(1);
        v[i++] = first.diceAt(5);
        v[i++] = last.diceAt(5);
        v[i++] = first.noc85();
        v[i] = last.noc85();
        return v;
    }
}
