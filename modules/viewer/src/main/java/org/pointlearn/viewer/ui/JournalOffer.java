package org.pointlearn.viewer.ui;

import java.awt.EventQueue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SliceDraft;

/** After a crash: the slice that was in progress in the series shown is offered back. */
@Messages({
    "# {0} slice (1-based), {1} clicks, {2} 1 when it has strokes",
    "ASK_Resume=Slice {0} had {1} click(s){2,choice,0#|1# and brush strokes} that were not accepted when Pointlearn stopped.\nContinue with them?",
    "TITLE_Resume=Continue the slice in progress"
})
final class JournalOffer {

    private JournalOffer() {
    }

    /** Asks whether to continue a slice from the journal, in a dialog. */
    static boolean askResume(String question) {
        return Questions.yes(question, Bundle.TITLE_Resume());
    }

    /**
     * When the journal holds a slice of the series shown, asks whether to continue it and, if so,
     * goes to that slice and gives its clicks and strokes back (the model predicts and learns from
     * them again, once it is loaded); otherwise the journal is forgotten.
     *
     * @return completes on the event thread once asked (or found nothing to ask)
     */
    static CompletableFuture<Void> offer(InteractiveSession session, SliceViewModel view, SeriesKey key,
            Predicate<String> asker) {
        CompletableFuture<Void> asked = new CompletableFuture<>();
        if (!key.onDisk()) {
            asked.complete(null);
            return asked;
        }
        session.journaled().whenComplete((entry, e) -> EventQueue.invokeLater(() -> {
            try {
                Optional<SliceDraft> d = entry == null ? Optional.empty() : entry;
                if (d.isEmpty() || !d.get().series().equals(key.seriesUid()) || d.get().slice() >= view.sliceCount()) {
                    return;
                }
                SliceDraft draft = d.get();
                if (asker.test(Bundle.ASK_Resume(draft.slice() + 1, draft.clicks().size(), draft.hasStrokes() ? 1 : 0))) {
                    view.goToSlice(draft.slice());
                    session.resume(draft);
                } else {
                    session.forgetJournal();
                }
            } finally {
                asked.complete(null);
            }
        }));
        return asked;
    }
}
