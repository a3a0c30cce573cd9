package org.pointlearn.viewer.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.EventQueue;
import java.util.Map;
import java.util.function.Supplier;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.viewer.impl.RendererChoice;

/**
 * The accepted slices of the series being annotated as a surface (a {@link SurfaceView}), redrawn
 * when the accepted masks change; before any accept, or without VTK, a sentence says why it is
 * empty. Used by Window > 3D Segmentation and by the viewer's 2 x 2 layout.
 */
@Messages({
    "# {0} why the renderer is Java2D",
    "MSG_SurfaceNeedsVtk=The 3D view needs VTK; the renderer is Java2D ({0}).",
    "MSG_SurfaceEmpty=Accept slices to see their segmentation here in 3D (drag to rotate)."
})
final class SurfacePanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JLabel message = new JLabel(Bundle.MSG_SurfaceEmpty(), SwingConstants.CENTER);
    private final transient Supplier<Volume> annotated;
    private transient SurfaceView surface;
    private transient Map<Integer, Mask2D> shownAccepted;

    /**
     * @param choice the renderer of this session
     * @param session the session whose accepted masks are drawn
     * @param annotated the volume of the plane being annotated (its geometry places the masks), or null
     */
    SurfacePanel(RendererChoice choice, InteractiveSession session, Supplier<Volume> annotated) {
        super(new BorderLayout());
        this.annotated = annotated;
        setBackground(Color.BLACK);
        message.setForeground(Color.LIGHT_GRAY);
        add(message, BorderLayout.CENTER);
        if (!choice.vtk()) {
            message.setText("<html><div style='text-align:center;width:200px'>"
                    + Bundle.MSG_SurfaceNeedsVtk(choice.detail()) + "</div></html>");
            return;
        }
        surface = new SurfaceView();
        session.addListener(WorkstationSession.redrawOnEdt(() -> redraw(session.state().work())));
        EventQueue.invokeLater(() -> redraw(session.state().work()));
    }

    /** The surface drawn, or null without VTK. */
    SurfaceView surface() {
        return surface;
    }

    /** Whether two snapshots hold the same accepted masks: the same slices, the same mask objects (no pixel compare). */
    private static boolean sameMasks(Map<Integer, Mask2D> a, Map<Integer, Mask2D> b) {
        return b != null && a.size() == b.size() && a.entrySet().stream().allMatch(e -> e.getValue() == b.get(e.getKey()));
    }

    /** Draws the accepted slices of the series now open (only when they changed). */
    void redraw(SeriesWork w) {
        if (surface == null || sameMasks(w.accepted(), shownAccepted)) {
            return;   // most events (clicks, strokes) leave the accepted masks as they were
        }
        shownAccepted = w.accepted();
        Volume v = annotated.get();
        removeAll();
        if (w.accepted().isEmpty() || v == null) {
            add(message, BorderLayout.CENTER);
        } else {
            surface.show(v.geometry(), w.accepted());
            add(surface.component(), BorderLayout.CENTER);
        }
        revalidate();
        repaint();
    }

    /** Draws again from scratch (another series or plane). */
    void reset(SeriesWork w) {
        shownAccepted = null;
        redraw(w);
    }
}
