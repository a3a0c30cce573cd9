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

    /** The segmentation runs on the slice scaled to this longer side (speed; masks come back at full size). */
    private static final int SEGMENT_SIDE = 192;
    /** FH04's scale K for intensities 0..255: larger gives larger regions. */
    private static final float[] SCALES = {60, 150, 400};
    /** Accepted region areas, as fractions of the slice. */
    private static final double MIN_AREA = 0.003;
    /** Least share of its bounding box a region fills: thin rims and edges are no objects. */
    private static final double MIN_FILL = 0.35;
    /** Least side of its bounding box, in pixels of the small grid. */
    private static final int MIN_SIDE = 5;
    private static final double MAX_AREA = 0.2;

    /**
     * A pseudo-object of an image, or null when no region of a usable size was found.
     */
    Mask2D draw(Image2D image, Random rnd) {
        int w = image.width();
        int h = image.height();
        double f = (double) SEGMENT_SIDE / Math.max(w, h);
        int sw = Math.max(8, (int) Math.round(w * f));
        int sh = Math.max(8, (int) Math.round(h * f));
        float[] small = Resampling.bilinear(image.channel(0), w, h, sw, sh);
        GrayF32 grey = new GrayF32(sw, sh);
        float[] sorted = small.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) (sorted.length * 0.005)];
        float hi = sorted[(int) (sorted.length * 0.995)];
        float scale = 255f / Math.max(1e-6f, hi - lo);
        for (int i = 0; i < small.length; i++) {
            grey.data[i] = Math.min(255f, Math.max(0f, (small[i] - lo) * scale));
        }
        GBlurImageOps.gaussian(grey, grey, 1.2, -1, null);
        float k = SCALES[rnd.nextInt(SCALES.length)];
        ImageSuperpixels<GrayF32> fh = FactoryImageSegmentation.fh04(
                new ConfigFh04(k, Math.max(10, (int) (sw * sh * MIN_AREA)), ConnectRule.EIGHT, 0),
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
        List<Integer> usable = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double a = (double) area[r] / (sw * sh);
            int bw = box[r] == null ? 0 : box[r][2] - box[r][0] + 1;
            int bh = box[r] == null ? 0 : box[r][3] - box[r][1] + 1;
            boolean compact = bw >= MIN_SIDE && bh >= MIN_SIDE && area[r] >= MIN_FILL * bw * bh;
            if (a >= MIN_AREA && a <= MAX_AREA && compact && !touchesEdge(labels, r)) {
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
        int jitter = rnd.nextInt(5) - 2; // -2..2: erode or dilate by up to two (small-grid) pixels
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
