package org.pointlearn.viewer.ui;

import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GridLayout;
import java.time.Duration;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import org.pointlearn.lib.vtk.VtkProbe;
import org.pointlearn.lib.vtk.VtkRuntime;
import org.pointlearn.lib.vtk.VtkUnavailableException;

/**
 * Opens a window with the VTK canvas on a Colin27 slice, for looking at it (and taking a
 * screenshot) under a real or virtual display. Mouse wheel, arrow keys and right-drag work.
 * Arguments: [slice index, default the middle] [compare: add the Java2D canvas on the right].
 */
public final class VtkCanvasDemo {

    private VtkCanvasDemo() {
    }

    /**
     * Shows the window.
     *
     * @param args optional slice index, optional "compare"
     * @throws VtkUnavailableException when VTK cannot render here, with the reason
     */
    public static void main(String[] args) throws VtkUnavailableException {
        VtkProbe.Result verdict = VtkProbe.run(Duration.ofSeconds(60));
        if (!verdict.usable()) {
            throw new VtkUnavailableException(verdict.detail());
        }
        VtkRuntime.load();
        SliceViewModel view = new SliceViewModel();
        view.show(TestVolumes.colin27());
        if (args.length > 0) {
            view.goToSlice(Integer.parseInt(args[0]));
        }
        boolean compare = args.length > 1 && args[1].equals("compare");
        EventQueue.invokeLater(() -> open(view, compare));
    }

    private static void open(SliceViewModel view, boolean compare) {
        JFrame frame = new JFrame("Pointlearn VTK canvas");
        frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        frame.setLayout(new GridLayout(1, compare ? 2 : 1));
        SliceCanvas vtk = new VtkSliceCanvas();
        add(frame, vtk, view);
        if (compare) {
            add(frame, new Java2dSliceCanvas(), view);
        }
        frame.pack();
        frame.setLocation(0, 0);
        frame.setVisible(true);
    }

    private static void add(JFrame frame, SliceCanvas canvas, SliceViewModel view) {
        canvas.component().setPreferredSize(new Dimension(600, 700));
        SliceNavigation.attach(canvas.component(), view);
        view.addChangeListener(e -> canvas.show(view.image(), view.caption()));
        frame.add(canvas.component());
        canvas.show(view.image(), view.caption());
    }
}
