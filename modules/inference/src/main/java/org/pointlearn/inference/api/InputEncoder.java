package org.pointlearn.inference.api;

import java.util.Arrays;
import java.util.List;
import org.pointlearn.imaging.api.Disk;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Region;
import org.pointlearn.imaging.api.Resampling;

/**
 * The one place where an image, the clicks and the previous prediction become the
 * network's input, and the network's output goes back to the image's grid. Training,
 * evaluation and the workstation all use it, so they feed the model identically.
 *
 * <p>The network looks at a {@link Region} of the image (the whole image, or a focus crop
 * around what the user points at) resampled to its square working grid. Intensities are
 * normalised with values measured once over the whole image, so a crop of dark background
 * is not stretched to full contrast.
 */
public final class InputEncoder {

    private final ModelCard card;
    private final int size;

    /** @param card the model's input specification */
    public InputEncoder(ModelCard card) {
        this.card = card;
        this.size = card.workingSize();
    }

    /**
     * An image with its intensity normalisation, per channel {@code (v - offset) * scale},
     * clipped to [0, 1] when {@code clip}: ready to be viewed through any region.
     */
    public record PreparedImage(Image2D image, float[] offset, float[] scale, boolean clip) {
        /** Columns of the image. */
        public int width() {
            return image.width();
        }

        /** Rows of the image. */
        public int height() {
            return image.height();
        }
    }

    /**
     * A region of an image as the network sees it.
     *
     * @param sourceWidth columns of the image
     * @param sourceHeight rows of the image
     * @param channels normalised image channels on the working grid, channel-major (0 where the
     *                 region reaches past the image)
     * @param region the part of the image the grid covers, in image pixels
     */
    public record WorkingImage(int sourceWidth, int sourceHeight, float[] channels, Region region) {
        /** The whole image on the grid (training works on grids that are their own source). */
        public WorkingImage(int sourceWidth, int sourceHeight, float[] channels) {
            this(sourceWidth, sourceHeight, channels, Region.whole(sourceWidth, sourceHeight));
        }
    }

    /** Side of the working grid. */
    public int workingSize() {
        return size;
    }

    /**
     * Measures an image's normalisation (over the whole image on the working grid). A few ms:
     * do it once per image.
     *
     * @throws IllegalArgumentException when the channel count does not match the model
     */
    public PreparedImage prepareImage(Image2D image) {
        if (image.channels() != card.imageChannels()) {
            throw new IllegalArgumentException("the model '" + card.name() + "' expects " + card.imageChannels()
                    + " image channel(s), the image has " + image.channels());
        }
        int c = image.channels();
        float[] offset = new float[c];
        float[] scale = new float[c];
        for (int k = 0; k < c; k++) {
            float[] ch = Resampling.bilinear(image.channel(k), image.width(), image.height(), size, size);
            float[] os = measure(ch);
            offset[k] = os[0];
            scale[k] = os[1];
        }
        return new PreparedImage(image, offset, scale, card.normalisation().type() != ModelCard.Normalisation.Scaling.ZSCORE);
    }

    /**
     * A region of a prepared image on the working grid.
     */
    public WorkingImage view(PreparedImage prepared, Region region) {
        Image2D image = prepared.image();
        int n = size * size;
        float[] out = new float[n * image.channels()];
        for (int c = 0; c < image.channels(); c++) {
            // outside the image: a mark no image value has (a NaN in the image stays NaN, so a damaged
            // slice gives a loss that is not finite and its update is undone in words)
            // channel 0 is read in place (data() starts with it): no copy of the slice for each view
            float[] ch = Resampling.crop(c == 0 ? image.data() : image.channel(c), image.width(), image.height(), region,
                    size, size, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if (ch[i] == Float.NEGATIVE_INFINITY) {
                    out[c * n + i] = 0f;
                    continue;
                }
                float v = (ch[i] - prepared.offset()[c]) * prepared.scale()[c];
                out[c * n + i] = prepared.clip() ? Math.min(1f, Math.max(0f, v)) : v;
            }
        }
        return new WorkingImage(image.width(), image.height(), out, region);
    }

