package org.pointlearn.evaluation.training;

import java.util.Random;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.SquareWarp;

/**
 * Random variations of a working sample, so a few dozen images teach more than their
 * pixels: flips, a small rotation/scale/shift (bilinear for the image, nearest for the
 * mask), and contrast, brightness and gamma jitter of the normalised values.
 */
final class Augmenter {

    private static final double MAX_ROTATION = Math.toRadians(12);
    private static final double MAX_SCALE = 0.12;
    private static final double MAX_SHIFT = 0.06;

    private final boolean unitRange;

    /** @param unitRange whether image values are in [0, 1] (percentile normalisation) */
    Augmenter(boolean unitRange) {
        this.unitRange = unitRange;
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
}
