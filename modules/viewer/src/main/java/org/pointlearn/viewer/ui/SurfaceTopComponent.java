package org.pointlearn.viewer.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.EventQueue;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesWork;
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
    "CTL_SurfaceTopComponent=3D",
    "MSG_SurfaceNeedsVtk=The 3D view needs VTK; the renderer is Java2D ({0}).",
    "MSG_SurfaceEmpty=Accept slices to see their segmentation here in 3D (drag to rotate)."
})
public final class SurfaceTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;

    private final JLabel message = new JLabel(Bundle.MSG_SurfaceEmpty(), SwingConstants.CENTER);
    private transient SurfaceView surface;
    private transient java.util.Map<Integer, org.pointlearn.imaging.api.Mask2D> shownAccepted;

    public SurfaceTopComponent() {
        setName(Bundle.CTL_SurfaceTopComponent());
        setLayout(new BorderLayout());
        setBackground(Color.BLACK);
        message.setForeground(Color.LIGHT_GRAY);
        add(message, BorderLayout.CENTER);
        RendererSession.getDefault().choice().whenComplete((choice, e) -> EventQueue.invokeLater(() -> {
            if (choice == null || !choice.vtk()) {
                message.setText("<html><div style='text-align:center;width:260px'>" + Bundle.MSG_SurfaceNeedsVtk(
                        choice == null ? String.valueOf(e) : choice.detail()) + "</div></html>");
                return;
            }
            surface = new SurfaceView();
            InteractiveSession session = WorkstationSession.get();
            session.addListener(WorkstationSession.redrawOnEdt(() -> redraw(session.state().work())));
            redraw(session.state().work());
        }));
    }

    /** Whether two snapshots hold the same accepted masks: the same slices, the same mask objects (no pixel compare). */
    private static boolean sameMasks(java.util.Map<Integer, org.pointlearn.imaging.api.Mask2D> a,
            java.util.Map<Integer, org.pointlearn.imaging.api.Mask2D> b) {
        return b != null && a.size() == b.size() && a.entrySet().stream().allMatch(e -> e.getValue() == b.get(e.getKey()));
    }

    /** Draws the accepted slices of the series now open (only when they changed). */
    private void redraw(SeriesWork w) {
        if (surface == null || sameMasks(w.accepted(), shownAccepted)) {
            return;   // most events (clicks, strokes) leave the accepted masks as they were
        }
        shownAccepted = w.accepted();
        ViewerTopComponent viewer = ViewerTopComponent.findInstanceOrNull();
        if (w.accepted().isEmpty() || viewer == null || viewer.view().volume() == null) {
            removeAll();
            add(message, BorderLayout.CENTER);
        } else {
            surface.show(viewer.view().volume().geometry(), w.accepted());
            removeAll();
            add(surface.component(), BorderLayout.CENTER);
        }
        revalidate();
        repaint();
    }
}
