package org.pointlearn.adaptation.impl;

import java.util.Random;
import org.pointlearn.adaptation.api.AdaptationSettings;

/**
 * A random left-right flip and a small rotation, zoom and shift of an example, the same for
 * every channel of the input and for target, weights and anchor (bilinear for the input and
 * the weights, nearest for the 0/1 maps).
 */
public final class Augmentation {

    private final AdaptationSettings settings;
    private final int size;
    private final Random random;

    /** @param settings the augmentation ranges and seed
     *  @param size side of the working grid */
    public Augmentation(AdaptationSettings settings, int size) {
        this.settings = settings;
        this.size = size;
        this.random = new Random(settings.seed());
    }

    /** A randomly transformed copy of the example. */
    public UpdateExample apply(UpdateExample e) {
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * settings.maxRotationDegrees());
        double zoom = 1 + (random.nextDouble() * 2 - 1) * settings.maxScale();
        double tx = (random.nextDouble() * 2 - 1) * settings.maxShift() * size;
        double ty = (random.nextDouble() * 2 - 1) * settings.maxShift() * size;
        boolean flip = random.nextDouble() < settings.flipProbability();
        double[] map = sourceCoordinates(angle, zoom, tx, ty, flip);
        return new UpdateExample(warp(e.input(), map, false), warp(e.target(), map, true), warp(e.weight(), map, false),
                warp(e.anchor(), map, true));
    }

    /** For every output pixel, the (x, y) it reads from. */
    private double[] sourceCoordinates(double angle, double zoom, double tx, double ty, boolean flip) {
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        double c = (size - 1) / 2.0;
        double[] map = new double[2 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (flip ? size - 1 - x : x) - c - tx;
                double dy = y - c - ty;
                int o = 2 * (y * size + x);
                map[o] = c + cos * dx + sin * dy;
                map[o + 1] = c - sin * dx + cos * dy;
            }
        }
        return map;
    }

    private float[] warp(float[] data, double[] map, boolean nearest) {
        if (data == null) {
            return null;
        }
        int n = size * size;
        float[] out = new float[data.length];
        for (int ch = 0; ch < data.length / n; ch++) {
            for (int i = 0; i < n; i++) {
                double sx = map[2 * i];
                double sy = map[2 * i + 1];
                out[ch * n + i] = nearest ? nearest(data, ch * n, sx, sy) : bilinear(data, ch * n, sx, sy);
            }
        }
        return out;
    }

    private float nearest(float[] d, int offset, double x, double y) {
        int ix = (int) Math.round(x);
        int iy = (int) Math.round(y);
        return ix >= 0 && iy >= 0 && ix < size && iy < size ? d[offset + iy * size + ix] : 0f;
    }

    private float bilinear(float[] d, int offset, double x, double y) {
        x = Math.min(Math.max(x, 0), size - 1);
        y = Math.min(Math.max(y, 0), size - 1);
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, size - 1);
        int y1 = Math.min(y0 + 1, size - 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = d[offset + y0 * size + x0] * (1 - fx) + d[offset + y0 * size + x1] * fx;
        float bottom = d[offset + y1 * size + x0] * (1 - fx) + d[offset + y1 * size + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
