package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointlearn.viewer.ui.ViewerTopComponentTest.onEdt;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.DistanceTransform;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Reorientation;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * One left click inside a deep grey structure or a lateral ventricle of the demo brain (Colin27),
 * with the default shipped model, through the viewer's click tool: the mask shown covers part of
 * that structure and stays in its neighbourhood (within 2 cm), not blobs elsewhere; the Dice
 * printed says how exactly (docs/interaction.md, "One click on the demo brain"). The deep grey
 * structures come from the AAL atlas, which was drawn on this very brain (Debian's mricron-data
 * ships both on one grid), the ventricles from the brain's own dark CSF beside the caudate; the
 * model never saw either.
 */
class DemoBrainClickTest {

    private static final Path MODEL = Path.of(System.getProperty("user.dir"), "..", "..", "models",
            System.getProperty("pointlearn.test.model", "mri-general"));
    /** Pixels (1 mm) around a structure that count as its neighbourhood. */
    private static final int NEIGHBOURHOOD = 20;
    private static final Path AAL = Path.of("/usr/share/mricron/templates/aal.nii.gz");
    /**
     * Part of a lateral ventricle one click must cover: measured 27 % (left) and 29 % (right), a blob
     * around the click in the thin crescent (docs/interaction.md, "One click on the demo brain").
     */
    private static final double COVERED_VENTRICLE = 0.2;

    private SegmentationModel model;
    private static Volume atlas;

    @TempDir
    Path store;

    private org.pointlearn.adaptation.api.InteractiveSession hub;
    private SliceViewModel view;
    private Java2dSliceCanvas canvas;
    private ClickSegmentation tools;

    @BeforeAll
    static void load() throws Exception {
        assertTrue(Files.isRegularFile(AAL), AAL + " is missing: run scripts/setup (package mricron-data)");
        atlas = Reorientation.toAxial(NiftiReader.read(AAL));
    }

    /** A model as shipped for each test: a click's Mid-Interaction step changes the model in place. */
    @BeforeEach
    void loadModel() throws Exception {
        model = SegmentationModel.load(MODEL, Device.cpu());
    }

