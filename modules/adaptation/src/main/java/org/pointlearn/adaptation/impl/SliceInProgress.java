package org.pointlearn.adaptation.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.adaptation.api.Strokes;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * The slice a {@link SegmentationSession} is working on: its clicks as shown, the model's mask,
 * the proposal it started from, the brush and eraser strokes, which other first squares the user
 * chose (S), another version's mask to compare, and the undo and redo of its clicks and strokes.
 * Only state: the session sends the model work and holds its lock around every call (not thread-safe).
 */
final class SliceInProgress {

    /** Marks a click on the undo stack (a stroke pushes the strokes before it). */
    private static final Strokes CLICK = new Strokes(new java.util.BitSet(), new java.util.BitSet());

    /**
     * An undone click (and how many times S was pressed after it), or the strokes after an undone stroke.
     *
     * @param click the click, or null for strokes
     * @param after the strokes to restore, or null for a click
     * @param otherSquares times S was pressed after the click
     */
    record Redo(Click click, Strokes after, int otherSquares) {
    }

    private int slice = -1;
    private List<Click> clicks = List.of();
    private Mask2D predicted;
    /** Whether the mask shown answers a click looked at through two squares (the other can be shown). */
    private boolean otherSquareShown;
    /** Clicks after which the user asked for another square (S): click index -> times. */
    private final Map<Integer, Integer> otherSquares = new TreeMap<>();
    /** Clicks after which the model's session pressed S itself (the square its accepted slices wanted): index -> times. */
    private final Map<Integer, Integer> sessionPresses = new TreeMap<>();
    private Mask2D proposal;
    private Mask2D comparison;
    private MaskEdits edits;
    private final ArrayDeque<Strokes> actions = new ArrayDeque<>();
    private final ArrayDeque<Redo> redo = new ArrayDeque<>();
    private int[] strokeLast;
    private int strokeRadius;
    private boolean strokePaints;

    /** The slice, 0-based, or -1 when none is in progress. */
    int slice() {
        return slice;
    }

    /** Whether slice k is the one in progress. */
    boolean is(int k) {
        return slice >= 0 && slice == k;
    }

    /** Whether a slice is in progress. */
    boolean active() {
        return slice >= 0;
    }

    List<Click> clicks() {
        return clicks;
    }

    Mask2D proposal() {
        return proposal;
    }

    /** The strokes as they stand (none when no slice is in progress). */
    Strokes strokes() {
        return edits == null ? Strokes.NONE : edits.snapshot();
    }

    /** The S presses after each click, the user's and the session's, a copy: what a replay presses again. */
    Map<Integer, Integer> otherSquares() {
        Map<Integer, Integer> all = new TreeMap<>(otherSquares);
        sessionPresses.forEach((i, n) -> all.merge(i, n, Integer::sum));
        return Map.copyOf(all);
    }

    /** Slice k is in progress from now on, showing {@code shown} with nothing done on it yet. */
    void start(int k, Mask2D startedFrom, Mask2D shown, int width, int height) {
        slice = k;
        clicks = List.of();
        proposal = startedFrom;
        predicted = shown;
        otherSquareShown = false;
        otherSquares.clear();
        sessionPresses.clear();
        comparison = null;
        edits = new MaskEdits(width, height);
        strokeLast = null;
        actions.clear();
        redo.clear();
    }

    /** No slice in progress. */
    void end() {
        slice = -1;
        clicks = List.of();
        predicted = null;
        otherSquareShown = false;
        otherSquares.clear();
        sessionPresses.clear();
        proposal = null;
        comparison = null;
        edits = null;
        strokeLast = null;
        actions.clear();
        redo.clear();
    }

    /** Whether the slice in progress has clicks or strokes. */
    boolean hasWork() {
        return slice >= 0 && (!clicks.isEmpty() || (edits != null && !edits.isEmpty()));
    }

    /** The mask shown: the model's with the strokes applied, or null. */
    Mask2D workingMask() {
        if (edits == null || edits.isEmpty()) {
            return predicted;
        }
        return edits.apply(predicted);
    }

    /** Whether only the proposal is there (no clicks, no strokes). */
    boolean untouched() {
        return clicks.isEmpty() && (edits == null || edits.isEmpty());
    }

    /** What was done on the slice, to keep as a draft or with its accepted mask. */
    SeriesWork.Draft draft() {
        return new SeriesWork.Draft(clicks, strokes(), proposal, workingMask(), otherSquares());
    }

    /** The journal's entry for it: enough to do it again after a crash. */
    SliceDraft journalEntry(SeriesKey series) {
        return new SliceDraft(series.seriesUid(), series.title(), slice, clicks, edits == null ? null : edits.snapshot(),
                otherSquares());
    }

