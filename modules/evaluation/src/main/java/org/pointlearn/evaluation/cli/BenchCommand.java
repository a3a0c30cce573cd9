package org.pointlearn.evaluation.cli;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.pointlearn.adaptation.api.AcceptTimings;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.impl.AdaptationSession;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.ClickTimings;
import org.pointlearn.adaptation.impl.VersionStore;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.imaging.api.Disk;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Command line: measures the interactive latencies a user feels and writes a Markdown
 * table. {@code BenchCommand --model <model folder> --out docs/bench.md [--runs 30]}.
 */
public final class BenchCommand {

    private static final int WARMUP = 5;

    private final int runs;
    private final List<String> rows = new ArrayList<>();

    private BenchCommand(int runs) {
        this.runs = runs;
    }

    /**
     * Runs the benchmarks.
     *
     * @param args see the class comment
     * @throws Exception when the model cannot be loaded or the table written
     */
    public static void main(String[] args) throws Exception {
        var kv = Arguments.parse(args, java.util.Set.of("model", "out"));
        ComputeDevice device = ComputeDevice.choose(DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl")));
        System.out.println("device: " + device);
        BenchCommand bench = new BenchCommand(Integer.parseInt(kv.getOrDefault("runs", "30")));
        Path out = Path.of(kv.get("out"));
        try (SegmentationModel model = SegmentationModel.load(Path.of(kv.get("model")), device.device())) {
            bench.inference(model);
        }
        try (SegmentationModel model = SegmentationModel.load(Path.of(kv.get("model")), device.device())) {
            bench.adaptation(model);
        }
        bench.clicker();
        bench.write(out, kv.get("model"), device);
        System.out.println(Files.readString(out));
    }

    private void inference(SegmentationModel model) {
        ModelCard card = model.card();
        Predictor predictor = new Predictor(model);
        Image2D slice = syntheticSlice(512, 512, card.imageChannels());
        InputEncoder.PreparedImage prepared = model.encoder().prepareImage(slice);
        float[] input = model.encoder().encode(model.encoder().prepare(slice), List.of(new Click(256, 256, true)), null);
        int s = card.workingSize();
        time("model forward, " + s + "x" + s + ", batch 1", "", () -> {
            try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
                model.block().forward(new ParameterStore(m, false),
                        new NDList(m.create(input, SegmentationModel.inputShape(card, 1))), false);
            }
        });
        time("image preparation (once per slice): normalisation measured on 512x512", "",
                () -> model.encoder().prepareImage(slice));
        List<Click> clicks = new ArrayList<>(List.of(new Click(256, 256, true)));
        time("first click on 512x512" + (card.focus().wideSide() > 0 ? " (near and wide squares in one batch)" : "")
                + ": crop + encode + forward + paste back", "<= 60 ms", () -> predictor.predict(prepared, clicks, null));
        if (card.focus().smallSide() > 0) {
            List<Click> first = List.of(new Click(256, 256, true));
            time("key S to the small square after a first click on 512x512: crop + encode + forward + paste back", "",
                    () -> predictor.smallSquare(prepared, first, null));
        }
        float[][] previous = {predictor.predict(prepared, clicks, null).probability()};
        clicks.add(new Click(300, 260, false));
        time("correction click end to end on 512x512 (" + card.focus().policy() + " focus): crop + encode + forward + paste back",
                "<= 60 ms", () -> previous[0] = predictor.predict(prepared, clicks, previous[0]).probability());
    }

    /** The online updates a user waits for, through the same session the workstation drives. */
    private void adaptation(SegmentationModel model) throws Exception {
        Path versions = Files.createTempDirectory("pointlearn-bench-versions");
        Image2D slice = syntheticSlice(512, 512, model.card().imageChannels());
        Mask2D accepted = disk(512, 512, 0.5, 0.5, 0.1);
        AdaptationSettings oneMidStep = AdaptationSettings.defaults();
        oneMidStep = oneMidStep.withSteps(oneMidStep.postSteps(), 1);
        try (VersionStore store = VersionStore.open(versions, 8);
             AdaptationSession session = new AdaptationSession(model, AdaptationPolicy.METHOD, oneMidStep, store)) {
            int[] image = {0};
            Runnable newImage = () -> {
                session.start(slice, "bench-" + image[0]++);
                uncheck(() -> session.click(new Click(256, 256, true)));
            };
            newImage.run();
            List<ClickTimings> parts = new ArrayList<>();
            time("click with a Mid-Interaction update (1 step) and re-prediction", "",
                    () -> {
                        uncheck(() -> session.click(new Click(200 + image[0] % 50, 300, false)));
                        parts.add(session.lastClickTimings());
                    });
            List<ClickTimings> timed = parts.subList(WARMUP, parts.size());
            record("- of which the Mid-Interaction update step", "<= 150 ms",
                    timed.stream().mapToDouble(ClickTimings::updateMillis).toArray());
            record("- of which the snapshot before it (all parameters + Adam moments)", "<= 10 ms",
                    timed.stream().mapToDouble(ClickTimings::snapshotMillis).toArray());
            timeAfter("undo of a click: restore the model snapshot taken before its update", "",
                    runs, () -> uncheck(() -> session.click(new Click(300, 200, false))),
                    () -> uncheck(session::undo));
            List<String> ids = new ArrayList<>();
            List<AcceptTimings> acceptParts = new ArrayList<>();
            // the slice and its click are made before the clock starts: only the accept is timed
            timeAfter("accept: Post-Interaction update, guard, new version saved", "<= 1500 ms", 8, newImage, () -> {
                uncheck(() -> session.accept(accepted));
                ids.add(session.activeVersion().id());
                acceptParts.add(session.lastAcceptTimings());
            });
            List<AcceptTimings> accepts = acceptParts.subList(WARMUP, acceptParts.size());
            record("- of which the Post-Interaction steps (" + oneMidStep.postSteps() + ", with their examples)", "",
                    accepts.stream().mapToDouble(AcceptTimings::postMillis).toArray());
            record("- of which the forgetting guard (replayed slices scored after and before)", "",
                    accepts.stream().mapToDouble(AcceptTimings::guardMillis).toArray());
            record("- of which \"test, then train\" (the slice scored by the version in use and the base)", "",
                    accepts.stream().mapToDouble(AcceptTimings::testMillis).toArray());
            record("- of which the first click's squares scored for the first-square memory", "",
                    accepts.stream().mapToDouble(AcceptTimings::squaresMillis).toArray());
            record("- of which the new version written to disk", "",
                    accepts.stream().mapToDouble(AcceptTimings::saveMillis).toArray());
            AdaptationSettings guarded = session.settings();
            session.updateSettings(guarded.withGuard(false));
            timeAfter("- the same accept without the forgetting guard", "", 8, newImage, () -> {
                uncheck(() -> session.accept(accepted));
                ids.add(session.activeVersion().id());
            });
            session.updateSettings(guarded);
            // the store keeps its last 8 versions in memory: a rollback to one of them copies arrays,
            // one to an older version reads it from its folder (and keeps it in memory from then on)
            List<String> recent = List.copyOf(ids.subList(ids.size() - 4, ids.size()));
            List<String> older = List.copyOf(ids.subList(0, ids.size() - 8));
            int[] next = {0, 0};
            time("roll back to a recent version (one of the last 8, kept in memory; model and optimiser ready)",
                    "<= 50 ms", () -> uncheck(() -> {
                        session.rollbackTo(recent.get(next[0]++ % recent.size()));
                        return null;
                    }));
            timeFew("roll back to an older version (read from its folder; model ready)", "<= 50 ms",
                    Math.min(runs, older.size() - WARMUP), () -> uncheck(() -> {
                        session.rollbackTo(older.get(next[1]++ % older.size()));
                        return null;
                    }));
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            throw new IllegalStateException("benchmark step failed: " + e.getMessage(), e);
        }
    }

