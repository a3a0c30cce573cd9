package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import org.openide.awt.StatusLineElementProvider;
import org.openide.util.NbBundle.Messages;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.viewer.impl.EngineStatusFeed;
import org.pointlearn.viewer.impl.RendererChoice;
import org.pointlearn.viewer.impl.RendererSession;

/**
 * The workstation's facts in the status line: which renderer draws the slices (and why
 * Java2D, when it does) and which inference engine runs on which device.
 */
@ServiceProvider(service = StatusLineElementProvider.class, position = 100)
@Messages({
    "MSG_ChoosingRenderer=Renderer: choosing…",
    "MSG_CheckingEngine=Engine: checking…"
})
public final class ViewerStatusLine implements StatusLineElementProvider {

    /** Component name of the renderer label. */
    public static final String RENDERER_LABEL = "pointlearn.renderer";
    /** Component name of the engine label. */
    public static final String ENGINE_LABEL = "pointlearn.engine";
    /** Component name of the model label (version in use, last click's time). */
    public static final String MODEL_LABEL = "pointlearn.model.status";

    private static final Logger LOG = Logger.getLogger(ViewerStatusLine.class.getName());

    private JPanel panel;

    /** The two labels, built on first call and kept up to date on the event thread. */
    @Override
    public synchronized Component getStatusLineElement() {
        if (panel == null) {
            panel = build(RendererSession.getDefault().choice(), EngineStatusFeed::subscribe);
            org.pointlearn.adaptation.api.InteractiveSession session = WorkstationSession.get();
            JLabel model = label(MODEL_LABEL, WorkstationSession.statusText(session.state()));
            session.addListener(WorkstationSession.redrawOnEdt(
                    () -> model.setText(WorkstationSession.statusText(session.state()))));
            JSeparator separator = new JSeparator(SwingConstants.VERTICAL);
            separator.setPreferredSize(new Dimension(2, model.getPreferredSize().height));
            panel.add(separator);
            panel.add(model);
        }
        return panel;
    }

    /**
     * Builds the status panel.
     *
     * @param renderer the renderer choice, when known
     * @param engineFeed subscribes a consumer to engine statuses on the event thread
     * @return the panel with the two named labels
     */
    static JPanel build(CompletionStage<RendererChoice> renderer, Consumer<Consumer<EngineStatus>> engineFeed) {
        JLabel rendererLabel = label(RENDERER_LABEL, Bundle.MSG_ChoosingRenderer());
        JLabel engineLabel = label(ENGINE_LABEL, Bundle.MSG_CheckingEngine());
        renderer.whenComplete((choice, failure) -> EventQueue.invokeLater(() -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "No renderer was chosen", failure);
            }
            rendererLabel.setText(choice != null ? choice.statusText()
                    : RendererChoice.java2d("renderer choice failed: " + failure).statusText());
        }));
        engineFeed.accept(status -> engineLabel.setText(status.summary()));
        JPanel p = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        p.setOpaque(false);
        p.add(rendererLabel);
        JSeparator separator = new JSeparator(SwingConstants.VERTICAL);
        separator.setPreferredSize(new Dimension(2, rendererLabel.getPreferredSize().height));
        p.add(separator);
        p.add(engineLabel);
        return p;
    }

    private static JLabel label(String name, String text) {
        JLabel l = new JLabel(text);
        l.setName(name);
        l.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 4));
        return l;
    }
}
