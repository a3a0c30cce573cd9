package org.pointlearn.evaluation.training;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.blur.GBlurImageOps;
import boofcv.factory.segmentation.ConfigFh04;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import boofcv.struct.image.ImageType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Resampling;

/**
 * Objects that no annotator drew: one region of an unsupervised segmentation of the slice
 * (Felzenszwalb-Huttenlocher graph segmentation from BoofCV, at a random scale), its outline
 * jittered by a dilation or erosion. Trained on as often as the drawn masks, they teach the
 * network "the region the user points at" rather than a list of anatomical classes (the idea of
 * ScribblePrompt's synthetic labels).
 */
final class PseudoObjects {

    /**
     * How regions are found and which are used. The segmentation runs on the slice scaled to
     * {@code side} (speed; masks come back at full size); FH04's scale K (intensities 0..255) is
     * drawn from {@code ks}, larger giving larger regions; areas are fractions of the slice; a
     * region must fill {@code minFill} of its bounding box (thin rims and edges are no objects),
     * whose sides are at least {@code minSide} pixels of the small grid; its outline is dilated or
     * eroded by up to {@code jitter} of those pixels; with {@code minContrast} above 0 it must stand
     * out from what surrounds it (see {@link #contrast}).
     */
    private record Scale(int side, float[] ks, double minArea, double maxArea, double minFill, int minSide, int jitter,
            double minContrast) {
    }

    /** Organ-sized regions: from a lesion of 0.3 % of the slice to a fifth of it. */
    private static final Scale REGULAR = new Scale(192, new float[] {60, 150, 400}, 0.003, 0.2, 0.35, 5, 2, 0);
    /**
     * Small regions, as small lesions are: 0.01 % to 0.3 % of the slice (about 25 to 800 pixels of a
     * 512 x 512 slice), found on a finer grid with smaller scales; the regular sizes never show
     * the network an object smaller than the click's disk. Only spots that stand out from their
     * surroundings: a fine scale also cuts uniform tissue into pieces, and a click in a heart
     * chamber must still mean the chamber.
     */
    private static final Scale SMALL = new Scale(256, new float[] {20, 60, 150}, 0.0001, 0.003, 0.4, 3, 1, 1);

    /**
     * How the organ-sized or the small pseudo-objects are found, in the words of a model card, from
     * the settings this class uses (so a card cannot say other than what was trained): the scales
     * and grid, and for the small ones their sizes and contrast.
     */
    static String describe(boolean small) {
        Scale s = small ? SMALL : REGULAR;
        StringBuilder ks = new StringBuilder();
        for (float k : s.ks()) {
            ks.append(ks.length() > 0 ? "/" : "").append(Math.round(k));
        }
        String grid = "K " + ks + " on the slice at " + s.side() + " px";
        return small ? percent(s.minArea()) + "-" + percent(s.maxArea()) + " % of the slice: " + grid
                + ", standing out from their surroundings" : grid;
    }

    /** How their outlines are jittered, in the words of a model card. */
    static String describeOutline(boolean small) {
        return "outline dilated or eroded by up to " + (small ? SMALL : REGULAR).jitter() + " px";
    }

