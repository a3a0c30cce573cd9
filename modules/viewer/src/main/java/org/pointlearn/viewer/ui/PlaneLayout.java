package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.LayoutManager;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.openide.util.NbBundle.Messages;

/**
 * How the viewer arranges its views: the annotated plane alone, beside the two other planes
 * (1 x 3), or with them and the 3D surface (2 x 2). Also the layout manager doing it, over the
 * children in that order (annotated, side, side, 3D): the views are never taken out of their
 * container, only hidden, because a VTK canvas does not survive losing its native window.
 */
@Messages({
    "LBL_LayoutOne=One plane",
    "LBL_LayoutRow=Three planes (1 x 3)",
    "LBL_LayoutGrid=Three planes and 3D (2 x 2)"
})
enum PlaneLayout {
    ONE, ROW, GRID;

    private static final String KEY = "layout";
    private static final int GAP = 2;

    /** The name shown in the choosers. */
    String label() {
        return switch (this) {
            case ONE -> Bundle.LBL_LayoutOne();
            case ROW -> Bundle.LBL_LayoutRow();
            case GRID -> Bundle.LBL_LayoutGrid();
        };
    }

    @Override
    public String toString() {
        return label();
    }

    /** The layout kept in the preferences (the last chosen), ONE when none or unknown. */
    static PlaneLayout stored(Preferences p) {
        try {
            return valueOf(p.get(KEY, ONE.name()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ONE;
        }
    }

    /** Keeps this layout as the one the viewer opens with. */
    void store(Preferences p) {
        p.put(KEY, name());
    }

    /** Views shown: 1, 3 or 4. */
    int views() {
        return this == ONE ? 1 : this == ROW ? 3 : 4;
    }

    /** Arranges a container's first {@link #views()} children, hides the rest. */
    void arrange(Container box) {
        for (int i = 0; i < box.getComponentCount(); i++) {
            box.getComponent(i).setVisible(i < views());
        }
        box.revalidate();
        box.repaint();
    }

    /** The layout manager for the views' container, following the layout a supplier gives. */
    static LayoutManager manager(java.util.function.Supplier<PlaneLayout> current) {
        return new LayoutManager() {
            @Override
            public void addLayoutComponent(String name, Component comp) {
            }

            @Override
            public void removeLayoutComponent(Component comp) {
            }

            @Override
            public Dimension preferredLayoutSize(Container parent) {
                return new Dimension(512, 512);
            }

            @Override
            public Dimension minimumLayoutSize(Container parent) {
                return new Dimension(64, 64);
            }

            @Override
            public void layoutContainer(Container parent) {
                PlaneLayout l = current.get();
                int w = parent.getWidth();
                int h = parent.getHeight();
                int n = Math.min(l.views(), parent.getComponentCount());
                for (int i = 0; i < n; i++) {
                    Component c = parent.getComponent(i);
                    switch (l) {
                        case ONE -> c.setBounds(0, 0, w, h);
                        case ROW -> {
                            int x0 = i * (w + GAP) / 3;
                            int x1 = (i + 1) * (w + GAP) / 3 - GAP;
                            c.setBounds(x0, 0, x1 - x0, h);
                        }
                        case GRID -> {
                            int col = i % 2;
                            int row = i / 2;
                            int x0 = col * (w + GAP) / 2;
                            int y0 = row * (h + GAP) / 2;
                            c.setBounds(x0, y0, (col + 1) * (w + GAP) / 2 - GAP - x0, (row + 1) * (h + GAP) / 2 - GAP - y0);
                        }
                    }
                }
            }
        };
    }
}
