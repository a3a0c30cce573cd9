package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.EventQueue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.swing.event.ChangeListener;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.ChangeSupport;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.SessionState;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.Click;
import org.pointlearn.viewer.impl.GreySlice;

/**
 * The click tools on a canvas: what the user does with the mouse ({@link ClickMouse}) and keys
 * ({@link ClickKeys}) goes to the {@link InteractiveSession}, which owns the work on the series;
 * what it publishes is drawn ({@link ToolCaption}). Used on the event thread; the session's
 * events come back to it there.
 */
@Messages({
    "# {0} - slice number",
    "MSG_Learning=Learning from slice {0} \u2026",
    "TITLE_Clear=Clear the slice"
})
final class ClickSegmentation {

    /** What a left press does. */
    enum Tool {
        /** Positive click (right click: negative). */
        CLICK,
        /** Paints the mask. */
        BRUSH,
        /** Erases the mask. */
        ERASER
    }

    private final SliceViewModel view;
    private final SliceCanvas canvas;
    private final InteractiveSession session;
    private final Supplier<SeriesKey> series;
    private final ChangeSupport changes = new ChangeSupport(this);
    private Predicate<String> confirmation = q -> Questions.confirm(q, Bundle.TITLE_Clear());
    private Volume opened;
    private Tool tool = Tool.CLICK;
    private int brushRadius = 3;
    private CompletableFuture<?> offers = CompletableFuture.completedFuture(null);

    private ClickSegmentation(SliceViewModel view, SliceCanvas canvas, InteractiveSession session,
            Supplier<SeriesKey> series) {
        this.view = view;
        this.canvas = canvas;
        this.session = session;
        this.series = series;
    }

    /**
     * Attaches the click tools to a canvas.
     *
     * @param view the view whose slices are segmented
     * @param canvas where the user clicks
     * @param session the interactive session
     * @param series the series shown (its UIDs, or none for memory only, and its name)
     * @return the tools, to draw their state and to listen to its changes
     */
    static ClickSegmentation attach(SliceViewModel view, SliceCanvas canvas, InteractiveSession session,
            Supplier<SeriesKey> series) {
        ClickSegmentation tools = new ClickSegmentation(view, canvas, session, series);
        session.addListener(WorkstationSession.redrawOnEdt(tools.changes::fireChange));
        Component c = canvas.component();
        ClickMouse mouse = new ClickMouse(tools);
        c.addMouseListener(mouse);
        c.addMouseMotionListener(mouse);
        c.addKeyListener(new ClickKeys(tools, view));
        return tools;
    }

    /** The session's state for the series shown (the session follows the view to a new series first). */
    private SessionState state() {
        Volume shown = view.volume();
        if (shown != null && shown != opened) {
            opened = shown;
            offers = CompletableFuture.allOf(offers, session.openSeries(series.get(), shown));
        }
        return session.state();
    }

    /** The work on the series shown. */
    private SeriesWork work() {
        return state().work();
    }

    /** The slice with what the tools show on it (see {@link ToolCaption#decorate}). */
    GreySlice decorate(GreySlice image, int k) {
        return ToolCaption.decorate(image, work(), k, DisplayOptionsPanel.style());
    }

    /** The caption line of the tools for slice k. */
    String captionLine(int k) {
        SessionState st = state();
        return ToolCaption.line(st, st.work(), k, tool, brushRadius);
    }

    /** The proposal for slice k, if it has one. */
    Optional<SeriesWork.Proposal> proposal(int k) {
        return work().proposal(k);
    }

    Tool tool() {
        return tool;
    }

    /** Chooses the tool of a left press. */
    void useTool(Tool t) {
        tool = t;
        changes.fireChange();
    }

    Optional<Mask2D> acceptedMask(int k) {
        return Optional.ofNullable(work().accepted().get(k));
    }

    /** The work on the series shown (accepted masks, the slice in progress, drafts, undo and redo). */
    SeriesWork seriesWork() {
        return work();
    }

