package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.evaluation.metrics.ClickMetrics;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;

/**
 * {@code per_image.csv}: one row per image of each policy run, in processing order. Columns:
 * domain, policy, image (sample id), dice_at_1, dice_at_3, dice_at_5, dice_at_10, dice_at_20
 * (Dice after k clicks, 0..1, 4 decimals), noc85, noc90 (clicks to reach Dice 0.85 / 0.90, 20
 * when never), auc (mean Dice over clicks 1..20, 4 decimals), dice_k1 .. dice_k20 (the whole
 * Dice-vs-clicks curve; after an early stop the last value repeats), clicks_used (clicks the
 * simulated user actually made), position (1-based place of the image in the sequence), order
 * (0 for the fixed file-name order, 1.. for the seeded random orders of {@code --orders}).
 */
public final class PerImageCsv {

    private PerImageCsv() {
    }

    /** The header line for curves of the given length. */
    public static String header(int clicks) {
        StringBuilder h = new StringBuilder("domain,policy,image");
        for (int k : ClickMetrics.REPORTED_CLICKS) {
            h.append(",dice_at_").append(k);
        }
        h.append(",noc85,noc90,auc");
        for (int k = 1; k <= clicks; k++) {
            h.append(",dice_k").append(k);
        }
        return h.append(",clicks_used,position,order").toString();
    }

    /** Writes the header and every image of every run; all curves must have the same length. */
    public static void write(Path file, List<PolicyRun> runs) throws IOException {
        int clicks = runs.stream().flatMap(r -> r.images().stream()).mapToInt(i -> i.curve().length())
                .max().orElse(ClickMetrics.MAX_CLICKS);
        List<String> rows = new ArrayList<>();
        for (PolicyRun run : runs) {
            for (int p = 0; p < run.images().size(); p++) {
                rows.add(row(run, run.images().get(p), p + 1, clicks));
            }
        }
        CsvText.write(file, header(clicks), rows);
    }

    private static String row(PolicyRun run, ImageResult image, int position, int clicks) {
        if (image.curve().length() != clicks) {
            throw new IllegalArgumentException("image " + image.image() + " of " + run.policy() + " has "
                    + image.curve().length() + " clicks, others " + clicks);
        }
        StringBuilder row = new StringBuilder();
        row.append(CsvText.text(run.domain())).append(',').append(CsvText.text(run.policy()))
                .append(',').append(CsvText.text(image.image()));
        for (int k : ClickMetrics.REPORTED_CLICKS) {
            row.append(',').append(CsvText.number(image.diceAt(k), 4));
        }
        row.append(',').append(image.noc85()).append(',').append(image.noc90());
        row.append(',').append(CsvText.number(image.auc(), 4));
        for (int k = 1; k <= clicks; k++) {
            row.append(',').append(CsvText.number(image.diceAt(k), 4));
        }
        return row.append(',').append(image.clicks().size()).append(',').append(position)
                .append(',').append(run.order()).toString();
    }
}
