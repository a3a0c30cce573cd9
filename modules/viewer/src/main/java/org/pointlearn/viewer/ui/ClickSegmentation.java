package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import javax.swing.event.ChangeListener;
import org.openide.util.ChangeSupport;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.pointlearn.adaptation.api.AsyncAdaptationSession;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.Click;
import org.pointlearn.viewer.impl.AcceptedMasks;
import org.pointlearn.viewer.impl.SliceJournal;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.MaskEdits;

/**
 * The click tools on a canvas, slice by slice: left click adds a positive click (object here),
 * right click or Shift+left click a negative one (not object here); the model predicts and,
 * under the method's policy, learns from the click and predicts again. B switches to the
 * brush and E to the eraser (again, or C, back to clicks; [ and ] size them): their strokes
 * stay in force over every later prediction of the slice. Enter accepts the slice's mask
 * (the model learns from it and a new model version is made; Shift+Enter then goes on to the
 * next slice), Backspace or Ctrl+Z takes back
 * the last click (and what the model learned from it) or stroke, Ctrl+Y or Ctrl+Shift+Z does it
 * again (a click is learned from again), Escape takes back every
 * click and stroke of the slice, or cancels the learning in progress. Accepted masks stay shown on
 * their slices and, for a series from the study index, on disk (see {@link AcceptedMasks}),
 * coming back when the series is opened again. A click is a press and release within a few pixels: a right-drag still sets
 * the window. State is kept on the event thread; the work runs on the session's thread.
 */
@Messages({
    "# {0} - clicks",
    "# {1} - positive",
    "# {2} - negative",
    "CAP_Clicks=Clicks {0} (+{1} \u2212{2}) \u00b7 Enter accepts, Shift+Enter and next \u00b7 Backspace undoes",
    "CAP_Accepted=Accepted",
    "# {0} the slice the proposal comes from (1-based)",
    "CAP_Proposed=Proposed from slice {0} (dashed) \u00b7 Enter accepts it \u00b7 click to correct it",
    "CAP_Edited=Edited \u00b7 Enter accepts \u00b7 Backspace undoes",
    "# {0} - radius",
    "CAP_Brush=Brush {0} px",
    "# {0} - radius",
    "CAP_Eraser=Eraser {0} px",
    "CAP_Learning=Learning from the accepted slice \u2026 (Escape cancels)",
    "CAP_Tools=Left click: object \u00b7 right click: not object",
    "# {0} - slice number",
    "MSG_Learning=Learning from slice {0} \u2026",
    "# {0} other version, {1} slice (1-based), {2} Dice, {3} version in use",
    "MSG_Compared={0} on slice {1} (dashed magenta): Dice {2} against {3} in use (yellow).",
    "# {0} reason",
    "MSG_JournalNotWritten=The slice in progress could not be written to its journal ({0}); accept it soon.",
    "# {0} reason",
    "MSG_JournalNotRead=The journal of the slice in progress cannot be read: {0}",
    "# {0} slice (1-based), {1} clicks, {2} 1 when it has strokes",
    "ASK_Resume=Slice {0} had {1} click(s){2,choice,0#|1# and brush strokes} that were not accepted when Pointlearn stopped.\nContinue with them?",
    "TITLE_Resume=Continue the slice in progress",
    "# {0} slice (1-based), {1} clicks",
    "MSG_Resumed=Slice {0}: its {1} click(s) from before are back; the model predicts from them again.",
    "# {0} slice (1-based), {1} clicks, {2} strokes",
    "ASK_Clear=Clear slice {0}? Its {1} click(s) and {2} stroke(s) are taken back, with what the model learned from them.\nCtrl+Y brings them back one by one.",
    "TITLE_Clear=Clear the slice",
    "# {0} slice (1-based), {1} its clicks",
    "MSG_PredictedAgain=Slice {0} is predicted again from its {1} click(s) with the version now in use.",
    "# {0} - slice number",
    "# {0} slice (1-based), {1} clicks",
    "MSG_KeptAsDraft=Slice {0} keeps its {1} click(s) as a draft, not learned from until you continue it (Escape on it discards them).",
    "# {0} clicks",
    "CAP_Draft=Draft: {0} click(s), not accepted \u00b7 click to continue \u00b7 Enter accepts \u00b7 Escape discards",
    "# {0} slice (1-based), {1} clicks",
    "ASK_ClearDraft=Discard the draft of slice {0}? Its {1} click(s) are gone for good.",
    "MSG_Discarded=The work on slice {0} was not accepted; its clicks, strokes and what the model learned from them are taken back.",
    "# {0} - problem",
    "MSG_MaskNotRestored=An accepted mask was not restored: {0}",
    "# {0} - slice number",
    "# {1} - reason",
    "MSG_MaskNotSaved=The accepted mask of slice {0} could not be kept on disk ({1}); export it before closing.",
    "MSG_NothingToAccept=Nothing to accept on this slice: click on the object (or paint it) first.",
    "# {0} - reason",
    "MSG_ClickFailed=The click could not be used: {0}"
})
final class ClickSegmentation extends MouseAdapter {

