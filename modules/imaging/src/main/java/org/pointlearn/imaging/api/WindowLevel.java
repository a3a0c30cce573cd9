package org.pointlearn.imaging.api;

import java.util.Arrays;

/**
 * Display window: values from {@code center - width/2} to {@code center + width/2} map to
 * black..white.
 *
 * @param center the value shown mid-grey
 * @param width the range of values spread over the grey scale; positive
 */
public record WindowLevel(double center, double width) {

    /** Validates the window. */
    public WindowLevel {
        if (!(width > 0)) {
            throw new IllegalArgumentException("window width must be positive: " + width);
        }
    }

    /** Grey level 0..255 of a value. */
    public int grey(double value) {
        double g = (value - (center - width / 2)) / width * 255.0;
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) Math.round(g);
    }

    /**
     * A window spanning the 1st to 99th percentile of the volume's non-background values,
     * the default a reader expects for MRI, where the maximum is an outlier.
     */
    public static WindowLevel robust(Volume volume) {
        int[] size = volume.geometry().size();
        int n = size[0] * size[1];
        int step = Math.max(1, (int) ((long) n * size[2] / 200_000));
        float[] sample = new float[(int) ((long) n * size[2] / step) + 1];
        int count = 0;
        long index = 0;
        for (int k = 0; k < size[2]; k++) {
            float[] s = volume.slice(k);
            for (; index < (long) (k + 1) * n; index += step) {
                sample[count++] = s[(int) (index - (long) k * n)];
            }
        }
        float[] values = Arrays.copyOf(sample, count);
        Arrays.sort(values);
        float min = values[0];
        int first = 0;
        while (first < values.length && values[first] <= min) {
            first++;
        }
        if (first >= values.length - 1) {
            return new WindowLevel(min, 1);
        }
        double lo = values[first + (int) ((values.length - first - 1) * 0.01)];
        double hi = values[first + (int) ((values.length - first - 1) * 0.99)];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new WindowLevel((lo + hi) / 2, hi - lo);
    }
}
