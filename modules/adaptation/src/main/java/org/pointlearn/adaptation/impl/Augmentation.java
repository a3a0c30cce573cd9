package org.pointlearn.adaptation.impl;

import java.util.Random;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.imaging.api.SquareWarp;

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

    /** A randomly transformed copy of the example; the example itself when every range is zero. */
    public UpdateExample apply(UpdateExample e) {
        if (settings.flipProbability() == 0 && settings.maxRotationDegrees() == 0 && settings.maxScale() == 0
                && settings.maxShift() == 0) {
            return e;
        }
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * settings.maxRotationDegrees());
        double zoom = 1 + (random.nextDouble() * 2 - 1) * settings.maxScale();
        double tx = (random.nextDouble() * 2 - 1) * settings.maxShift() * size;
        double ty = (random.nextDouble() * 2 - 1) * settings.maxShift() * size;
        boolean flip = random.nextDouble() < settings.flipProbability();
        SquareWarp warp = SquareWarp.of(size, angle, zoom, tx, ty, flip, false);
        return new UpdateExample(warp.bilinear(e.input()), warp.nearest(e.target()), bilinear(warp, e.weight()),
                nearest(warp, e.anchor()));
    }

    private static float[] bilinear(SquareWarp warp, float[] data) {
        return data == null ? null : warp.bilinear(data);
    }

    private static float[] nearest(SquareWarp warp, float[] data) {
        return data == null ? null : warp.nearest(data);
    }
}
