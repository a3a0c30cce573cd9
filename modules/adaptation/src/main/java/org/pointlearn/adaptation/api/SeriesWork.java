package org.pointlearn.adaptation.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * The work on a series at one moment, immutable: the slice in progress (its clicks, the model's
 * mask, the strokes, the proposal it started from, another version's mask to compare), the
 * accepted masks, the drafts of slices left unaccepted, and what undo and redo would do.
 *
 * @param series the series, or null before one is open
 * @param width slice width
 * @param height slice height
 * @param depth number of slices (0 before a series is open)
 * @param slice the slice in progress, 0-based, or -1
 * @param clicks the clicks of the slice in progress, in order
 * @param predicted the model's mask of the slice in progress (or its proposal), or null
 * @param strokes the brush and eraser strokes of the slice in progress
 * @param proposal the proposal the slice in progress started from, or null
 * @param comparison another version's mask of the slice in progress, until the next change, or null
 * @param accepted slice index to accepted mask
 * @param drafts slice index to work left unaccepted
 * @param lastAccepted the slice accepted last, or -1
 * @param undo what undo would take back: a click or stroke of the slice in progress, or else the
 *     last accept or rollback; null for nothing
 * @param redo what redo would do again, likewise
 * @param otherSquare whether the mask shown answers a click looked at through two squares, so the
 *     other square's mask can be shown instead (key S in the viewer)
 */
public record SeriesWork(SeriesKey series, int width, int height, int depth, int slice, List<Click> clicks,
        Mask2D predicted, Strokes strokes, Mask2D proposal, Mask2D comparison, Map<Integer, Mask2D> accepted,
        Map<Integer, Draft> drafts, int lastAccepted, Step undo, Step redo, boolean otherSquare) {

    /** Nothing open. */
    public static final SeriesWork NONE = new SeriesWork(null, 0, 0, 0, -1, List.of(), null, Strokes.NONE, null, null,
            Map.of(), Map.of(), -1, null, null, false);

    /** Copies the collections. */
    public SeriesWork {
        clicks = List.copyOf(clicks);
        accepted = Map.copyOf(accepted);
        drafts = Map.copyOf(drafts);
    }

    /** What an undo or redo acts on. */
    public enum Step {
        /** A click (the model learns from it again when redone). */
        CLICK,
        /** A brush or eraser stroke. */
        STROKE,
        /** An accepted slice (undone: the slice is in progress again and the version before is in use). */
        ACCEPT,
        /** A rollback (undone: the version in use before it is in use again). */
        ROLLBACK
    }

    /** How a slice stands. */
    public enum SliceState {
        /** It has an accepted mask. */
        ACCEPTED,
        /** It has clicks or strokes not accepted (in progress, or left as a draft). */
        IN_PROGRESS,
        /** It is untouched and a neighbour is accepted: the neighbour's mask is proposed. */
        PROPOSED,
        /** Nothing yet. */
        UNTOUCHED
    }

    /**
     * What the user did on a slice and left without accepting: kept (not learned from) until the
     * user continues it, accepts it or discards it.
     *
     * @param clicks the clicks in order
     * @param strokes the brush and eraser strokes
     * @param proposal the proposal the slice started from, or null
     * @param shown the mask shown when it was left, or null
     * @param otherSquares for the clicks after which the user asked for another square (key S): the
     *     click's index -> how many times
     */
    public record Draft(List<Click> clicks, Strokes strokes, Mask2D proposal, Mask2D shown,
            Map<Integer, Integer> otherSquares) {

        /** Copies the collections. */
        public Draft {
            clicks = List.copyOf(clicks);
            otherSquares = Map.copyOf(otherSquares);
        }

        /** A draft in which the user chose no other square. */
        public Draft(List<Click> clicks, Strokes strokes, Mask2D proposal, Mask2D shown) {
            this(clicks, strokes, proposal, shown, Map.of());
        }
    }

    /** A mask offered for a slice: the accepted mask of a neighbouring slice. */
    public record Proposal(int from, Mask2D mask) {
    }

    /** Whether the slice in progress has clicks or strokes. */
    public boolean hasWork() {
        return slice >= 0 && (!clicks.isEmpty() || !strokes.isEmpty());
    }

    /** The mask of the slice in progress as the user sees it (the model's with the strokes), or null. */
    public Mask2D working() {
        if (slice < 0) {
            return null;
        }
        return strokes.isEmpty() ? predicted : strokes.over(predicted, width, height);
    }

    /**
     * The proposal for slice k: when k is untouched (no accepted mask, no work in progress, no
     * draft) and a neighbouring slice is accepted, that slice's mask (the one accepted last, if
     * both are). Measured with the volume protocol (docs/interaction.md): starting from the
     * neighbour's mask saved 44 % of the clicks on the Colin27 deep grey structures.
     */
    public Optional<Proposal> proposal(int k) {
        if (series == null || k == slice || drafts.containsKey(k)) {
            return Optional.empty();
        }
        return proposal(accepted, lastAccepted, k);
    }

    /**
     * The proposal rule on its own: for slice k without an accepted mask, the accepted mask of a
     * neighbouring slice (the one accepted last, if both are), else none.
     */
    public static Optional<Proposal> proposal(Map<Integer, Mask2D> accepted, int lastAccepted, int k) {
        if (accepted.containsKey(k)) {
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

    /** How slice k stands. */
    public SliceState state(int k) {
        if (accepted.containsKey(k)) {
            return SliceState.ACCEPTED;
        }
        if ((k == slice && hasWork()) || drafts.containsKey(k)) {
            return SliceState.IN_PROGRESS;
        }
        return proposal(k).isPresent() ? SliceState.PROPOSED : SliceState.UNTOUCHED;
    }

    /** The slices with work not accepted (in progress and drafts), 0-based, in order. */
    public List<Integer> unaccepted() {
        TreeSet<Integer> all = new TreeSet<>(drafts.keySet());
        if (hasWork()) {
            all.add(slice);
        }
        return List.copyOf(all);
    }
}