    /** Completes on the event thread once the work asked for so far has been done and drawn. */
    CompletableFuture<?> idle() {
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        CompletableFuture.allOf(offers, session.idle()).whenComplete((v, e) -> EventQueue.invokeLater(
                () -> drawn.complete(null)));
        return drawn;
    }

    void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    /** The slice pixel under a canvas point, with the session on the series shown; null when off the image. */
    private int[] pixel(int x, int y) {
        int[] p = view.hasVolume() ? canvas.pixelAt(x, y) : null;
        if (p != null) {
            work();
        }
        return p;
    }

    /** A click at a point of the canvas. */
    void click(int x, int y, boolean positive) {
        int[] p = pixel(x, y);
        if (p != null) {
            session.click(view.slice(), new Click(p[0], p[1], positive));
        }
    }

    /**
     * A brush or eraser stroke begins at a point of the canvas.
     *
     * @return whether it began (on the image)
     */
    boolean beginStroke(int x, int y) {
        int[] p = pixel(x, y);
        if (p != null) {
            session.beginStroke(view.slice(), p[0], p[1], brushRadius, tool == Tool.BRUSH);
        }
        return p != null;
    }

    /** The stroke in progress goes on to a point of the canvas. */
    void continueStroke(int x, int y) {
        int[] p = canvas.pixelAt(x, y);
        if (p != null) {
            session.continueStroke(p[0], p[1]);
        }
    }

    /** The stroke in progress ends. */
    void endStroke() {
        session.endStroke();
    }

    /** Whether undo acts on the slice shown: its click or stroke, or (whatever is shown) the last accept or rollback. */
    boolean canUndo() {
        SeriesWork w = work();
        return doable(w, w.undo());
    }

    /** Whether redo acts, likewise. */
    boolean canRedo() {
        SeriesWork w = work();
        return doable(w, w.redo());
    }

    private boolean doable(SeriesWork w, SeriesWork.Step step) {
        return step == SeriesWork.Step.ACCEPT || step == SeriesWork.Step.ROLLBACK
                || (step != null && w.slice() == view.slice());
    }

    /** Takes back the last click or stroke of the slice shown, or the last accept (whose slice is then shown) or rollback. */
    void undo() {
        if (canUndo()) {
            session.undo(view.slice());
            showSliceInProgress();
        }
    }

    /** The last click's other square's mask instead of the one shown (the session says when there is none). */
    void otherSquare() {
        session.otherSquare(view.slice());
    }

    /** Does again what the last undo took back. */
    void redo() {
        if (canRedo()) {
            session.redo(view.slice());
            showSliceInProgress();
        }
    }

    private void showSliceInProgress() {
        int k = work().slice();
        if (k >= 0 && k != view.slice()) {
            view.goToSlice(k);
        }
    }

    /** The interactive session the tools work through. */
    InteractiveSession session() {
        return session;
    }

    /** Asks the user (a dialog; tests answer for the user). */
    boolean confirm(String question) {
        return confirmation.test(question);
    }

    /** Who answers the tools' questions (a dialog; tests answer for the user). */
    void setConfirmation(Predicate<String> asker) {
        this.confirmation = asker;
    }

    /**
     * Accepts the mask of the slice shown (its work, its draft or its proposal) under a cancellable
     * progress bar: the model learns from it.
     *
     * @return whether there was a mask to accept
     */
    boolean accept() {
        work();
        int k = view.slice();
        return session.accept(k).map(update -> {
            ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Learning(k + 1), () -> {
                session.cancelUpdate();
                return true;
            });
            progress.start();
            update.whenComplete((r, e) -> EventQueue.invokeLater(progress::finish));
            return true;
        }).orElse(false);
    }

    /** After a crash: offers the journal's slice of the series shown back (see {@link JournalOffer}). */
    void offerJournal(Predicate<String> asker) {
        if (view.hasVolume()) {
            work();
            offers = CompletableFuture.allOf(offers, JournalOffer.offer(session, view, series.get(), asker));
        }
    }

    /** Makes the brush (and eraser) larger or smaller by some pixels. */
    void resizeBrush(int delta) {
        brushRadius = Math.max(0, Math.min(50, brushRadius + delta));
        changes.fireChange();
    }
}
