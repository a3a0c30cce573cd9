package org.pointlearn.evaluation.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.ModelLoadException;
import org.pointlearn.inference.api.NonFinite;
import org.pointlearn.inference.api.SegmentationLoss;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Trains a click-responsive base model (method.md, "Initial training"): every step takes a
 * batch of augmented examples, simulates 0..N rounds of user clicks without gradient
 * (each next click where the current prediction is most wrong, the prediction fed back as
 * the previous mask), then takes one gradient step on Dice + CCG-weighted cross-entropy.
 * The best epoch by validation Dice is kept; every epoch is a checkpoint to resume from.
 *
 * <p>A run is reproducible: the split, the batches, the augmentations and the clicks come from
 * Java generators seeded from {@code --seed}, and the engine's generator (parameter
 * initialisation) is seeded from it too, so the same options give the same losses on a machine.
 * A step whose loss is not finite stops the run, naming the first array that went wrong; a step
 * whose gradient is not finite is skipped and named, and three in a row stop the run.
 */
final class BaseModelTrainer {

    private final TrainingOptions o;
    private final PrintStream log;
    private final SimulatedUser user = new SimulatedUser();
    private final PseudoObjects pseudo = new PseudoObjects();
    private final Map<Sample, InputEncoder.PreparedImage> preparedImages = new java.util.IdentityHashMap<>();

    private final Device device;
    private final List<Double> losses = new ArrayList<>();
    private int skippedInARow;

    /** Steps in a row with a non-finite gradient that stop the run. */
    static final int SKIPS_THAT_STOP = 3;

    BaseModelTrainer(TrainingOptions options, Device device, PrintStream log) {
        this.o = options.forDevice(device);
        this.device = device;
        this.log = log;
    }

    void run() throws IOException, ModelLoadException, org.pointlearn.evaluation.data.DatasetException {
        TrainingData data = TrainingData.read(o.data, o.groups, o.validationFraction, o.seed, log);
        Path checkpoint = o.out.resolveSibling(o.out.getFileName() + ".checkpoint");
        Engine.getEngine(DjlRuntime.ENGINE_NAME).setRandomSeed(Long.hashCode(o.seed));
        int firstEpoch = 1;
        SegmentationModel model;
        if (o.resume && Files.exists(checkpoint.resolve("model.json"))) {
            model = SegmentationModel.load(checkpoint, device);
            firstEpoch = ((Number) model.card().training().get("epochsDone")).intValue() + 1;
            log.println("resuming after epoch " + (firstEpoch - 1) + " from " + checkpoint);
            List<Object> schedule = new ArrayList<>();
            if (model.card().training().get("schedule") instanceof List<?> earlier) {
                schedule.addAll(earlier);
            }
            schedule.add(scheduleEntry(firstEpoch));
            model.describeAs(model.card().toBuilder().training("epochs", o.epochs).training("schedule", schedule).build());
        } else {
            model = SegmentationModel.create(newCard(data), device);
        }
        try (model) {
            loop(model, data, firstEpoch, checkpoint);
        }
    }

