package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.viewer.impl.GreySlice;

class Java2dSliceCanvasTest {

    private static final WindowLevel MARKER_WINDOW = new WindowLevel(500, 1000);

    @Test
    void colin27MiddleSliceShowsABrainNotABlank() {
        Volume brain = TestVolumes.colin27();
        SliceViewModel view = new SliceViewModel();
        view.show(brain);
        BufferedImage shot = render(view.image(), view.caption(), 400, 400);
        assertTrue(Pixels.distinctGreys(shot, 0, 0, 400, 340) > 100, "too few grey levels: not a real image");
        double centre = Pixels.meanGrey(shot, 150, 150, 100, 100);
        double corners = (Pixels.meanGrey(shot, 0, 0, 40, 40) + Pixels.meanGrey(shot, 360, 0, 40, 40)) / 2;
        assertTrue(centre > corners + 50, "brain centre " + centre + " not brighter than corners " + corners);
    }

    @Test
    void firstVoxelOfTheFirstRowAppearsTopLeft() {
        Volume v = TestVolumes.brightFirstVoxel(40, 20, 3, 1, 1);
        // 40x20 mm in 400x300: 10 pixels per mm, letterboxed from y=50 to y=250.
        BufferedImage shot = render(GreySlice.of(v, 1, MARKER_WINDOW), List.of(), 400, 300);
        assertEquals(255, Pixels.grey(shot, 3, 53), "top-left of the image");
        assertEquals(0, Pixels.grey(shot, 3, 30), "letterbox above the image");
        assertGreyNear(26, Pixels.grey(shot, 396, 53), "top-right of the image");
        assertGreyNear(26, Pixels.grey(shot, 3, 246), "bottom-left of the image");
        assertGreyNear(26, Pixels.grey(shot, 396, 246), "bottom-right of the image");
    }

    @Test
    void pixelSpacingSetsTheAspectRatio() {
        // 20 columns of 1 mm by 20 rows of 2 mm: twice as tall as wide.
        Volume v = TestVolumes.brightFirstVoxel(20, 20, 1, 1, 2);
        BufferedImage shot = render(GreySlice.of(v, 0, MARKER_WINDOW), List.of(), 300, 300);
        assertEquals(0, Pixels.grey(shot, 70, 150), "left of the image");
        assertGreyNear(26, Pixels.grey(shot, 80, 150), "inside, left");
        assertGreyNear(26, Pixels.grey(shot, 220, 150), "inside, right");
        assertEquals(0, Pixels.grey(shot, 230, 150), "right of the image");
    }

    @Test
    void captionIsDrawnInTheLowerLeftCorner() {
        Volume v = TestVolumes.brightFirstVoxel(20, 20, 1, 1, 1);
        SliceViewModel view = new SliceViewModel();
        view.show(v);
        BufferedImage with = render(view.image(), view.caption(), 300, 300);
        BufferedImage without = render(view.image(), List.of(), 300, 300);
        assertTrue(Pixels.differing(with, without, 0, 240, 150, 60) > 20, "no caption in the lower left");
        assertEquals(0, Pixels.differing(with, without, 0, 0, 300, 200), "caption outside the lower left");
    }

    static BufferedImage render(GreySlice slice, List<String> caption, int width, int height) {
        Java2dSliceCanvas canvas = new Java2dSliceCanvas();
        canvas.setSize(width, height);
        canvas.show(slice, caption);
        BufferedImage shot = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = shot.createGraphics();
        canvas.paint(g);
        g.dispose();
        return shot;
    }

    private static void assertGreyNear(int expected, int actual, String where) {
        assertTrue(Math.abs(expected - actual) <= 2, where + ": grey " + actual + ", expected about " + expected);
    }
}
