package org.pointlearn.viewer.ui;

import java.awt.EventQueue;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.OnShowing;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.inference.api.InferenceRuntime;

/**
 * When the main window shows: starts the inference engine and opens the demo study in the
 * viewer (building it on first start), unless the user already opened a series.
 */
@OnShowing
@Messages({
    "MSG_PreparingDemo=Preparing the demo study …",
    "# {0} - reason",
    "MSG_DemoFailed=Could not prepare the demo study: {0}"
})
public final class DemoStudyStartup implements Runnable {

    private static final Logger LOG = Logger.getLogger(DemoStudyStartup.class.getName());
    private static final RequestProcessor STARTUP = new RequestProcessor("Pointlearn startup", 1);

    /** Called by the window system on the event thread; the work runs in the background. */
    @Override
    public void run() {
        ViewerTopComponent viewer = ViewerTopComponent.findInstance();
        if (!viewer.hasSeries()) {
            viewer.showNotice(Bundle.MSG_PreparingDemo());
        }
        STARTUP.post(() -> {
            startEngine();
            openDemo(viewer);
        });
    }

    private static void startEngine() {
        InferenceRuntime runtime = InferenceRuntime.getDefault();
        if (runtime == null) {
            LOG.warning("No inference runtime is installed; segmentation will not be available");
            return;
        }
        runtime.start();
    }

    private static void openDemo(ViewerTopComponent viewer) {
        StudyIndex index = StudyIndex.getDefault();
        if (index == null) {
            report(viewer, Bundle.MSG_DemoFailed(Bundle.MSG_NoStudyIndex()));
            return;
        }
        Optional<SeriesRef> interrupted = journaledSeries(index, WorkstationSession.get());
        if (interrupted.isPresent()) {
            // Pointlearn stopped with a slice of this series unaccepted: open it, not the demo.
            EventQueue.invokeLater(() -> {
                if (!viewer.hasSeries()) {
                    new ViewerSeriesOpener().open(interrupted.get(), false);
                }
            });
            return;
        }
        try {
            SeriesRef demo = index.ensureDemoStudy();
            EventQueue.invokeLater(() -> {
                if (!viewer.hasSeries()) {
                    new ViewerSeriesOpener().open(demo, false);
                }
            });
        } catch (DicomException e) {
            LOG.log(Level.WARNING, "The demo study could not be prepared", e);
            report(viewer, Bundle.MSG_DemoFailed(e.getMessage()));
        }
    }

    /** The indexed series whose slice the journal holds, if the journal names one the index has. */
    static Optional<SeriesRef> journaledSeries(StudyIndex index, org.pointlearn.adaptation.api.InteractiveSession session) {
        try {
            Optional<org.pointlearn.adaptation.api.SliceDraft> entry = session.journaled().get(1, java.util.concurrent.TimeUnit.MINUTES);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            String uid = entry.get().series();
            for (IndexedStudy study : index.studies()) {
                for (SeriesRef s : study.series()) {
                    if (s.seriesInstanceUid().equals(uid)) {
                        return Optional.of(s);
                    }
                }
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | DicomException e) {
            LOG.log(Level.WARNING, "The journal of the slice in progress could not be used", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static void report(ViewerTopComponent viewer, String words) {
        StatusDisplayer.getDefault().setStatusText(words, StatusDisplayer.IMPORTANCE_ERROR_HIGHLIGHT);
        EventQueue.invokeLater(() -> {
            if (!viewer.hasSeries()) {
                viewer.showNotice(words);
            }
        });
    }
}
