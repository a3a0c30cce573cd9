package org.pointlearn.evaluation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.evaluation.data.Dataset;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.protocol.ProtocolRunner;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * What one click gives under several ways of looking at it: for every image of each data folder
 * (its validation split when the model was trained on the folder's domain, else every image), the
 * simulated user's first click is predicted under each card setting, and the mean Dice@1 per folder
 * is tabulated, with a last row for the best setting per image (what a user who picks the mask
 * among them, say with S, would get); an image with an empty mask has nothing to point at and is
 * not counted:
 * <pre>
 * FirstClickCommand --model &lt;folder&gt; --data &lt;folder&gt;[,&lt;folder&gt;...] --cards '&lt;spec&gt;;&lt;spec&gt;...' [--out &lt;file.md&gt;]
 *     [--rows &lt;file.csv&gt;] [--split validation|train]
 * </pre>
 * {@code --rows} also writes one line per image and setting: the Dice and what the mask looks like
 * to the network (how sure it is, how much of its last square it fills, whether it was zoomed out),
 * the material to choose among settings by; {@code --split train} measures a trained domain's
 * training images instead of its validation split (to fit such a choice without looking at the
 * images it is judged on).
 * A spec is what {@code make eval}'s CARD takes (e.g. {@code focus.wideSide=0,focus.firstSide=0.35});
 * an empty one is the card as it is.
 */
public final class FirstClickCommand {

    private FirstClickCommand() {
    }

    /**
     * The mean Dice@1 per setting and folder, and of the best setting per image.
     *
     * @param settings the card specs, in the order given
     * @param folders the data folders' domain names, in the order given
     * @param dice [setting][folder] mean Dice@1; the last row is the best per image
     * @param images [folder] images measured
     * @param trained [folder] whether the model was trained on that domain (its validation split was used)
     */
    public record Table(List<String> settings, List<String> folders, double[][] dice, int[] images, boolean[] trained) {

        /** The table in Markdown, with the means over the trained and the never-trained folders. */
        public String markdown() {
            StringBuilder b = new StringBuilder("| first click looked at with | ");
            for (int f = 0; f < folders.size(); f++) {
                b.append(folders.get(f)).append(" (").append(images[f]).append(trained[f] ? ", validation" : "")
                        .append(") | ");
            }
            b.append("trained domains | never trained on |\n|---|");
            b.append("---|".repeat(folders.size() + 2)).append('\n');
            for (int s = 0; s < dice.length; s++) {
                String name = s < settings.size()
                        ? (settings.get(s).isBlank() ? "the card as it is" : "`" + settings.get(s) + "`")
                        : "the best of these per image";
                b.append("| ").append(name).append(" | ");
                for (double d : dice[s]) {
                    b.append(String.format(Locale.ROOT, "%.3f | ", d));
                }
                b.append(mean(dice[s], true)).append(" | ").append(mean(dice[s], false)).append(" |\n");
            }
            return b.toString();
        }

        private String mean(double[] row, boolean ofTrained) {
            double sum = 0;
            int n = 0;
            for (int f = 0; f < row.length; f++) {
                if (trained[f] == ofTrained) {
                    sum += row[f];
                    n++;
                }
            }
            return n == 0 ? "" : String.format(Locale.ROOT, "%.3f", sum / n);
        }
    }

    /**
     * Runs the command.
     *
     * @param args see the class comment
     * @throws Exception when the data, the model or the output cannot be used (in words)
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> kv;
        List<String> specs;
        try {
            kv = Arguments.parse(args, Set.of("data", "model", "cards"));
            if (!Set.of("validation", "train").contains(kv.getOrDefault("split", "validation"))) {
                throw new IllegalArgumentException("--split is validation or train, not " + kv.get("split"));
            }
            specs = List.of(kv.get("cards").split(";", -1));
            specs.forEach(CardOverrides::check);
        } catch (IllegalArgumentException e) {
            System.err.println("first-click: " + e.getMessage());
            System.err.println("usage: first-click --model <model folder> --data <folder>[,<folder>...]"
                    + " --cards '<card spec>;<card spec>...' [--out <file.md>] [--rows <file.csv>] [--split validation|train]");
            System.exit(2);
            return;
        }
        List<Dataset> data = new ArrayList<>();
        for (String folder : kv.get("data").split(",")) {
            data.add(new DatasetReader().read(Path.of(folder)));
        }
        ComputeDevice device = ComputeDevice.choose(DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl")));
        StringBuilder rows = new StringBuilder(
                "domain,id,trained,setting,dice,certainty,fill,side,passes,uncertain,area\n");
        Table table = measure(Path.of(kv.get("model")), device, data, specs,
                "train".equals(kv.get("split")), rows);
        if (kv.containsKey("rows")) {
            Files.writeString(Path.of(kv.get("rows")), rows);
        }
        System.out.print(table.markdown());
        if (kv.containsKey("out")) {
            Files.writeString(Path.of(kv.get("out")), table.markdown());
        }
    }

    /** Measures the first click on every data set under every card spec. */
    static Table measure(Path modelFolder, ComputeDevice device, List<Dataset> data, List<String> specs)
            throws Exception {
        return measure(modelFolder, device, data, specs, false, new StringBuilder());
    }

    /**
     * The same, on the training images of trained domains when {@code train}, with a CSV line per
     * image and setting appended to {@code rows}.
     */
    static Table measure(Path modelFolder, ComputeDevice device, List<Dataset> data, List<String> specs, boolean train,
            StringBuilder rows) throws Exception {
        List<SegmentationModel> models = new ArrayList<>();
        try {
            for (String spec : specs) {
                models.add(CardOverrides.load(modelFolder, device.device(), spec));
            }
            List<Predictor> predictors = models.stream().map(Predictor::new).toList();
            SimulatedUser user = new SimulatedUser();
            double[][] dice = new double[specs.size() + 1][data.size()];
            int[] images = new int[data.size()];
            boolean[] trained = new boolean[data.size()];
            for (int f = 0; f < data.size(); f++) {
                Dataset ds = data.get(f);
                Set<String> validation = splitIds(ds, models.get(0), "validationIds");
                Set<String> training = splitIds(ds, models.get(0), "trainIds");
                trained[f] = !validation.isEmpty();
                Set<String> measured = train ? training : validation;
                List<Sample> samples = trained[f]
                        ? ds.samples().stream().filter(s -> measured.contains(ds.domain() + "/" + s.id())).toList()
                        : ds.samples();
                int channels = models.get(0).card().imageChannels();
                for (Sample raw : samples) {
                    Sample s = raw.withChannels(channels);
                    int w = s.image().width();
                    int h = s.image().height();
                    Optional<Click> first = user.nextClick(s.mask(), Mask2D.empty(w, h), List.of());
                    if (first.isEmpty()) {
                        continue; // nothing to point at (an empty mask): not counted
                    }
                    Click click = first.get();
                    // the card specs change how the image is looked at, not its normalisation
                    InputEncoder.PreparedImage prepared = models.get(0).encoder().prepareImage(s.image());
                    double best = 0;
                    for (int k = 0; k < predictors.size(); k++) {
                        Predictor.Focused focused = predictors.get(k).predict(prepared, List.of(click), null);
                        float[] p = focused.probability();
                        double d = Mask2D.threshold(p, w, h, ProtocolRunner.THRESHOLD).dice(s.mask());
                        rows.append(row(ds.domain(), s.id(), trained[f], k, d, focused, w, h));
                        dice[k][f] += d;
                        best = Math.max(best, d);
                    }
                    dice[specs.size()][f] += best;
                    images[f]++;
                }
                for (double[] row : dice) {
                    row[f] /= Math.max(1, images[f]);
                }
                System.err.printf("%s: %d images%n", ds.domain(), images[f]);
            }
            return new Table(specs, data.stream().map(Dataset::domain).toList(), dice, images, trained);
        } finally {
            for (SegmentationModel m : models) {
                m.close();
            }
        }
    }

    /**
     * One CSV line: what the network's mask of a first click looks like. certainty: mean 2p - 1 over
     * the mask; fill: the mask's share of the last square looked at; side: that square's side over
     * the slice's longer side; passes: views run (more than one: zoomed out); uncertain: pixels with
     * 0.3 <= p < 0.7 per mask pixel; area: the mask's share of the slice.
     */
    private static String row(String domain, String id, boolean trained, int setting, double dice,
            Predictor.Focused f, int w, int h) {
        float[] p = f.probability();
        double sum = 0;
        int mask = 0;
        int unsure = 0;
        for (float v : p) {
            if (v >= 0.5f) {
                sum += 2 * v - 1;
                mask++;
            }
            if (v >= 0.3f && v < 0.7f) {
                unsure++;
            }
        }
        var r = f.view().region();
        double squareArea = Predictor.squareArea(r, w, h);
        return String.format(Locale.ROOT, "%s,%s,%b,%d,%.4f,%.4f,%.4f,%.4f,%d,%.4f,%.5f%n", domain, id.replace(',', '_'),
                trained, setting, dice, mask == 0 ? 0 : sum / mask, mask / squareArea,
                Math.max(r.width(), r.height()) / Math.max(w, h), f.passes(), mask == 0 ? 0 : (double) unsure / mask,
                (double) mask / ((double) w * h));
    }

    /** The ids ("domain/id") of the domain's images the model's card lists under that key (a split). */
    private static Set<String> splitIds(Dataset ds, SegmentationModel model, String key) {
        Set<String> out = new HashSet<>();
        if (model.card().training().get(key) instanceof List<?> list) {
            for (Object id : list) {
                if (String.valueOf(id).startsWith(ds.domain() + "/")) {
                    out.add(String.valueOf(id));
                }
            }
        }
        return out;
    }
}
