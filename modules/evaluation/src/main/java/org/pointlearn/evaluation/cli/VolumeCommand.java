package org.pointlearn.evaluation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.evaluation.data.AtlasStructures;
import org.pointlearn.evaluation.policy.SessionPolicy;
import org.pointlearn.evaluation.protocol.VolumeRunner;
import org.pointlearn.evaluation.report.CsvText;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * The volume protocol: the simulated user annotates atlas structures of a brain slice by slice
 * (VolumeRunner), for every combination of adaptation policy and propagation asked for, one
 * session per combination going through the structures in order as a user's working day would.
 * Writes per_slice.csv and volume.csv and prints the totals: the clicks it took to bring every
 * slice of every structure to the target Dice. With propagation {@code mask} and the frozen or
 * the method's policy the simulated user drives the workstation's own {@link InteractiveSession}
 * (its proposals, its accepts, its learning); the other combinations drive the engine's session.
 *
 * <pre>VolumeCommand --image ch2.nii.gz --labels aal.nii.gz --names aal.nii.txt --select Caudate,Thalamus
 *     --model models/mri-general --out runs/volume [--policy frozen,method] [--propagation none,seed]
 *     [--target 0.85] [--clicks 20] [--min-area 20] [--card focus.policy=zoom,...]</pre>
 */
public final class VolumeCommand {

    private VolumeCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> kv;
        List<AdaptationPolicy> policies = new ArrayList<>();
        List<VolumeRunner.Propagation> propagations = new ArrayList<>();
        try {
            kv = Arguments.parse(args, Set.of("image", "labels", "names", "select", "model", "out"));
            for (String p : kv.getOrDefault("policy", "frozen").split(",")) {
                policies.add(AdaptationPolicy.named(p.trim()));
            }
            for (String p : kv.getOrDefault("propagation", "none,mask,seed,seed-only").split(",")) {
                propagations.add(VolumeRunner.Propagation.of(p));
            }
            CardOverrides.check(kv.getOrDefault("card", ""));
        } catch (IllegalArgumentException e) {
            System.err.println("volume: " + e.getMessage());
            System.err.println("usage: VolumeCommand --image <nifti> --labels <nifti> --names <label list> --select Name,..."
                    + " --model <model folder> --out <folder> [--policy frozen,method] [--propagation none,mask,seed,seed-only]"
                    + " [--target 0.85] [--clicks 20] [--min-area 20] [--card name=value,...]");
            System.exit(2);
            return;
        }
        ComputeDevice device = ComputeDevice.choose(DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"),
                "pointlearn-djl")));
        System.out.println("device: " + device);
        double target = Double.parseDouble(kv.getOrDefault("target", "0.85"));
        int budget = Integer.parseInt(kv.getOrDefault("clicks", "20"));
        int minArea = Integer.parseInt(kv.getOrDefault("min-area", "20"));
        AtlasStructures atlas = AtlasStructures.read(Path.of(kv.get("image")), Path.of(kv.get("labels")),
                Path.of(kv.get("names")), List.of(kv.get("select").split(",")));
        Path out = Path.of(kv.get("out"));
        Files.createDirectories(out);
        List<String> perSlice = new ArrayList<>();
        List<String> perStructure = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (AdaptationPolicy policy : policies) {
            for (VolumeRunner.Propagation propagation : propagations) {
                long t0 = System.nanoTime();
                int clicks = 0;
                int slices = 0;
                int below = 0;
                double diceSum = 0;
                // The workstation's own session where it can: its proposals are the mask propagation,
                // its learning the method (or none); other policies and propagations go to the engine.
                boolean workstation = propagation == VolumeRunner.Propagation.MASK
                        && (policy == AdaptationPolicy.FROZEN || policy == AdaptationPolicy.METHOD);
                try (SegmentationModel model = CardOverrides.load(Path.of(kv.get("model")), device.device(),
                        kv.getOrDefault("card", ""));
                     SessionPolicy segmenter = workstation ? null
                             : new SessionPolicy(model, policy, policy.defaultSettings(model.card()));
                     InteractiveSession session = workstation
                             ? VolumeRunner.session(model, policy == AdaptationPolicy.METHOD) : null) {
                    VolumeRunner runner = new VolumeRunner(target, budget, propagation);
                    for (Map.Entry<Integer, String> s : atlas.chosen().entrySet()) {
                        List<VolumeRunner.Slice> structure = new ArrayList<>();
                        for (int k : atlas.slicesOf(s.getKey(), minArea)) {
                            structure.add(new VolumeRunner.Slice(k, atlas.slice(k), atlas.mask(s.getKey(), k)));
                        }
                        List<VolumeRunner.SliceResult> results = session != null
                                ? runner.run(structure, session, SeriesKey.inMemory("atlas " + s.getValue()), atlas.image())
                                : runner.run(structure, segmenter);
                        int c = 0;
                        int b = 0;
                        double d = 0;
                        double proposal = 0;
                        for (int order = 0; order < results.size(); order++) {
                            VolumeRunner.SliceResult r = results.get(order);
                            perSlice.add(String.join(",", policy.name(), propagation.label(), s.getValue(),
                                    Integer.toString(order), Integer.toString(r.index()), Integer.toString(r.area()),
                                    CsvText.number(r.proposalDice(), 4), Integer.toString(r.clicks()),
                                    CsvText.number(r.dice(), 4)));
                            c += r.clicks();
                            b += r.dice() < target ? 1 : 0;
                            d += r.dice();
                            proposal += r.proposalDice();
                        }
                        int n = Math.max(1, results.size());
                        perStructure.add(String.join(",", policy.name(), propagation.label(), s.getValue(),
                                Integer.toString(results.size()), Integer.toString(c), CsvText.number(d / n, 4),
                                CsvText.number(proposal / n, 4), Integer.toString(b)));
                        System.out.printf(Locale.ROOT, "%s %s %s: %d slices, %d clicks, mean Dice %.3f, proposals %.3f,"
                                + " %d below %.2f%n", policy.name(), propagation.label(), s.getValue(), results.size(), c,
                                d / n, proposal / n, b, target);
                        clicks += c;
                        slices += results.size();
                        below += b;
                        diceSum += d;
                    }
                }
                String line = String.format(Locale.ROOT, "%s %s: %d structures, %d slices, %d clicks (%.2f a slice),"
                        + " mean Dice %.3f, %d slices below %.2f  (%.0f s)", policy.name(), propagation.label(),
                        atlas.chosen().size(), slices, clicks, clicks / (double) Math.max(1, slices),
                        diceSum / Math.max(1, slices), below, target, (System.nanoTime() - t0) / 1e9);
                System.out.println(line);
                totals.add(String.join(",", policy.name(), propagation.label(), Integer.toString(atlas.chosen().size()),
                        Integer.toString(slices), Integer.toString(clicks),
                        CsvText.number(clicks / (double) Math.max(1, slices), 3),
                        CsvText.number(diceSum / Math.max(1, slices), 4), Integer.toString(below)));
            }
        }
        CsvText.write(out.resolve("per_slice.csv"),
                "policy,propagation,structure,order,slice,area,proposal_dice,clicks,dice", perSlice);
        CsvText.write(out.resolve("volume.csv"),
                "policy,propagation,structure,slices,clicks,mean_dice,mean_proposal_dice,below_target", perStructure);
        CsvText.write(out.resolve("totals.csv"),
                "policy,propagation,structures,slices,clicks,clicks_per_slice,mean_dice,below_target", totals);
        System.out.println("written: " + out.resolve("totals.csv"));
    }
}
