package org.pointlearn.adaptation.impl;

import java.util.BitSet;
import org.pointlearn.adaptation.api.Strokes;
import org.pointlearn.imaging.api.Disk;
import org.pointlearn.imaging.api.Mask2D;

/**
 * Brush and eraser strokes on one slice: pixels forced inside or outside, kept apart from the
 * model's prediction so that they stay in force over every later prediction of the slice.
 * Used under the interactive session's lock.
 */
public final class MaskEdits {

    private final int width;
    private final int height;
    private BitSet in = new BitSet();
    private BitSet out = new BitSet();

    /** No edits on a slice of this size. */
    public MaskEdits(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The edits now. */
    public Strokes snapshot() {
        return new Strokes(in, out);
    }

    /** Back to earlier edits. */
    public void restore(Strokes s) {
        in = s.in();
        out = s.out();
    }

    /** Whether nothing was painted or erased. */
    public boolean isEmpty() {
        return in.isEmpty() && out.isEmpty();
    }

    /**
     * Paints (or erases) a disk-tipped line between two pixels.
     *
     * @param x0 start column
     * @param y0 start row
     * @param x1 end column
     * @param y1 end row
     * @param radius the brush radius in pixels (0 = one pixel)
     * @param inside true for the brush, false for the eraser
     */
    public void stroke(int x0, int y0, int x1, int y1, int radius, boolean inside) {
        int steps = Math.max(1, Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
        for (int s = 0; s <= steps; s++) {
            int cx = x0 + Math.round((x1 - x0) * (float) s / steps);
            int cy = y0 + Math.round((y1 - y0) * (float) s / steps);
            disk(cx, cy, radius, inside);
        }
    }

    private void disk(int cx, int cy, int r, boolean inside) {
        Disk.visit(cx, cy, r, width, height, (x, y, d2) -> {
            int i = y * width + x;
            (inside ? in : out).set(i);
            (inside ? out : in).clear(i);
        });
    }

    /**
     * The edits over a mask.
     *
     * @param mask the model's mask, or null for none
     * @return the mask with painted pixels inside and erased ones outside
     */
    public Mask2D apply(Mask2D mask) {
        return snapshot().over(mask, width, height);
    }
}