    /** The whole image resampled and normalised: {@link #prepareImage} then {@link #view} of all of it. */
    public WorkingImage prepare(Image2D image) {
        return view(prepareImage(image), Region.whole(image.width(), image.height()));
    }

    /**
     * The full network input for one view: image channels, positive-click map,
     * negative-click map, previous probability (zeros when null).
     *
     * @param image a view of the image
     * @param clicks clicks in the source image's pixels (those outside the view are left out)
     * @param previous previous probability on the source grid, or null before the first click
     * @return (imageChannels + 3) * size * size values, channel-major
     */
    public float[] encode(WorkingImage image, List<Click> clicks, float[] previous) {
        int n = size * size;
        int c = card.imageChannels();
        float[] in = Arrays.copyOf(image.channels(), (c + 3) * n);
        for (Click k : clicks) {
            paintClick(in, (k.positive() ? c : c + 1) * n, k, image);
        }
        if (previous != null) {
            float[] p = toWorkingGrid(previous, image);
            System.arraycopy(p, 0, in, (c + 2) * n, n);
        }
        return in;
    }

    /** A map on the source grid seen through a view (0 outside the image). */
    public float[] toWorkingGrid(float[] map, WorkingImage view) {
        if (map.length != view.sourceWidth() * view.sourceHeight()) {
            throw new IllegalArgumentException("expected " + view.sourceWidth() * view.sourceHeight() + " values, got "
                    + map.length);
        }
        return Resampling.crop(map, view.sourceWidth(), view.sourceHeight(), view.region(), size, size, 0f);
    }

    /** A map on the source grid resampled to the working grid (the whole image). */
    public float[] toWorkingGrid(float[] map, int width, int height) {
        return toWorkingGrid(map, new WorkingImage(width, height, null));
    }

    /**
     * A map on a view's working grid put back on the source grid: inside the view's region the
     * map, everywhere else the base (zeros when null), exactly.
     */
    public float[] toSourceGrid(float[] map, WorkingImage view, float[] base) {
        float[] out = base == null ? new float[view.sourceWidth() * view.sourceHeight()] : base.clone();
        Resampling.paste(map, size, size, view.region(), out, view.sourceWidth(), view.sourceHeight());
        return out;
    }

    /** A map on the working grid resampled to a source grid (the whole image). */
    public float[] toSourceGrid(float[] map, int width, int height) {
        return toSourceGrid(map, new WorkingImage(width, height, null), null);
    }

    /** A click's position on a view's working grid, {x, y} (pixel centres at integers). */
    public double[] toWorking(Click click, WorkingImage view) {
        return new double[] {view.region().gridX(click.x(), size), view.region().gridY(click.y(), size)};
    }

    private void paintClick(float[] in, int offset, Click k, WorkingImage image) {
        double[] centre = toWorking(k, image);
        double r = card.clickEncoding().radius();
        boolean disk = card.clickEncoding().type() == ModelCard.ClickEncoding.Shape.DISK;
        Disk.visit(centre[0], centre[1], disk ? r : 3 * r, size, size, (x, y, d2) -> {
            float v = disk ? 1f : (float) Math.exp(-d2 / (2 * r * r));
            int i = offset + y * size + x;
            in[i] = Math.max(in[i], v);
        });
    }

    /** {offset, scale} of one channel's normalisation. */
    private float[] measure(float[] ch) {
        if (card.normalisation().type() == ModelCard.Normalisation.Scaling.ZSCORE) {
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
            return new float[] {(float) mean, (float) (sd > 1e-6 ? 1 / sd : 1)};
        }
        float[] sorted = ch.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) Math.round((sorted.length - 1) * card.normalisation().low() / 100)];
        float hi = sorted[(int) Math.round((sorted.length - 1) * card.normalisation().high() / 100)];
        return new float[] {lo, 1 / (hi > lo ? hi - lo : 1)};
    }
}
