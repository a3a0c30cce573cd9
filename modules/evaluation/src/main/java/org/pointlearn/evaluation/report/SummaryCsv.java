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

    /** Writes the header and one row per run, in the given order. */
    public static void write(Path file, List<PolicyRun> runs) throws IOException {
        List<String> rows = new ArrayList<>();
        for (PolicyRun run : runs) {
            rows.add(row(run));
        }
        CsvText.write(file, HEADER, rows);
    }

    /** The row of one run. */
    static String row(PolicyRun run) {
        PolicySummary first = run.firstThird().summary();
        PolicySummary last = run.lastThird().summary();
        return means(run.summary())
                + ',' + CsvText.number(first.diceAt(1), 4) + ',' + CsvText.number(last.diceAt(1), 4)
                + ',' + CsvText.number(first.diceAt(5), 4) + ',' + CsvText.number(last.diceAt(5), 4)
                + ',' + CsvText.number(first.noc85(), 2) + ',' + CsvText.number(last.noc85(), 2);
    }

    private static String means(PolicySummary s) {
        StringBuilder row = new StringBuilder();
        row.append(CsvText.text(s.domain())).append(',').append(CsvText.text(s.policy()))
                .append(',').append(s.images());
        for (int k : ClickMetrics.REPORTED_CLICKS) {
            row.append(',').append(CsvText.number(s.diceAt(k), 4));
        }
        row.append(',').append(CsvText.number(s.noc85(), 2));
        row.append(',').append(CsvText.number(s.noc90(), 2));
        row.append(',').append(CsvText.number(s.auc(), 4));
        return row.toString();
    }
}
