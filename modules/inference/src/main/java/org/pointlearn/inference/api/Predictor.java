package org.pointlearn.inference.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Region;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Turns an image, the user's clicks and the previous prediction into a probability map on
 * the image's own grid: through the model's focus policy (which part of the image the network
 * looks at) and its local edit rules. Safe to call from several threads (calls are serialised);
 * every call's native memory is freed before it returns.
 */
public final class Predictor {

    /**
     * How much surer the network must be of the wider first square's mask for it to be shown
     * rather than the near one's (measured: docs/interaction.md, "Two first squares").
     */
    static final double WIDER_BY = 0.02;

    /**
     * Which of a click's first squares is shown when it is looked at through two (a first click, or
     * a positive click on another object): the one the network is surer of (the card's rule), or a
     * given one (a session that learned which square its accepted slices wanted).
     */
    public enum FirstSquare {
        /** The near or the wide square, whichever mask the network is surer of. */
        SURER,
        /** The near square (the card's {@code firstSide}). */
        NEAR,
        /** The wide square (the card's {@code wideSide}). */
        WIDE,
        /** The small square (the card's {@code smallSide}), which is otherwise looked at only on S. */
        SMALL
    }

    private final SegmentationModel model;
    private final FocusPolicy focus;

    /** @param model the network to run (not closed by the predictor) */
    public Predictor(SegmentationModel model) {
        this.model = model;
        this.focus = new FocusPolicy(model.card().focus());
    }

    /** The model this predictor runs. */
    public SegmentationModel model() {
        return model;
    }

    /**
     * A prediction and the view of the image it was made on.
     *
     * @param probability per source pixel, row by row
     * @param view the region the network looked at last, on its working grid
     * @param passes views the network was run on (more than one when the view was enlarged, two
     *     or more for a first click looked at through two squares)
     * @param other for a first click looked at through two squares, the square not shown (its
     *     probability and view; the user may prefer it); else null
     * @param wide for a first click looked at through two squares, whether the wide one is shown
     */
    public record Focused(float[] probability, InputEncoder.WorkingImage view, int passes, Focused other,
            boolean wide) {

        /** A prediction with no other square. */
        public Focused(float[] probability, InputEncoder.WorkingImage view, int passes) {
            this(probability, view, passes, null, false);
        }
    }

    /**
     * Predicts for the clicks so far, looking where the model's focus policy says and applying its
     * edit rules; outside the region looked at, the previous prediction stays exactly.
     *
     * @param image the image with its normalisation (see {@link InputEncoder#prepareImage(Image2D)})
     * @param clicks clicks so far, in source pixels, the newest last
     * @param previous the probability shown before the newest click (source grid), or null
     */
    public Focused predict(InputEncoder.PreparedImage image, List<Click> clicks, float[] previous) {
        int w = image.width();
        int h = image.height();
        FocusPolicy.Views views = focus.views(w, h, clicks, previous);
        if (views.wide() == null) {
            return predictFrom(views.near(), null, null, image, clicks, previous);
        }
        Focused[] pair = bothSquares(image, views, clicks, previous);
        Focused near = pair[0];
        Focused far = pair[1];
        boolean wide = showsWide(near, far, views, previous, w);
        Focused shown = wide ? far : near;
        Focused other = wide ? near : far;
        return new Focused(shown.probability(), shown.view(), near.passes() + far.passes(), other, wide);
    }

    /**
     * What each of a click's first squares gives (the surer, the near, the wide and, when the card has
     * one, the small square's mask), or an empty map when the click is looked at through one square:
     * what a session compares with the mask the user accepted, to learn which square to show.
     */
    public java.util.Map<FirstSquare, float[]> firstSquares(InputEncoder.PreparedImage image, List<Click> clicks,
            float[] previous) {
        int w = image.width();
        FocusPolicy.Views views = focus.views(w, image.height(), clicks, previous);
        if (views.wide() == null) {
            return java.util.Map.of();
        }
        Focused[] pair = bothSquares(image, views, clicks, previous);
        java.util.Map<FirstSquare, float[]> out = new java.util.EnumMap<>(FirstSquare.class);
        out.put(FirstSquare.SURER, (showsWide(pair[0], pair[1], views, previous, w) ? pair[1] : pair[0]).probability());
        out.put(FirstSquare.NEAR, pair[0].probability());
        out.put(FirstSquare.WIDE, pair[1].probability());
        Focused small = smallSquare(image, clicks, previous);
        if (small != null) {
            out.put(FirstSquare.SMALL, small.probability());
        }
        return out;
    }