    private void loop(SegmentationModel model, TrainingData data, int firstEpoch, Path checkpoint) throws IOException {
        int totalSteps = o.epochs * o.stepsPerEpoch;
        int offset = (firstEpoch - 1) * o.stepsPerEpoch;
        Tracker cosine = n -> (float) (o.learningRate / 100 + (o.learningRate - o.learningRate / 100)
                * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, (double) (n + offset) / totalSteps))));
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(cosine).build())
                .optDevices(new Device[] {model.device()});
        Augmenter augmenter = new Augmenter(model.card().normalisation().type() == ModelCard.Normalisation.Scaling.PERCENTILE,
                o.remap, o.remapMonotone);
        double best = model.card().metrics().get("validationDiceAt3") instanceof Number n ? n.doubleValue() : -1;
        long start = System.nanoTime();
        try (Trainer trainer = model.djlModel().newTrainer(cfg)) {
            trainer.initialize(SegmentationModel.inputShape(model.card(), o.batch));
            int last = Math.min(o.epochs, o.until);
            for (int epoch = firstEpoch; epoch <= last; epoch++) {
                Random rnd = new Random(o.seed * 7919 + epoch);
                double loss = 0;
                int done = 0;
                for (int step = 0; step < o.stepsPerEpoch; step++) {
                    double l = step(trainer, model, pick(data, model, augmenter, rnd), rnd, epoch, step + 1);
                    losses.add(l);
                    if (Double.isFinite(l)) {
                        loss += l;
                        done++;
                    }
                }
                ValidationScore v = ValidationScore.measure(model, data, user);
                boolean improved = v.diceAt3() > best;
                model.describeAs(model.card().toBuilder().training("epochsDone", epoch).build());
                if (improved) {
                    best = v.diceAt3();
                    model.describeAs(v.writeInto(model.card()).toBuilder().metric("bestEpoch", epoch).build());
                    model.save(o.out);
                }
                model.save(checkpoint);
                double minutes = (System.nanoTime() - start) / 6e10;
                double perEpoch = minutes / (epoch - firstEpoch + 1);
                log.printf("epoch %d/%d  loss %.4f  val dice@1 %.3f @3 %.3f @5 %.3f%s  %.1f min (%.1f min an epoch, "
                        + "about %.0f min to go)%s%n", epoch, o.epochs, loss / Math.max(1, done), v.diceAt1(), v.diceAt3(),
                        v.diceAt5(), improved ? "  saved" : "", minutes, perEpoch, perEpoch * (last - epoch),
                        v.byDomain().isEmpty() ? "" : "  " + v.byDomainText());
                if (minutes > o.minutes) {
                    log.println("time budget of " + o.minutes + " min reached; resume with --resume");
                    break;
                }
            }
        }
    }

    /** The loss of every step of this run, in order (NaN for a skipped step). */
    List<Double> losses() {
        return List.copyOf(losses);
    }

    /** A training example, and whether it shows a first-click view (then no click rounds). */
    private record Example(WorkingSample sample, boolean firstClick) {
    }

    private List<Example> pick(TrainingData data, SegmentationModel model, Augmenter augmenter, Random rnd) {
        List<Example> batch = new ArrayList<>(o.batch);
        while (batch.size() < o.batch) {
            Sample s = data.draw(rnd);
            Mask2D mask = s.mask();
            if (o.pseudo > 0 && rnd.nextDouble() < o.pseudo) {
                Mask2D pseudoMask = pseudo.draw(s.image(), rnd, o.small > 0 && rnd.nextDouble() < o.small);
                if (pseudoMask != null) {
                    mask = pseudoMask;
                }
            }
            TrainingViews view = TrainingViews.draw(mask, model.card().focus(), o.firstSides, rnd);
            InputEncoder.PreparedImage prepared = prepared(s, model.encoder());
            WorkingSample w = augmenter.apply(WorkingSample.of(s.id(), prepared, mask, view.region(), model.encoder()),
                    rnd);
            if (w.mask().area() > 0) {
                batch.add(new Example(w, view.firstClick()));
            }
        }
        return batch;
    }

    private InputEncoder.PreparedImage prepared(Sample s, InputEncoder encoder) {
        return preparedImages.computeIfAbsent(s, k -> encoder.prepareImage(k.image()));
    }

    /** One gradient step after simulated clicking; returns the loss, NaN when the step was skipped. */
    private double step(Trainer trainer, SegmentationModel model, List<Example> examples, Random rnd,
            int epoch, int step) {
        List<WorkingSample> batch = examples.stream().map(Example::sample).toList();
        boolean zoom = model.card().focus().policy() == ModelCard.Focus.Policy.ZOOM;
        List<List<Click>> clicks = new ArrayList<>();
        float[][] previous = new float[batch.size()][];
        int[] roundsOf = new int[batch.size()];
        for (int b = 0; b < batch.size(); b++) {
            WorkingSample s = batch.get(b);
            roundsOf[b] = Integer.MAX_VALUE;
            Mask2D neighbour = o.clickTraining && o.neighbour > 0 && !examples.get(b).firstClick()
                    && rnd.nextDouble() < o.neighbour ? NeighbourMasks.perturb(s.mask(), rnd) : null;
            Optional<Click> correction = neighbour == null ? Optional.empty()
                    : user.nextClick(s.mask(), neighbour, List.of());
            if (correction.isPresent()) {
                // slice-by-slice work: a close mask and the user's correction of it, then fewer rounds
                previous[b] = neighbour.toFloats();
                clicks.add(new ArrayList<>(List.of(correction.get())));
                roundsOf[b] = rnd.nextInt(o.maxClickIterations);
            } else {
                clicks.add(new ArrayList<>(o.clickTraining ? List.of(TrainingClicks.firstPositive(s.mask(), rnd))
                        : TrainingClicks.randomSet(s.mask(), rnd)));
            }
        }
        if (o.clickTraining) {
            // with focus crops, first-click views answer one click; the views around an object always
            // follow at least one round, as at use they come with a mask
            int rounds = !zoom ? rnd.nextInt(o.maxClickIterations + 1)
                    : examples.stream().allMatch(Example::firstClick) ? 0 : 1 + rnd.nextInt(o.maxClickIterations);
            for (int r = 0; r < rounds; r++) {
                float[][] probs = BatchForward.probabilities(model, batch, clicks, previous);
                for (int b = 0; b < batch.size(); b++) {
                    if (zoom && examples.get(b).firstClick() || r >= roundsOf[b]) {
                        continue;
                    }
                    int size = batch.get(b).size();
                    Mask2D pred = Mask2D.threshold(probs[b], size, size, 0.5f);
                    user.nextClick(batch.get(b).mask(), pred, clicks.get(b)).ifPresent(clicks.get(b)::add);
                    previous[b] = probs[b];
                }
            }
        }
        String where = "epoch " + epoch + " step " + step;
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = BatchForward.inputs(m, model, batch, clicks, previous);
            NDArray target = masks(m, batch);
            NDArray weight = o.clickTraining ? weights(m, batch, clicks) : null;
            float value;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray loss = SegmentationLoss.compute(logits, target, weight);
                value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    Map<String, NDArray> named = new LinkedHashMap<>();
                    int c = model.card().imageChannels();
                    named.put("image channels of the inputs", x.get(":, 0:" + c));
                    named.put("click maps of the inputs", x.get(":, " + c + ":" + (c + 2)));
                    named.put("previous prediction fed back as input", x.get(":, " + (c + 2) + ":"));
                    named.put("targets", target);
                    named.put("loss weights", weight);
                    String first = NonFinite.locate(named, model.block(), x, true);
                    throw new IllegalStateException("training diverged at " + where + ": the loss is " + value
                            + ", first in " + first + "; lower --lr or resume from the last checkpoint");
                }
                gc.backward(loss);
            }
            Optional<String> bad = NonFinite.firstGradient(model.block());
            if (bad.isPresent()) {
                DjlRuntime.clearGradients(parameters(model));
                log.printf("%s: the %s is not finite; step skipped%n", where, bad.get());
                if (++skippedInARow >= SKIPS_THAT_STOP) {
                    throw new IllegalStateException("training diverged at " + where + ": " + skippedInARow
                            + " steps in a row had a non-finite gradient (last: the " + bad.get()
                            + "); lower --lr or resume from the last checkpoint");
                }
                return Double.NaN;
            }
            skippedInARow = 0;
            trainer.step();
            return value;
        }
    }

    private static List<NDArray> parameters(SegmentationModel model) {
        return model.block().getParameters().values().stream().map(Parameter::getArray).toList();
    }

    private static NDArray masks(NDManager m, List<WorkingSample> batch) {
        int n = batch.get(0).size() * batch.get(0).size();
        float[] all = new float[batch.size() * n];
        for (int b = 0; b < batch.size(); b++) {
            System.arraycopy(batch.get(b).mask().toFloats(), 0, all, b * n, n);
        }
        int size = batch.get(0).size();
        return m.create(all, new Shape(batch.size(), 1, size, size));
    }

    private NDArray weights(NDManager m, List<WorkingSample> batch, List<List<Click>> clicks) {
        int size = batch.get(0).size();
        int n = size * size;
        float[] all = new float[batch.size() * n];
        for (int b = 0; b < batch.size(); b++) {
            List<double[]> centres = clicks.get(b).stream().map(c -> new double[] {c.x(), c.y()}).toList();
            System.arraycopy(SegmentationLoss.clickCenteredWeights(centres, size, o.ccgLambda, o.ccgSigma), 0, all, b * n, n);
        }
        return m.create(all, new Shape(batch.size(), 1, size, size));
    }


    /**
     * What a (re)start trains with: a resumed run keeps its epochs but follows the new schedule (and
     * the stage's own shares of pseudo-objects and neighbour masks, which the card's first entries
     * describe only for the first stage).
     */
    private String scheduleEntry(int firstEpoch) {
        return "from epoch " + firstEpoch + ": cosine learning rate" + (o.learningRate != 1e-3 ? " from " + o.learningRate : "")
                + " over " + o.epochs + " epochs of " + o.stepsPerEpoch
                + " steps" + (o.pseudo > 0 ? "; pseudo-objects " + o.pseudo + " of the examples" : "")
                + (o.neighbour > 0 ? "; neighbour-like previous masks: " + o.neighbourText() : "")
                + (o.pseudo > 0 && o.small > 0 ? "; " + o.smallText() : "")
                + (o.firstSides != null ? "; " + o.firstSidesText() : "")
                + (o.remap > 0 ? "; " + o.remapText() : "");
    }

    private ModelCard newCard(TrainingData data) throws IOException {
        TrainingData.Domain first = data.domains().get(0);
        // Percentile scaling for colour too: per-channel z-scores left BatchNorm statistics that
        // did not fit some photographs (the disc vanished at inference), see models/README.md.
        ModelCard.Builder card = ModelCard.builder()
                .name(o.name)
                .description(o.description)
                .imageChannels(first.validation().isEmpty()
                        ? first.train().values().iterator().next().get(0).image().channels()
                        : first.validation().get(0).image().channels())
                .workingSize(o.workingSize)
                .unet(o.base, o.levels)
                .focus(ModelCard.Focus.FULL.withPolicy(o.focus));
        boolean several = data.domains().size() > 1;
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        for (TrainingData.Domain d : data.domains()) {
            d.split().train().forEach(id -> train.add(several ? d.name() + "/" + id : id));
            d.split().validation().forEach(id -> validation.add(several ? d.name() + "/" + id : id));
        }
        card.training("data", String.join(", ", data.domains().stream().map(TrainingData.Domain::name).toList()));
        if (several) {
            card.training("domains", data.cardEntry());
        } else {
            card.training("dataSource", DataProvenance.describe(first.folder()));
            card.training("splitBy", "patient/image group (" + first.grouping() + "), seed " + o.seed);
        }
        card.training("trainIds", train);
        card.training("validationIds", validation);
        card.training(o.asCardEntry());
        card.training("command", "make train-" + o.name);
        card.training("schedule", List.of(scheduleEntry(1)));
        return card.build();
    }
}
