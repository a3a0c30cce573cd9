package org.pointlearn.evaluation.training;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.image.GrayU8;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pointlearn.imaging.api.Mask2D;

/**
 * Previous masks as slice-by-slice work gives them: the object's own mask changed the way the
 * accepted mask of a neighbouring slice differs from this slice's object (outline grown or
 * shrunk, moved by a few pixels, a lobe missing or a bulge too many). Training on them with a
 * correction click teaches the network to refine a mask that is close, which is what every
 * slice proposed from its neighbour asks of it (docs/interaction.md, volume protocol); click
 * rounds from an empty mask never show it one.
 */
final class NeighbourMasks {

    private NeighbourMasks() {
    }

    /**
     * A changed copy of {@code mask} (same grid), or null when the change emptied it.
     */
    static Mask2D perturb(Mask2D mask, Random rnd) {
        int w = mask.width();
        int h = mask.height();
        double radius = Math.sqrt(mask.area() / Math.PI);
        GrayU8 g = new GrayU8(w, h);
        for (int i = 0; i < w * h; i++) {
            g.data[i] = (byte) (mask.get(i) ? 1 : 0);
        }
        int most = (int) Math.max(1, Math.min(4, Math.round(0.15 * radius)));
        int grow = rnd.nextInt(2 * most + 1) - most;
        for (int k = 0; k < Math.abs(grow); k++) {
            g = grow > 0 ? BinaryImageOps.dilate8(g, 1, null) : BinaryImageOps.erode8(g, 1, null);
        }
        int shift = (int) Math.max(1, Math.min(5, Math.round(0.12 * radius)));
        int dx = rnd.nextInt(2 * shift + 1) - shift;
        int dy = rnd.nextInt(2 * shift + 1) - shift;
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x - dx;
                int sy = y - dy;
                out[y * w + x] = sx >= 0 && sy >= 0 && sx < w && sy < h && g.data[sy * w + sx] != 0;
            }
        }
        if (rnd.nextDouble() < 0.5) {
            blob(mask, out, w, h, radius, rnd);
        }
        float[] values = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            values[i] = out[i] ? 1f : 0f;
        }
        Mask2D result = Mask2D.threshold(values, w, h, 0.5f);
        return result.area() > 0 ? result : null;
    }

    /** Adds or removes a disk centred on a point of the object's outline. */
    private static void blob(Mask2D mask, boolean[] out, int w, int h, double radius, Random rnd) {
        List<Integer> outline = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.get(x, y) && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !mask.get(x - 1, y)
                        || !mask.get(x + 1, y) || !mask.get(x, y - 1) || !mask.get(x, y + 1))) {
                    outline.add(y * w + x);
                }
            }
        }
        if (outline.isEmpty()) {
            return;
        }
        int c = outline.get(rnd.nextInt(outline.size()));
        double r = Math.max(1.5, radius * (0.25 + 0.3 * rnd.nextDouble()));
        boolean add = rnd.nextBoolean();
        int cx = c % w;
        int cy = c / w;
        int ri = (int) Math.ceil(r);
        for (int y = Math.max(0, cy - ri); y <= Math.min(h - 1, cy + ri); y++) {
            for (int x = Math.max(0, cx - ri); x <= Math.min(w - 1, cx + ri); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    out[y * w + x] = add;
                }
            }
        }
    }
}