    /** The near and the wide square's predictions, both in one batch (on the CPU two views cost far less than twice one). */
    private Focused[] bothSquares(InputEncoder.PreparedImage image, FocusPolicy.Views views, List<Click> clicks,
            float[] previous) {
        InputEncoder.WorkingImage nearView = model.encoder().view(image, views.near());
        InputEncoder.WorkingImage wideView = model.encoder().view(image, views.wide());
        float[][] both = predictWorking(List.of(nearView, wideView), clicks, previous);
        return new Focused[] {predictFrom(views.near(), nearView, both[0], image, clicks, previous),
            predictFrom(views.wide(), wideView, both[1], image, clicks, previous)};
    }

    /** The card's rule between the two squares' predictions. */
    private boolean showsWide(Focused near, Focused far, FocusPolicy.Views views, float[] previous, int w) {
        // a first click on another object beside a mask: judged inside the wide square, the rest is the old mask
        Region judged = previous != null && FocusPolicy.anyMask(previous) ? views.wide() : null;
        return showsWide(near.probability(), near.view().region(), far.probability(), far.view().region(), judged, w,
                model.card().focus());
    }

    /**
     * The newest click looked at through the card's third, smaller first-click square (zoomed out, as
     * any square, while its mask reaches the border; the edit rules applied), or null when the card has
     * none or the click was not looked at through two squares ({@link FocusPolicy#small}). What the user
     * gets on asking for another square a second time.
     */
    public Focused smallSquare(InputEncoder.PreparedImage image, List<Click> clicks, float[] previous) {
        Region small = focus.small(image.width(), image.height(), clicks, previous);
        return small == null ? null : predictFrom(small, null, null, image, clicks, previous);
    }

    /**
     * Whether a first click shows the wide square's mask rather than the near one's. Never when the card
     * bounds its area ({@code wideAreaRatio} > 0) and it covers more than that many times the near mask's
     * pixels: two views that disagree that much are not seeing the same object, and the near one is the
     * one at the click's scale. Within the bound, when the network is surer of it by {@link #WIDER_BY}, or
     * (the card's {@code nearFilled} > 0) when the near mask fills more than {@code nearFilled} of its
     * square and the wide mask less than {@code wideFilled} of its own: the near square has cut an object
     * the wide one holds whole (docs/interaction.md, "Capacity").
     *
     * @param nearSquare the square the near mask was last predicted in (zoomed out or not)
     * @param wideSquare the same for the wide mask
     * @param judged only the pixels of this region count (all when null)
     * @param w the width of the source grid both maps are on
     */
    static boolean showsWide(float[] near, Region nearSquare, float[] wide, Region wideSquare, Region judged, int w,
            ModelCard.Focus card) {
        int h = near.length / w;
        int nearArea = area(near, judged, w);
        int wideArea = area(wide, judged, w);
        if (card.wideAreaRatio() > 0 && wideArea > card.wideAreaRatio() * nearArea) {
            return false;
        }
        if (certainty(wide, judged, w, h) > certainty(near, judged, w, h) + WIDER_BY) {
            return true;
        }
        return card.nearFilled() > 0 && nearArea > card.nearFilled() * squareArea(nearSquare, w, h)
                && wideArea < card.wideFilled() * squareArea(wideSquare, w, h);
    }

