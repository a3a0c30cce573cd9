package org.pointlearn.viewer.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import org.openide.util.NbBundle;
import org.pointlearn.viewer.impl.GreySlice;

/**
 * The series overview under the slice: one cell per slice, coloured by its state (accepted,
 * proposed from an accepted neighbour, in progress, untouched), the slice shown marked, and the
 * count "12 of 63 slices accepted". A click or drag on a cell shows that slice. Event thread only.
 */
@NbBundle.Messages({
    "# {0} accepted slices, {1} slices of the series",
    "STRIP_Count={0} of {1} slices accepted",
    "HINT_Strip=Slices of the series: yellow accepted, blue dashed proposed, white in progress. Click to go to a slice."
})
final class SeriesStrip extends JComponent {

    static final Color ACCEPTED = new Color(GreySlice.MASK);
    static final Color PROPOSED = new Color(GreySlice.PROPOSAL);
    static final Color IN_PROGRESS = Color.WHITE;
    static final Color UNTOUCHED = new Color(0x3a3a3a);
    private static final int HEIGHT = 18;
    private static final int TEXT_GAP = 8;

    private final SliceViewModel view;
    private final ClickSegmentation tools;

    SeriesStrip(SliceViewModel view, ClickSegmentation tools) {
        this.view = view;
        this.tools = tools;
        setOpaque(true);
        setBackground(Color.BLACK);
        setToolTipText(Bundle.HINT_Strip());
        MouseAdapter jump = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                goTo(e.getX());
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                goTo(e.getX());
            }
        };
        addMouseListener(jump);
        addMouseMotionListener(jump);
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(200, HEIGHT);
    }

    /** The words at the strip's right end. */
    String countText() {
        return Bundle.STRIP_Count(tools.seriesWork().accepted().size(), view.hasVolume() ? view.sliceCount() : 0);
    }

    /** The slice under x, or -1 when x is on the words or nothing is shown. */
    int sliceAt(int x) {
        int n = view.hasVolume() ? view.sliceCount() : 0;
        int cells = cellsWidth();
        if (n == 0 || x < 0 || x >= cells) {
            return -1;
        }
        return Math.min(n - 1, (int) ((long) x * n / cells));
    }

    private void goTo(int x) {
        int k = sliceAt(x);
        if (k >= 0 && k != view.slice()) {
            view.goToSlice(k);
        }
    }

    private int cellsWidth() {
        FontMetrics fm = getFontMetrics(getFont() != null ? getFont() : new javax.swing.JLabel().getFont());
        return Math.max(1, getWidth() - fm.stringWidth(countText()) - 2 * TEXT_GAP);
    }

    static Color colour(org.pointlearn.adaptation.api.SeriesWork.SliceState state) {
        return switch (state) {
            case ACCEPTED -> ACCEPTED;
            case PROPOSED -> PROPOSED;
            case IN_PROGRESS -> IN_PROGRESS;
            case UNTOUCHED -> UNTOUCHED;
        };
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setColor(getBackground());
        g2.fillRect(0, 0, getWidth(), getHeight());
        if (!view.hasVolume()) {
            g2.dispose();
            return;
        }
        int n = view.sliceCount();
        int cells = cellsWidth();
        for (int k = 0; k < n; k++) {
            int x0 = (int) ((long) k * cells / n);
            int x1 = (int) ((long) (k + 1) * cells / n);
            g2.setColor(colour(tools.seriesWork().state(k)));
            g2.fillRect(x0, 3, Math.max(1, x1 - x0 - (cells / n > 3 ? 1 : 0)), getHeight() - 6);
            if (k == view.slice()) {
                g2.setColor(Color.WHITE);
                g2.drawRect(x0, 0, Math.max(1, x1 - x0 - 1), getHeight() - 1);
            }
        }
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setColor(Color.LIGHT_GRAY);
        FontMetrics fm = g2.getFontMetrics();
        g2.drawString(countText(), cells + TEXT_GAP, (getHeight() + fm.getAscent() - fm.getDescent()) / 2);
        g2.dispose();
    }
}
