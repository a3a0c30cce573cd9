package org.pointlearn.adaptation.impl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam over a fixed set of parameter arrays, with its moments in memory we own, so they can
 * be reset and snapshotted together with the parameters (DJL's Trainer keeps them hidden and
 * allocates them in the model's scope). Uses the engine's fused Adam kernel.
 */
public final class AdamOptimizer implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final NDManager manager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private int steps;

    /**
     * @param parent scope of the moments
     * @param parameters the arrays this optimizer updates (their shapes fix the moments')
     */
    public AdamOptimizer(NDManager parent, List<NDArray> parameters) {
        manager = parent.newSubManager();
        for (NDArray p : parameters) {
            means.add(manager.zeros(p.getShape(), p.getDataType()));
            variances.add(manager.zeros(p.getShape(), p.getDataType()));
        }
    }

    /**
     * One Adam step from the gradients stored on the parameters, which it then zeroes.
     *
     * @param parameters the same arrays, in the same order, as at construction
     * @param learningRate step size
     */
    public void step(List<NDArray> parameters, float learningRate) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i);
            try (NDArray g = w.getGradient()) {
                w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(i), variances.get(i)), new NDList(w),
                        learningRate, corrected, 0f, 1f, -1f, BETA1, BETA2, EPSILON, true, false);
            }
        }
    }

    /** Forgets the moments, as a fresh optimizer would start. */
    public void reset() {
        for (NDArray a : means) {
            a.subi(a);
        }
        for (NDArray a : variances) {
            a.subi(a);
        }
        steps = 0;
    }

    /** Copies of the moments and the step count. */
    public State capture() {
        List<NDArray> all = new ArrayList<>(means);
        all.addAll(variances);
        return new State(ArraySnapshot.of(manager, all), steps);
    }

    /** Puts back captured moments. */
    public void restore(State state) {
        List<NDArray> all = new ArrayList<>(means);
        all.addAll(variances);
        state.moments().restoreInto(all);
        steps = state.steps();
    }

    /**
     * Captured optimizer state.
     *
     * @param moments first and second moments
     * @param steps steps taken so far (for the bias correction)
     */
    public record State(ArraySnapshot moments, int steps) implements AutoCloseable {
        @Override
        public void close() {
            moments.close();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
