package org.pointlearn.evaluation.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pointlearn.evaluation.data.Dataset;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;
import org.pointlearn.evaluation.policy.SessionPolicy;
import org.pointlearn.evaluation.protocol.ProtocolRunner;
import org.pointlearn.evaluation.protocol.SampleOrder;
import org.pointlearn.evaluation.report.EvaluationReport;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Command line: runs the evaluation protocol (method.md) of a model on a dataset folder.
 * {@code EvaluateCommand --data <domain> --model <model folder> --policy frozen|post|…|all|a,b --out <folder>
 * [--subset all|validation]}; writes summary.csv, per_image.csv and dice_vs_clicks.png.
 */
public final class EvaluateCommand {

    /** Every policy, in the order of the report. */
    static final List<String> ALL = List.of("frozen", "post", "mid", "post+mid", "method", "nogauss", "tent", "iasa");

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
        try {
            kv = Arguments.parse(args, Set.of("data", "model", "out"));
        } catch (IllegalArgumentException e) {
            System.err.println("eval: " + e.getMessage());
            System.err.println("usage: eval --data <domain folder> --model <model folder> --out <folder>"
                    + " [--policy frozen|post|mid|post+mid|method|nogauss|tent|iasa|all|a,b,...] [--subset all|validation]");
            System.exit(2);
            return;
        }
        List<String> policies = policies(kv.getOrDefault("policy", "frozen"));
        ComputeDevice device = ComputeDevice.choose(DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl")));
        System.out.println("device: " + device);
        Dataset ds = new DatasetReader().read(Path.of(kv.get("data")));
        ds.problems().forEach(p -> System.out.println("skipped " + p));
        Path modelFolder = Path.of(kv.get("model"));
        List<PolicyRun> runs = new ArrayList<>();
        for (String policy : policies) {
            // Adaptive policies change the model: every policy starts from the shipped parameters.
            try (SegmentationModel model = SegmentationModel.load(modelFolder, device.device());
                 SessionPolicy segmenter = SessionPolicy.named(policy, model)) {
                List<Sample> sequence = subset(ds, model, kv.getOrDefault("subset", "all"));
                long t0 = System.nanoTime();
                PolicyRun run = new ProtocolRunner().run(ds.domain(), policy, SampleOrder.fixed(sequence), segmenter,
                        r -> System.out.printf("%s %s: %s  Dice@5 %.3f  NoC85 %d%n", ds.domain(), policy, r.image(),
                                r.curve().diceAt(5), r.noc85()));
                runs.add(run);
                PolicySummary s = run.summary();
                System.out.printf("%s %s (%s): %d images  Dice@1 %.3f @3 %.3f @5 %.3f  NoC85 %.2f  NoC90 %.2f  (%.0f s)%n",
                        ds.domain(), policy, model.card().version, s.images(), s.diceAt(1), s.diceAt(3), s.diceAt(5),
                        s.noc85(), s.noc90(), (System.nanoTime() - t0) / 1e9);
            }
        }
        Path out = Path.of(kv.get("out"));
        EvaluationReport.write(out, runs);
        System.out.println("written: " + out.resolve(EvaluationReport.SUMMARY));
    }

    /** "all", one name, or a comma-separated list. */
    private static List<String> policies(String spec) {
        return spec.equals("all") ? ALL : List.of(spec.split(","));
    }

    @SuppressWarnings("unchecked")
    private static List<Sample> subset(Dataset ds, SegmentationModel model, String which) throws IOException {
        if (which.equals("all")) {
            return ds.samples();
        }
        if (!which.equals("validation")) {
            throw new IllegalArgumentException("--subset must be all or validation, not '" + which + "'");
        }
        Object ids = model.card().training.get("validationIds");
        if (!(ids instanceof List<?> list)) {
            throw new IOException("the model card lists no validation ids");
        }
        Set<String> wanted = new HashSet<>((List<String>) list);
        List<Sample> out = new ArrayList<>();
        for (Sample s : ds.samples()) {
            if (wanted.contains(s.id())) {
                out.add(s);
            }
        }
        return out;
    }
}
