package org.pointlearn.viewer.ui;

import org.pointlearn.viewer.impl.RendererChoice;

/** Makes the canvas of the chosen renderer. */
final class SliceCanvases {

    private SliceCanvases() {
    }

    /** A VTK canvas when VTK was chosen (and loaded), else a Java2D one; on the event thread. */
    static SliceCanvas create(RendererChoice choice) {
        return choice.vtk() ? new VtkSliceCanvas() : new Java2dSliceCanvas();
    }
}
