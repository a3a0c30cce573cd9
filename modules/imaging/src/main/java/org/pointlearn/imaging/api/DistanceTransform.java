package org.pointlearn.imaging.api;

import java.util.Arrays;

/**
 * Exact Euclidean distance transform of a binary grid in linear time: a distance pass along each
 * column, then the lower envelope of parabolas along each row (Felzenszwalb and Huttenlocher,
 * "Distance Transforms of Sampled Functions", 2012). Intersections are kept as exact fractions.
 */
public final class DistanceTransform {

    /** The value given to every pixel when the grid holds no outside pixel at all. */
    public static final int UNREACHABLE = Integer.MAX_VALUE;

    private DistanceTransform() {
    }

    /**
     * Squared distance, in pixels, from each pixel to the nearest pixel that is not inside (0 for
     * those); only pixels of the grid count, so pad the grid to make its edge a boundary.
     *
     * @param inside row-major flags, width*height of them
     * @param width columns
     * @param height rows
     * @return row-major squared distances, {@link #UNREACHABLE} everywhere if nothing is outside
     */
    public static int[] squared(boolean[] inside, int width, int height) {
        if (inside.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " flags, got " + inside.length);
        }
        int[] distances = downwardDistances(inside, width, height);
        RowEnvelope envelope = new RowEnvelope(width);
        int[] below = new int[width];
        Arrays.fill(below, UNREACHABLE);
        // Upward column pass and row pass together, so each row is transformed while in cache.
        for (int y = height - 1; y >= 0; y--) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int d = distances[offset + x];
                if (below[x] != UNREACHABLE && below[x] + 1 < d) {
                    d = below[x] + 1;
                }
                below[x] = d;
                distances[offset + x] = d == UNREACHABLE ? UNREACHABLE : d * d;
            }
            envelope.transform(distances, offset);
        }
        return distances;
    }

    /**
     * How deep each pixel lies inside a mask: the squared distance to the nearest pixel outside it,
     * the slice's edge counting as outside (a pixel on the edge has depth 1); 0 outside the mask.
     *
     * @return row-major squared depths on the mask's grid
     */
    public static int[] depthInside(Mask2D mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] inside = new boolean[(w + 2) * (h + 2)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                inside[(y + 1) * (w + 2) + x + 1] = mask.get(x, y);
            }
        }
        int[] padded = squared(inside, w + 2, h + 2);
        int[] depth = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(padded, (y + 1) * (w + 2) + 1, depth, y * w, w);
        }
        return depth;
    }

    /**
     * The deepest pixel of a mask ({@link #depthInside}; the first in row-major order among
     * equals) as {x, y}, or null for an empty mask.
     */
    public static int[] deepestPixel(Mask2D mask) {
        int[] d = depthInside(mask);
        int arg = -1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] > 0 && (arg < 0 || d[i] > d[arg])) {
                arg = i;
            }
        }
        return arg < 0 ? null : new int[] {arg % mask.width(), arg / mask.width()};
    }

    /** Rows to the nearest outside pixel at or above each pixel in its column. */
    private static int[] downwardDistances(boolean[] inside, int width, int height) {
        int[] d = new int[width * height];
        for (int x = 0; x < width; x++) {
            d[x] = inside[x] ? UNREACHABLE : 0;
        }
        for (int i = width; i < d.length; i++) {
            d[i] = !inside[i] ? 0 : d[i - width] == UNREACHABLE ? UNREACHABLE : d[i - width] + 1;
        }
        return d;
    }

    /**
     * Scratch space and the 1D pass along one row. Parabola k of the envelope has its apex at
     * column apex[k] and lies lowest from column startNum[k] / startDen[k] on.
     */
    private static final class RowEnvelope {

        private final int[] apex;
        private final long[] startNum;
        private final long[] startDen;
        private final int[] row;

        RowEnvelope(int width) {
            apex = new int[width];
            startNum = new long[width];
            startDen = new long[width];
            row = new int[width];
        }

        /** Replaces the row at {@code offset}: f[q] becomes min over p of (q - p)^2 + f[p]. */
        void transform(int[] f, int offset) {
            int n = row.length;
            System.arraycopy(f, offset, row, 0, n);
            int k = -1;
            for (int q = 0; q < n; q++) {
                if (row[q] == UNREACHABLE) {
                    continue;
                }
                long fq = row[q] + (long) q * q;
                long num = 0;
                long den = 1;
                while (k >= 0) {
                    int p = apex[k];
                    num = fq - row[p] - (long) p * p;
                    den = 2L * (q - p);
                    if (k == 0 || num * startDen[k] > startNum[k] * den) {
                        break;
                    }
                    k--;
                }
                k++;
                apex[k] = q;
                startNum[k] = num;
                startDen[k] = den;
            }
            fill(f, offset, k);
        }

        private void fill(int[] f, int offset, int last) {
            int n = row.length;
            if (last < 0) {
                Arrays.fill(f, offset, offset + n, UNREACHABLE);
                return;
            }
            int j = 0;
            for (int q = 0; q < n; q++) {
                while (j < last && startNum[j + 1] < q * startDen[j + 1]) {
                    j++;
                }
                long dx = q - apex[j];
                f[offset + q] = (int) (dx * dx + row[apex[j]]);
            }
        }
    }
}