    private void clicker() {
        SimulatedUser user = new SimulatedUser();
        for (int[] size : new int[][] {{256, 256}, {1024, 680}}) {
            Mask2D truth = disk(size[0], size[1], 0.5, 0.5, 0.3);
            Mask2D pred = disk(size[0], size[1], 0.6, 0.5, 0.3);
            time("simulated user, next click, " + size[0] + "x" + size[1], "",
                    () -> user.nextClick(truth, pred, List.of()));
        }
    }

    private void time(String what, String target, Runnable task) {
        timeFew(what, target, runs, task);
    }

    private void timeFew(String what, String target, int runs, Runnable task) {
        timeAfter(what, target, runs, () -> { }, task);
    }

    /** Times the task only, each run after an untimed setup. */
    private void timeAfter(String what, String target, int runs, Runnable setup, Runnable task) {
        for (int i = 0; i < WARMUP; i++) {
            setup.run();
            task.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            setup.run();
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        record(what, target, ms);
    }

    /** Adds a row of the given measurements (milliseconds). */
    private void record(String what, String target, double[] ms) {
        int runs = ms.length;
        Arrays.sort(ms);
        rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d | %s |", what, ms[runs / 2],
                ms[(int) Math.ceil(runs * 0.9) - 1], runs, target));
        System.out.println(rows.get(rows.size() - 1));
    }

    private void write(Path out, String model, ComputeDevice device) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Written by `make bench` on ").append(LocalDate.now()).append(" (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.arch")).append(", inference on ").append(device).append(", model `").append(model)
                .append("`). Times in milliseconds after ").append(WARMUP).append(" warm-up runs.\n\n");
        b.append("CPU: ").append(cpuModel()).append("; PyTorch intra-op threads: ")
                .append(System.getProperty("ai.djl.pytorch.num_threads", "PyTorch's default"))
                .append("; OpenMP wait policy: ").append(ompWaitPolicy())
                .append(". Figures differ between machines of the same size: compare rows of one run.\n\n");
        b.append("| operation | median | p90 | runs | target |\n|---|---|---|---|---|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        b.append("\nA click with a Mid-Interaction update is a plain prediction, a snapshot of the model (for\n")
                .append("undo), one update step and a re-prediction; the \"of which\" rows time those parts inside\n")
                .append("the same clicks (AdaptationSession.lastClickTimings). An accept is timed alone (its slice and\n")
                .append("click made before the clock starts); its \"of which\" rows time its parts inside the same\n")
                .append("accepts (AdaptationSession.lastAcceptTimings). The workstation runs the accept in the background:\n")
                .append("a click on the next slice meanwhile is shown between two of its steps (ViewerBench's last row).\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, b.toString());
    }

    /** The processor's model name as Linux reports it, or the architecture elsewhere. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture says what we know
        }
        return System.getProperty("os.arch");
    }

    /** OMP_WAIT_POLICY as the run had it (scripts/evaluation sets PASSIVE unless told otherwise). */
    static String ompWaitPolicy() {
        String policy = System.getenv("OMP_WAIT_POLICY");
        return policy == null || policy.isBlank() ? "the OpenMP library's default" : policy;
    }

    private static Image2D syntheticSlice(int w, int h, int channels) {
        Random rnd = new Random(1);
        float[] v = new float[w * h * channels];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 50 * (float) Math.sin(i * 0.001) + rnd.nextFloat() * 20;
        }
        return new Image2D(w, h, channels, v, 1, 1);
    }

    private static Mask2D disk(int w, int h, double cx, double cy, double r) {
        return Disk.mask(w, h, cx * w, cy * h, r * Math.min(w, h));
    }
}
