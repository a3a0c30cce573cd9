package org.pointlearn.evaluation.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pointlearn.imaging.api.DistanceTransform;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * Clicks sampled for training: a first positive click well inside the object (as a user's
 * first click would be), and, for the ablation without iterative training, a random set of
 * positive and negative clicks placed at once.
 */
final class TrainingClicks {

    private TrainingClicks() {
    }

    /** A positive click at a random pixel whose depth inside the object is at least 40 % of the deepest. */
    static Click firstPositive(Mask2D mask, Random rnd) {
        int w = mask.width();
        int h = mask.height();
        int[] d = DistanceTransform.depthInside(mask);
        int max = 0;
        for (int v : d) {
            max = Math.max(max, v);
        }
        List<int[]> candidates = new ArrayList<>();
        double limit = 0.16 * max;      // 0.4^2: distances are squared
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.get(x, y) && d[y * w + x] >= limit) {
                    candidates.add(new int[] {x, y});
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Click(w / 2, h / 2, true);
        }
        int[] p = candidates.get(rnd.nextInt(candidates.size()));
        return new Click(p[0], p[1], true);
    }

    /** One to three positive clicks inside and zero to two negative clicks near the object. */
    static List<Click> randomSet(Mask2D mask, Random rnd) {
        List<Click> clicks = new ArrayList<>();
        clicks.add(firstPositive(mask, rnd));
        int positives = rnd.nextInt(3);
        int negatives = rnd.nextInt(3);
        for (int tries = 0; tries < 200 && (positives > 0 || negatives > 0); tries++) {
            int x = rnd.nextInt(mask.width());
            int y = rnd.nextInt(mask.height());
            boolean in = mask.get(x, y);
            if (in && positives > 0) {
                clicks.add(new Click(x, y, true));
                positives--;
            } else if (!in && negatives > 0 && nearObject(mask, x, y)) {
                clicks.add(new Click(x, y, false));
                negatives--;
            }
        }
        return clicks;
    }

    private static boolean nearObject(Mask2D mask, int x, int y) {
        int r = Math.max(4, mask.width() / 12);
        for (int dy = -r; dy <= r; dy += 2) {
            for (int dx = -r; dx <= r; dx += 2) {
                int px = x + dx;
                int py = y + dy;
                if (px >= 0 && py >= 0 && px < mask.width() && py < mask.height() && mask.get(px, py)) {
                    return true;
                }
            }
        }
        return false;
    }
}
