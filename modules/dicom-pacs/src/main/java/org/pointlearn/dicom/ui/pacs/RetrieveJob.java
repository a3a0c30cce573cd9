package org.pointlearn.dicom.ui.pacs;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.PacsService;
import org.pointlearn.dicom.api.RetrieveResult;

/** One retrieve in the background with a cancellable progress bar; its outcome in words on the event thread. */
@Messages({
    "# {0} - node", "MSG_retrieving=Retrieving from {0}",
    "# {0} - images", "MSG_retrieveDone=Retrieved {0} images; the series are in the DICOM browser.",
    "# {0} - images", "# {1} - problem",
    "MSG_retrievePartial=Retrieved {0} images, but the retrieve is incomplete: {1}. Retrieve again to complete it.",
})
final class RetrieveJob implements ImportMonitor {

    private static final Logger LOG = Logger.getLogger(RetrieveJob.class.getName());
    private static final RequestProcessor WORKER = new RequestProcessor(RetrieveJob.class.getName(), 1);

    private final PacsNode node;
    private final String study;
    private final String series;
    private final Consumer<String> onDone;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressHandle progress;

    /**
     * @param series the series, or empty for the whole study
     * @param onDone receives the outcome in words on the event thread
     */
    RetrieveJob(PacsNode node, String study, String series, Consumer<String> onDone) {
        this.node = node;
        this.study = study;
        this.series = series;
        this.onDone = onDone;
        this.progress = ProgressHandle.createHandle(Bundle.MSG_retrieving(node.name()), () -> {
            cancelled.set(true);
            return true;
        });
    }

    /** Starts it; retrieves run one after the other. */
    void start() {
        WORKER.post(this::run);
    }

    private void run() {
        progress.start();
        String outcome;
        try {
            RetrieveResult result = PacsService.getDefault().retrieve(node, study, series, this);
            outcome = result.complete() ? Bundle.MSG_retrieveDone(result.received())
                    : Bundle.MSG_retrievePartial(result.received(), result.problem());
        } catch (PacsException e) {
            LOG.log(Level.WARNING, "Retrieve from " + node.describe() + " failed", e);
            outcome = e.getMessage();
        } finally {
            progress.finish();
        }
        String shown = outcome;
        EventQueue.invokeLater(() -> onDone.accept(shown));
    }

    @Override
    public void progressed(int done, String current) {
        progress.progress(Integer.toString(done));
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
