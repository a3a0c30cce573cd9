package org.pointlearn.adaptation.api;

import java.util.BitSet;
import org.pointlearn.imaging.api.Mask2D;

/**
 * What the brush painted in and the eraser took out on one slice, kept apart from the model's
 * prediction so that it stays in force over every later prediction of the slice. Immutable:
 * the bit sets are copied in and out.
 *
 * @param in pixels (row * width + column) forced inside
 * @param out pixels forced outside
 */
public record Strokes(BitSet in, BitSet out) {

    /** No strokes. */
    public static final Strokes NONE = new Strokes(new BitSet(), new BitSet());

    /** Copies the bit sets. */
    public Strokes {
        in = (BitSet) in.clone();
        out = (BitSet) out.clone();
    }

    @Override
    public BitSet in() {
        return (BitSet) in.clone();
    }

    @Override
    public BitSet out() {
        return (BitSet) out.clone();
    }

    /** Whether nothing was painted or erased. */
    public boolean isEmpty() {
        return in.isEmpty() && out.isEmpty();
    }

    /**
     * The strokes over a mask.
     *
     * @param mask the model's mask, or null for none
     * @param width slice width
     * @param height slice height
     * @return the mask with painted pixels inside and erased ones outside
     */
    public Mask2D over(Mask2D mask, int width, int height) {
        if (isEmpty() && mask != null) {
            return mask;
        }
        float[] v = new float[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.get(i) || (!out.get(i) && mask != null && mask.get(i)) ? 1f : 0f;
        }
        return Mask2D.threshold(v, width, height, 0.5f);
    }
}
