package org.pointlearn.inference.api;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * The training and adaptation loss: soft Dice plus binary cross-entropy, the latter
 * weighted by the Click-Centered Gaussian map {@code w(x) = 1 + lambda * sum_k
 * exp(-|x - c_k|^2 / (2 sigma^2))}, so pixels near the user's clicks count more.
 */
public final class SegmentationLoss {

    private SegmentationLoss() {
    }

    /**
     * The loss of a batch.
     *
     * @param logits (n, 1, h, w) network output
     * @param target (n, 1, h, w) 0/1 (or soft) target
     * @param weight (n, 1, h, w) per-pixel weight of the cross-entropy, or null for uniform
     * @return scalar loss (mean over the batch)
     */
    public static NDArray compute(NDArray logits, NDArray target, NDArray weight) {
        return weightedBce(logits, target, weight).add(softDice(logits, target));
    }

    /** Cross-entropy from logits, averaged with the given weights (numerically stable form). */
    public static NDArray weightedBce(NDArray logits, NDArray target, NDArray weight) {
        NDArray bce = logits.maximum(0).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1).log());
        if (weight == null) {
            return bce.mean();
        }
        return bce.mul(weight).sum().div(weight.sum());
    }

    /** One minus the soft Dice overlap, averaged over the batch. */
    public static NDArray softDice(NDArray logits, NDArray target) {
        return softDice(logits, target, null);
    }

    /**
     * One minus the soft Dice overlap with per-pixel weights (each pixel's share of the
     * intersection and of the sizes multiplied by its weight), averaged over the batch.
     *
     * @param weight (n, 1, h, w) weights, or null for the plain soft Dice
     */
    public static NDArray softDice(NDArray logits, NDArray target, NDArray weight) {
        NDArray p = Activation.sigmoid(logits);
        NDArray t = target;
        if (weight != null) {
            p = p.mul(weight);
            t = target.mul(weight);
        }
        int[] axes = {1, 2, 3};
        NDArray inter = p.mul(target).sum(axes);
        NDArray total = p.sum(axes).add(t.sum(axes));
        return inter.mul(2).add(1).div(total.add(1)).neg().add(1).mean();
    }

    /** Which pixels a click's Gaussian adds weight to. */
    @FunctionalInterface
    public interface ClickReach {
        /** @return whether click {@code click} adds its Gaussian at pixel index {@code pixel} */
        boolean adds(int click, int pixel);
    }

    /**
     * The Click-Centered Gaussian weight map on a square grid.
     *
     * @param clicks click centres on that grid, as (x, y) pairs
     * @param size side of the grid
     * @param lambda extra weight at a click centre
     * @param sigma Gaussian width in grid pixels
     * @return size*size weights, row by row, each at least 1
     */
    public static float[] clickCenteredWeights(List<double[]> clicks, int size, double lambda, double sigma) {
        return clickCenteredWeights(clicks, size, lambda, sigma, (click, pixel) -> true);
    }

    /**
     * The Click-Centered Gaussian weight map, each click's Gaussian added only at the pixels
     * {@code reach} allows (e.g. those whose target agrees with the click's label), cut off at
     * four sigmas.
     */
    public static float[] clickCenteredWeights(List<double[]> clicks, int size, double lambda, double sigma,
            ClickReach reach) {
        return clickCenteredWeights(clicks, size, lambda, sigma, 4, reach);
    }

    /**
     * The Click-Centered Gaussian weight map {@code 1 + lambda * gaussians}: see
     * {@link #clickGaussians}.
     */
    public static float[] clickCenteredWeights(List<double[]> clicks, int size, double lambda, double sigma,
            double cutoff, ClickReach reach) {
        float[] w = clickGaussians(clicks, size, sigma, cutoff, reach);
        for (int i = 0; i < w.length; i++) {
            w[i] = 1f + (float) lambda * w[i];
        }
        return w;
    }

    /**
     * The sum of the clicks' Gaussians {@code exp(-d^2 / (2 sigma^2))} on a square grid, each
     * counted only within {@code cutoff} sigmas of its click and at the pixels {@code reach}
     * allows; zero elsewhere.
     *
     * @param clicks click centres on that grid, as (x, y) pairs
     * @param size side of the grid
     * @param sigma Gaussian width in grid pixels
     * @param cutoff radius of each Gaussian, in sigmas
     * @param reach which pixels a click's Gaussian counts at
     * @return size*size values, row by row
     */
    public static float[] clickGaussians(List<double[]> clicks, int size, double sigma, double cutoff,
            ClickReach reach) {
        float[] w = new float[size * size];
        double extent = cutoff * sigma;
        for (int k = 0; k < clicks.size(); k++) {
            double[] c = clicks.get(k);
            int x0 = Math.max(0, (int) Math.floor(c[0] - extent));
            int x1 = Math.min(size - 1, (int) Math.ceil(c[0] + extent));
            int y0 = Math.max(0, (int) Math.floor(c[1] - extent));
            int y1 = Math.min(size - 1, (int) Math.ceil(c[1] + extent));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int i = y * size + x;
                    double d2 = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
                    if (d2 <= extent * extent && reach.adds(k, i)) {
                        w[i] += (float) Math.exp(-d2 / (2 * sigma * sigma));
                    }
                }
            }
        }
        return w;
    }
}
