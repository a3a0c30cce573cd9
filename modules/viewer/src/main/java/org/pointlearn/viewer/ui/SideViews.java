package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Planes;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.Orientation;
import org.pointlearn.viewer.impl.RendererChoice;
import org.pointlearn.viewer.impl.SidePlanes;
import org.pointlearn.viewer.impl.ViewTransform;

/**
 * The two other planes beside the slice being annotated, linked by a cursor: each shows the slice
 * through the cursor with a cross where the other planes cut it and the annotated plane's masks
 * (accepted, in progress, drafts) where it crosses them. A left click in a side view moves the
 * cursor there (the annotated view goes to the slice through it), the wheel moves that view's
 * slice; a click in the annotated view (a segmentation click, or Ctrl+click to move the cursor
 * only) moves the cursor to it. Segmentation clicks stay in the annotated plane. On the event
 * thread only.
 */
final class SideViews {

    private static final int CLICK_SLOP = 3;

    private final SliceViewModel view;
    private final Supplier<Volume> acquired;
    private final Supplier<Planes.Plane> plane;
    private final Supplier<SeriesWork> work;
    private final SliceCanvas[] canvases = new SliceCanvas[2];
    private final GreySlice[] shown = new GreySlice[2];
    private SidePlanes planes;
    private Volume planesOf;
    private Planes.Plane planesIn;
    /** The cursor on the annotated plane (its slice is the one shown there); the viewer moves it with its clicks. */
    private final PlanesCursor cursor;
    private boolean visible;

    /**
     * @param choice the renderer (side views are drawn like the annotated one)
     * @param view the annotated view
     * @param acquired the volume as acquired, or null
     * @param plane the plane being annotated
     * @param work the session's work on the series shown
     * @param cursor where the planes cross, moved by the annotated view's clicks and by these views
     */
    SideViews(RendererChoice choice, SliceViewModel view, Supplier<Volume> acquired, Supplier<Planes.Plane> plane,
            Supplier<SeriesWork> work, PlanesCursor cursor) {
        this.cursor = cursor;
        this.view = view;
        this.acquired = acquired;
        this.plane = plane;
        this.work = work;
        for (int s = 0; s < 2; s++) {
            canvases[s] = SliceCanvases.create(choice);
            int side = s;
            MouseAdapter mouse = new MouseAdapter() {
                private int pressX;
                private int pressY;

                @Override
                public void mousePressed(MouseEvent e) {
                    pressX = e.getX();
                    pressY = e.getY();
                }

                @Override
                public void mouseReleased(MouseEvent e) {
                    if (SwingUtilities.isLeftMouseButton(e) && Math.abs(e.getX() - pressX) <= CLICK_SLOP
                            && Math.abs(e.getY() - pressY) <= CLICK_SLOP) {
                        clickSide(side, e.getX(), e.getY());
                    }
                }

                @Override
                public void mouseWheelMoved(MouseWheelEvent e) {
                    scrollSide(side, e.getWheelRotation());
                }
            };
            canvases[s].component().addMouseListener(mouse);
            canvases[s].component().addMouseWheelListener(mouse);
        }
    }

    /** Side view s's component (0 or 1). */
    Component component(int s) {
        return canvases[s].component();
    }

    /** Whether the side views are on screen (off: nothing is computed). */
    void setVisible(boolean on) {
        visible = on;
        for (SliceCanvas c : canvases) {
            c.component().setVisible(on);
        }
        refresh();
    }

    /** The cursor on the annotated plane: {column, row, slice}. */
    int[] cursor() {
        return new int[] {cursor.x(), cursor.y(), view.slice()};
    }

    /** The anatomical plane side view s shows, or null before a volume. */
    Planes.Plane plane(int s) {
        return planes == null ? null : planes.planes().get(s);
    }

    /** Where the cursor is in side view s: {column, row, slice}, or null before a volume. */
    int[] sideCursor(int s) {
        return planes == null ? null : planes.toSide(s, cursor.x(), cursor.y(), view.slice());
    }

    /** The patient directions at side view s's edges, or null before a volume. */
    Orientation orientation(int s) {
        return planes == null ? null : Orientation.of(planes.volume(s).geometry());
    }

    /** What side view s shows now, or null. */
    GreySlice shown(int s) {
        return shown[s];
    }

    /** Draws both side views again (the slice, the window, the masks or the cursor changed). */
    void refresh() {
        if (!visible || !view.hasVolume() || acquired.get() == null) {
            return;
        }
        Volume v = acquired.get();
        if (v != planesOf || plane.get() != planesIn) {
            planes = new SidePlanes(v, plane.get());
            planesOf = v;
            planesIn = plane.get();
            if (!cursor.on(v, planesIn)) {   // no click on this volume and plane yet: the middle
                cursor.put(planes.main().geometry().width() / 2, planes.main().geometry().height() / 2, v, planesIn);
            }
        }
        if (planes.main().geometry().depth() != view.sliceCount()) {
            return;   // the annotated view is not showing this volume yet
        }
        SeriesWork w = work.get();
        for (int s = 0; s < 2; s++) {
            int[] c = sideCursor(s);
            if (c == null) {
                continue;
            }
            Volume side = planes.volume(s);
            Mask2D mask = planes.sideMask(s, c[2], k -> shownMask(w, k));
            shown[s] = GreySlice.of(side, c[2], view.window()).overlaid(mask, List.of(), DisplayOptionsPanel.style())
                    .crosshair(c[0], c[1], GreySlice.CURSOR);
            canvases[s].orient(Orientation.of(side.geometry()));
            canvases[s].annotate(List.of());
            canvases[s].show(shown[s], List.of(ViewerTopComponent.planeName(planes.planes().get(s)) + " "
                    + (c[2] + 1) + "/" + side.geometry().depth()), ViewTransform.FIT);
        }
    }

    /** The mask the annotated view shows on slice k: the slice in progress, accepted, or a draft. */
    private static Mask2D shownMask(SeriesWork w, int k) {
        if (w == null) {
            return null;
        }
        if (k == w.slice() && w.working() != null) {
            return w.working();
        }
        Mask2D accepted = w.accepted().get(k);
        if (accepted != null) {
            return accepted;
        }
        SeriesWork.Draft d = w.drafts().get(k);
        return d == null ? null : d.shown();
    }

    private void clickSide(int s, int x, int y) {
        int[] c = sideCursor(s);
        int[] p = c == null ? null : canvases[s].pixelAt(x, y);
        int[] m = p == null ? null : planes.toMain(s, p[0], p[1], c[2]);
        if (m != null) {
            cursor.put(m[0], m[1], planesOf, planesIn);
            if (m[2] != view.slice()) {
                view.goToSlice(m[2]);   // redraws everything
            } else {
                refresh();
            }
        }
    }

    private void scrollSide(int s, int steps) {
        int[] c = sideCursor(s);
        if (c == null || steps == 0) {
            return;
        }
        int depth = planes.volume(s).geometry().depth();
        int next = Math.max(0, Math.min(depth - 1, c[2] + steps));
        int[] m = planes.toMain(s, c[0], c[1], next);
        if (m != null) {
            cursor.put(m[0], m[1], planesOf, planesIn);
            if (m[2] != view.slice()) {
                view.goToSlice(m[2]);
            } else {
                refresh();
            }
        }
    }
}
