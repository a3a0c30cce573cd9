package org.pointlearn.inference.api;

import java.util.ArrayList;
import java.util.List;
import org.pointlearn.imaging.api.Region;

/**
 * Which part of the image the network looks at for a click (a model card's {@code focus}).
 * "full": the whole image. "zoom": for the first click a square centred on it; once there is
 * a mask, the box of the mask and the positive clicks grown by a factor, so a small lesion gets
 * the whole working grid and a large organ still fits; and when the predicted mask reaches the
 * square's border, a square twice as large (at most {@code zoomOuts} times). With a
 * {@code wideSide}, a first click is also looked at in a wider square (see {@link #wide}); with
 * {@code local}, a correction click only at the parts of the mask near it (see {@link #choose}).
 * Squares are moved inside the image where they fit.
 */
public final class FocusPolicy {

    /**
     * With {@code local}, a correction click's own region is used only when it is less than this
     * fraction of the side of the whole mask's box (parts far apart); otherwise the whole box, as
     * without it (measured against 0.3 and 1: docs/interaction.md, "Local corrections").
     */
    static final double LOCAL_BELOW = 0.5;

    private final ModelCard.Focus focus;

    /** @param focus the card's focus settings */
    public FocusPolicy(ModelCard.Focus focus) {
        this.focus = focus;
    }

    /** Whether this policy crops at all. */
    public boolean zooms() {
        return focus.policy() == ModelCard.Focus.Policy.ZOOM;
    }

    /** Times a region may be doubled. */
    public int zoomOuts() {
        return zooms() ? focus.zoomOuts() : 0;
    }

    /**
     * The region for a prediction.
     *
     * @param w image columns
     * @param h image rows
     * @param clicks all clicks so far, the newest last
     * @param previous the probability shown before the newest click (source grid), or null
     */
    public Region choose(int w, int h, List<Click> clicks, float[] previous) {
        return choose(w, h, clicks, previous, null);
    }

    /**
     * Both regions of a prediction: {@link #choose} and {@link #wide}, with the mask's parts
     * labelled once for the two (a correction click with {@code local} needs them in both).
     */
    public Views views(int w, int h, List<Click> clicks, float[] previous) {
        List<List<int[]>> parts = zooms() && focus.local() && previous != null && !clicks.isEmpty()
                ? MaskParts.of(previous, w, h) : null;
        return new Views(choose(w, h, clicks, previous, parts), wide(w, h, clicks, previous, parts));
    }

    /**
     * The regions a click is looked at through.
     *
     * @param near the region of {@link #choose}
     * @param wide the wider first-click square of {@link #wide}, or null
     */
    public record Views(Region near, Region wide) {
    }

    /** @param parts the mask's parts when already labelled, else null */
    private Region choose(int w, int h, List<Click> clicks, float[] previous, List<List<int[]>> parts) {
        if (!zooms() || clicks.isEmpty()) {
            return Region.whole(w, h);
        }
        Region whole = aroundMask(w, h, clicks, previous);
        if (focus.local() && previous != null) {
            Region near = local(w, h, clicks, parts != null ? parts : MaskParts.of(previous, w, h));
            return near.width() < LOCAL_BELOW * whole.width() ? near : whole;
        }
        return whole;
    }

    /**
     * The box of the whole mask (probability >= 0.5), every positive click and the newest click,
     * grown; a first-click square when there is no mask yet. What a correction click looks at
     * without {@code local}, and what an accepted mask is learned through.
     */
    public Region aroundMask(int w, int h, List<Click> clicks, float[] previous) {
        if (!zooms() || clicks.isEmpty()) {
            return Region.whole(w, h);
        }
        double minSide = focus.minSide() * Math.max(w, h);
        List<int[]> pixels = new ArrayList<>();
        if (previous != null) {
            for (int i = 0; i < previous.length; i++) {
                if (previous[i] >= 0.5f) {
                    pixels.add(new int[] {i % w, i / w});
                }
            }
        }
        if (pixels.isEmpty()) {
            return firstSquare(w, h, clicks, focus.firstSide());
        }
        for (Click c : clicks) {
            if (c.positive()) {
                pixels.add(new int[] {c.x(), c.y()});
            }
        }
        Click newest = clicks.get(clicks.size() - 1);
        pixels.add(new int[] {newest.x(), newest.y()});
        return fit(Region.squareAround(pixels, focus.grow(), minSide), w, h);
    }

    /**
     * A correction click's region with {@code local}: the parts of the mask whose grown box holds
     * the click, with the click and the positive clicks inside that box, grown; a click near no
     * part (a second lesion, say) is looked at through a square around itself, the first click's
     * or the largest part's grown box, whichever is larger (and, for a positive click, also
     * through the wide square, see {@link #wide}). The mask outside the region stays as it was
     * (Predictor), so other parts are not touched.
     */
    private Region local(int w, int h, List<Click> clicks, List<List<int[]>> parts) {
        double longer = Math.max(w, h);
        double minSide = focus.minSide() * longer;
        Click newest = clicks.get(clicks.size() - 1);
        if (parts.isEmpty()) {
            return firstSquare(w, h, clicks, focus.firstSide());
        }
        List<int[]> pixels = nearParts(parts, newest, minSide);
        if (pixels.isEmpty()) {
            // another object: seen at least at the scale of the largest part so far (a second
            // kidney is about as large as the first; a first-click square alone cut it)
            double side = Math.max(minSide, focus.firstSide() * longer);
            for (List<int[]> part : parts) {
                side = Math.max(side, Region.squareAround(part, focus.grow(), minSide).width());
            }
            return fit(Region.square(newest.x() + 0.5, newest.y() + 0.5, side), w, h);
        }
        pixels.add(new int[] {newest.x(), newest.y()});
        Region near = Region.squareAround(pixels, focus.grow(), minSide);
        for (Click c : clicks) {
            if (c.positive() && near.containsPixel(c.x(), c.y())) {
                pixels.add(new int[] {c.x(), c.y()});
            }
        }
        return fit(Region.squareAround(pixels, focus.grow(), minSide), w, h);
    }

