package org.pointlearn.inference.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pointlearn.inference.impl.UNet;

/**
 * Finds the first array that holds a NaN or an infinity, by name, so that a training or
 * adaptation step that went wrong says where: "inputs", "targets", an activation of the network
 * ("activation dec1") or a parameter or its gradient ("gradient of 05dec1_01Conv2d_weight").
 * Every check works in its own memory scope and leaves nothing behind.
 */
public final class NonFinite {

    private NonFinite() {
    }

    /** Whether an array (none counts as finite) holds finite numbers only. */
    public static boolean finite(NDArray a) {
        if (a == null) {
            return true;
        }
        try (NDManager scope = a.getManager().newSubManager()) {
            // a result lives with its input: move each one into the scope before going on
            NDArray nan = a.isNaN();
            nan.attach(scope);
            NDArray infinite = a.isInfinite();
            infinite.attach(scope);
            return !nan.logicalOr(infinite).any().getBoolean();
        }
    }

    /** The name of the first array, in the map's order, that is not finite. */
    public static Optional<String> first(Map<String, NDArray> named) {
        for (Map.Entry<String, NDArray> e : named.entrySet()) {
            if (!finite(e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The first parameter, in the network's order, whose value is not finite. */
    public static Optional<String> firstParameter(Block network) {
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (!finite(p.getValue().getArray())) {
                return Optional.of("parameter " + p.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The first parameter whose gradient is not finite, in backward order (from the output
     * towards the input: the first one named is nearest to where the values went bad).
     */
    public static Optional<String> firstGradient(Block network) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        var params = network.getParameters();
        for (int i = params.size() - 1; i >= 0; i--) {
            NDArray a = params.get(i).getValue().getArray();
            if (a.hasGradient()) {
                grads.put("gradient of " + params.get(i).getKey(), a.getGradient());
            }
        }
        try {
            // A step checks every gradient (92 arrays for mri-general): one sum each and one test of the
            // sums cost about a fifth of a test per array (3 against 17 ms a step on 2 cores). A sum
            // is finite when all its values are, unless it overflows; only then, or when a value is
            // not finite, are the arrays looked at one by one.
            return sumsFinite(grads.values()) ? Optional.empty() : first(grads);
        } finally {
            grads.values().forEach(NDArray::close);
        }
    }

    /** Whether the sum of each array is finite (true for none). */
    private static boolean sumsFinite(Collection<NDArray> arrays) {
        if (arrays.isEmpty()) {
            return true;
        }
        try (NDManager scope = arrays.iterator().next().getManager().newSubManager()) {
            NDList sums = new NDList(arrays.size());
            for (NDArray a : arrays) {
                NDArray sum = a.sum();
                sum.attach(scope);
                sums.add(sum);
            }
            NDArray all = NDArrays.stack(sums);
            all.attach(scope);
            return finite(all);
        }
    }

    /**
     * The first activation of the network that is not finite for an input, in the order the
     * forward pass computes them; nothing when all are (or the network is not a U-Net).
     *
     * @param training BatchNorm mode of the pass to repeat
     */
    public static Optional<String> firstActivation(Block network, NDArray input, boolean training) {
        if (!(network instanceof UNet unet)) {
            return Optional.empty();
        }
        try (NDManager scope = input.getManager().newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(scope);
            return unet.firstNonFinite(new ParameterStore(scope, false), new NDList(x), training, NonFinite::finite)
                    .map(name -> "activation " + name);
        }
    }

    /**
     * Where a step's values first stopped being finite: the named arrays in order, then the
     * network's activations for the input, then its parameters.
     *
     * @return a phrase such as "activation dec0", or "no array" when everything is finite again
     */
    public static String locate(Map<String, NDArray> named, Block network, NDArray input, boolean training) {
        return first(named)
                .or(() -> firstActivation(network, input, training))
                .or(() -> firstParameter(network))
                .orElse("no array");
    }
}
