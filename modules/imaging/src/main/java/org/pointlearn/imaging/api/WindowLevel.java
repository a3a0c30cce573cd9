package org.pointlearn.imaging.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
     * A window from the 1st to the 99th percentile of the volume's values above its minimum (the
     * background), estimated from at most 200,000 voxels.
     */
    public static WindowLevel robust(Volume volume) {
        return percentiles(volume, 0.01, 0.99);
    }

    /**
     * A window between two percentiles of the volume's values above its minimum (the background),
     * estimated from at most 200,000 voxels. MR values have no fixed unit, so MR presets are
     * percentiles rather than numbers.
     *
     * @param low the lower fraction, e.g. 0.01
     * @param high the upper fraction, above low, e.g. 0.99
     */
    public static WindowLevel percentiles(Volume volume, double low, double high) {
        return percentiles(volume, new double[] {low, high}).get(0);
    }

    /**
     * Several percentile windows from one sample of the volume (one pass and one sort for all).
     *
     * @param bounds per window its lower and upper fraction, e.g. {0.01, 0.99}
     * @return the windows, in the order of {@code bounds}
     */
    public static List<WindowLevel> percentiles(Volume volume, double[]... bounds) {
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
        List<WindowLevel> windows = new ArrayList<>(bounds.length);
        if (first >= values.length - 1) { // one value only: every window is the same
            for (int i = 0; i < bounds.length; i++) {
                windows.add(new WindowLevel(min, 1));
            }
            return windows;
        }
        for (double[] b : bounds) {
            double lo = values[first + (int) ((values.length - first - 1) * b[0])];
            double hi = values[first + (int) ((values.length - first - 1) * b[1])];
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            windows.add(new WindowLevel((lo + hi) / 2, hi - lo));
        }
        return windows;
    }
}
