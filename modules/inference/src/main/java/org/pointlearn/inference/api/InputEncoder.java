package org.pointlearn.inference.api;

import java.util.Arrays;
import java.util.List;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Resampling;

/**
 * The one place where an image, the clicks and the previous prediction become the
 * network's input, and the network's output goes back to the image's grid. Training,
 * evaluation and the workstation all use it, so they feed the model identically.
 */
public final class InputEncoder {

    private final ModelCard card;
    private final int size;

    /** @param card the model's input specification */
    public InputEncoder(ModelCard card) {
        this.card = card;
        this.size = card.workingSize;
    }

    /** The image's channels resampled to the working grid and normalised; reuse per image. */
    public record WorkingImage(int sourceWidth, int sourceHeight, float[] channels) {
    }

    /** Side of the working grid. */
    public int workingSize() {
        return size;
    }

    /**
     * Resamples and normalises an image. Costly (a few ms): do it once per image.
     *
     * @throws IllegalArgumentException when the channel count does not match the model
     */
    public WorkingImage prepare(Image2D image) {
        if (image.channels() != card.imageChannels) {
            throw new IllegalArgumentException("the model '" + card.name + "' expects " + card.imageChannels
                    + " image channel(s), the image has " + image.channels());
        }
        int n = size * size;
        float[] out = new float[n * image.channels()];
        for (int c = 0; c < image.channels(); c++) {
            float[] ch = Resampling.bilinear(image.channel(c), image.width(), image.height(), size, size);
            normalise(ch);
            System.arraycopy(ch, 0, out, c * n, n);
        }
        return new WorkingImage(image.width(), image.height(), out);
    }

    /**
     * The full network input for one image: image channels, positive-click map,
     * negative-click map, previous probability (zeros when null).
     *
     * @param image prepared image
     * @param clicks clicks in the source image's pixels
     * @param previous previous probability on the source grid, or null before the first click
     * @return (imageChannels + 3) * size * size values, channel-major
     */
    public float[] encode(WorkingImage image, List<Click> clicks, float[] previous) {
        int n = size * size;
        int c = card.imageChannels;
        float[] in = Arrays.copyOf(image.channels(), (c + 3) * n);
        for (Click k : clicks) {
            paintClick(in, (k.positive() ? c : c + 1) * n, k, image);
        }
        if (previous != null) {
            float[] p = toWorkingGrid(previous, image.sourceWidth(), image.sourceHeight());
            System.arraycopy(p, 0, in, (c + 2) * n, n);
        }
        return in;
    }

    /** A map on the source grid resampled to the working grid. */
    public float[] toWorkingGrid(float[] map, int width, int height) {
        if (map.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " values, got " + map.length);
        }
        return Resampling.bilinear(map, width, height, size, size);
    }

    /** A map on the working grid resampled to a source grid. */
    public float[] toSourceGrid(float[] map, int width, int height) {
        return Resampling.bilinear(map, size, size, width, height);
    }

    /** Working-grid coordinate of a source pixel centre along an axis of the given length. */
    public double toWorking(int pixel, int length) {
        return (pixel + 0.5) * size / length - 0.5;
    }

    private void paintClick(float[] in, int offset, Click k, WorkingImage image) {
        double cx = toWorking(k.x(), image.sourceWidth());
        double cy = toWorking(k.y(), image.sourceHeight());
        double r = card.clickEncoding.radius;
        boolean disk = "disk".equals(card.clickEncoding.type);
        double reach = disk ? r : 3 * r;
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(cy + reach));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                float v = disk ? (d2 <= r * r ? 1f : 0f) : (float) Math.exp(-d2 / (2 * r * r));
                int i = offset + y * size + x;
                in[i] = Math.max(in[i], v);
            }
        }
    }

    private void normalise(float[] ch) {
        if ("zscore".equals(card.normalisation.type)) {
            double mean = 0;
            for (float v : ch) {
                mean += v;
            }
            mean /= ch.length;
            double var = 0;
            for (float v : ch) {
                var += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(var / ch.length);
            float scale = (float) (sd > 1e-6 ? 1 / sd : 1);
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) ((ch[i] - mean) * scale);
            }
            return;
        }
        float[] sorted = ch.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) Math.round((sorted.length - 1) * card.normalisation.low / 100)];
        float hi = sorted[(int) Math.round((sorted.length - 1) * card.normalisation.high / 100)];
        float range = hi > lo ? hi - lo : 1;
        for (int i = 0; i < ch.length; i++) {
            ch[i] = Math.min(1f, Math.max(0f, (ch[i] - lo) / range));
        }
    }
}