    /** Largest movement, in screen pixels, between press and release that still counts as a click. */
    private static final int CLICK_SLOP = 3;
    private static final MaskEdits.Snapshot CLICK_ACTION = new MaskEdits.Snapshot(null, null);

    /** An undone click, or the edits after an undone stroke. */
    private record Redo(Click click, MaskEdits.Snapshot after) {
    }

    /** What a left press does. */
    enum Tool {
        /** Positive click (right click: negative). */
        CLICK,
        /** Paints the mask. */
        BRUSH,
        /** Erases the mask. */
        ERASER
    }
    private static final RequestProcessor SAVING = new RequestProcessor("Accepted masks", 1);

    private final SliceViewModel view;
    private final SliceCanvas canvas;
    private final AdaptationHub hub;
    private final Supplier<String> seriesName;
    private final ChangeSupport changes = new ChangeSupport(this);
    private final AcceptedMasks saved;
    private final Supplier<String> seriesKey;
    private final Map<Integer, Mask2D> accepted = new HashMap<>();
    private final Map<Integer, Draft> drafts = new HashMap<>();
    private java.util.function.Predicate<String> confirmation = ClickSegmentation::askInDialog;
    /** Another version's mask of the slice in progress, drawn dashed until the next change, or null. */
    private Mask2D comparison;
    /** The proposal the slice in progress started from, or null. */
    private Mask2D sliceProposal;
    /** The slice accepted last, or -1. */
    private int lastAccepted = -1;
    private Volume volume;
    private int slice = -1;
    private List<Click> clicks = List.of();
    private Mask2D predicted;
    private MaskEdits edits;
    /** What Backspace takes back, newest first: a stroke's edits before it, or {@link #CLICK_ACTION}. */
    private final ArrayDeque<MaskEdits.Snapshot> actions = new ArrayDeque<>();
    /** What Ctrl+Y does again, newest first; emptied by any new click or stroke. */
    private final ArrayDeque<Redo> redo = new ArrayDeque<>();
    private Tool tool = Tool.CLICK;
    private int brushRadius = 3;
    private int[] strokeLast;
    private CompletableFuture<?> pending = CompletableFuture.completedFuture(null);
    private int learning;
    private int pressX;
    private int pressY;

    private ClickSegmentation(SliceViewModel view, SliceCanvas canvas, AdaptationHub hub, Supplier<String> seriesName,
            AcceptedMasks saved, Supplier<String> seriesKey) {
        this.view = view;
        this.canvas = canvas;
        this.hub = hub;
        this.seriesName = seriesName;
        this.saved = saved;
        this.seriesKey = seriesKey;
    }

    /**
     * Attaches the click tools to a canvas.
     *
     * @param view the view whose slices are segmented
     * @param canvas where the user clicks
     * @param hub the adaptation session's hub
     * @param seriesName names the series, for the images' names in the model's lineage
     * @return the tools, to draw their state and to listen to its changes
     */
    static ClickSegmentation attach(SliceViewModel view, SliceCanvas canvas, AdaptationHub hub,
            Supplier<String> seriesName) {
        return attach(view, canvas, hub, seriesName, null, () -> null);
    }

    /**
     * Attaches the click tools to a canvas, keeping accepted masks on disk.
     *
     * @param view the view whose slices are segmented
     * @param canvas where the user clicks
     * @param hub the adaptation session's hub
     * @param seriesName names the series, for the images' names in the model's lineage
     * @param saved where accepted masks are kept, or null for memory only
     * @param seriesKey the key of the series shown (its instance UID), or null when it has none
     * @return the tools, to draw their state and to listen to its changes
     */
    static ClickSegmentation attach(SliceViewModel view, SliceCanvas canvas, AdaptationHub hub,
            Supplier<String> seriesName, AcceptedMasks saved, Supplier<String> seriesKey) {
        ClickSegmentation tools = new ClickSegmentation(view, canvas, hub, seriesName, saved, seriesKey);
        hub.addReplacedListener(tools::sessionReplaced);
        hub.addRolledBackListener(tools::predictAgain);
        hub.addComparisonListener(tools::showComparison);
        Component c = canvas.component();
        c.addMouseListener(tools);
        c.addMouseMotionListener(tools);
        c.addKeyListener(tools.keys());
        return tools;
    }

