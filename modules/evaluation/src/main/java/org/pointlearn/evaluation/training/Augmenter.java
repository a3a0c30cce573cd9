package org.pointlearn.evaluation.training;

import java.util.Random;
import org.pointlearn.imaging.api.Mask2D;

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
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = (n - 1) / 2.0;
        int channels = s.image().length / (n * n);
        float[] img = new float[s.image().length];
        float[] mask = new float[n * n];
        float[] srcMask = s.mask().toFloats();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double ox = flipX ? n - 1 - x : x;
                double oy = flipY ? n - 1 - y : y;
                double dx = ox - c - tx;
                double dy = oy - c - ty;
                double sx = c + cos * dx + sin * dy;
                double sy = c - sin * dx + cos * dy;
                int o = y * n + x;
                for (int ch = 0; ch < channels; ch++) {
                    img[ch * n * n + o] = bilinear(s.image(), ch * n * n, n, sx, sy);
                }
                int mx = (int) Math.round(sx);
                int my = (int) Math.round(sy);
                mask[o] = mx >= 0 && my >= 0 && mx < n && my < n ? srcMask[my * n + mx] : 0f;
            }
        }
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

    /** Bilinear sample of one channel; outside the grid reads the nearest edge value. */
    private static float bilinear(float[] data, int offset, int n, double x, double y) {
        x = Math.min(Math.max(x, 0), n - 1);
        y = Math.min(Math.max(y, 0), n - 1);
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, n - 1);
        int y1 = Math.min(y0 + 1, n - 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = data[offset + y0 * n + x0] * (1 - fx) + data[offset + y0 * n + x1] * fx;
        float bottom = data[offset + y1 * n + x0] * (1 - fx) + data[offset + y1 * n + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
