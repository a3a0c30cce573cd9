package org.pointlearn.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart of values in 0..1 over the positions 1..n, one coloured line per series, with
 * axes, ticks, grid, legend and title; the drawing shared by the report's charts.
 */
final class LineChart {

    /** One line: its legend label and its values at positions 1..n (NaN: no point there). */
    record Series(String label, double[] values) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final int MAX_MARKERS = 30;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series;
    private final int length;
    private final int right;

    /**
     * @param title above the chart
     * @param xTitle under the x axis
     * @param yTitle beside the y axis
     * @param series at least one line, all of the same length
     */
    LineChart(String title, String xTitle, String yTitle, List<Series> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no line");
        }
        this.length = series.get(0).values().length;
        for (Series s : series) {
            if (s.values().length != length) {
                throw new IllegalArgumentException("cannot plot lines of " + length + " and " + s.values().length
                        + " points together (" + s.label() + ")");
            }
        }
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
        this.right = Math.min(legendWidth() + 40, WIDTH / 2);
    }

    /** Writes the chart as a PNG file, creating parent folders. */
    void write(Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(render(), "png", png.toFile())) {
            throw new IOException("no PNG writer available in javax.imageio to write " + png);
        }
    }

    /** Draws the chart. */
    BufferedImage render() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(LABEL_FONT);
            drawGridAndTicks(g);
            drawAxisTitles(g);
            for (int i = 0; i < series.size(); i++) {
                drawLine(g, series.get(i).values(), COLOURS[i % COLOURS.length], i);
            }
            drawLegend(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private int plotRight() {
        return WIDTH - right;
    }

    private double xOf(double k) {
        return LEFT + (k - 1) / Math.max(1, length - 1) * (plotRight() - LEFT);
    }

    private double yOf(double value) {
        return HEIGHT - BOTTOM - value * (HEIGHT - BOTTOM - TOP);
    }

    private void drawGridAndTicks(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 10; t++) {
            int y = (int) Math.round(yOf(t / 10.0));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, y, plotRight(), y);
            g.setColor(Color.BLACK);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String label = String.format(Locale.ROOT, "%.1f", t / 10.0);
            g.drawString(label, LEFT - 9 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        int step = Math.max(1, (int) Math.ceil(length / 25.0));
        for (int k = 1; k <= length; k++) {
            int x = (int) Math.round(xOf(k));
            g.setColor(new Color(0xf0f0f0));
            g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
            if ((k - 1) % step != 0) {
                continue;
            }
            g.setColor(Color.BLACK);
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5);
            String label = Integer.toString(k);
            g.drawString(label, x - fm.stringWidth(label) / 2, HEIGHT - BOTTOM + 8 + fm.getAscent());
        }
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, plotRight(), HEIGHT - BOTTOM);
        g.setStroke(new BasicStroke(1f));
    }

    private void drawAxisTitles(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 18f));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (WIDTH - fm.stringWidth(title)) / 2, TOP - 25);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 14f));
        fm = g.getFontMetrics();
        g.drawString(xTitle, (LEFT + plotRight() - fm.stringWidth(xTitle)) / 2, HEIGHT - 20);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, -(TOP + HEIGHT - BOTTOM + fm.stringWidth(yTitle)) / 2, 28);
        g.setTransform(saved);
        g.setFont(LABEL_FONT);
    }

    private void drawLine(Graphics2D g, double[] values, Color colour, int index) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        for (int k = 1; k <= length; k++) {
            double v = values[k - 1];
            if (Double.isNaN(v)) {
                open = false;
            } else if (!open) {
                path.moveTo(xOf(k), yOf(v));
                open = true;
            } else {
                path.lineTo(xOf(k), yOf(v));
            }
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dash(index), 0f));
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
        if (length <= MAX_MARKERS) {
            for (int k = 1; k <= length; k++) {
                if (!Double.isNaN(values[k - 1])) {
                    g.fill(new Ellipse2D.Double(xOf(k) - 3.5, yOf(values[k - 1]) - 3.5, 7, 7));
                }
            }
        }
    }

    /** Solid lines for the first colours, dashed once colours repeat, so every line stays distinct. */
    private static float[] dash(int index) {
        return index < COLOURS.length ? null : new float[] {8f, 5f};
    }

    /** Room for the legend, measured on a scratch canvas before drawing. */
    private int legendWidth() {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics fm = scratch.getFontMetrics(LABEL_FONT);
            return 40 + series.stream().mapToInt(s -> fm.stringWidth(s.label())).max().orElse(0);
        } finally {
            scratch.dispose();
        }
    }

    private void drawLegend(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics();
        int x = plotRight() + 20;
        int y = TOP + 10;
        int rowHeight = fm.getHeight() + 6;
        g.setColor(Color.BLACK);
        g.drawRect(x - 8, y - 8, right - 24, rowHeight * series.size() + 8);
        for (int i = 0; i < series.size(); i++) {
            int mid = y + i * rowHeight + rowHeight / 2;
            g.setColor(COLOURS[i % COLOURS.length]);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dash(i), 0f));
            g.drawLine(x, mid, x + 24, mid);
            g.setStroke(new BasicStroke(1f));
            g.fill(new Ellipse2D.Double(x + 12 - 3.5, mid - 3.5, 7, 7));
            g.setColor(Color.BLACK);
            g.drawString(series.get(i).label(), x + 32, mid + fm.getAscent() / 2 - 1);
        }
    }
}