    /** The slice with what the tools show on it: the working mask and clicks, or the accepted mask. */
    GreySlice decorate(GreySlice image, int k) {
        forgetOtherVolume();
        Mask2D working = k == slice ? workingMask() : null;
        if (k == slice && (working != null || !clicks.isEmpty())) {
            GreySlice shown = image.overlaid(working, clicks);
            return comparison != null ? shown.outlined(comparison, GreySlice.COMPARISON) : shown;
        }
        Mask2D done = accepted.get(k);
        if (done != null) {
            return image.overlaid(done, List.of());
        }
        Draft draft = drafts.get(k);
        if (draft != null) {
            return image.overlaid(draft.shown(), draft.clicks());
        }
        Optional<Proposal> proposal = proposal(k);
        return proposal.isPresent() ? image.proposed(proposal.get().mask()) : image;
    }

    /** A mask offered for a slice: the accepted mask of a neighbouring slice. */
    record Proposal(int from, Mask2D mask) {
    }

    /**
     * The proposal for slice k: when k is untouched (no accepted mask, no work in progress) and a
     * neighbouring slice is accepted, that slice's mask (the one accepted last, if both are).
     * Measured with the volume protocol (docs/interaction.md): starting from the neighbour's
     * mask saved about half the clicks on the Colin27 deep grey structures.
     */
    Optional<Proposal> proposal(int k) {
        if (volume == null || accepted.containsKey(k) || k == slice || drafts.containsKey(k)) {
            return Optional.empty();
        }
        int[] neighbours = lastAccepted == k + 1 ? new int[] {k + 1, k - 1} : new int[] {k - 1, k + 1};
        for (int n : neighbours) {
            Mask2D m = accepted.get(n);
            if (m != null && m.area() > 0) {
                return Optional.of(new Proposal(n, m));
            }
        }
        return Optional.empty();
    }

    /** The state of slice k for the series overview. */
    SeriesStrip.State state(int k) {
        forgetOtherVolume();
        if (accepted.containsKey(k)) {
            return SeriesStrip.State.ACCEPTED;
        }
        if ((k == slice && (!clicks.isEmpty() || (edits != null && !edits.isEmpty()))) || drafts.containsKey(k)) {
            return SeriesStrip.State.IN_PROGRESS;
        }
        return proposal(k).isPresent() ? SeriesStrip.State.PROPOSED : SeriesStrip.State.UNTOUCHED;
    }

    /** The caption line of the tools for slice k. */
    String captionLine(int k) {
        forgetOtherVolume();
        if (learning > 0) {
            return Bundle.CAP_Learning();
        }
        String toolWords = switch (tool) {
            case CLICK -> "";
            case BRUSH -> Bundle.CAP_Brush(brushRadius) + " \u00b7 ";
            case ERASER -> Bundle.CAP_Eraser(brushRadius) + " \u00b7 ";
        };
        if (k == slice && !clicks.isEmpty()) {
            long positive = clicks.stream().filter(Click::positive).count();
            return toolWords + Bundle.CAP_Clicks(clicks.size(), positive, clicks.size() - positive);
        }
        if (k == slice && edits != null && !edits.isEmpty()) {
            return toolWords + Bundle.CAP_Edited();
        }
        if (accepted.containsKey(k)) {
            return toolWords + Bundle.CAP_Accepted();
        }
        if (drafts.containsKey(k)) {
            return toolWords + Bundle.CAP_Draft(drafts.get(k).clicks().size());
        }
        Optional<Proposal> proposal = proposal(k);
        return toolWords + (proposal.isPresent() ? Bundle.CAP_Proposed(proposal.get().from() + 1) : Bundle.CAP_Tools());
    }

    /** The tool of a left press. */
    Tool tool() {
        return tool;
    }

    /** Chooses the tool of a left press; on the event thread. */
    void useTool(Tool t) {
        tool = t;
        changes.fireChange();
    }

    /** The accepted mask of slice k, if any. */
    Optional<Mask2D> acceptedMask(int k) {
        return Optional.ofNullable(accepted.get(k));
    }

    /** The number of slices with an accepted mask. */
    int acceptedSlices() {
        forgetOtherVolume();
        return accepted.size();
    }

    /**
     * The accepted masks on the volume's grid, as the exporters take them: {@code mask[k][row * width + column]},
     * 1 inside; slices never accepted are empty.
     */
    byte[][] acceptedVolumeMask() {
        forgetOtherVolume();
        int w = volume.geometry().width();
        int h = volume.geometry().height();
        byte[][] out = new byte[volume.geometry().depth()][w * h];
        accepted.forEach((k, m) -> {
            for (int i = 0; i < w * h; i++) {
                out[k][i] = (byte) (m.get(i) ? 1 : 0);
            }
        });
        return out;
    }

