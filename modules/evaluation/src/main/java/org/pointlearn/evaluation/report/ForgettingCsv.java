package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.evaluation.metrics.PolicySummary;

/**
 * {@code forgetting.csv}: what adapting to the target sequence did to the model on its source
 * domain. One row per policy: the source domain, the policy, the source images measured, then
 * Dice@1, Dice@3, Dice@5 (0..1, 4 decimals) and NoC@85 (2 decimals) of the model before the
 * sequence (the shipped model, frozen) and after it (the adapted model, frozen while measured),
 * and {@code dice_at_5_drop} = before - after (positive: the model forgot). With several image
 * orders, "after" is the mean over the orders.
 */
public final class ForgettingCsv {

    /** The exact header line. */
    public static final String HEADER = "source,policy,images,dice_at_1_before,dice_at_1_after,"
            + "dice_at_3_before,dice_at_3_after,dice_at_5_before,dice_at_5_after,noc85_before,noc85_after,dice_at_5_drop";

    /**
     * One policy's check.
     *
     * @param policy the policy that adapted the model
     * @param before the shipped model on the source images
     * @param after the adapted model on the same images, one summary per image order
     */
    public record Check(String policy, PolicySummary before, List<PolicySummary> after) {

        /** Copies the list; at least one order. */
        public Check {
            after = List.copyOf(after);
            if (after.isEmpty()) {
                throw new IllegalArgumentException("no run after adaptation for " + policy);
            }
        }

        /** Mean Dice after k clicks of the adapted models. */
        public double afterDiceAt(int k) {
            return after.stream().mapToDouble(s -> s.diceAt(k)).average().orElseThrow();
        }

        /** Mean NoC@85 of the adapted models. */
        public double afterNoc85() {
            return after.stream().mapToDouble(PolicySummary::noc85).average().orElseThrow();
        }
    }

    private ForgettingCsv() {
    }

    /** Writes the header and one row per check. */
    public static void write(Path file, List<Check> checks) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Check c : checks) {
            StringBuilder row = new StringBuilder();
            row.append(CsvText.text(c.before().domain())).append(',').append(CsvText.text(c.policy()))
                    .append(',').append(c.before().images());
            for (int k : new int[] {1, 3, 5}) {
                row.append(',').append(CsvText.number(c.before().diceAt(k), 4))
                        .append(',').append(CsvText.number(c.afterDiceAt(k), 4));
            }
            row.append(',').append(CsvText.number(c.before().noc85(), 2))
                    .append(',').append(CsvText.number(c.afterNoc85(), 2))
                    .append(',').append(CsvText.number(c.before().diceAt(5) - c.afterDiceAt(5), 4));
            rows.add(row.toString());
        }
        CsvText.write(file, HEADER, rows);
    }
}
