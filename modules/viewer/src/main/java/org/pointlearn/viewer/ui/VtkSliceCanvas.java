package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.util.List;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.ImageFit;
import org.pointlearn.viewer.impl.ViewTransform;
import vtk.vtkCamera;
import vtk.vtkImageActor;
import vtk.vtkImageData;
import vtk.vtkPanel;
import vtk.vtkRenderer;
import vtk.vtkTextActor;
import vtk.vtkUnsignedCharArray;

/**
 * The VTK slice canvas: an image actor under a parallel camera looking from the feet
 * (view-up -y), so VTK's bottom-up rows show row 0 at the top and column 0 at the left.
 * Create and use only on the event thread, after VTK was loaded.
 */
final class VtkSliceCanvas implements SliceCanvas {

    private static final int MARGIN = 8;

    private final vtkPanel panel = new vtkPanel();
    private final vtkImageData image = new vtkImageData();
    private final vtkUnsignedCharArray scalars = new vtkUnsignedCharArray();
    private final vtkImageActor actor = new vtkImageActor();
    private final vtkTextActor caption = new vtkTextActor();
    /** Left, right, top, bottom: the patient directions at the edges. */
    private final vtkTextActor[] edges = {new vtkTextActor(), new vtkTextActor(), new vtkTextActor(),
        new vtkTextActor()};
    private int captionLines;
    private final vtkTextActor patient = new vtkTextActor();
    private GreySlice shown;
    private ViewTransform transform = ViewTransform.FIT;

    VtkSliceCanvas() {
        detachVtkInteraction();
        // VTK asks for 8 multisamples by default; a slice of square pixels gains nothing from them
        // and software OpenGL (Mesa llvmpipe) spends most of a frame on them.
        panel.GetRenderWindow().SetMultiSamples(0);
        scalars.SetNumberOfComponents(3);
        image.GetPointData().SetScalars(scalars);
        actor.SetInputData(image);
        actor.InterpolateOn();
        actor.GetMapper().BorderOn();
        caption.GetTextProperty().SetFontSize(14);
        caption.GetTextProperty().SetColor(1, 1, 1);
        caption.GetTextProperty().ShadowOn();
        caption.SetDisplayPosition(MARGIN, MARGIN);
        vtkRenderer renderer = panel.GetRenderer();
        renderer.SetBackground(0, 0, 0);
        renderer.AddActor(actor);
        renderer.AddActor2D(caption);
        patient.GetTextProperty().SetFontSize(14);
        patient.GetTextProperty().SetColor(1, 1, 1);
        patient.GetTextProperty().ShadowOn();
        patient.GetTextProperty().SetVerticalJustificationToTop();
        renderer.AddActor2D(patient);
        for (int i = 0; i < edges.length; i++) {
            vtk.vtkTextProperty p = edges[i].GetTextProperty();
            p.SetFontSize(14);
            p.SetColor(1, 1, 1);
            p.ShadowOn();
            p.SetJustification(i == 0 ? 0 : i == 1 ? 2 : 1);          // left, right, centred
            p.SetVerticalJustification(i < 2 ? 1 : i == 2 ? 2 : 0);   // centred, top, bottom
            renderer.AddActor2D(edges[i]);
        }
        panel.setFocusable(true);
        panel.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                panel.setSize(panel.getWidth(), panel.getHeight());
                fitCamera();
                render();
            }
        });
    }

    @Override
    public Component component() {
        return panel;
    }

    @Override
    public void show(GreySlice slice, List<String> lines, ViewTransform view) {
        boolean newFrame = !view.equals(transform) || shown == null || shown.width() != slice.width() || shown.height() != slice.height()
                || shown.columnSpacing() != slice.columnSpacing() || shown.rowSpacing() != slice.rowSpacing();
        shown = slice;
        transform = view;
        image.SetDimensions(slice.width(), slice.height(), 1);
        image.SetSpacing(slice.columnSpacing(), slice.rowSpacing(), 1);
        image.SetOrigin(0, 0, 0);
        scalars.SetJavaArray(rgbBytes(slice));
        scalars.Modified();
        image.Modified();
        caption.SetInput(String.join("\n", lines));
        captionLines = lines.size();
        if (newFrame) {
            fitCamera();
        }
        render();
    }

    @Override
    public void annotate(List<String> topLeft) {
        patient.SetInput(String.join("\n", topLeft));
    }

    @Override
    public void orient(org.pointlearn.viewer.impl.Orientation e) {
        String[] words = e == null ? new String[] {"", "", "", ""} : new String[] {e.left(), e.right(), e.top(), e.bottom()};
        for (int i = 0; i < edges.length; i++) {
            edges[i].SetInput(words[i]);
        }
    }

    @Override
    public int[] pixelAt(int x, int y) {
        return shown == null ? null : ImageFit.pixelAt(shown.widthMm(), shown.heightMm(), panel.getWidth(),
                panel.getHeight(), shown.width(), shown.height(), x, y, transform);
    }

    /** Red, green, blue bytes per pixel, rows from the top, as VTK's image data takes them. */
    private static byte[] rgbBytes(GreySlice slice) {
        int[] rgb = slice.rgb();
        byte[] out = new byte[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            out[3 * i] = (byte) (rgb[i] >> 16);
            out[3 * i + 1] = (byte) (rgb[i] >> 8);
            out[3 * i + 2] = (byte) rgb[i];
        }
        return out;
    }

    /** Our own tools drive the view; vtkPanel's camera interaction would fight them. */
    private void detachVtkInteraction() {
        panel.removeMouseListener(panel);
        panel.removeMouseMotionListener(panel);
        panel.removeMouseWheelListener(panel);
        panel.removeKeyListener(panel);
    }

    private void fitCamera() {
        if (shown == null) {
            return;
        }
        // Pixel centres sit at i * spacing, so the slice's centre is at (n - 1) * spacing / 2.
        double cx = (shown.width() - 1) * shown.columnSpacing() / 2 + transform.panXmm();
        double cy = (shown.height() - 1) * shown.rowSpacing() / 2 + transform.panYmm();
        double distance = 2 * Math.max(shown.widthMm(), shown.heightMm()) + 1;
        vtkCamera camera = panel.GetRenderer().GetActiveCamera();
        camera.ParallelProjectionOn();
        camera.SetFocalPoint(cx, cy, 0);
        // From below (-z) with view-up -y: rows run downwards, columns to the right.
        camera.SetPosition(cx, cy, -distance);
        camera.SetViewUp(0, -1, 0);
        camera.SetParallelScale(ImageFit.parallelScale(shown.widthMm(), shown.heightMm(),
                panel.getWidth(), panel.getHeight()) / transform.zoom());
        panel.GetRenderer().ResetCameraClippingRange();
    }

    private void render() {
        if (panel.isDisplayable() && panel.getWidth() > 0 && panel.getHeight() > 0) {
            int w = panel.getWidth();
            int h = panel.getHeight();
            // VTK's display y runs upwards; the bottom label sits above the caption lines.
            patient.SetDisplayPosition(MARGIN, h - MARGIN);
            edges[0].SetDisplayPosition(MARGIN, h / 2);
            edges[1].SetDisplayPosition(w - MARGIN, h / 2);
            edges[2].SetDisplayPosition(w / 2, h - MARGIN);
            edges[3].SetDisplayPosition(w / 2, MARGIN + 18 * captionLines);
            panel.Render();
        }
    }
}