    /** The working mask of the slice being segmented (the model's, with brush and eraser edits), or null. */
    Mask2D workingMask() {
        if (edits == null || edits.isEmpty()) {
            return predicted;
        }
        return edits.apply(predicted);
    }

    /** Completes (on the event thread) when the work asked for so far has been shown. */
    CompletableFuture<?> idle() {
        return pending;
    }

    void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    @Override
    public void mousePressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        if (tool != Tool.CLICK && SwingUtilities.isLeftMouseButton(e)) {
            beginStroke(e.getX(), e.getY());
        }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (strokeLast != null && SwingUtilities.isLeftMouseButton(e)) {
            continueStroke(e.getX(), e.getY());
        }
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (strokeLast != null) {
            strokeLast = null;
            journal();
            return;
        }
        if (tool != Tool.CLICK && SwingUtilities.isLeftMouseButton(e)) {
            return;
        }
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP || Math.abs(e.getY() - pressY) > CLICK_SLOP) {
            return;
        }
        boolean left = SwingUtilities.isLeftMouseButton(e);
        if (left || SwingUtilities.isRightMouseButton(e)) {
            click(e.getX(), e.getY(), left && !e.isShiftDown());
        }
    }

    /**
     * A click at a point of the canvas; on the event thread.
     *
     * @param x canvas x
     * @param y canvas y
     * @param positive whether it marks the object
     */
    void click(int x, int y, boolean positive) {
        int[] p = beginWork(x, y);
        if (p != null) {
            addClick(new Click(p[0], p[1], positive), hub.session().orElseThrow());
        }
    }

    /**
     * A new click or stroke at a canvas point: the slice pixel under it, with the session
     * segmenting the slice shown and nothing left to redo; null (said in words when the model
     * is not ready) when there is nothing to do.
     */
    private int[] beginWork(int x, int y) {
        int[] p = view.hasVolume() ? canvas.pixelAt(x, y) : null;
        if (p == null) {
            return null;
        }
        Optional<AsyncAdaptationSession> session = hub.session();
        if (session.isEmpty()) {
            hub.say(hub.notReadyMessage());
            return null;
        }
        forgetOtherVolume();
        startSlice(view.slice(), session.get());
        redo.clear();
        return p;
    }

    private void addClick(Click click, AsyncAdaptationSession session) {
        int k = slice;
        List<Click> shown = new ArrayList<>(clicks);
        shown.add(click);
        clicks = List.copyOf(shown);
        comparison = null;
        actions.push(CLICK_ACTION);
        changes.fireChange();
        journal();
        track(session.click(click, prediction -> EventQueue.invokeLater(() -> show(k, prediction))));
    }

    /** Does again what the last undo took back (a click, learned from again, or a stroke); on the event thread. */
    void redo() {
        if (slice != view.slice() || redo.isEmpty()) {
            return;
        }
        Redo r = redo.pop();
        if (r.click() != null) {
            hub.session().ifPresent(s -> addClick(r.click(), s));
        } else {
            actions.push(edits.snapshot());
            edits.restore(r.after());
            changes.fireChange();
            journal();
        }
    }

    /**
     * Another version is in use (a rollback): the slice in progress is predicted again from its
     * clicks with that version (which learns from them again as it would have), so what is
     * shown is what the version in use makes of the slice.
     */
    void predictAgain() {
        Optional<AsyncAdaptationSession> session = hub.session();
        if (session.isEmpty() || slice < 0 || clicks.isEmpty() || volume == null) {
            return;
        }
        int k = slice;
        List<Click> again = clicks;
        Image2D image = Image2D.ofSlice(volume, k);
        String id = String.format(Locale.ROOT, "%s slice %d", seriesName.get(), k + 1);
        float[] start = sliceProposal == null ? null : sliceProposal.toFloats();
        session.get().submit(() -> {
            session.get().session().start(image, id, start);
            return null;
        });
        for (Click c : again) {
            track(session.get().click(c, prediction -> EventQueue.invokeLater(() -> show(k, prediction))));
        }
        hub.say(Bundle.MSG_PredictedAgain(k + 1, again.size()));
    }

    /** The session was replaced (its clicks already taken back): the slice in progress ends. */
    private void sessionReplaced() {
        if (slice >= 0 && (!clicks.isEmpty() || (edits != null && !edits.isEmpty()))) {
            hub.say(Bundle.MSG_Discarded(slice + 1));
        }
        endSliceWork();
        changes.fireChange();
    }

    /** No slice in progress: no clicks, prediction, edits, nothing to undo or redo. */
    private void endSliceWork() {
        if (slice >= 0) {
            clearJournal();
        }
        comparison = null;
        slice = -1;
        clicks = List.of();
        predicted = null;
        sliceProposal = null;
        edits = null;
        actions.clear();
        redo.clear();
    }

    /** The session segments slice k from now on (a new image unless it already does). */
    private void startSlice(int k, AsyncAdaptationSession session) {
        if (k == slice) {
            return;
        }
        keepAsDraft();
        Draft draft = drafts.remove(k);
        Optional<Proposal> proposal = draft != null ? Optional.ofNullable(draft.proposal()).map(m -> new Proposal(-1, m))
                : proposal(k);
        slice = k;
        clicks = List.of();
        sliceProposal = proposal.map(Proposal::mask).orElse(null);
        predicted = draft != null ? draft.shown() : sliceProposal;
        edits = new MaskEdits(volume.geometry().width(), volume.geometry().height());
        actions.clear();
        redo.clear();
        Image2D image = Image2D.ofSlice(volume, k);
        String id = String.format(Locale.ROOT, "%s slice %d", seriesName.get(), k + 1);
        float[] start = proposal.map(p -> p.mask().toFloats()).orElse(null);
        session.submit(() -> {
            session.session().start(image, id, start);
            return null;
        });
        if (draft != null) {
            // The draft's clicks again, in order: the model predicts and learns from them as before.
            if (draft.strokes() != null) {
                actions.push(edits.snapshot());
                edits.restore(draft.strokes());
            }
            draft.clicks().forEach(c -> addClick(c, session));
        }
    }

    /**
     * What the user did on a slice and left without accepting: kept (not learned from) until the
     * user continues it, accepts it or discards it.
     *
     * @param clicks the clicks in order
     * @param strokes the brush and eraser edits, or null
     * @param proposal the proposal the slice started from, or null
     * @param shown the mask shown when it was left
     */
    record Draft(List<Click> clicks, MaskEdits.Snapshot strokes, Mask2D proposal, Mask2D shown) {
    }

    /**
     * The slice in progress is left: its clicks and strokes stay as a draft on it, what the model
     * learned from them is taken back (it learns again when the slice is continued).
     */
    private void keepAsDraft() {
        Optional<AsyncAdaptationSession> session = hub.session();
        if (slice < 0 || (clicks.isEmpty() && (edits == null || edits.isEmpty()))) {
            return;
        }
        drafts.put(slice, new Draft(clicks, edits == null || edits.isEmpty() ? null : edits.snapshot(), sliceProposal,
                workingMask()));
        hub.say(Bundle.MSG_KeptAsDraft(slice + 1, clicks.size()));
        session.ifPresent(this::takeBackClicks);
        clearJournal();
    }

    /** Slices left with clicks not accepted (drafts), 0-based, in order. */
    List<Integer> draftSlices() {
        return drafts.keySet().stream().sorted().toList();
    }

    /**
     * A brush or eraser stroke begins at a point of the canvas; on the event thread.
     *
     * @param x canvas x
     * @param y canvas y
     */
    void beginStroke(int x, int y) {
        int[] p = beginWork(x, y);
        if (p == null) {
            return;
        }
        actions.push(edits.snapshot());
        edits.stroke(p[0], p[1], p[0], p[1], brushRadius, tool == Tool.BRUSH);
        strokeLast = p;
        changes.fireChange();
    }

    /** The stroke in progress goes on to a point of the canvas; on the event thread. */
    void continueStroke(int x, int y) {
        int[] p = canvas.pixelAt(x, y);
        if (p == null || strokeLast == null || edits == null) {
            return;
        }
        edits.stroke(strokeLast[0], strokeLast[1], p[0], p[1], brushRadius, tool == Tool.BRUSH);
        strokeLast = p;
        changes.fireChange();
    }

    /** Whether the slice shown has a click or stroke to take back. */
    boolean canUndo() {
        return slice == view.slice() && !actions.isEmpty();
    }

    /** Whether the slice shown has a click or stroke taken back that can be done again. */
    boolean canRedo() {
        return slice == view.slice() && !redo.isEmpty();
    }

    /** Whether the next undo takes back a click (else a stroke). */
    boolean undoIsClick() {
        return !actions.isEmpty() && actions.peek() == CLICK_ACTION;
    }

    /** Whether the next redo does a click again (else a stroke). */
    boolean redoIsClick() {
        return !redo.isEmpty() && redo.peek().click() != null;
    }

    /** Takes back the last click or stroke of the slice shown; on the event thread. */
    void undo() {
        if (slice != view.slice() || actions.isEmpty()) {
            return;
        }
        if (actions.peek() != CLICK_ACTION) {
            redo.push(new Redo(null, edits.snapshot()));
            edits.restore(actions.pop());
            changes.fireChange();
            journal();
            return;
        }
        Optional<AsyncAdaptationSession> session = hub.session();
        if (session.isEmpty() || clicks.isEmpty()) {
            return;
        }
        actions.pop();
        redo.push(new Redo(clicks.get(clicks.size() - 1), null));
        int k = slice;
        clicks = clicks.subList(0, clicks.size() - 1);
        changes.fireChange();
        journal();
        track(session.get().undo(prediction -> EventQueue.invokeLater(() -> show(k, prediction))));
    }

    /** Takes back every click of the slice shown, or cancels the learning in progress; on the event thread. */
    void escape() {
        Optional<AsyncAdaptationSession> session = hub.session();
        if (session.isEmpty()) {
            return;
        }
        if (learning > 0) {
            session.get().cancel();
            return;
        }
        Draft draft = slice != view.slice() ? drafts.get(view.slice()) : null;
        if (draft != null) {
            if (confirmation.test(Bundle.ASK_ClearDraft(view.slice() + 1, draft.clicks().size()))) {
                drafts.remove(view.slice());
                changes.fireChange();
            }
            return;
        }
        if (slice != view.slice() || actions.isEmpty()) {
            return;
        }
        long strokes = actions.stream().filter(a -> a != CLICK_ACTION).count();
        if (!confirmation.test(Bundle.ASK_Clear(slice + 1, clicks.size(), strokes))) {
            return;
        }
        while (slice == view.slice() && !actions.isEmpty()) {
            undo();
        }
    }

    /** Who answers the tools' questions (a dialog; tests answer for the user). */
    void setConfirmation(java.util.function.Predicate<String> asker) {
        this.confirmation = asker;
    }

    private static boolean askInDialog(String question) {
        return Questions.confirm(question, Bundle.TITLE_Clear());
    }

    /** Asks whether to continue a slice from the journal, in a dialog. */
    static boolean askResume(String question) {
        return Questions.yes(question, Bundle.TITLE_Resume());
    }

    /** The slice (0-based) with work not accepted yet (clicks or strokes), or -1. */
    int unacceptedSlice() {
        return slice >= 0 && (!clicks.isEmpty() || (edits != null && !edits.isEmpty())) ? slice : -1;
    }

    /**
     * Accepts the mask of the slice shown: the model learns from it; on the event thread.
     *
     * @return whether there was a mask to accept
     */
    boolean accept() {
        Optional<AsyncAdaptationSession> session = hub.session();
        if (session.isPresent() && slice != view.slice()
                && (proposal(view.slice()).isPresent() || drafts.containsKey(view.slice()))) {
            forgetOtherVolume();
            startSlice(view.slice(), session.get());   // the proposal as it is, or the draft continued
        }
        Mask2D done = slice == view.slice() ? workingMask() : null;
        boolean proposed = done != null && clicks.isEmpty() && edits.isEmpty();
        if (session.isEmpty() || done == null || (clicks.isEmpty() && edits.isEmpty() && !proposed)) {
            hub.say(Bundle.MSG_NothingToAccept());
            return false;
        }
        int k = slice;
        lastAccepted = k;
        accepted.put(k, done);
        save(k, done);
        endSliceWork();
        learning++;
        hub.say(Bundle.MSG_Learning(k + 1));
        changes.fireChange();
        AsyncAdaptationSession learner = session.get();
        org.netbeans.api.progress.ProgressHandle progress = org.netbeans.api.progress.ProgressHandle.createHandle(
                Bundle.MSG_Learning(k + 1), () -> {
                    learner.cancel();
                    return true;
                });
        progress.start();
        CompletableFuture<UpdateReport> update = learner.accept(done);
        track(update.handle((report, failure) -> {
            EventQueue.invokeLater(() -> {
                progress.finish();
                learning--;
                hub.say(failure != null ? reason(failure) : report.message());
                changes.fireChange();
            });
            return null;
        }).thenCompose(v -> {
            CompletableFuture<Void> reread = new CompletableFuture<>();
            EventQueue.invokeLater(() -> hub.refreshVersions().whenComplete((x, e) -> reread.complete(null)));
            return reread;
        }));
        return true;
    }

    private void show(int k, Prediction prediction) {
        if (k != slice) {
            return;
        }
        predicted = prediction.clicks().isEmpty() ? sliceProposal : prediction.mask();
        clicks = prediction.clicks();
        changes.fireChange();
        hub.clickShown();
    }

    /** Failures are said in words; {@link #idle} completes once the result was shown. */
    private void track(CompletableFuture<?> work) {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        work.whenComplete((r, failure) -> EventQueue.invokeLater(() -> {
            if (failure != null) {
                hub.say(Bundle.MSG_ClickFailed(reason(failure)));
                resync();
            }
            shown.complete(null);
        }));
        pending = CompletableFuture.allOf(pending, shown);
    }

    /** After a failure the session's clicks are the truth. */
    private void resync() {
        hub.session().ifPresent(s -> s.submit(() -> s.session().clicks()).thenAccept(list ->
                EventQueue.invokeLater(() -> {
                    if (slice >= 0) {
                        clicks = list;
                        if (list.isEmpty()) {
                            predicted = sliceProposal;
                        }
                        changes.fireChange();
                    }
                })));
    }

    private static String reason(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** An unaccepted slice is left: what the model learned from its clicks is taken back. */
    private void discardUnaccepted() {
        Optional<AsyncAdaptationSession> session = hub.session();
        if ((!clicks.isEmpty() || (edits != null && !edits.isEmpty())) && session.isPresent()) {
            hub.say(Bundle.MSG_Discarded(slice + 1));
            takeBackClicks(session.get());
        }
        clearJournal();
    }

    /** The session takes back the slice's clicks and what the model learned from them. */
    private void takeBackClicks(AsyncAdaptationSession session) {
        for (int i = 0; i < clicks.size(); i++) {
            track(session.undo(prediction -> { }));
        }
    }

    /** Masks belong to the volume they were drawn on. */
    private void forgetOtherVolume() {
        Volume shown = view.volume();
        if (shown != volume) {
            discardUnaccepted();
            volume = shown;
            accepted.clear();
            drafts.clear();
            endSliceWork();
            restore();
        }
    }

    /**
     * The accepted masks kept on disk for the series shown come back on its slices: read off the
     * event thread (after any save queued before), merged if the volume is still the one shown.
     */
    private void restore() {
        String key = seriesKey.get();
        Volume v = volume;
        if (saved == null || key == null || v == null) {
            return;
        }
        CompletableFuture<Void> shown = new CompletableFuture<>();
        SAVING.post(() -> {
            List<String> problems = new ArrayList<>();
            Map<Integer, Mask2D> read = saved.load(key, v.geometry().width(), v.geometry().height(),
                    v.geometry().depth(), problems);
            problems.forEach(p -> hub.say(Bundle.MSG_MaskNotRestored(p)));
            EventQueue.invokeLater(() -> {
                if (volume == v && !read.isEmpty()) {
                    read.forEach(accepted::putIfAbsent);
                    changes.fireChange();
                }
                shown.complete(null);
            });
        });
        pending = CompletableFuture.allOf(pending, shown);
    }

    /** Keeps an accepted mask on disk, off the event thread; a failure is said in words. */
    private void save(int k, Mask2D done) {
        String key = seriesKey.get();
        if (saved == null || key == null) {
            return;
        }
        SAVING.post(() -> {
            try {
                saved.save(key, k, done);
            } catch (IOException e) {
                hub.say(Bundle.MSG_MaskNotSaved(k + 1, e.getMessage()));
            }
        });
    }

    /**
     * Draws another version's prediction of the slice in progress as a dashed outline over the
     * mask in use and says how much they agree (Dice), until the next click or stroke.
     */
    void showComparison(AdaptationHub.Comparison c) {
        if (slice < 0 || slice != view.slice() || c.prediction().clicks().size() != clicks.size()) {
            return;
        }
        comparison = c.prediction().mask();
        Mask2D inUse = workingMask();
        double dice = inUse == null ? 0 : comparison.dice(inUse);
        hub.say(Bundle.MSG_Compared(c.versionId(), slice + 1, String.format(Locale.ROOT, "%.2f", dice), c.inUseId()));
        changes.fireChange();
    }

    /** The other version's mask drawn on the slice in progress, or null. */
    Mask2D comparison() {
        return comparison;
    }

    /** The slice in progress goes to the journal (off the event thread), or the journal is cleared when it has no work. */
    private void journal() {
        SliceJournal j = saved == null ? null : saved.journal();
        String key = seriesKey.get();
        if (j == null || key == null || slice < 0) {
            return;
        }
        if (clicks.isEmpty() && (edits == null || edits.isEmpty())) {
            clearJournal();
            return;
        }
        SliceJournal.Entry e = new SliceJournal.Entry(key, seriesName.get(), slice, clicks,
                edits == null ? null : edits.snapshot());
        SAVING.post(() -> {
            try {
                j.write(e);
            } catch (IOException ex) {
                hub.say(Bundle.MSG_JournalNotWritten(ex.getMessage()));
            }
        });
    }

    private void clearJournal() {
        SliceJournal j = saved == null ? null : saved.journal();
        if (j != null) {
            SAVING.post(() -> {
                try {
                    j.clear();
                } catch (IOException ex) {
                    hub.say(Bundle.MSG_JournalNotWritten(ex.getMessage()));
                }
            });
        }
    }

    /**
     * After a crash: when the journal holds a slice of the series shown, asks whether to continue
     * it and, if so, goes to that slice and gives its clicks and strokes back (the model predicts
     * and learns from the clicks again); otherwise the journal is cleared. Waits for the
     * session when the model is still loading. On the event thread.
     */
    void offerJournal(java.util.function.Predicate<String> asker) {
        SliceJournal j = saved == null ? null : saved.journal();
        String key = seriesKey.get();
        if (j == null || key == null || !view.hasVolume()) {
            return;
        }
        CompletableFuture<Optional<SliceJournal.Entry>> read = new CompletableFuture<>();
        SAVING.post(() -> {
            try {
                read.complete(j.read());
            } catch (IOException e) {
                hub.say(Bundle.MSG_JournalNotRead(e.getMessage()));
                read.complete(Optional.empty());
            }
        });
        CompletableFuture<Void> shown = new CompletableFuture<>();
        read.thenAccept(entry -> EventQueue.invokeLater(() -> {
            try {
                if (entry.isEmpty() || !entry.get().seriesUid().equals(key)
                        || entry.get().slice() >= view.sliceCount()) {
                    return;
                }
                SliceJournal.Entry e = entry.get();
                if (asker.test(Bundle.ASK_Resume(e.slice() + 1, e.clicks().size(), e.strokes() != null
                        && !(e.strokes().in().isEmpty() && e.strokes().out().isEmpty()) ? 1 : 0))) {
                    resumeWhenReady(e);
                } else {
                    clearJournal();
                }
            } finally {
                shown.complete(null);
            }
        }));
        pending = CompletableFuture.allOf(pending, shown);
    }

    private void resumeWhenReady(SliceJournal.Entry e) {
        Optional<AsyncAdaptationSession> session = hub.session();
        if (session.isEmpty()) {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                if (hub.session().isPresent() && once[0] != null) {
                    once[0] = null;
                    resumeWhenReady(e);
                }
            };
            hub.addChangeListener(() -> {
                if (once[0] != null) {
                    once[0].run();
                }
            });
            return;
        }
        forgetOtherVolume();
        view.goToSlice(e.slice());
        startSlice(e.slice(), session.get());
        if (e.strokes() != null) {
            actions.push(edits.snapshot());
            edits.restore(e.strokes());
        }
        for (Click c : e.clicks()) {
            addClick(c, session.get());
        }
        hub.say(Bundle.MSG_Resumed(e.slice() + 1, e.clicks().size()));
        changes.fireChange();
    }

    private void resizeBrush(int delta) {
        brushRadius = Math.max(0, Math.min(50, brushRadius + delta));
        changes.fireChange();
    }

    private KeyAdapter keys() {
        return new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                switch (e.getKeyCode()) {
                    case KeyEvent.VK_ENTER -> {
                        boolean accepted = accept();
                        if (accepted && e.isShiftDown()) {
                            view.moveSlices(1);
                        }
                    }
                    case KeyEvent.VK_BACK_SPACE -> undo();
                    case KeyEvent.VK_Z -> {
                        if (!e.isControlDown()) {
                            return;
                        }
                        if (e.isShiftDown()) {
                            redo();
                        } else {
                            undo();
                        }
                    }
                    case KeyEvent.VK_Y -> {
                        if (!e.isControlDown()) {
                            return;
                        }
                        redo();
                    }
                    case KeyEvent.VK_ESCAPE -> escape();
                    case KeyEvent.VK_B -> useTool(tool == Tool.BRUSH ? Tool.CLICK : Tool.BRUSH);
                    case KeyEvent.VK_E -> useTool(tool == Tool.ERASER ? Tool.CLICK : Tool.ERASER);
                    case KeyEvent.VK_C -> useTool(Tool.CLICK);
                    case KeyEvent.VK_OPEN_BRACKET -> resizeBrush(-1);
                    case KeyEvent.VK_CLOSE_BRACKET -> resizeBrush(1);
                    default -> {
                        return;
                    }
                }
                e.consume();
            }
        };
    }
}