    /**
     * The area of a square that lies on a w x h grid (a square over the border is cut by it): what
     * the first-square rule and FirstClickCommand's table divide a mask's area by.
     */
    public static double squareArea(Region square, int w, int h) {
        double across = Math.min(square.right(), w) - Math.max(square.x(), 0);
        double down = Math.min(square.bottom(), h) - Math.max(square.y(), 0);
        return Math.max(across, 0) * Math.max(down, 0);
    }

    /** Pixels with probability >= 0.5 (inside the region when it is not null). */
    static int area(float[] probability, Region region, int w) {
        int n = 0;
        for (int i = 0; i < probability.length; i++) {
            if (probability[i] >= 0.5f && (region == null || region.containsPixel(i % w, i / w))) {
                n++;
            }
        }
        return n;
    }

    /**
     * How sure the network is of a mask: the mean over its pixels (probability >= 0.5) of 2p - 1,
     * from 0 (every pixel at 0.5) to 1; 0 for an empty mask.
     */
    static double certainty(float[] probability) {
        return certainty(probability, null, 0, 0);
    }

    /** The same over the pixels of a region only (all of them when it is null). */
    static double certainty(float[] probability, Region region, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < probability.length; i++) {
            float p = probability[i];
            if (p >= 0.5f && (region == null || region.containsPixel(i % w, i / w))) {
                sum += 2 * p - 1;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * One prediction starting in a region, zoomed out while the mask reaches its border.
     *
     * @param view the region's view, or null
     * @param working the network's output on that view, or null to compute it
     */
    private Focused predictFrom(Region start, InputEncoder.WorkingImage view, float[] working,
            InputEncoder.PreparedImage image, List<Click> clicks, float[] previous) {
        int w = image.width();
        int h = image.height();
        Region region = start;
        for (int pass = 1; ; pass++) {
            if (working == null) {
                view = model.encoder().view(image, region);
                working = predictWorking(view, clicks, previous);
            }
            float[] shown = model.encoder().toSourceGrid(working, view, previous);
            LocalEdits.apply(shown, previous, clicks, w, h, model.card().edits());
            Region larger = pass <= focus.zoomOuts() && FocusPolicy.touchesBorder(shown, region, w, h)
                    ? focus.zoomOut(region, w, h) : null;
            if (larger == null) {
                return new Focused(shown, view, pass);
            }
            region = larger;
            working = null;
        }
    }

    /**
     * Predicts on one given view, without focus or edit rules: inside the view's region the
     * network's output, elsewhere zeros.
     *
     * @param image a view of the image
     * @param clicks clicks so far, in source pixels
     * @param previous previous probability on the source grid, or null
     * @return probability per source pixel, row by row
     */
    public float[] predict(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous) {
        return model.encoder().toSourceGrid(predictWorking(image, clicks, previous), image, null);
    }

    /** Predicts on the working grid (probability per working pixel). */
    public float[] predictWorking(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous) {
        return predictWorking(List.of(image), clicks, previous)[0];
    }

    /** Predicts for several views of one image in one batch (probability per working pixel, per view). */
    private float[][] predictWorking(List<InputEncoder.WorkingImage> views, List<Click> clicks, float[] previous) {
        int n = views.size();
        float[][] inputs = new float[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = model.encoder().encode(views.get(i), clicks, previous);
        }
        float[] batch = inputs[0];
        if (n > 1) {
            batch = new float[n * inputs[0].length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(inputs[i], 0, batch, i * inputs[0].length, inputs[i].length);
            }
        }
        float[] out;
        synchronized (model) {
            DjlRuntime.gradientsOff();
            try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
                NDArray x = m.create(batch, SegmentationModel.inputShape(model.card(), n));
                NDArray logits = model.block().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow();
                out = Activation.sigmoid(logits).toFloatArray();
            }
        }
        if (n == 1) {
            return new float[][] {out};
        }
        int each = out.length / n;
        float[][] split = new float[n][];
        for (int i = 0; i < n; i++) {
            split[i] = java.util.Arrays.copyOfRange(out, i * each, (i + 1) * each);
        }
        return split;
    }
}