    private static String percent(double fraction) {
        return new java.math.BigDecimal(String.valueOf(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /**
     * A pseudo-object of an image, or null when no region of a usable size was found.
     */
    Mask2D draw(Image2D image, Random rnd) {
        return draw(image, rnd, false);
    }

    /**
     * A pseudo-object of an image, organ-sized or (with {@code small}) of a small lesion's size;
     * null when no region of a usable size was found.
     */
    Mask2D draw(Image2D image, Random rnd, boolean small) {
        Scale scale = small ? SMALL : REGULAR;
        int w = image.width();
        int h = image.height();
        double f = (double) scale.side() / Math.max(w, h);
        int sw = Math.max(8, (int) Math.round(w * f));
        int sh = Math.max(8, (int) Math.round(h * f));
        float[] grid = Resampling.bilinear(image.channel(0), w, h, sw, sh);
        GrayF32 grey = new GrayF32(sw, sh);
        float[] sorted = grid.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) (sorted.length * 0.005)];
        float hi = sorted[(int) (sorted.length * 0.995)];
        float stretch = 255f / Math.max(1e-6f, hi - lo);
        for (int i = 0; i < grid.length; i++) {
            grey.data[i] = Math.min(255f, Math.max(0f, (grid[i] - lo) * stretch));
        }
        GBlurImageOps.gaussian(grey, grey, 1.2, -1, null);
        float k = scale.ks()[rnd.nextInt(scale.ks().length)];
        ImageSuperpixels<GrayF32> fh = FactoryImageSegmentation.fh04(
                new ConfigFh04(k, Math.max(small ? 4 : 10, (int) (sw * sh * scale.minArea())), ConnectRule.EIGHT, 0),
                ImageType.single(GrayF32.class));
        GrayS32 labels = new GrayS32(sw, sh);
        fh.segment(grey, labels);
        int n = fh.getTotalSuperpixels();
        int[] area = new int[n];
        int[][] box = new int[n][] ;
        for (int i = 0; i < labels.data.length; i++) {
            int v = labels.data[i];
            area[v]++;
            int x = i % sw;
            int y = i / sw;
            if (box[v] == null) {
                box[v] = new int[] {x, y, x, y};
            } else {
                box[v][0] = Math.min(box[v][0], x);
                box[v][1] = Math.min(box[v][1], y);
                box[v][2] = Math.max(box[v][2], x);
                box[v][3] = Math.max(box[v][3], y);
            }
        }
        double[] contrast = scale.minContrast() > 0 ? contrast(grey, labels, n, area) : null;
        List<Integer> usable = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double a = (double) area[r] / (sw * sh);
            int bw = box[r] == null ? 0 : box[r][2] - box[r][0] + 1;
            int bh = box[r] == null ? 0 : box[r][3] - box[r][1] + 1;
            boolean compact = bw >= scale.minSide() && bh >= scale.minSide() && area[r] >= scale.minFill() * bw * bh;
            boolean stands = contrast == null || contrast[r] >= scale.minContrast();
            if (a >= scale.minArea() && a <= scale.maxArea() && compact && stands && !touchesEdge(labels, r)) {
                usable.add(r);
            }
        }
        if (usable.isEmpty()) {
            return null;
        }
        int chosen = usable.get(rnd.nextInt(usable.size()));
        GrayU8 region = new GrayU8(sw, sh);
        for (int i = 0; i < labels.data.length; i++) {
            region.data[i] = (byte) (labels.data[i] == chosen ? 1 : 0);
        }
        int jitter = rnd.nextInt(2 * scale.jitter() + 1) - scale.jitter(); // erode or dilate (small-grid pixels)
        GrayU8 jittered = region;
        for (int j = 0; j < Math.abs(jitter); j++) {
            jittered = jitter > 0 ? BinaryImageOps.dilate8(jittered, 1, null) : BinaryImageOps.erode8(jittered, 1, null);
        }
        Mask2D mask = fullSize(jittered, w, h);
        return mask.area() > 0 ? mask : fullSize(region, w, h); // a thin region that erosion emptied stays as it was
    }

    private static Mask2D fullSize(GrayU8 region, int w, int h) {
        float[] values = new float[region.width * region.height];
        for (int i = 0; i < values.length; i++) {
            values[i] = region.data[i];
        }
        return Mask2D.threshold(Resampling.bilinear(values, region.width, region.height, w, h), w, h, 0.5f);
    }

    /**
     * Per region, how far its mean grey lies from the mean of the pixels touching it from outside,
     * in units of the larger of 20 grey levels (of 0..255) and its own standard deviation: a spot
     * that stands out scores at least 1, a piece of a uniform tissue that FH cut at a fine scale
     * scores well below.
     */
    private static double[] contrast(GrayF32 grey, GrayS32 labels, int n, int[] area) {
        int w = labels.width;
        int h = labels.height;
        double[] sum = new double[n];
        double[] squares = new double[n];
        double[] ring = new double[n];
        int[] ringCount = new int[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int a = labels.data[i];
                double g = grey.data[i];
                sum[a] += g;
                squares[a] += g * g;
                for (int k = 0; k < 4; k++) { // the four neighbours
                    int qx = x + (k == 0 ? -1 : k == 1 ? 1 : 0);
                    int qy = y + (k == 2 ? -1 : k == 3 ? 1 : 0);
                    if (qx >= 0 && qx < w && qy >= 0 && qy < h && labels.data[qy * w + qx] != a) {
                        ring[a] += grey.data[qy * w + qx];
                        ringCount[a]++;
                    }
                }
            }
        }
        double[] c = new double[n];
        for (int r = 0; r < n; r++) {
            if (area[r] == 0 || ringCount[r] == 0) {
                continue;
            }
            double mean = sum[r] / area[r];
            double sd = Math.sqrt(Math.max(0, squares[r] / area[r] - mean * mean));
            c[r] = Math.abs(mean - ring[r] / ringCount[r]) / Math.max(20, 1.5 * sd);
        }
        return c;
    }

    /** Regions along the slice's edge are background more often than not. */
    private static boolean touchesEdge(GrayS32 labels, int region) {
        int w = labels.width;
        int h = labels.height;
        for (int x = 0; x < w; x++) {
            if (labels.data[x] == region || labels.data[(h - 1) * w + x] == region) {
                return true;
            }
        }
        for (int y = 0; y < h; y++) {
            if (labels.data[y * w] == region || labels.data[y * w + w - 1] == region) {
                return true;
            }
        }
        return false;
    }
}
