package org.pointlearn.evaluation.clicker;

import java.util.OptionalInt;
import java.util.Set;
import org.pointlearn.imaging.api.DistanceTransform;

/**
 * The pixels of one kind of error (missed object or spurious background), with the depth of
 * each: the squared distance to the nearest pixel outside the region, the image edge counting
 * as outside. The transform runs on the region's bounding box padded by one pixel, which gives
 * the same depths as the whole image: a nearest outside pixel beyond the box is never closer than
 * the padding.
 */
final class ErrorRegion {

    private final int imageWidth;
    private final int left;
    private final int top;
    private final int boxWidth;
    private final int[] depth;
    private final int maxDepth;

    private ErrorRegion(int imageWidth, int left, int top, int boxWidth, int[] depth) {
        this.imageWidth = imageWidth;
        this.left = left;
        this.top = top;
        this.boxWidth = boxWidth;
        this.depth = depth;
        int max = 0;
        for (int d : depth) {
            max = Math.max(max, d);
        }
        this.maxDepth = max;
    }

    /**
     * The region of the flagged pixels.
     *
     * @param region row-major flags of the whole image
     * @param width image columns
     * @param height image rows
     */
    static ErrorRegion of(boolean[] region, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                if (region[i]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return new ErrorRegion(width, 0, 0, 0, new int[0]);
        }
        int boxWidth = maxX - minX + 3;
        int boxHeight = maxY - minY + 3;
        boolean[] inside = new boolean[boxWidth * boxHeight];
        for (int y = minY; y <= maxY; y++) {
            System.arraycopy(region, y * width + minX, inside, (y - minY + 1) * boxWidth + 1, boxWidth - 2);
        }
        return new ErrorRegion(width, minX - 1, minY - 1, boxWidth,
                DistanceTransform.squared(inside, boxWidth, boxHeight));
    }

    /** The largest squared depth; 0 when the region is empty. */
    int maxDepth() {
        return maxDepth;
    }

    /**
     * The row-major image index of the deepest pixel not in {@code excluded} (first in row-major
     * order among equals); empty when every pixel of the region is excluded or there is none.
     */
    OptionalInt deepestPixel(Set<Integer> excluded) {
        int best = 0;
        int bestIndex = -1;
        for (int b = 0; b < depth.length; b++) {
            if (depth[b] > best) {
                int index = (top + b / boxWidth) * imageWidth + left + b % boxWidth;
                if (!excluded.contains(index)) {
                    best = depth[b];
                    bestIndex = index;
                }
            }
        }
        return bestIndex < 0 ? OptionalInt.empty() : OptionalInt.of(bestIndex);
    }
}
