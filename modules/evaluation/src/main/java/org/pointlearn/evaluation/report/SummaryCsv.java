package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.evaluation.metrics.ClickMetrics;
import org.pointlearn.evaluation.metrics.PolicySummary;

/**
 * {@code summary.csv}: one row per domain and policy with the means over its images.
 * Columns: domain, policy, images (count), dice_at_k = mean Dice after k clicks (0..1, 4
 * decimals), noc85 / noc90 = mean number of clicks to reach Dice 0.85 / 0.90, 20 counted for
 * an image that never does (2 decimals), auc = mean normalised area under the Dice-vs-clicks
 * curve, i.e. mean Dice over clicks 1..20 (4 decimals).
 */
public final class SummaryCsv {

    /** The exact header line. */
    public static final String HEADER =
            "domain,policy,images,dice_at_1,dice_at_3,dice_at_5,dice_at_10,dice_at_20,noc85,noc90,auc";

    private SummaryCsv() {
    }

    /** Writes the header and one row per summary, in the given order. */
    public static void write(Path file, List<PolicySummary> summaries) throws IOException {
        List<String> rows = new ArrayList<>();
        for (PolicySummary s : summaries) {
            rows.add(row(s));
        }
        CsvText.write(file, HEADER, rows);
    }

    /** The row of one summary. */
    static String row(PolicySummary s) {
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
