package org.pointlearn.viewer.ui;

import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.adaptation.api.SessionEvent;
import org.pointlearn.adaptation.api.SessionState;

/** The workstation's interactive session as the windows share it: its words go to the status line. */
@Messages({
    "STATUS_NoModel=Model: loading\u2026",
    "# {0} the model's version",
    "STATUS_Model=Model: {0}",
    "# {0} version in use, {1} the model it was adapted from",
    "STATUS_Adapted=Model: {0} of {1}",
    "# {0} milliseconds",
    "STATUS_Click=last click {0} ms"
})
final class WorkstationSession {

    private static InteractiveSession instance;

    private WorkstationSession() {
    }

    /** The session, created on first use. */
    static synchronized InteractiveSession get() {
        if (instance == null) {
            instance = InteractiveSessions.getDefault().workstation();
            instance.addListener(WorkstationSession::toStatusLine);
        }
        return instance;
    }

    /**
     * A listener that runs {@code redraw} on the event thread after events other than words,
     * once for events that come close together (a brush stroke sends one per mouse move).
     */
    static java.util.function.Consumer<SessionEvent> redrawOnEdt(Runnable redraw) {
        java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
        return e -> {
            if (e.kind() != SessionEvent.Kind.MESSAGE && queued.compareAndSet(false, true)) {
                java.awt.EventQueue.invokeLater(() -> {
                    queued.set(false);
                    redraw.run();
                });
            }
        };
    }

    /** The session's words in the status line: problems highlighted. */
    static void toStatusLine(SessionEvent e) {
        if (e.message() != null && e.kind() != SessionEvent.Kind.CHANGED) {
            StatusDisplayer.getDefault().setStatusText(e.message(), e.kind() == SessionEvent.Kind.PROBLEM
                    ? StatusDisplayer.IMPORTANCE_ERROR_HIGHLIGHT : StatusDisplayer.IMPORTANCE_ANNOTATION);
        }
    }

    /** The status-line words: the version in use and the model it comes from, and the last click's model time. */
    static String statusText(SessionState s) {
        if (s.modelName() == null || s.active() == null) {
            return Bundle.STATUS_NoModel();
        }
        String inUse = s.active().parentId() == null ? Bundle.STATUS_Model(s.modelName())
                : Bundle.STATUS_Adapted(s.active().id(), s.modelName());
        return s.lastClickMillis() > 0
                ? inUse + " \u00b7 " + Bundle.STATUS_Click(Long.toString(Math.round(s.lastClickMillis()))) : inUse;
    }
}
