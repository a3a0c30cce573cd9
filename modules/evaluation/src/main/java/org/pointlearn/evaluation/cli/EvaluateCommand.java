package org.pointlearn.evaluation.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.evaluation.data.Dataset;
import org.pointlearn.evaluation.data.DatasetException;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;
import org.pointlearn.evaluation.policy.PolicySegmenter;
import org.pointlearn.evaluation.policy.SessionPolicy;
import org.pointlearn.evaluation.protocol.ProtocolRunner;
import org.pointlearn.evaluation.protocol.SampleOrder;
import org.pointlearn.evaluation.protocol.SegmentationException;
import org.pointlearn.evaluation.report.EvaluationReport;
import org.pointlearn.evaluation.report.ForgettingCsv;
import org.pointlearn.evaluation.report.RunParts;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Command line: runs the evaluation protocol (method.md) of a model on a dataset folder.
 * <pre>
 * EvaluateCommand --data &lt;domain&gt; --model &lt;model folder&gt; --out &lt;folder&gt;
 *     [--policy frozen|post|mid|post+mid|method|nogauss|tent|iasa|all|a,b,...]
 *     [--subset all|validation] [--orders N] [--source &lt;source domain folder&gt;[,...]]
 *     [--set name=value,name=value]
 * </pre>
 * Every policy starts from the model as shipped and adapts along the images: in file-name
 * order, and with {@code --orders N} also in N-1 seeded random orders (the summary is the mean
 * over the orders). {@code --source} adds the forgetting check: the source domain's validation
 * images (the model card's split), measured with the shipped model and again with each adapted
 * model; for a model trained on several domains, all of them (comma-separated), reported as the
 * mean of the domains. {@code --set} changes adaptation settings by name (AdaptationSettings).
 * {@code --press-s true}: the simulated user also presses S (the other first-click squares' masks, in
 * turn) and keeps the closest; key presses are not clicks. Writes
 * summary.csv, per_image.csv, dice_vs_clicks.png, learning_curve.png and forgetting.csv.
 * Each policy's run in each image order is kept in the output folder as it finishes
 * ({@link RunParts}); {@code --resume true} goes on where a stopped run with the same arguments
 * stopped (its finished parts are read back, not run again), so a long evaluation can take
 * several sittings; without it the kept parts are removed first.
 */
public final class EvaluateCommand {

    /** Every policy, in the order of the report. */
    /** Every policy `--policy all` runs (post+mid is the method, run once). */
    public static final List<String> POLICIES = List.of("frozen", "post", "mid", "post+mid", "method", "nogauss", "tent", "iasa",
            "paper", "paper-nogauss", "paper-post", "paper-mid");

    private EvaluateCommand() {
    }

    /**
     * Runs the evaluation.
     *
     * @param args see the class comment
     * @throws Exception when the data, the model or the output cannot be used (in words)
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> kv;
        List<String> policies;
        Map<String, String> overrides;
        int orders;
        try {
            kv = Arguments.parse(args, Set.of("data", "model", "out"));
            policies = policies(kv.getOrDefault("policy", "frozen"));
            overrides = settings(kv.getOrDefault("set", ""));
            for (String p : policies) {
                AdaptationPolicy.named(p).defaultSettings().with(overrides);
            }
            orders = orders(kv.getOrDefault("orders", "1"));
            CardOverrides.check(kv.getOrDefault("card", ""));
            for (String flag : List.of("press-s", "resume")) {
                if (!Set.of("true", "false").contains(kv.getOrDefault(flag, "false"))) {
                    throw new IllegalArgumentException("--" + flag + " is true or false, not '" + kv.get(flag) + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("eval: " + e.getMessage());
            System.err.println("usage: eval --data <domain folder> --model <model folder> --out <folder>"
                    + " [--policy frozen|post|mid|post+mid|method|nogauss|tent|iasa|paper|paper-nogauss|paper-post"
                    + "|paper-mid|all|a,b,...] [--subset all|validation]"
                    + " [--orders N] [--source <source domain folder>[,...]] [--set name=value,...]"
                    + " [--card focus.policy=zoom|full,focus.grow=1.4,edits.keepClickedComponents=true,...]"
                    + " [--press-s true] [--resume true]");
            System.exit(2);
            return;
        }
        AdaptationSettings settings = AdaptationSettings.defaults().with(overrides);
        boolean pressesS = Boolean.parseBoolean(kv.getOrDefault("press-s", "false"));
        if (pressesS) {
            System.out.println("the simulated user presses S after a click looked at through more than one square,"
                    + " goes round them and keeps the closest mask (not counted as a click; the forgetting check's"
                    + " user does not)");
        }
        ComputeDevice device = ComputeDevice.choose(DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl")));
        System.out.println("device: " + device);
        Dataset ds = new DatasetReader().read(Path.of(kv.get("data")));
        ds.problems().forEach(p -> System.out.println("skipped " + p));
        Path modelFolder = Path.of(kv.get("model"));
        org.pointlearn.inference.api.ModelCard card = SegmentationModel.readCard(modelFolder);
        int channels = card.imageChannels();
        if (!card.adaptation().isEmpty()) {
            System.out.println("the model's card sets adaptation settings for it: " + card.adaptation()
                    + " (over the defaults, for every policy but the paper's; --set changes them further)");
        }
        long converted = ds.samples().stream().filter(s -> s.image().channels() != channels).count();
        if (converted > 0) {
            System.out.println(converted + " of " + ds.samples().size() + " images have another number of channels than"
                    + " the model's " + channels + ": given to it as " + (channels == 1 ? "grey (a colour picture's"
                    + " luminance; a grey one stored as RGB as it is)" : "colour (the grey values in each channel)"));
        }
        String subset = kv.getOrDefault("subset", "all");
        Path out = Path.of(kv.get("out"));
        RunParts parts = RunParts.open(out, arguments(kv), Boolean.parseBoolean(kv.getOrDefault("resume", "false")));

        List<Source> source = null;
        PolicySummary sourceBefore = null;
        if (kv.containsKey("source")) {
            try (SegmentationModel model = CardOverrides.load(modelFolder, device.device(), kv.getOrDefault("card", ""))) {
                source = Source.read(kv.get("source"), model);
                var kept = parts.findSourceBefore();
                List<PolicyRun> before = kept.isPresent() ? kept.get() : frozenOn(source, model, settings);
                if (kept.isEmpty()) {
                    parts.keepSourceBefore(before);
                }
                sourceBefore = summary(before);
            }
            System.out.printf("forgetting check on %s (%d validation images): shipped model Dice@5 %.3f%n",
                    sourceBefore.domain(), sourceBefore.images(), sourceBefore.diceAt(5));
        }

        Map<String, List<PolicyRun>> done = new LinkedHashMap<>();
        Map<String, List<PolicySummary>> forgotten = new LinkedHashMap<>();
        List<PolicyRun> runs = new ArrayList<>();
        List<ForgettingCsv.Check> forgetting = new ArrayList<>();
        Map<String, List<RunParts.Part>> keptWhole = keptWhole(parts, policies, orders);
        for (int index = 0; index < policies.size(); index++) {
            String policy = policies.get(index);
            List<String> later = policies.subList(index + 1, policies.size());
            String runAs = canonical(policy);
            if (done.containsKey(runAs)) {
                System.out.println(policy + " is the same policy as " + runAs + ": its runs are reported under both names");
                done.get(runAs).forEach(r -> runs.add(r.named(policy)));
                if (forgotten.containsKey(runAs)) {
                    forgetting.add(new ForgettingCsv.Check(policy, sourceBefore, forgotten.get(runAs)));
                }
                writeReport(out, runs, source != null ? forgetting : null, later, keptWhole, sourceBefore);
                continue;
            }
            List<PolicyRun> policyRuns = new ArrayList<>();
            List<PolicySummary> after = new ArrayList<>();
            // the policy's settings for this model (its card may name some, chosen for it), then --set
            AdaptationSettings policySettings = AdaptationPolicy.named(runAs).defaultSettings(card).with(overrides);
            if (!overrides.isEmpty() || !policySettings.equals(settings)) {
                System.out.println(policy + " adaptation settings: " + policySettings);
            }
            for (int order = 0; order < orders; order++) {
                var kept = parts.find(policy, order);
                if (kept.isPresent()) {
                    PolicyRun run = kept.get().run();
                    policyRuns.add(run);
                    PolicySummary s = run.summary();
                    System.out.printf("%s %s%s: %d images  Dice@1 %.3f @3 %.3f @5 %.3f  NoC85 %.2f  NoC90 %.2f"
                            + "  (kept from the stopped run)%n", ds.domain(), policy, orders > 1 ? " order " + order : "",
                            s.images(), s.diceAt(1), s.diceAt(3), s.diceAt(5), s.noc85(), s.noc90());
                    if (source != null && AdaptationPolicy.named(runAs).adapts()) {
                        after.add(summary(kept.get().sourceAfter()));
                    }
                    continue;
                }
                // Adaptive policies change the model: every run starts from the shipped parameters.
                try (SegmentationModel model = CardOverrides.load(modelFolder, device.device(), kv.getOrDefault("card", ""))) {
                    List<Sample> samples = subset(ds, model, subset);
                    List<Sample> sequence = order == 0 ? SampleOrder.fixed(samples) : SampleOrder.shuffled(samples, order);
                    long t0 = System.nanoTime();
                    PolicyRun run;
                    try (PolicySegmenter segmenter = PolicySegmenter.of(model, AdaptationPolicy.named(runAs), policySettings)) {
                        String label = policy + (orders > 1 ? " order " + order : "");
                        ProtocolRunner protocol = pressesS ? new ProtocolRunner().pressingS() : new ProtocolRunner();
                        run = protocol.run(ds.domain(), policy, sequence, segmenter,
                                r -> System.out.printf("%s %s: %s  Dice@5 %.3f  NoC85 %d%n", ds.domain(), label,
                                        r.image(), r.curve().diceAt(5), r.noc85()));
                    }
                    run = new PolicyRun(run.domain(), policy, run.images(), order);
                    policyRuns.add(run);
                    PolicySummary s = run.summary();
                    System.out.printf("%s %s%s (%s): %d images  Dice@1 %.3f @3 %.3f @5 %.3f  NoC85 %.2f  NoC90 %.2f"
                            + "  (%.0f s)%n", ds.domain(), policy, orders > 1 ? " order " + order : "",
                            model.card().version(), s.images(), s.diceAt(1), s.diceAt(3), s.diceAt(5), s.noc85(),
                            s.noc90(), (System.nanoTime() - t0) / 1e9);
                    List<PolicyRun> sourceRuns = List.of();
                    if (source != null && AdaptationPolicy.named(runAs).adapts()) {
                        sourceRuns = frozenOn(source, model, settings);
                        PolicySummary a = summary(sourceRuns);
                        after.add(a);
                        System.out.printf("forgetting: %s on %s after %s: Dice@5 %.3f (shipped %.3f)%n",
                                policy, a.domain(), ds.domain(), a.diceAt(5), sourceBefore.diceAt(5));
                    }
                    parts.keep(new RunParts.Part(run, sourceRuns));
                }
            }
            done.put(runAs, policyRuns);
            runs.addAll(policyRuns);
            if (!after.isEmpty()) {
                forgotten.put(runAs, after);
                forgetting.add(new ForgettingCsv.Check(policy, sourceBefore, after));
            }
            writeReport(out, runs, source != null ? forgetting : null, later, keptWhole, sourceBefore);
        }
        System.out.println("written: " + out.resolve(EvaluationReport.SUMMARY));
    }

    /**
     * The report of the policies finished so far, written after each one: a long run stopped
     * part-way still shows what it finished, and the last write is the whole run's report. The
     * later policies whose every order is kept from a stopped run are reported too, so a run stopped
     * while it measures one policy again (make results' REDO) still shows the others; a policy with
     * orders missing is left out until it has them all.
     *
     * @param forgetting the forgetting checks, or null without a source domain
     * @param later the policies after the one just finished
     * @param keptWhole the policies whose every order was kept when the run started
     */
    private static void writeReport(Path out, List<PolicyRun> runs, List<ForgettingCsv.Check> forgetting,
            List<String> later, Map<String, List<RunParts.Part>> keptWhole, PolicySummary sourceBefore)
            throws IOException {
        List<PolicyRun> all = new ArrayList<>(runs);
        List<ForgettingCsv.Check> checks = forgetting == null ? null : new ArrayList<>(forgetting);
        for (String policy : later) {
            List<RunParts.Part> kept = keptWhole.get(policy);
            if (kept == null) {
                continue;
            }
            kept.forEach(part -> all.add(part.run()));
            if (checks != null && AdaptationPolicy.named(canonical(policy)).adapts()) {
                checks.add(new ForgettingCsv.Check(policy, sourceBefore,
                        kept.stream().map(part -> meanOfSources(part.sourceAfter())).toList()));
            }
        }
        EvaluationReport.write(out, all);
        if (checks != null) {
            EvaluationReport.writeForgetting(out, checks);
        }
    }

    /**
     * The policies whose every order a stopped run kept, read once when the run starts (a policy's
     * parts are only written when the run comes to it); an unreadable part leaves its policy out,
     * and the run says why when it comes to it.
     */
    private static Map<String, List<RunParts.Part>> keptWhole(RunParts parts, List<String> policies, int orders) {
        Map<String, List<RunParts.Part>> whole = new LinkedHashMap<>();
        for (String policy : policies) {
            List<RunParts.Part> kept = new ArrayList<>();
            try {
                for (int order = 0; order < orders; order++) {
                    var part = parts.find(policy, order);
                    if (part.isEmpty()) {
                        break;
                    }
                    kept.add(part.get());
                }
            } catch (IOException unreadable) {
                continue;
            }
            if (kept.size() == orders) {
                whole.put(policy, kept);
            }
        }
        return whole;
    }

    /** One source domain of the forgetting check: its validation images (the model card's split), in a fixed order. */
    private record Source(String domain, List<Sample> samples) {

        /** One folder, or several separated by commas (a model trained on several domains). */
        static List<Source> read(String spec, SegmentationModel model) throws IOException, DatasetException {
            List<Source> sources = new ArrayList<>();
            for (String folder : spec.split(",")) {
                Dataset src = new DatasetReader().read(Path.of(folder.trim()));
                List<Sample> validation = SampleOrder.fixed(subset(src, model, "validation"));
                if (validation.isEmpty()) {
                    throw new IOException("the model card lists none of the images of " + folder.trim()
                            + " as validation: it cannot be a source domain of this model");
                }
                sources.add(new Source(src.domain(), validation));
            }
            return sources;
        }
    }

    /** The model as it is now, not learning, on the source images: one run per source domain. */
    private static List<PolicyRun> frozenOn(List<Source> sources, SegmentationModel model, AdaptationSettings settings)
            throws SegmentationException {
        List<PolicyRun> runs = new ArrayList<>();
        for (Source source : sources) {
            try (SessionPolicy frozen = new SessionPolicy(model, AdaptationPolicy.FROZEN, settings)) {
                runs.add(new ProtocolRunner().run(source.domain(), "frozen", source.samples(), frozen));
            }
        }
        return runs;
    }

    /**
     * The forgetting check's summary of its runs: with several source domains the mean of the
     * domains (each counts once), each domain's Dice@5 printed.
     */
    private static PolicySummary summary(List<PolicyRun> sourceRuns) {
        if (sourceRuns.size() > 1) {
            StringBuilder line = new StringBuilder("  source domains, Dice@5:");
            sourceRuns.forEach(r -> line.append(String.format(" %s %.3f", r.domain(), r.summary().diceAt(5))));
            System.out.println(line);
        }
        return meanOfSources(sourceRuns);
    }

    /** The mean of the source domains' summaries (each domain counts once), printing nothing. */
    private static PolicySummary meanOfSources(List<PolicyRun> sourceRuns) {
        List<PolicySummary> each = sourceRuns.stream().map(PolicyRun::summary).toList();
        return each.size() == 1 ? each.get(0) : PolicySummary.meanOfDomains(each.size() + " domains", each);
    }

    /** The arguments that decide an evaluation's numbers, in a fixed order (what kept parts must match). */
    static String arguments(Map<String, String> kv) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(kv).forEach((k, v) -> {
            if (!k.equals("out") && !k.equals("resume")) {
                b.append(b.length() > 0 ? " " : "").append("--").append(k).append(' ').append(v);
            }
        });
        return b.toString();
    }

    /** post+mid is the method: run once, reported under both names. */
    private static String canonical(String policy) {
        return policy.equals("post+mid") ? "method" : policy;
    }

    /** "all", one name, or a comma-separated list. */
    private static List<String> policies(String spec) {
        List<String> names = spec.equals("all") ? POLICIES : List.of(spec.split(","));
        names.forEach(AdaptationPolicy::named);
        return names;
    }

    /** name=value pairs separated by commas. */
    static Map<String, String> settings(String spec) {
        try {
            return AdaptationSettings.pairs(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set takes " + e.getMessage(), e);
        }
    }

    private static int orders(String spec) {
        try {
            int n = Integer.parseInt(spec);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--orders must be a whole number of at least 1, not '" + spec + "'");
    }

    /**
     * All samples, or those the model card lists as validation ("id", or "domain/id" for models of
     * several domains), with images of the model's channel count.
     */
    private static List<Sample> subset(Dataset ds, SegmentationModel model, String which) throws IOException {
        int channels = model.card().imageChannels();
        return chosen(ds, model, which).stream().map(s -> s.withChannels(channels)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Sample> chosen(Dataset ds, SegmentationModel model, String which) throws IOException {
        if (which.equals("all")) {
            return ds.samples();
        }
        if (!which.equals("validation")) {
            throw new IllegalArgumentException("--subset must be all or validation, not '" + which + "'");
        }
        Object ids = model.card().training().get("validationIds");
        if (!(ids instanceof List<?> list)) {
            throw new IOException("the model card lists no validation ids");
        }
        Set<String> wanted = new HashSet<>((List<String>) list);
        List<Sample> out = new ArrayList<>();
        for (Sample s : ds.samples()) {
            if (wanted.contains(s.id()) || wanted.contains(ds.domain() + "/" + s.id())) {
                out.add(s);
            }
        }
        return out;
    }
}
