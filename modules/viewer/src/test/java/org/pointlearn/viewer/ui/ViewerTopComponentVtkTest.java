package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.viewer.impl.RendererChoice;

/** The viewer window on VTK: the heavyweight canvas survives being swapped for a message. */
class ViewerTopComponentVtkTest {

    private JFrame frame;

    @BeforeEach
    void vtkMustRenderHere() throws Exception {
        VtkVerdict.assumeVtkRenders();
    }

    @AfterEach
    void closeWindow() throws Exception {
        EventQueue.invokeAndWait(() -> {
            if (frame != null) {
                frame.dispose();
            }
        });
    }

    @Test
    void showsTheBrainAgainAfterALoadingMessageReplacedTheCanvas() throws Exception {
        Volume brain = TestVolumes.colin27();
        ViewerTopComponent viewer = ViewerTopComponentTest.onEdt(() -> {
            ViewerTopComponent v = new ViewerTopComponent(
                    () -> CompletableFuture.completedFuture(RendererChoice.vtk("9.1.0")),
                    ViewerTopComponentTest.idleSession());
            v.setPreferredSize(new Dimension(400, 400));
            frame = new JFrame("ViewerTopComponentVtkTest");
            frame.add(v);
            frame.pack();
            frame.setLocation(40, 40);
            frame.setVisible(true);
            v.componentOpened();
            return v;
        });
        ViewerTopComponentTest.onEdt(() -> {
            viewer.showVolume(viewer.beginLoading("Colin27 T1"), brain);
            return null;
        });
        assertInstanceOf(VtkSliceCanvas.class, viewer.canvas());
        double first = brainContrast(grab(viewer, "viewer-first"));
        ViewerTopComponentTest.onEdt(() -> viewer.beginLoading("Colin27 T1 again"));
        assertEquals("Loading Colin27 T1 again …", ViewerTopComponentTest.onEdt(viewer::shownMessage));
        ViewerTopComponentTest.onEdt(() -> {
            viewer.showVolume(2, brain);
            return null;
        });
        double again = brainContrast(grab(viewer, "viewer-again"));
        assertTrue(first > 50 && again > 50, "brain not shown: contrast " + first + " then " + again);
    }

    private static double brainContrast(BufferedImage shot) {
        double centre = Pixels.meanGrey(shot, 150, 150, 100, 100);
        double corners = (Pixels.meanGrey(shot, 0, 0, 40, 40) + Pixels.meanGrey(shot, 360, 0, 40, 40)) / 2;
        return centre - corners;
    }

    private static BufferedImage grab(ViewerTopComponent viewer, String name) throws Exception {
        Robot robot = new Robot();
        robot.waitForIdle();
        Thread.sleep(300);
        robot.waitForIdle();
        AtomicReference<Rectangle> area = new AtomicReference<>();
        AtomicReference<Integer> stripHeight = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            Component c = viewer.canvas().component();
            Point p = c.getLocationOnScreen();
            area.set(new Rectangle(p.x, p.y, c.getWidth(), c.getHeight()));
            stripHeight.set(viewer.strip().getParent().getHeight());
        });
        assertTrue(stripHeight.get() > 10, "the series overview is under the slice");
        assertEquals(new Dimension(400, 400 - stripHeight.get()), area.get().getSize(),
                "the canvas fills the viewer above the series overview and the readout");
        BufferedImage shot = robot.createScreenCapture(area.get());
        Path dir = Files.createDirectories(Path.of("target", "vtk-test-shots"));
        ImageIO.write(shot, "png", dir.resolve(name + ".png").toFile());
        return shot;
    }
}