    @AfterEach
    void closeSession() throws Exception {
        if (hub != null) {
            hub.close();
        }
        model.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"left caudate, 71", "right caudate, 72", "left putamen, 73", "right putamen, 74",
        "left thalamus, 77", "right thalamus, 78"})
    void oneClickInsideADeepGreyStructureGivesThatStructure(String structure, int label) throws Exception {
        Volume brain = TestVolumes.colin27();
        int w = brain.geometry().width();
        int h = brain.geometry().height();
        int k = largestSlice(label, w, h);
        clickInside(structure, brain, k, labelMask(label, k, w, h), 0.45);
    }

    /**
     * The click of the first report (issue 14): inside a lateral ventricle, where one click once gave
     * four blobs spread over the brain. The atlas has no ventricles; the ventricle is the dark (CSF)
     * region beside the caudate on the caudate's largest slice, on its side of the midline.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"left lateral ventricle, 71, 72", "right lateral ventricle, 72, 71"})
    void oneClickInsideALateralVentricleGivesThatVentricle(String structure, int caudate, int otherCaudate)
            throws Exception {
        Volume brain = TestVolumes.colin27();
        int w = brain.geometry().width();
        int h = brain.geometry().height();
        int k = largestSlice(caudate, w, h);
        Mask2D ventricle = ventricleBeside(brain.slice(k), labelMask(caudate, k, w, h), labelMask(otherCaudate, k, w, h));
        assertTrue(ventricle.area() >= 150 && ventricle.area() <= 3000,
                "the ventricle found beside the caudate has " + ventricle.area() + " px");
        clickInside(structure, brain, k, ventricle, COVERED_VENTRICLE);
    }

    /** One left click at the structure's innermost pixel on slice k; the mask shown is checked against it. */
    private void clickInside(String structure, Volume brain, int k, Mask2D truth, double coveredAtLeast)
            throws Exception {
        int w = brain.geometry().width();
        int h = brain.geometry().height();
        int[] inner = deepestPoint(truth);
        int[] toTruth = squaredDistanceTo(truth);

        open(brain, k);
        int cx = 2 * inner[0] + 1;
        int cy = 2 * inner[1] + 1;
        assertArrayEquals(inner, onEdt(() -> canvas.pixelAt(cx, cy)), "the canvas shows the slice at twice its size");
        onEdt(() -> {
            tools.click(cx, cy, true);
            return null;
        });
        onEdt(tools::idle).get(2, TimeUnit.MINUTES);
        Mask2D shown = onEdt(() -> tools.seriesWork().working());

        String what = String.format(Locale.ROOT, "%s on slice %d (%d px, click at %d,%d): mask %d px, Dice %.2f, "
                + "covers %.0f %% of the structure, %.0f %% of it within 4 px of the structure, %.0f %% within 10, %.0f %% within %d",
                structure, k, truth.area(), inner[0], inner[1], shown == null ? 0 : shown.area(),
                shown == null ? 0 : shown.dice(truth), shown == null ? 0 : 100 * covered(shown, truth),
                shown == null ? 0 : 100 * withinReach(shown, toTruth, 4), shown == null ? 0 : 100 * withinReach(shown, toTruth, 10),
                shown == null ? 0 : 100 * withinReach(shown, toTruth, NEIGHBOURHOOD), NEIGHBOURHOOD);
        System.out.println("demo brain click: " + what);
        BufferedImage screen = onEdt(() -> {
            BufferedImage img = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
            canvas.paint(img.getGraphics());
            return img;
        });
        javax.imageio.ImageIO.write(screen, "png", Path.of("target", "demo-brain-" + structure.replace(' ', '-') + ".png")
                .toFile());
        assertTrue(shown != null && shown.get(inner[0], inner[1]), "the clicked pixel is not in the mask: " + what);
        assertTrue(withinReach(shown, toTruth, NEIGHBOURHOOD) >= 0.95, "the mask spreads beyond the structure's neighbourhood: "
                + what);
        // 45 %: with two Mid-Interaction steps at 5e-5 (mri-general's card until 2026-12-07) the right caudate
        // was covered 49 %, with its one step at 2e-5 52 % (docs/interaction.md, "One click on the demo brain")
        assertTrue(covered(shown, truth) >= coveredAtLeast, "the mask covers little of the structure: " + what);
        int tintedFar = 0;
        int tintedNear = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = screen.getRGB(2 * x + 1, 2 * y + 1);
                if (((rgb >> 16) & 0xff) - (rgb & 0xff) > 40) {
                    if (toTruth[y * w + x] <= NEIGHBOURHOOD * NEIGHBOURHOOD) {
                        tintedNear++;
                    } else {
                        tintedFar++;
                    }
                }
            }
        }
        assertTrue(tintedNear > 0, "no mask tint on screen: " + what);
        assertTrue(tintedFar <= 0.1 * tintedNear, "tint far from the structure on screen (" + tintedFar + " px against "
                + tintedNear + " near it): " + what);
    }

    /**
     * One click in the left caudate: the network looked at it through a near and a wide square and
     * shows one; the caption says S shows another, S does (no click added), S again shows the small
     * square's, a third time the first again.
     */
    @org.junit.jupiter.api.Test
    void keySShowsTheOtherSquaresMaskWithoutAClick() throws Exception {
        Volume brain = TestVolumes.colin27();
        int w = brain.geometry().width();
        int h = brain.geometry().height();
        int k = largestSlice(71, w, h);
        int[] inner = deepestPoint(labelMask(71, k, w, h));
        open(brain, k);
        onEdt(() -> {
            tools.click(2 * inner[0] + 1, 2 * inner[1] + 1, true);
            return null;
        });
        onEdt(tools::idle).get(2, TimeUnit.MINUTES);
        Mask2D chosen = onEdt(() -> tools.seriesWork().working());
        String caption = onEdt(() -> tools.captionLine(k));
        assertTrue(caption.endsWith("S: another scale"), "the caption tells the key: " + caption);
        BufferedImage before = screen(w, h);

        key(java.awt.event.KeyEvent.VK_S);
        Mask2D other = onEdt(() -> tools.seriesWork().working());
        BufferedImage after = screen(w, h);
        BufferedImage both = new BufferedImage(4 * w + 8, 2 * h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = both.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(before, 0, 0, null);
        g.drawImage(after, 2 * w + 8, 0, null);
        g.dispose();
        javax.imageio.ImageIO.write(both, "png", Path.of("target", "demo-brain-key-S.png").toFile());
        assertTrue(!other.equals(chosen), "S showed another mask (" + other.area() + " px against " + chosen.area() + ")");
        assertTrue(other.get(inner[0], inner[1]), "the other mask holds the clicked pixel too");
        org.junit.jupiter.api.Assertions.assertEquals(1, onEdt(() -> tools.seriesWork().clicks()).size(),
                "S is not a click");
        key(java.awt.event.KeyEvent.VK_S);
        Mask2D small = onEdt(() -> tools.seriesWork().working());
        assertTrue(!small.equals(chosen) && !small.equals(other), "S again: the small square's mask ("
                + small.area() + " px; the two before " + chosen.area() + " and " + other.area() + ")");
        assertTrue(small.get(inner[0], inner[1]), "the small mask holds the clicked pixel too");
        key(java.awt.event.KeyEvent.VK_S);
        org.junit.jupiter.api.Assertions.assertEquals(chosen, onEdt(() -> tools.seriesWork().working()),
                "S a third time: the first mask");
    }

    /** What the canvas shows, at its size (twice the slice's). */
    private BufferedImage screen(int w, int h) throws Exception {
        return onEdt(() -> {
            BufferedImage img = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
            canvas.paint(img.getGraphics());
            return img;
        });
    }

    /** A key pressed on the canvas (straight to its listeners: there is no focus owner here); then idle. */
    private void key(int code) throws Exception {
        onEdt(() -> {
            java.awt.event.KeyEvent e = new java.awt.event.KeyEvent(canvas, java.awt.event.KeyEvent.KEY_PRESSED,
                    System.currentTimeMillis(), 0, code, java.awt.event.KeyEvent.CHAR_UNDEFINED);
            for (java.awt.event.KeyListener l : canvas.getKeyListeners()) {
                l.keyPressed(e);
            }
            return null;
        });
        onEdt(tools::idle).get(2, TimeUnit.MINUTES);
    }

    private void open(Volume brain, int k) throws Exception {
        hub = org.pointlearn.adaptation.api.InteractiveSessions.getDefault().open(model, store, true);
        for (int i = 0; i < 1200 && !hub.state().ready(); i++) {
            Thread.sleep(100);
        }
        onEdt(() -> {
            view = new SliceViewModel();
            view.show(brain);
            view.goToSlice(k);
            canvas = new Java2dSliceCanvas();
            canvas.setSize(2 * brain.geometry().width(), 2 * brain.geometry().height());
            tools = ClickSegmentation.attach(view, canvas, hub,
                    () -> org.pointlearn.adaptation.api.SeriesKey.inMemory("Colin27"));
            tools.addChangeListener(e -> canvas.show(tools.decorate(view.image(), view.slice()), List.of()));
            canvas.show(view.image(), List.of());
            return null;
        });
    }

    /** The axial slice where the label covers most pixels. */
    private static int largestSlice(int label, int w, int h) {
        int best = -1;
        int bestArea = 0;
        for (int k = 0; k < atlas.geometry().depth(); k++) {
            int area = labelMask(label, k, w, h).area();
            if (area > bestArea) {
                bestArea = area;
                best = k;
            }
        }
        return best;
    }

    private static Mask2D labelMask(int label, int k, int w, int h) {
        float[] s = atlas.slice(k);
        float[] inside = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            inside[i] = Math.round(s[i]) == label ? 1 : 0;
        }
        return Mask2D.threshold(inside, w, h, 0.5f);
    }

    /**
     * The lateral ventricle beside a caudate: from the caudate's centre towards the midline (halfway
     * between the two caudates) to the first dark pixel (below 0.6 of the caudate's median, CSF on this
     * T1), then every dark pixel 4-connected to it on that side of the midline within 4 cm.
     */
    private static Mask2D ventricleBeside(float[] slice, Mask2D caudate, Mask2D otherCaudate) {
        int w = caudate.width();
        int h = caudate.height();
        double[] c = centroid(caudate);
        double mid = (c[0] + centroid(otherCaudate)[0]) / 2;
        float[] inCaudate = new float[caudate.area()];
        for (int i = 0, n = 0; i < slice.length; i++) {
            if (caudate.get(i)) {
                inCaudate[n++] = slice[i];
            }
        }
        java.util.Arrays.sort(inCaudate);
        float dark = 0.6f * inCaudate[inCaudate.length / 2];
        int y0 = (int) Math.round(c[1]);
        int step = mid > c[0] ? 1 : -1;
        int x0 = (int) Math.round(c[0]);
        while (slice[y0 * w + x0] >= dark) {
            x0 += step;
            assertTrue((x0 - mid) * step < 0, "no dark pixel between the caudate and the midline");
        }
        float[] inside = new float[w * h];
        java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
        todo.add(new int[] {x0, y0});
        inside[y0 * w + x0] = 1;
        while (!todo.isEmpty()) {
            int[] p = todo.poll();
            for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                int x = p[0] + d[0];
                int y = p[1] + d[1];
                boolean sameSide = (x - mid) * step < 0;
                boolean near = (x - x0) * (x - x0) + (y - y0) * (y - y0) <= 40 * 40;
                if (x >= 0 && y >= 0 && x < w && y < h && sameSide && near && inside[y * w + x] == 0
                        && slice[y * w + x] < dark) {
                    inside[y * w + x] = 1;
                    todo.add(new int[] {x, y});
                }
            }
        }
        return Mask2D.threshold(inside, w, h, 0.5f);
    }

    private static double[] centroid(Mask2D m) {
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (m.get(x, y)) {
                    sx += x;
                    sy += y;
                }
            }
        }
        return new double[] {sx / m.area(), sy / m.area()};
    }

    /** The pixel of the mask farthest from its border (where a user clicks "inside"). */
    private static int[] deepestPoint(Mask2D m) {
        int[] best = null;
        int bestDepth = -1;
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (m.get(x, y)) {
                    int d = 0;
                    while (ring(m, x, y, d + 1)) {
                        d++;
                    }
                    if (d > bestDepth) {
                        bestDepth = d;
                        best = new int[] {x, y};
                    }
                }
            }
        }
        return best;
    }

    /** Whether every pixel within Chebyshev distance r of (x, y) is in the mask. */
    private static boolean ring(Mask2D m, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px < 0 || py < 0 || px >= m.width() || py >= m.height() || !m.get(px, py)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fraction of the structure under the mask. */
    private static double covered(Mask2D mask, Mask2D structure) {
        int both = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                both += mask.get(x, y) && structure.get(x, y) ? 1 : 0;
            }
        }
        return both / (double) Math.max(1, structure.area());
    }

    /** Fraction of the mask within r pixels of the structure, given each pixel's squared distance to it. */
    private static double withinReach(Mask2D mask, int[] d, int r) {
        int near = 0;
        for (int i = 0; i < d.length; i++) {
            near += mask.get(i) && d[i] <= r * r ? 1 : 0;
        }
        return mask.area() == 0 ? 0 : near / (double) mask.area();
    }

    /** Squared distance, in pixels, from each pixel to the nearest pixel of the mask. */
    private static int[] squaredDistanceTo(Mask2D m) {
        boolean[] outside = new boolean[m.width() * m.height()];
        for (int i = 0; i < outside.length; i++) {
            outside[i] = !m.get(i);
        }
        return DistanceTransform.squared(outside, m.width(), m.height());
    }
}