    /** The series' work as the user sees it now, with these around the slice in progress. */
    SeriesWork snapshot(SeriesKey series, int width, int height, int depth, Map<Integer, Mask2D> accepted,
            Map<Integer, SeriesWork.Draft> drafts, int lastAccepted, SeriesWork.Step undoOtherwise,
            SeriesWork.Step redoOtherwise) {
        return new SeriesWork(series, width, height, depth, slice, clicks, predicted, strokes(), proposal, comparison,
                accepted, drafts, lastAccepted, undoStep(undoOtherwise), redoStep(redoOtherwise), otherSquareShown);
    }

    private SeriesWork.Step undoStep(SeriesWork.Step otherwise) {
        if (actions.isEmpty()) {
            return otherwise;
        }
        return actions.peek() == CLICK ? SeriesWork.Step.CLICK : SeriesWork.Step.STROKE;
    }

    private SeriesWork.Step redoStep(SeriesWork.Step otherwise) {
        if (redo.isEmpty()) {
            return otherwise;
        }
        return redo.peek().click() != null ? SeriesWork.Step.CLICK : SeriesWork.Step.STROKE;
    }

    // --- clicks and the model's masks ---

    /** A click, shown at once (the model's mask follows); undoable. */
    void addClick(Click click) {
        List<Click> shown = new ArrayList<>(clicks);
        shown.add(click);
        clicks = List.copyOf(shown);
        comparison = null;
        otherSquareShown = false;
        actions.push(CLICK);
    }

    /**
     * The model's answer to the slice's clicks; whether it pressed S itself for the last one (kept
     * with the user's presses, for replays).
     */
    boolean shown(Prediction p) {
        predicted = p.clicks().isEmpty() ? proposal : p.mask();
        otherSquareShown = p.otherSquare();
        clicks = p.clicks();
        if (p.squarePresses() == 0 || p.clicks().isEmpty()) {
            return false;
        }
        Integer before = sessionPresses.put(p.clicks().size() - 1, p.squarePresses());
        return before == null || before != p.squarePresses();
    }

    /** The clicks the model's session has, after a failure: they are the truth. */
    void resynced(List<Click> truth) {
        clicks = truth;
        if (truth.isEmpty()) {
            predicted = proposal;
            otherSquareShown = false;
        }
    }

    /** The user chose the other square after click i (S). */
    void choseOtherSquare(int i) {
        otherSquares.merge(i, 1, Integer::sum);
    }

    /** The S presses are forgotten (the clicks are predicted again, which presses them again). */
    void forgetOtherSquares() {
        otherSquares.clear();
        sessionPresses.clear();
    }

    /** Another version's mask of the slice, shown until the next change. */
    void compared(Mask2D other) {
        comparison = other;
    }

    void clearComparison() {
        comparison = null;
    }

    // --- strokes ---

    /** A brush (paint) or eraser stroke starts at (x, y); undoable. */
    void beginStroke(int x, int y, int radius, boolean paint) {
        actions.push(edits.snapshot());
        strokeRadius = radius;
        strokePaints = paint;
        edits.stroke(x, y, x, y, radius, paint);
        strokeLast = new int[] {x, y};
        comparison = null;
    }

    /** The stroke goes on to (x, y); whether one was going on. */
    boolean continueStroke(int x, int y) {
        if (strokeLast == null || edits == null) {
            return false;
        }
        edits.stroke(strokeLast[0], strokeLast[1], x, y, strokeRadius, strokePaints);
        strokeLast = new int[] {x, y};
        return true;
    }

    /** The stroke ends; whether one was going on. */
    boolean endStroke() {
        if (strokeLast == null) {
            return false;
        }
        strokeLast = null;
        return true;
    }

    /** Strokes done before (a draft continued, a journal resumed), as one undoable step. */
    void restoreStrokes(Strokes s) {
        actions.push(edits.snapshot());
        edits.restore(s);
    }

    // --- undo and redo ---

    /** Whether there is a click or stroke to undo. */
    boolean canUndo() {
        return !actions.isEmpty();
    }

    /** Whether the last thing done is a click (else a stroke). */
    boolean lastIsClick() {
        return actions.peek() == CLICK;
    }

    /** Takes back the last stroke. */
    void undoStroke() {
        redo.push(new Redo(null, edits.snapshot(), 0));
        edits.restore(actions.pop());
    }

    /** Takes back the last click as shown (the model's session is told by the caller). */
    void undoClick() {
        actions.pop();
        redo.push(new Redo(clicks.get(clicks.size() - 1), null, otherSquares().getOrDefault(clicks.size() - 1, 0)));
        clicks = clicks.subList(0, clicks.size() - 1);
        otherSquares.remove(clicks.size());
        sessionPresses.remove(clicks.size());
        comparison = null;
    }

    /** What redo would do next on the slice, or null. */
    Redo nextRedo() {
        return redo.peek();
    }

    /** Forgets what redo would do (something new was done). */
    void clearRedo() {
        redo.clear();
    }

    /** Takes the next redo off its stack; a stroke's is applied here, a click is the caller's to add. */
    Redo popRedo() {
        Redo r = redo.pop();
        if (r.click() == null) {
            actions.push(edits.snapshot());
            edits.restore(r.after());
        }
        return r;
    }
}
