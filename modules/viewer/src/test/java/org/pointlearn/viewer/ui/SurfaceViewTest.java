package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import javax.swing.JFrame;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.VolumeGeometry;

/** The 3D view draws the accepted masks of three slices as a surface on screen (VTK under Xvfb). */
class SurfaceViewTest {

    @Test
    void threeAcceptedSlicesMakeASurfaceOnScreen() throws Exception {
        VtkVerdict.assumeVtkRenders();
        VolumeGeometry g = VolumeGeometry.axial(64, 64, 10, 1, 1, 2);
        Map<Integer, Mask2D> accepted = new HashMap<>();
        for (int k = 4; k < 7; k++) {
            float[] disk = new float[64 * 64];
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    disk[y * 64 + x] = (x - 32) * (x - 32) + (y - 30) * (y - 30) <= 144 ? 1 : 0;
                }
            }
            accepted.put(k, Mask2D.threshold(disk, 64, 64, 0.5f));
        }
        JFrame[] frame = new JFrame[1];
        SurfaceView view = ViewerTopComponentTest.onEdt(() -> {
            SurfaceView v = new SurfaceView();
            frame[0] = new JFrame("SurfaceViewTest");
            v.component().setPreferredSize(new java.awt.Dimension(300, 300));
            frame[0].add(v.component());
            frame[0].pack();
            frame[0].setLocation(30, 30);
            frame[0].setVisible(true);
            return v;
        });
        try {
            Thread.sleep(500);
            ViewerTopComponentTest.onEdt(() -> {
                view.show(g, Map.of());
                return null;
            });
            assertEquals(0, (int) ViewerTopComponentTest.onEdt(view::triangles), "no accepted slice, no surface");
            ViewerTopComponentTest.onEdt(() -> {
                view.show(g, accepted);
                return null;
            });
            assertTrue(ViewerTopComponentTest.onEdt(view::triangles) > 100, "the surface has no triangles");
            Thread.sleep(300);
            Rectangle area = ViewerTopComponentTest.onEdt(() -> {
                Point p = view.component().getLocationOnScreen();
                return new Rectangle(p.x, p.y, view.component().getWidth(), view.component().getHeight());
            });
            BufferedImage shot = new Robot().createScreenCapture(area);
            int lit = 0;
            for (int y = 0; y < shot.getHeight(); y++) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    lit += (shot.getRGB(x, y) & 0xffffff) != 0 ? 1 : 0;
                }
            }
            assertTrue(lit > 1000, "the surface is not on screen: " + lit + " lit pixels");
        } finally {
            ViewerTopComponentTest.onEdt(() -> {
                frame[0].dispose();
                return null;
            });
        }
    }
}
