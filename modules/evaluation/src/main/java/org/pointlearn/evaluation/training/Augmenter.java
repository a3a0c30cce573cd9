package org.pointlearn.evaluation.training;

import java.util.Arrays;
import java.util.Random;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.SquareWarp;

/**
 * Random variations of a working sample, so a few dozen images teach more than their
 * pixels: flips, a small rotation/scale/shift (bilinear for the image, nearest for the
 * mask), and contrast, brightness and gamma jitter of the normalised values. With a share
 * of {@code remap} (percentile-scaled images only), the sample's grey values also go
 * through a random curve, a smooth bias field and noise ({@link #remap}): an object bright
 * on one MRI contrast is dark or mid-grey on another, and the model is to segment what is
 * pointed at whatever the sequence.
 */
final class Augmenter {

    private static final double MAX_ROTATION = Math.toRadians(12);
    private static final double MAX_SCALE = 0.12;
    private static final double MAX_SHIFT = 0.06;
    /** Knots of the random grey-value curve, evenly spaced over [0, 1]. */
    private static final int KNOTS = 5;
    private static final double MAX_BIAS = 0.25;
    private static final double MAX_NOISE = 0.03;

    private final boolean unitRange;
    private final double remap;
    private final boolean monotone;

    /**
     * @param unitRange whether image values are in [0, 1] (percentile normalisation)
     * @param remap share of the samples whose grey values go through a random curve (0: none,
     *        and no random numbers are drawn for it, so earlier recipes replay exactly)
     * @param monotone whether the curves only rise or fall (else a quarter of them are as drawn)
     */
    Augmenter(boolean unitRange, double remap, boolean monotone) {
        this.unitRange = unitRange;
        this.remap = remap;
        this.monotone = monotone;
    }

    Augmenter(boolean unitRange, double remap) {
        this(unitRange, remap, false);
    }

    WorkingSample apply(WorkingSample s, Random rnd) {
        int n = s.size();
        boolean flipX = rnd.nextBoolean();
        boolean flipY = rnd.nextDouble() < 0.2;
        double angle = (rnd.nextDouble() * 2 - 1) * MAX_ROTATION;
        double scale = 1 + (rnd.nextDouble() * 2 - 1) * MAX_SCALE;
        double tx = (rnd.nextDouble() * 2 - 1) * MAX_SHIFT * n;
        double ty = (rnd.nextDouble() * 2 - 1) * MAX_SHIFT * n;
        SquareWarp warp = SquareWarp.of(n, angle, scale, tx, ty, flipX, flipY);
        float[] img = warp.bilinear(s.image());
        float[] mask = warp.nearest(s.mask().toFloats());
        jitter(img, rnd);
        if (remap > 0 && unitRange && rnd.nextDouble() < remap) {
            remap(img, n, monotone, rnd);
        }
        return new WorkingSample(s.id(), n, img, Mask2D.threshold(mask, n, n, 0.5f));
    }

    private void jitter(float[] img, Random rnd) {
        float contrast = (float) (1 + (rnd.nextDouble() * 2 - 1) * 0.15);
        float brightness = (float) ((rnd.nextDouble() * 2 - 1) * 0.08);
        double gamma = Math.exp((rnd.nextDouble() * 2 - 1) * 0.25);
        for (int i = 0; i < img.length; i++) {
            float v = img[i] * contrast + brightness;
            if (unitRange) {
                v = (float) Math.pow(Math.min(1f, Math.max(0f, v)), gamma);
            }
            img[i] = v;
        }
    }

    /**
     * A random piecewise-linear grey-value curve through {@value #KNOTS} knots (rising half of
     * the time, falling a quarter: an inverted contrast, as T1 against T2; as drawn a quarter;
     * monotone: rising two thirds, falling one third),
     * times a linear bias field of up to +-{@value #MAX_BIAS} across the square, plus Gaussian
     * noise of up to {@value #MAX_NOISE}; values stay in [0, 1].
     */
    static void remap(float[] img, int n, boolean monotone, Random rnd) {
        double[] y = new double[KNOTS];
        for (int k = 0; k < KNOTS; k++) {
            y[k] = rnd.nextDouble();
        }
        int kind = rnd.nextInt(monotone ? 3 : 4);
        if (kind < 3) {
            Arrays.sort(y);
        }
        if (kind == 2) {
            for (int k = 0; k < KNOTS / 2; k++) {
                double t = y[k];
                y[k] = y[KNOTS - 1 - k];
                y[KNOTS - 1 - k] = t;
            }
        }
        double bx = (rnd.nextDouble() * 2 - 1) * MAX_BIAS;
        double by = (rnd.nextDouble() * 2 - 1) * MAX_BIAS;
        double sigma = rnd.nextDouble() * MAX_NOISE;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int i = r * n + c;
                double x = Math.min(1, Math.max(0, img[i])) * (KNOTS - 1);
                int k = Math.min(KNOTS - 2, (int) x);
                double v = y[k] + (y[k + 1] - y[k]) * (x - k);
                v *= 1 + bx * (2.0 * c / n - 1) + by * (2.0 * r / n - 1);
                v += sigma * rnd.nextGaussian();
                img[i] = (float) Math.min(1, Math.max(0, v));
            }
        }
    }
}
