package org.pointlearn.viewer.ui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JComponent;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.ImageFit;
import org.pointlearn.viewer.impl.ViewTransform;

/** The pure Java2D slice canvas: works everywhere, including without OpenGL. */
final class Java2dSliceCanvas extends JComponent implements SliceCanvas {

    private static final long serialVersionUID = 1L;
    private static final int MARGIN = 8;

    private transient BufferedImage image;
    private double widthMm;
    private double heightMm;
    private transient List<String> caption = List.of();
    private transient ViewTransform transform = ViewTransform.FIT;
    private int columns;
    private int rows;
    private transient org.pointlearn.viewer.impl.Orientation edges;
    private transient List<String> patient = List.of();

    Java2dSliceCanvas() {
        setOpaque(true);
        setBackground(Color.BLACK);
        setForeground(Color.WHITE);
        setFocusable(true);
        setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        setPreferredSize(new Dimension(512, 512));
    }

    @Override
    public Component component() {
        return this;
    }

    /** A canvas to assistive technology; the viewer puts the caption in its description. */
    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public void show(GreySlice slice, List<String> lines, ViewTransform view) {
        transform = view;
        image = toImage(slice);
        widthMm = slice.widthMm();
        heightMm = slice.heightMm();
        columns = slice.width();
        rows = slice.height();
        caption = List.copyOf(lines);
        repaint();
    }

    @Override
    public void annotate(List<String> topLeft) {
        patient = List.copyOf(topLeft);
    }

    @Override
    public void orient(org.pointlearn.viewer.impl.Orientation e) {
        edges = e;
    }

    @Override
    public int[] pixelAt(int x, int y) {
        return image == null ? null : ImageFit.pixelAt(widthMm, heightMm, getWidth(), getHeight(), columns, rows, x, y,
                transform);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(getBackground());
            g2.fillRect(0, 0, getWidth(), getHeight());
            if (image != null) {
                paintSlice(g2);
                paintCaption(g2);
                paintEdges(g2);
                paintPatient(g2);
            }
        } finally {
            g2.dispose();
        }
    }

    private void paintSlice(Graphics2D g2) {
        Rectangle2D.Double r = ImageFit.place(widthMm, heightMm, getWidth(), getHeight(), transform);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int x = (int) Math.round(r.x);
        int y = (int) Math.round(r.y);
        g2.drawImage(image, x, y, (int) Math.round(r.x + r.width) - x, (int) Math.round(r.y + r.height) - y, null);
    }

    private void paintCaption(Graphics2D g2) {
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setFont(getFont());
        FontMetrics fm = g2.getFontMetrics();
        int baseline = getHeight() - MARGIN - fm.getDescent() - (caption.size() - 1) * fm.getHeight();
        for (String line : caption) {
            g2.setColor(Color.BLACK);
            g2.drawString(line, MARGIN + 1, baseline + 1);
            g2.setColor(getForeground());
            g2.drawString(line, MARGIN, baseline);
            baseline += fm.getHeight();
        }
    }

    /** The patient and series lines at the top left. */
    private void paintPatient(Graphics2D g2) {
        FontMetrics fm = g2.getFontMetrics();
        int baseline = MARGIN + fm.getAscent();
        for (String line : patient) {
            label(g2, line, MARGIN, baseline);
            baseline += fm.getHeight();
        }
    }

    /** The patient directions at the middle of each edge, white with a shadow. */
    private void paintEdges(Graphics2D g2) {
        if (edges == null) {
            return;
        }
        FontMetrics fm = g2.getFontMetrics();
        int midY = getHeight() / 2 + fm.getAscent() / 2;
        label(g2, edges.left(), MARGIN, midY);
        label(g2, edges.right(), getWidth() - MARGIN - fm.stringWidth(edges.right()), midY);
        label(g2, edges.top(), (getWidth() - fm.stringWidth(edges.top())) / 2, MARGIN + fm.getAscent());
        // Above the caption lines, which start at the lower left and may run past the middle.
        label(g2, edges.bottom(), (getWidth() - fm.stringWidth(edges.bottom())) / 2,
                getHeight() - MARGIN - fm.getDescent() - caption.size() * fm.getHeight());
    }

    private void label(Graphics2D g2, String text, int x, int y) {
        g2.setColor(Color.BLACK);
        g2.drawString(text, x + 1, y + 1);
        g2.setColor(getForeground());
        g2.drawString(text, x, y);
    }

    /** Grey replicated into RGB (and the overlay), so what is drawn is exactly the windowed grey level. */
    private static BufferedImage toImage(GreySlice slice) {
        int w = slice.width();
        int h = slice.height();
        int[] rgb = slice.rgb();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        return img;
    }
}
