package org.pointlearn.adaptation.impl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pointlearn.inference.api.NonFinite;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Takes gradient steps on a live model. BatchNorm stays in inference mode by default: the
 * forward pass runs with {@code training=false} inside a gradient collector, so running
 * statistics are used and never changed while gradients still reach every trainable weight
 * (measured in LearnerTest). In training mode (an alternative, measured in docs/adaptation.md)
 * each step normalises with the batch's statistics and moves the running ones. All native
 * arrays of a step live in a sub-scope closed before it returns; steps and predictions are
 * serialised on the model, like the inference Predictor's.
 */
public final class Learner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Learner.class.getName());

    /** The engine allows one gradient collector at a time in a JVM. */
    private static final Object COLLECTOR = new Object();

    private final SegmentationModel model;
    private final List<NDArray> all = new ArrayList<>();
    private final List<NDArray> trainable = new ArrayList<>();
    private final AdamOptimizer optimizer;
    private final ArraySnapshot anchor;

    /**
     * Steps run BatchNorm in inference mode (the shipped running statistics; training mode was
     * measured worse, docs/adaptation.md).
     *
     * @param model the model to update in place (not closed here)
     * @param batchNormAffineOnly whether only BatchNorm scale and shift learn (TENT), else all weights
     */
    public Learner(SegmentationModel model, boolean batchNormAffineOnly) {
        this.model = model;
        synchronized (model) {
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                NDArray a = p.getValue().getArray();
                all.add(a);
                boolean learns = p.getValue().requiresGradient()
                        && (!batchNormAffineOnly || isBatchNormAffine(p.getKey(), a));
                a.setRequiresGradient(learns);
                if (learns) {
                    trainable.add(a);
                }
            }
            optimizer = new AdamOptimizer(model.djlModel().getNDManager(), trainable);
            anchor = ArraySnapshot.of(model.djlModel().getNDManager(), trainable);
        }
    }

    private static boolean isBatchNormAffine(String name, NDArray a) {
        boolean batchNorm = name.toLowerCase(Locale.ROOT).contains("batchnorm");
        return batchNorm && (name.endsWith("gamma") || name.endsWith("beta")) && a.getShape().dimension() == 1;
    }

    /** The model being updated. */
    public SegmentationModel model() {
        return model;
    }

    /** Number of values that learn. */
    public long trainableValues() {
        return trainable.stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /**
     * One gradient step on a batch. No step when the loss or a gradient is not finite.
     *
     * @return the loss before the step, NaN when a gradient was not finite
     */
    public double step(List<UpdateExample> batch, UpdateLoss loss, double learningRate) {
        synchronized (model) {
            DjlRuntime.gradientsOff();
            try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
                NDArray x = stack(m, batch, UpdateExample::input, model.card().inputChannels());
                UpdateLoss.BatchArrays arrays = new UpdateLoss.BatchArrays(stack(m, batch, UpdateExample::target, 1),
                        stack(m, batch, UpdateExample::weight, 1), stack(m, batch, UpdateExample::anchor, 1));
                float value;
                synchronized (COLLECTOR) {
                    try (GradientCollector gc = model.djlModel().getNDManager().getEngine().newGradientCollector()) {
                        NDArray logits = model.block()
                                .forward(new ParameterStore(m, false), new NDList(x), false)
                                .singletonOrThrow();
                        NDArray l = loss.compute(logits, arrays);
                        value = l.getFloat();
                        if (Float.isFinite(value)) {
                            gc.backward(l);
                        }
                    }
                }
                if (!Float.isFinite(value)) {
                    Map<String, NDArray> named = new LinkedHashMap<>();
                    named.put("inputs", x);
                    named.put("targets", arrays.target());
                    named.put("loss weights", arrays.weight());
                    named.put("anchor", arrays.anchor());
                    LOG.log(Level.WARNING, "Loss {0} is not finite; no step taken. First not finite: {1}",
                            new Object[] {value, NonFinite.locate(named, model.block(), x, false)});
                    return value;
                }
                Optional<String> bad = NonFinite.firstGradient(model.block());
                if (bad.isPresent()) {
                    DjlRuntime.clearGradients(trainable);
                    LOG.log(Level.WARNING, "The {0} is not finite; no step taken", bad.get());
                    return Double.NaN;
                }
                optimizer.step(trainable, (float) learningRate);
                return value;
            }
        }
    }

    private NDArray stack(NDManager m, List<UpdateExample> batch, Function<UpdateExample, float[]> part, int channels) {
        if (part.apply(batch.get(0)) == null) {
            return null;
        }
        int size = model.card().workingSize();
        int per = channels * size * size;
        float[] data = new float[batch.size() * per];
        for (int b = 0; b < batch.size(); b++) {
            System.arraycopy(part.apply(batch.get(b)), 0, data, b * per, per);
        }
        return m.create(data, new Shape(batch.size(), channels, size, size));
    }

    /** Probabilities on the working grid for network inputs (inference mode, no gradient). */
    public float[][] predict(List<float[]> inputs) {
        synchronized (model) {
            DjlRuntime.gradientsOff();
            try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
                int size = model.card().workingSize();
                int per = model.card().inputChannels() * size * size;
                float[] data = new float[inputs.size() * per];
                for (int b = 0; b < inputs.size(); b++) {
                    System.arraycopy(inputs.get(b), 0, data, b * per, per);
                }
                NDArray x = m.create(data, SegmentationModel.inputShape(model.card(), inputs.size()));
                float[] p = Activation.sigmoid(model.block().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow()).toFloatArray();
                float[][] out = new float[inputs.size()][size * size];
                for (int b = 0; b < inputs.size(); b++) {
                    System.arraycopy(p, b * size * size, out[b], 0, size * size);
                }
                return out;
            }
        }
    }

    /** Moves every learning weight the given fraction (0..1) of the way back to its starting value. */
    public void pullTowardsStart(double fraction) {
        synchronized (model) {
            DjlRuntime.gradientsOff();
            anchor.pullTowards(trainable, (float) fraction);
        }
    }

    /** Whether every parameter value is a finite number. */
    public boolean parametersFinite() {
        synchronized (model) {
            DjlRuntime.gradientsOff();
            return NonFinite.firstParameter(model.block()).isEmpty();
        }
    }

    /** Copies of all parameters (BatchNorm statistics included) and the optimizer state. */
    public ModelState capture() {
        synchronized (model) {
            DjlRuntime.gradientsOff();
            return new ModelState(ArraySnapshot.of(model.djlModel().getNDManager(), all), optimizer.capture());
        }
    }

    /** Puts the model and the optimizer back to a captured state, exactly. */
    public void restore(ModelState state) {
        synchronized (model) {
            DjlRuntime.gradientsOff();
            state.parameters().restoreInto(all);
            if (state.optimizer() != null) {
                optimizer.restore(state.optimizer());
            } else {
                optimizer.reset();
            }
        }
    }

    @Override
    public void close() {
        optimizer.close();
        anchor.close();
    }
}
