package org.pointlearn.inference.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The parts of a mask: the focus policy's local regions and the edit rule that keeps clicked parts. */
final class MaskParts {

    private MaskParts() {
    }

    /** The 8-connected parts of the mask (probability >= 0.5), each as its pixels. */
    static List<List<int[]>> of(float[] probability, int w, int h) {
        List<List<int[]>> parts = new ArrayList<>();
        boolean[] seen = new boolean[probability.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < probability.length; start++) {
            if (seen[start] || probability[start] < 0.5f) {
                continue;
            }
            List<int[]> part = new ArrayList<>();
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % w;
                int y = i / w;
                part.add(new int[] {x, y});
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int j = ny * w + nx;
                        if (!seen[j] && probability[j] >= 0.5f) {
                            seen[j] = true;
                            queue.add(j);
                        }
                    }
                }
            }
            parts.add(part);
        }
        return parts;
    }
}
