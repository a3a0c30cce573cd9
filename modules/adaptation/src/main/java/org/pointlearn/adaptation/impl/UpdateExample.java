package org.pointlearn.adaptation.impl;

/**
 * One training example on the working grid: the network input as the user's prediction saw
 * it, what the output should be, how much each pixel counts, and (IA+SA) the initial
 * prediction to stay near.
 *
 * @param input (imageChannels + 3) * size * size values, channel-major
 * @param target size * size values in 0..1
 * @param weight size * size per-pixel loss weights, or null for uniform
 * @param anchor size * size initial prediction (0/1) or null
 */
public record UpdateExample(float[] input, float[] target, float[] weight, float[] anchor) {

    /** Whether every value of every part is a finite number (a damaged image's are not). */
    public boolean finite() {
        return finite(input) && finite(target) && finite(weight) && finite(anchor);
    }

    /** Whether every value is a finite number (true for null). */
    public static boolean finite(float[] values) {
        if (values != null) {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
