package org.pointlearn.evaluation.clicker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/** Compares the clicker with a slow, obviously correct version of the same rule. */
class SimulatedUserReferenceTest {

    /** Squared depth of pixel i in the region: distance to the nearest non-region pixel or past the edge. */
    private static int depth(boolean[] region, int w, int h, int i) {
        if (!region[i]) {
            return 0;
        }
        int x = i % w;
        int y = i / w;
        int toEdge = Math.min(Math.min(x + 1, w - x), Math.min(y + 1, h - y));
        int best = toEdge * toEdge;
        for (int j = 0; j < region.length; j++) {
            if (!region[j]) {
                int dx = x - j % w;
                int dy = y - j / w;
                best = Math.min(best, dx * dx + dy * dy);
            }
        }
        return best;
    }

    private static Optional<Click> reference(Mask2D truth, Mask2D prediction, List<Click> previous) {
        int w = truth.width();
        int h = truth.height();
        boolean[] missed = new boolean[w * h];
        boolean[] spurious = new boolean[w * h];
        for (int i = 0; i < missed.length; i++) {
            missed[i] = truth.get(i) && !prediction.get(i);
            spurious[i] = prediction.get(i) && !truth.get(i);
        }
        boolean positiveFirst = maxDepth(missed, w, h, List.of()) >= maxDepth(spurious, w, h, List.of());
        Optional<Click> first = deepest(positiveFirst ? missed : spurious, w, h, previous, positiveFirst);
        return first.isPresent() ? first : deepest(positiveFirst ? spurious : missed, w, h, previous, !positiveFirst);
    }

    private static int maxDepth(boolean[] region, int w, int h, List<Click> excluded) {
        int best = 0;
        for (int i = 0; i < region.length; i++) {
            if (!clicked(excluded, i % w, i / w)) {
                best = Math.max(best, depth(region, w, h, i));
            }
        }
        return best;
    }

    private static Optional<Click> deepest(boolean[] region, int w, int h, List<Click> excluded, boolean positive) {
        int best = maxDepth(region, w, h, excluded);
        for (int i = 0; i < region.length && best > 0; i++) {
            if (depth(region, w, h, i) == best && !clicked(excluded, i % w, i / w)) {
                return Optional.of(new Click(i % w, i / w, positive));
            }
        }
        return Optional.empty();
    }

    private static boolean clicked(List<Click> clicks, int x, int y) {
        return clicks.stream().anyMatch(c -> c.x() == x && c.y() == y);
    }

    private static Mask2D blobs(Random random, int w, int h) {
        float[] f = new float[w * h];
        for (int b = random.nextInt(4); b >= 0; b--) {
            int cx = random.nextInt(w);
            int cy = random.nextInt(h);
            int r = 1 + random.nextInt(Math.max(w, h) / 2);
            for (int i = 0; i < f.length; i++) {
                int dx = i % w - cx;
                int dy = i / w - cy;
                if (dx * dx + dy * dy <= r * r) {
                    f[i] = 1;
                }
            }
        }
        return Mask2D.threshold(f, w, h, 0.5f);
    }

    @Test
    void agreesWithTheReferenceOnRandomMasksAndClickHistories() {
        Random random = new Random(11);
        SimulatedUser user = new SimulatedUser();
        for (int trial = 0; trial < 300; trial++) {
            int w = 3 + random.nextInt(20);
            int h = 3 + random.nextInt(20);
            Mask2D truth = blobs(random, w, h);
            Mask2D prediction = random.nextInt(4) == 0 ? Mask2D.empty(w, h) : blobs(random, w, h);
            List<Click> clicks = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                Optional<Click> expected = reference(truth, prediction, clicks);
                assertEquals(expected, user.nextClick(truth, prediction, clicks), "trial " + trial + " click " + k);
                if (expected.isEmpty()) {
                    break;
                }
                clicks.add(expected.get());
            }
        }
    }
}
