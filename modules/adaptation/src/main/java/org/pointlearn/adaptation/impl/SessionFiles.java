package org.pointlearn.adaptation.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * The interactive session's files: the accepted masks of the open series ({@link AcceptedMasks})
 * and the journal of the slice in progress ({@link SliceJournal}), written in order on a thread of
 * their own, so the session's lock is never held across disk work. A failure is said in words
 * through the problem callback and loses nothing the user sees. Without a folder (evaluation)
 * nothing is kept and every call does nothing.
 */
@Messages({
    "# {0} - problem",
    "MSG_MaskNotRestored=An accepted mask was not restored: {0}",
    "# {0} - slice number",
    "# {1} - reason",
    "MSG_MaskNotSaved=The accepted mask of slice {0} could not be kept on disk ({1}); export it before closing.",
    "# {0} reason",
    "MSG_JournalNotWritten=The slice in progress could not be written to its journal ({0}); accept it soon.",
    "# {0} reason",
    "MSG_JournalNotRead=The journal of the slice in progress cannot be read: {0}"
})
final class SessionFiles {

    /** Work on a file, queued on the disk thread. */
    @FunctionalInterface
    private interface FileWork {
        void run() throws IOException;
    }

    private final AcceptedMasks masks;
    private final Consumer<String> problem;
    private final ExecutorService disk = SegmentationSession.daemon("pointlearn-accepted-masks");

    /**
     * @param folder accepted masks and journal under it, or null to keep nothing
     * @param problem told a failure in words
     */
    SessionFiles(Path folder, Consumer<String> problem) {
        this.masks = folder == null ? null : new AcceptedMasks(folder);
        this.problem = problem;
    }

    /** Whether a series' masks are kept (a folder was given and the series is on disk). */
    boolean keeps(SeriesKey series) {
        return masks != null && series != null && series.onDisk();
    }

    /** The accepted masks kept for a series by slice (empty when none are kept); the files it cannot read are said. */
    CompletableFuture<Map<Integer, Mask2D>> restore(SeriesKey series, VolumeGeometry g) {
        if (!keeps(series)) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<String> problems = new ArrayList<>();
            Map<Integer, Mask2D> read = masks.load(series, g, problems);
            problems.forEach(p -> problem.accept(Bundle.MSG_MaskNotRestored(p)));
            return read;
        }, disk);
    }

    /** Keeps slice k's accepted mask, replacing the one before. */
    void save(SeriesKey series, VolumeGeometry g, int k, Mask2D mask) {
        if (keeps(series)) {
            later(() -> masks.save(series, g, k, mask), why -> Bundle.MSG_MaskNotSaved(k + 1, why));
        }
    }

    /** Removes slice k's accepted mask (an accept taken back). */
    void forget(SeriesKey series, VolumeGeometry g, int k) {
        if (keeps(series)) {
            later(() -> masks.delete(series, g, k), why -> Bundle.MSG_MaskNotSaved(k + 1, why));
        }
    }

    /** Writes the slice in progress to the journal, replacing what it held. */
    void journal(SliceDraft entry) {
        if (masks != null) {
            later(() -> masks.journal().write(entry), Bundle::MSG_JournalNotWritten);
        }
    }

    /** Empties the journal (no slice in progress, or one without work). */
    void clearJournal() {
        if (masks != null) {
            later(() -> masks.journal().clear(), Bundle::MSG_JournalNotWritten);
        }
    }

    /** Queues file work; its failure is said in the words made from the exception's message. */
    private void later(FileWork work, Function<String, String> words) {
        disk.execute(() -> {
            try {
                work.run();
            } catch (IOException e) {
                problem.accept(words.apply(e.getMessage()));
            }
        });
    }

    /** The slice the journal holds, read after the writes queued before; empty when none (or unreadable, then said). */
    CompletableFuture<Optional<SliceDraft>> journaled() {
        if (masks == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        SliceJournal j = masks.journal();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return j.read();
            } catch (IOException e) {
                problem.accept(Bundle.MSG_JournalNotRead(e.getMessage()));
                return Optional.empty();
            }
        }, disk);
    }

    /** Writes what is queued (waiting up to a minute), then takes no more work. */
    void close() throws InterruptedException {
        disk.shutdown();
        disk.awaitTermination(1, TimeUnit.MINUTES);
    }
}
