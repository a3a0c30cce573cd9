package org.pointlearn.adaptation.impl;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.adaptation.api.VersionStoreException;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * The model work of an interactive session ({@link SegmentationSession}): every call runs on one background thread in the order made, so
 * the UI never waits for the network. Every click is applied and learned from exactly as in
 * the synchronous session (so the user gets what evaluation measures), but a result that a
 * newer click or undo made stale is dropped: its future completes empty and the callback is
 * not called. {@link #cancel()} stops the update in progress, which then leaves the model as
 * before it. A click made while an accept learns can be shown between two of its steps
 * ({@link Preview}) before it is predicted and learned from in turn.
 */
public final class AsyncAdaptationSession implements AutoCloseable {

    private final AdaptationSession session;
    private final ExecutorService executor;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Accepts queued or learning, and the previews of clicks made meanwhile (run between the accept's steps). */
    private final AtomicInteger learning = new AtomicInteger();
    private final Queue<Runnable> previews = new ConcurrentLinkedQueue<>();

    /** @param session the synchronous session (closed with this wrapper) */
    public AsyncAdaptationSession(AdaptationSession session) {
        this.session = session;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pointlearn-adaptation");
            t.setDaemon(true);
            return t;
        });
    }

    /** The synchronous session underneath (call it only from {@link #submit}ted work or when idle). */
    public AdaptationSession session() {
        return session;
    }

    /**
     * A click. {@code onPrediction} receives the plain prediction at once and the re-prediction
     * after the Mid-Interaction update, each only while no newer click or undo has been made.
     *
     * @return the final prediction, or empty when it became stale
     */
    public CompletableFuture<Optional<Prediction>> click(Click click, Consumer<Prediction> onPrediction) {
        return click(click, onPrediction, null);
    }

    /**
     * A click on an image whose start is queued behind an accept that is still learning: besides
     * the click itself, which waits for the accept, {@code preview} is predicted between two of the
     * accept's steps and given to {@code onPrediction} first (AdaptationSession#preview), so the
     * user sees the mask within a step rather than after the whole update.
     *
     * @param preview the image, its proposal and every click on it so far (this one last), or null
     */
    public CompletableFuture<Optional<Prediction>> click(Click click, Consumer<Prediction> onPrediction,
            Preview preview) {
        long mine = generation.incrementAndGet();
        if (preview != null && learning.get() > 0) {
            previews.add(() -> {
                if (!stale(mine)) {
                    try {
                        deliver(mine, session.preview(preview.image(), preview.proposal(), preview.clicks()),
                                onPrediction);
                    } catch (AdaptationException | RuntimeException e) {
                        // never the accept's failure: the click itself, after the accept, says it in words
                        java.util.logging.Logger.getLogger(AsyncAdaptationSession.class.getName())
                                .log(java.util.logging.Level.FINE, "no preview of a click made during an accept", e);
                    }
                }
            });
        }
        cancelled.set(false);
        return CompletableFuture.supplyAsync(() -> {
            try {
                Prediction p = session.click(click, early -> deliver(mine, early, onPrediction),
                        cancelled::get);
                return deliver(mine, p, onPrediction);
            } catch (AdaptationException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Undoes the last click; its result is stale once another click or undo is made. */
    public CompletableFuture<Optional<Prediction>> undo(Consumer<Prediction> onPrediction) {
        long mine = generation.incrementAndGet();
        return submit(() -> deliver(mine, session.undo(), onPrediction));
    }

    /**
     * Shows the other square's mask for the last click (see {@link AdaptationSession#otherSquare});
     * {@code onPrediction} receives it unless another click or undo was made meanwhile.
     *
     * @return whether the last click had another square
     */
    public CompletableFuture<Boolean> otherSquare(Consumer<Prediction> onPrediction) {
        // Not a new generation: the click it follows still shows its own masks first (or alone, when the
        // click turns out to have no other square); a later click or undo makes this one stale.
        long mine = generation.get();
        return submit(() -> {
            Optional<Prediction> p = session.otherSquare();
            p.ifPresent(q -> deliver(mine, q, onPrediction));
            return p.isPresent();
        });
    }

    /** Accepts the image's mask; the update runs in the background and can be cancelled. */
    public CompletableFuture<UpdateReport> accept(Mask2D finalMask) {
        generation.incrementAndGet();
        cancelled.set(false);
        learning.incrementAndGet();
        return submit(() -> {
            try {
                return session.accept(finalMask, () -> {
                    showPreviews();
                    return cancelled.get();
                });
            } finally {
                learning.decrementAndGet();
                previews.clear();   // their clicks are predicted now, after the accept
            }
        });
    }

    /** Whether an accept is queued or learning (a click now may want a preview). */
    public boolean learning() {
        return learning.get() > 0;
    }

    /** On the session's thread, between two steps of an accept: the previews of the clicks made meanwhile. */
    private void showPreviews() {
        for (Runnable preview = previews.poll(); preview != null; preview = previews.poll()) {
            preview.run();
        }
    }

    /**
     * What a click made during an accept is previewed on: the image its session will start after
     * the accept, the proposal it starts from, and the clicks on it so far.
     *
     * @param proposal probabilities on the image's grid, or null
     */
    public record Preview(Image2D image, float[] proposal, List<Click> clicks) {

        /** Copies the click list. */
        public Preview {
            clicks = List.copyOf(clicks);
        }
    }

    /** Runs any session work on the session's thread, after what is queued. */
    public <T> CompletableFuture<T> submit(SessionWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (AdaptationException | VersionStoreException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Work on the session that may fail in words. */
    @FunctionalInterface
    public interface SessionWork<T> {
        /** Does the work. */
        T run() throws AdaptationException, VersionStoreException;
    }

    /** Stops the update in progress; the model stays as before it. */
    public void cancel() {
        cancelled.set(true);
    }

    private boolean stale(long mine) {
        return generation.get() != mine;
    }

    private Optional<Prediction> deliver(long mine, Prediction p, Consumer<Prediction> onPrediction) {
        if (stale(mine)) {
            return Optional.empty();
        }
        onPrediction.accept(p);
        return Optional.of(p);
    }

    /** Waits for queued work to finish, then closes the session. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            executor.shutdownNow();
        }
        session.close();
    }
}
