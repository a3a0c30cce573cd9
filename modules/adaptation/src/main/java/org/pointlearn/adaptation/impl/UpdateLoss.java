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

    /**
     * The paper's loss: soft Dice + focal loss on the target, plus {@code beta} x the mean over
     * the image of the cross-entropy weighted by the clicks' Gaussians (the batch's weights,
     * zero away from the clicks; the term is left out when the batch has no weights).
     *
     * @param beta weight of the Click-Centered Gaussian term
     * @param alpha foreground weight of the focal term (background: 1 - alpha)
     * @param gamma focusing exponent of the focal term
     */
    static UpdateLoss diceFocalGaussian(double beta, double alpha, double gamma) {
        return (logits, b) -> {
            NDArray loss = SegmentationLoss.softDice(logits, b.target())
                    .add(focal(logits, b.target(), alpha, gamma));
            if (b.weight() == null) {
                return loss;
            }
            NDArray bce = softplus(logits).sub(logits.mul(b.target()));
            return loss.add(bce.mul(b.weight()).mean().mul((float) beta));
        };
    }

    /**
     * Mean focal loss: {@code -alpha t (1-p)^gamma log p - (1-alpha)(1-t) p^gamma log(1-p)},
     * from logits ({@code log p = -softplus(-z)}, {@code log(1-p) = -softplus(z)}).
     */
    static NDArray focal(NDArray logits, NDArray target, double alpha, double gamma) {
        NDArray p = Activation.sigmoid(logits);
        NDArray positive = p.neg().add(1).pow((float) gamma).mul(softplus(logits.neg())).mul(target)
                .mul((float) alpha);
        NDArray negative = p.pow((float) gamma).mul(softplus(logits)).mul(target.neg().add(1))
                .mul((float) (1 - alpha));
        return positive.add(negative).mean();
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
