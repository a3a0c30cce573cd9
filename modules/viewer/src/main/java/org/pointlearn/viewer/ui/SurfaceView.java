package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.util.Map;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.VolumeGeometry;
import vtk.vtkActor;
import vtk.vtkDiscreteFlyingEdges3D;
import vtk.vtkImageData;
import vtk.vtkPanel;
import vtk.vtkPolyDataMapper;
import vtk.vtkUnsignedCharArray;
import vtk.vtkWindowedSincPolyDataFilter;

/**
 * The accepted segmentation of a series as a surface in 3D (VTK): the accepted slices' masks
 * stacked with the series' spacing, a surface through them (discrete flying edges), smoothed
 * (windowed sinc), drawn in the mask's colour and rotatable with the mouse (VTK's own camera
 * interaction). Create and use on the event thread, after VTK was loaded.
 */
final class SurfaceView {

    private final vtkPanel panel = new vtkPanel();
    private final vtkImageData image = new vtkImageData();
    private final vtkDiscreteFlyingEdges3D surface = new vtkDiscreteFlyingEdges3D();
    private final vtkWindowedSincPolyDataFilter smooth = new vtkWindowedSincPolyDataFilter();
    private final vtkActor actor = new vtkActor();
    private int triangles;
    private boolean framed;

    SurfaceView() {
        surface.SetInputData(image);
        surface.GenerateValues(1, 1, 1);
        smooth.SetInputConnection(surface.GetOutputPort());
        smooth.SetNumberOfIterations(15);
        smooth.SetPassBand(0.1);
        smooth.NonManifoldSmoothingOn();
        smooth.NormalizeCoordinatesOn();
        vtkPolyDataMapper mapper = new vtkPolyDataMapper();
        mapper.SetInputConnection(smooth.GetOutputPort());
        mapper.ScalarVisibilityOff();
        actor.SetMapper(mapper);
        actor.VisibilityOff();   // until there is a surface: drawing would run the pipeline on an empty image
        int c = org.pointlearn.viewer.impl.GreySlice.MASK;
        actor.GetProperty().SetColor(((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0);
        panel.GetRenderer().SetBackground(0, 0, 0);
        panel.GetRenderer().AddActor(actor);
        panel.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                // vtkPanel renders at the size it was last told: tell it, and fit the surface again.
                panel.setSize(panel.getWidth(), panel.getHeight());
                panel.GetRenderer().ResetCamera();
                if (panel.isDisplayable() && panel.getWidth() > 0) {
                    panel.Render();
                }
            }
        });
    }

    Component component() {
        return panel;
    }

    /**
     * Shows the accepted masks of a series as a surface.
     *
     * @param g the series' geometry (slice size, spacing)
     * @param accepted slice index to accepted mask
     */
    void show(VolumeGeometry g, Map<Integer, Mask2D> accepted) {
        if (accepted.values().stream().allMatch(m -> m.area() == 0)) {
            // Nothing to surface: VTK's flying edges refuse an empty image (and log it to a file).
            triangles = 0;
            actor.VisibilityOff();
            render();
            return;
        }
        actor.VisibilityOn();
        int w = g.width();
        int h = g.height();
        int d = g.depth();
        // One empty slice around the stack closes the surface at its ends.
        image.SetDimensions(w, h, d + 2);
        double[] s = g.spacing();
        image.SetSpacing(s[0], s[1], s[2]);
        byte[] voxels = new byte[w * h * (d + 2)];
        accepted.forEach((k, m) -> {
            if (k >= 0 && k < d) {
                int base = (k + 1) * w * h;
                for (int i = 0; i < w * h; i++) {
                    voxels[base + i] = (byte) (m.get(i) ? 1 : 0);
                }
            }
        });
        vtkUnsignedCharArray scalars = new vtkUnsignedCharArray();
        scalars.SetNumberOfComponents(1);
        scalars.SetJavaArray(voxels);
        image.GetPointData().SetScalars(scalars);
        image.Modified();
        smooth.Update();
        triangles = (int) smooth.GetOutput().GetNumberOfPolys();
        if (!framed && triangles > 0) {
            // From the feet like the slices (row 0 at the top), then turned a little for depth.
            vtk.vtkCamera camera = panel.GetRenderer().GetActiveCamera();
            camera.SetFocalPoint(0, 0, 0);
            camera.SetPosition(0, 0, -1);
            camera.SetViewUp(0, -1, 0);
            camera.Azimuth(30);
            camera.Elevation(25);
            camera.OrthogonalizeViewUp();
            framed = true;   // later accepts keep the user's rotation
        }
        panel.GetRenderer().ResetCamera();
        render();
    }

    private void render() {
        if (panel.isDisplayable() && panel.getWidth() > 0) {
            panel.Render();
        }
    }

    /** Triangles of the surface shown (0 without accepted slices). */
    int triangles() {
        return triangles;
    }
}
