package org.pointlearn.adaptation.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Segmenting a series slice by slice with a model that learns from the clicks: the one seam
 * between the viewer (or the simulated user) and the engine. It owns its worker thread and the
 * model: every call returns at once, the state changes at once (a click shows before the model
 * answers) and the model work runs in order on the worker; each change is published as an
 * immutable {@link SessionEvent} (on the caller's or the worker's thread). Accepted masks are
 * written atomically, keyed by Study/Series Instance UID and slice position, next to the
 * versions; the slice in progress is journaled so that a crash loses nothing.
 */
public interface InteractiveSession extends AutoCloseable {

    /** The state now. */
    SessionState state();

    /** Hears every event, on whichever thread made it. */
    void addListener(Consumer<SessionEvent> listener);

    /** Stops hearing. */
    void removeListener(Consumer<SessionEvent> listener);

    /** Completes when the work asked for so far is done and published (the model's warm-up after it is opened included). */
    CompletableFuture<Void> idle();

    // --- the model ---

    /** Goes on with another model and its own versions; the slice in progress is kept as a draft. */
    CompletableFuture<Void> useModel(SegmentationModel model);

    /** Turns learning from clicks on or off (the slice in progress is kept as a draft; the versions stay). */
    CompletableFuture<Void> setLearning(boolean learn);

    /**
     * How the session learns while learning is on: the policy (another policy starts a new engine
     * session on the same versions, the slice in progress kept as a draft) and its settings (used
     * from the next update on).
     */
    CompletableFuture<Void> configure(AdaptationPolicy policy, AdaptationSettings settings);

    /** Puts a version in use (asked first by the viewer) and predicts the slice in progress again with it. */
    CompletableFuture<Void> rollbackTo(String versionId);

    /** Starts a new lineage from the shipped model; the earlier versions are moved aside, kept on disk. */
    CompletableFuture<Void> newLineage();

    /** Draws another version's mask of the slice in progress beside the one in use, with their Dice in words. */
    CompletableFuture<Void> compare(String versionId);

    /** Writes the lineage as JSON. */
    CompletableFuture<Void> exportLineage(Path file);

    /** Copies a version as a model folder. */
    CompletableFuture<Void> exportVersion(String versionId, Path folder);

    /** Stops the update in progress; the model stays as before it. */
    void cancelUpdate();

    // --- the series ---

    /**
     * Opens a series: the work on the one before is kept as drafts no more (its slice in progress
     * is given up); the accepted masks kept for this series come back.
     *
     * @return completes when the accepted masks were read
     */
    CompletableFuture<Void> openSeries(SeriesKey series, Volume volume);

    /** A click on a slice (which becomes the slice in progress); completes when its final mask is published. */
    CompletableFuture<Void> click(int slice, Click click);

    /** A brush ({@code paint}) or eraser stroke begins on a slice (which becomes the slice in progress). */
    void beginStroke(int slice, int x, int y, int radius, boolean paint);

    /** The stroke in progress goes on to a pixel. */
    void continueStroke(int x, int y);

    /** The stroke in progress ends (it is journaled). */
    void endStroke();

    /**
     * The last click of the slice in progress was looked at through two squares (a first click, or
     * a positive click on a new object) and the network chose the wrong scale: shows the other
     * square's mask instead (again: back). Costs no click and no learning; the next click starts
     * from what is shown; undo takes the click back. When the last click had no other square the
     * session says so.
     */
    CompletableFuture<Void> otherSquare(int slice);

    /** Takes back the last click or stroke of the slice, if it is the slice in progress. */
    void undo(int slice);

    /** Does again what the last undo of the slice took back. */
    void redo(int slice);

    /** Takes back every click and stroke of the slice in progress, or discards the draft of slice k. */
    void clear(int slice);

    /**
     * Accepts the mask of a slice (the slice in progress, its draft, or its proposal as it is): it
     * is kept and the model learns from it, making a new version.
     *
     * @return the update, or empty when there is nothing to accept (said in words)
     */
    Optional<CompletableFuture<UpdateReport>> accept(int slice);

    /** The slice of the open series left unaccepted by a crash, if the journal holds one. */
    CompletableFuture<Optional<SliceDraft>> journaled();

    /** Continues a slice from the journal: its strokes and clicks again, in order. */
    CompletableFuture<Void> resume(SliceDraft draft);

    /** Forgets the journal (the user did not want its slice back). */
    void forgetJournal();

    /** Waits for the queued work, then stops the worker. */
    @Override
    void close();
}
