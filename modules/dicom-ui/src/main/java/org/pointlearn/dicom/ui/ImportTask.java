package org.pointlearn.dicom.ui;

import java.awt.EventQueue;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.api.StudyIndex;

/**
 * One import running in the background with a cancellable progress bar; its outcome (a
 * result or the failure in words) is handed to the event thread when it ends.
 */
@Messages({
    "# {0} - file or folder name",
    "MSG_importing=Importing {0}",
})
final class ImportTask implements ImportMonitor {

    private static final Logger LOG = Logger.getLogger(ImportTask.class.getName());
    private static final RequestProcessor WORKER = new RequestProcessor(ImportTask.class.getName(), 1);

    private final StudyIndex index;
    private final Path source;
    private final Consumer<ImportOutcome> onDone;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressHandle progress;

    /**
     * @param index where to import
     * @param source what the user chose
     * @param onDone receives the outcome on the event thread
     */
    ImportTask(StudyIndex index, Path source, Consumer<ImportOutcome> onDone) {
        this.index = index;
        this.source = source;
        this.onDone = onDone;
        this.progress = ProgressHandle.createHandle(Bundle.MSG_importing(source.getFileName()), () -> {
            cancelled.set(true);
            return true;
        });
    }

    /** Starts the import on the import thread; imports run one after the other. */
    RequestProcessor.Task start() {
        return WORKER.post(this::run);
    }

    private void run() {
        progress.start();
        ImportOutcome outcome;
        try {
            outcome = ImportOutcome.of(source, index.importFrom(source, this));
        } catch (DicomException e) {
            LOG.log(Level.WARNING, "Import of " + source + " failed", e);
            outcome = ImportOutcome.failure(source, e.getMessage());
        } finally {
            progress.finish();
        }
        ImportOutcome finished = outcome;
        EventQueue.invokeLater(() -> onDone.accept(finished));
    }

    @Override
    public void started(int files) {
        progress.switchToDeterminate(Math.max(1, files));
    }

    @Override
    public void progressed(int done, String current) {
        progress.progress(Path.of(current).getFileName().toString(), done);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * How an import ended.
     *
     * @param source what was imported
     * @param result the result, or null when the import could not run
     * @param error why it could not run, or null
     */
    record ImportOutcome(Path source, ImportResult result, String error) {

        static ImportOutcome of(Path source, ImportResult result) {
            return new ImportOutcome(source, result, null);
        }

        static ImportOutcome failure(Path source, String error) {
            return new ImportOutcome(source, null, error);
        }
    }
}