    /** The pixels of the parts whose grown box holds the click. */
    private List<int[]> nearParts(List<List<int[]>> parts, Click click, double minSide) {
        List<int[]> pixels = new ArrayList<>();
        for (List<int[]> part : parts) {
            if (Region.squareAround(part, focus.grow(), minSide).containsPixel(click.x(), click.y())) {
                pixels.addAll(part);
            }
        }
        return pixels;
    }

    static boolean anyMask(float[] probability) {
        for (float p : probability) {
            if (p >= 0.5f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The wider square a first click is also looked at in, or null: when the card sets no wide side,
     * when there is a mask already (the square then follows the mask; with {@code local}, a
     * positive click near no part of it is a first click on another object and gets its wide
     * square too) or no positive click to centre it on. A network that has learnt how large objects look in a first-click view answers
     * a small square with a small blob and a wide one with a large blob; looking at both and
     * showing the surer answer serves small lesions and large organs alike (docs/interaction.md).
     */
    public Region wide(int w, int h, List<Click> clicks, float[] previous) {
        return wide(w, h, clicks, previous, null);
    }

    /** @param parts the mask's parts when already labelled, else null */
    private Region wide(int w, int h, List<Click> clicks, float[] previous, List<List<int[]>> parts) {
        if (!zooms() || focus.wideSide() <= 0 || clicks.stream().noneMatch(Click::positive)) {
            return null;
        }
        if (previous != null && anyMask(previous)) {
            // a positive click near no part is a first click on another object (centred on it)
            Click newest = clicks.get(clicks.size() - 1);
            if (!focus.local() || !newest.positive() || !nearParts(parts != null ? parts : MaskParts.of(previous, w, h),
                    newest, focus.minSide() * Math.max(w, h)).isEmpty()) {
                return null;
            }
        }
        return firstSquare(w, h, clicks, focus.wideSide());
    }

    private Region firstSquare(int w, int h, List<Click> clicks, double side) {
        return firstSquare(w, h, clicks, side, focus.minSide() * Math.max(w, h));
    }

    /** A first-click square of the side (fraction of the longer side), at least {@code least} pixels. */
    private static Region firstSquare(int w, int h, List<Click> clicks, double side, double least) {
        Click newest = clicks.get(clicks.size() - 1);
        Click centre = clicks.stream().filter(Click::positive).reduce((a, b) -> b).orElse(newest);
        return fit(Region.square(centre.x() + 0.5, centre.y() + 0.5, Math.max(least, side * Math.max(w, h))), w, h);
    }

    /** The least side in pixels of the third, small first-click square (a small lesion still spans a few pixels). */
    static final double SMALL_LEAST_PIXELS = 16;

    /**
     * The third, smaller first-click square of the card's {@code smallSide}, or null: only for a
     * click looked at through the wide square too (see {@link #wide}), centred as the others and not
     * bounded by {@code minSide}. It is looked at only when the user asks for it (key S, after the
     * other square): on a small lesion the near square's mask is often several times the lesion.
     */
    public Region small(int w, int h, List<Click> clicks, float[] previous) {
        if (focus.smallSide() <= 0 || wide(w, h, clicks, previous) == null) {
            return null;
        }
        return firstSquare(w, h, clicks, focus.smallSide(), SMALL_LEAST_PIXELS);
    }

    /**
     * A region twice as large around the same centre, or null when the region already covers
     * the image (no larger view would show more).
     */
    public Region zoomOut(Region r, int w, int h) {
        if (r.covers(w, h)) {
            return null;
        }
        return fit(r.scaled(2), w, h);
    }

    /** Whether the mask reaches the region's border inside the image (it may go on outside). */
    public static boolean touchesBorder(float[] probability, Region r, int w, int h) {
        int xa = Math.max(0, (int) Math.ceil(r.x() - 0.5));
        int xb = Math.min(w - 1, (int) Math.ceil(r.right() - 0.5) - 1);
        int ya = Math.max(0, (int) Math.ceil(r.y() - 0.5));
        int yb = Math.min(h - 1, (int) Math.ceil(r.bottom() - 0.5) - 1);
        boolean left = xa > 0;
        boolean right = xb < w - 1;
        boolean top = ya > 0;
        boolean bottom = yb < h - 1;
        for (int y = ya; y <= yb; y++) {
            for (int x = xa; x <= xb; x++) {
                boolean edge = (left && x == xa) || (right && x == xb) || (top && y == ya) || (bottom && y == yb);
                if (edge && probability[y * w + x] >= 0.5f) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The square moved inside the image along each axis where it fits; centred where it does not. */
    public static Region fit(Region r, int w, int h) {
        double x = r.width() <= w ? Math.min(Math.max(r.x(), 0), w - r.width()) : (w - r.width()) / 2;
        double y = r.height() <= h ? Math.min(Math.max(r.y(), 0), h - r.height()) : (h - r.height()) / 2;
        return new Region(x, y, r.width(), r.height());
    }
}
