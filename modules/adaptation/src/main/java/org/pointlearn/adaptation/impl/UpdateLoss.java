package org.pointlearn.adaptation.impl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.pointlearn.inference.api.SegmentationLoss;

/** The losses the adaptation rules minimise, each from logits and the batch's arrays. */
@FunctionalInterface
public interface UpdateLoss {

    /**
     * The scalar loss of a batch.
     *
     * @param logits (n, 1, h, w) network output
     * @param batch the batch's target, weight and anchor arrays, each (n, 1, h, w) or null
     * @return the loss
     */
    NDArray compute(NDArray logits, BatchArrays batch);

    /**
     * The batch's per-pixel arrays.
     *
     * @param target targets
     * @param weight weights or null
     * @param anchor initial predictions or null
     */
    record BatchArrays(NDArray target, NDArray weight, NDArray anchor) {
    }

    /** Soft Dice + BCE, the BCE weighted by the batch's weights (CCG) when present. */
    static UpdateLoss refinedMask() {
        return refinedMask(1, false);
    }

    /**
     * BCE weighted by the batch's weights (CCG) when present, plus soft Dice with the given weight;
     * the Dice term is weighted too when {@code weightedDice} is set.
     */
    static UpdateLoss refinedMask(double diceWeight, boolean weightedDice) {
        return (logits, b) -> SegmentationLoss.weightedBce(logits, b.target(), b.weight())
                .add(SegmentationLoss.softDice(logits, b.target(), weightedDice ? b.weight() : null)
                        .mul((float) diceWeight));
    }

    /** TENT: mean binary entropy of the prediction (needs no target). */
    static UpdateLoss entropy() {
        return (logits, b) -> {
            NDArray p = Activation.sigmoid(logits);
            NDArray softplusNeg = softplus(logits.neg());
            NDArray softplusPos = softplus(logits);
            return p.mul(softplusNeg).add(p.neg().add(1).mul(softplusPos)).mean();
        };
    }

    /** IA+SA: BCE on the clicked pixels only plus a weighted BCE towards the initial prediction. */
    static UpdateLoss clickedPixels(double anchorWeight) {
        return (logits, b) -> SegmentationLoss.weightedBce(logits, b.target(), b.weight())
                .add(SegmentationLoss.weightedBce(logits, b.anchor(), null).mul((float) anchorWeight));
    }

    private static NDArray softplus(NDArray x) {
        return x.maximum(0).add(x.abs().neg().exp().add(1).log());
    }
}
