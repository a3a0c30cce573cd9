package org.pointlearn.evaluation.protocol;

import java.util.List;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;

/**
 * A non-neural stand-in policy: every pixel takes the label of the click it resembles most, the
 * cost of a click being its grey difference over a tolerance plus its distance over a radius
 * (both squared). A pixel is object when its cheapest click is positive and costs at most 1, so
 * the object grows around positive clicks over similar grey values and negative clicks carve
 * out the background they resemble.
 */
final class NearestClickSegmenter implements InteractiveSegmenter {

    private final double tolerance;
    private final int radius;

    /**
     * @param tolerance grey difference costing 1, as a fraction of the image's grey range
     * @param radius distance in pixels costing 1
     */
    NearestClickSegmenter(double tolerance, int radius) {
        this.tolerance = tolerance;
        this.radius = radius;
    }

    @Override
    public float[] predict(Image2D image, List<Click> clicks, float[] previous) {
        int w = image.width();
        float[] grey = grey(image);
        double allowed = tolerance * range(grey);
        float[] object = new float[grey.length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double best = Double.MAX_VALUE;
                boolean positive = false;
                for (Click c : clicks) {
                    double dg = (grey[i] - grey[c.y() * w + c.x()]) / allowed;
                    double dx = (x - c.x()) / (double) radius;
                    double dy = (y - c.y()) / (double) radius;
                    double cost = dg * dg + dx * dx + dy * dy;
                    if (cost < best) {
                        best = cost;
                        positive = c.positive();
                    }
                }
                object[i] = positive && best <= 1 ? 1f : 0f;
            }
        }
        return object;
    }

    private static float[] grey(Image2D image) {
        int n = image.width() * image.height();
        float[] grey = new float[n];
        for (int c = 0; c < image.channels(); c++) {
            float[] channel = image.channel(c);
            for (int i = 0; i < n; i++) {
                grey[i] += channel[i] / image.channels();
            }
        }
        return grey;
    }

    private static double range(float[] grey) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : grey) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return Math.max(1e-6, max - min);
    }
}
