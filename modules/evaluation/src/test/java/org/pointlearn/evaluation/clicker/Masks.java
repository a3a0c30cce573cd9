package org.pointlearn.evaluation.clicker;

import org.pointlearn.imaging.api.Mask2D;

/** Hand-drawn masks for clicker tests. */
final class Masks {

    private Masks() {
    }

    /** A mask with the rectangle [x0, x1) x [y0, y1) inside. */
    static Mask2D rectangle(int w, int h, int x0, int y0, int x1, int y1) {
        float[] f = new float[w * h];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                f[y * w + x] = 1;
            }
        }
        return Mask2D.threshold(f, w, h, 0.5f);
    }

    /** The union of two masks. */
    static Mask2D union(Mask2D a, Mask2D b) {
        float[] f = a.toFloats();
        float[] g = b.toFloats();
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.max(f[i], g[i]);
        }
        return Mask2D.threshold(f, a.width(), a.height(), 0.5f);
    }
}
