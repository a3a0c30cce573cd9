package org.pointlearn.viewer.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.EventQueue;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.pointlearn.viewer.impl.RendererChoice;
import org.pointlearn.viewer.impl.RendererSession;

/**
 * Window > 3D Segmentation: the accepted slices of the series in the viewer as a surface,
 * updated after each accept, rotatable. Needs VTK; with the Java2D renderer it says why not.
 */
@TopComponent.Description(preferredID = "SurfaceTopComponent", persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "properties", openAtStartup = false, position = 20)
@ActionID(category = "Window", id = "org.pointlearn.viewer.ui.SurfaceTopComponent")
@ActionReference(path = "Menu/Window", position = 40)
@TopComponent.OpenActionRegistration(displayName = "#CTL_SurfaceAction", preferredID = "SurfaceTopComponent")
@Messages({
    "CTL_SurfaceAction=3D Segmentation",
    "CTL_SurfaceTopComponent=3D"
})
public final class SurfaceTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;

    private transient SurfacePanel panel;

    public SurfaceTopComponent() {
        setName(Bundle.CTL_SurfaceTopComponent());
        setLayout(new BorderLayout());
        setBackground(Color.BLACK);
        RendererSession.getDefault().choice().whenComplete((choice, e) -> EventQueue.invokeLater(() -> {
            panel = new SurfacePanel(choice != null ? choice : RendererChoice.java2d(String.valueOf(e)),
                    WorkstationSession.get(), () -> {
                        ViewerTopComponent viewer = ViewerTopComponent.findInstanceOrNull();
                        return viewer == null ? null : viewer.view().volume();
                    });
            add(panel, BorderLayout.CENTER);
            revalidate();
        }));
    }

    /** The surface drawn, or null before the renderer is known or without VTK. */
    SurfaceView surface() {
        return panel == null ? null : panel.surface();
    }
}
