package org.pointlearn.viewer.ui;

import java.awt.EventQueue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.SeriesOpener;
import org.pointlearn.dicom.api.LoadedSegmentation;
import org.pointlearn.dicom.api.Segmentations;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;

/**
 * Opens a series in the viewer: loads it from the study index in the background and
 * shows it, or shows in words why it could not be opened (the log keeps the details).
 */
@ServiceProvider(service = SeriesOpener.class)
@Messages({
    "# {0} series",
    "# {1} why",
    "MSG_SegCannotShow=The segmentation \"{0}\" cannot be shown: {1}. The series open stays as it is.",
    "MSG_NoSegmentations=no segmentation reader is installed (the DICOM module is missing)",
    "# {0} - modality",
    "TITLE_UnnamedSeries={0} series",
    "# {0} - series name",
    "PROGRESS_Loading=Loading {0}",
    "# {0} - series name",
    "# {1} - reason",
    "MSG_OpenFailed=Could not open {0}: {1}",
    "MSG_NoStudyIndex=no study index is installed (the DICOM module is missing)"
})
public final class ViewerSeriesOpener implements SeriesOpener {

    private static final Logger LOG = Logger.getLogger(ViewerSeriesOpener.class.getName());
    private static final RequestProcessor LOADING = new RequestProcessor("Pointlearn series loading", 1);

    /** Opens the series at a user's request; failures are also shown in a dialog. */
    @Override
    public void open(SeriesRef series) {
        open(series, true);
    }

    /**
     * Opens a series; on the event thread.
     *
     * @param series the series to show
     * @param dialogOnFailure whether a failure also pops up a dialog (not for automatic opens)
     */
    void open(SeriesRef series, boolean dialogOnFailure) {
        if (isSegmentation(series)) {
            readSegmentation(series, ViewerTopComponent.findInstance());
            return;
        }
        ViewerTopComponent viewer = ViewerTopComponent.findInstance();
        viewer.open();
        viewer.requestActive();
        long request = viewer.beginLoading(title(series), series);
        LOADING.post(() -> load(StudyIndex.getDefault(), viewer, request, series, dialogOnFailure));
    }

    /** Whether a series is a segmentation (DICOM SEG): an annotation of another series, shown over it, not images. */
    static boolean isSegmentation(SeriesRef series) {
        return "SEG".equalsIgnoreCase(series.modality());
    }

    /**
     * Reads a DICOM SEG in the background and draws it over its series: at once when that series is
     * shown, else after opening it. Why it cannot be shown is said in a dialog, and the series open
     * stays as it is.
     */
    static void readSegmentation(SeriesRef seg, ViewerTopComponent viewer) {
        Segmentations reader = Segmentations.getDefault();
        LOADING.post(() -> {
            try {
                if (reader == null) {
                    throw new DicomException(Bundle.MSG_NoSegmentations());
                }
                LoadedSegmentation loaded = reader.read(seg);
                EventQueue.invokeLater(() -> {
                    SeriesRef shown = viewer.series();
                    if (shown != null && shown.seriesInstanceUid().equals(loaded.series().seriesInstanceUid())
                            && viewer.view().hasVolume()) {
                        viewer.showSegmentation(loaded);
                    } else {
                        viewer.showSegmentationWhenLoaded(loaded);
                        new ViewerSeriesOpener().open(loaded.series(), true);
                    }
                });
            } catch (DicomException | RuntimeException e) {
                LOG.log(Level.INFO, "Segmentation " + seg.seriesInstanceUid() + " not shown", e);
                String words = Bundle.MSG_SegCannotShow(title(seg), e.getMessage());
                StatusDisplayer.getDefault().setStatusText(words, StatusDisplayer.IMPORTANCE_ERROR_HIGHLIGHT);
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(words,
                        NotifyDescriptor.INFORMATION_MESSAGE));
            }
        });
    }

    /** The name of a series for window titles and messages: its description, else its modality. */
    static String title(SeriesRef series) {
        String description = series.description();
        return description == null || description.isBlank()
                ? Bundle.TITLE_UnnamedSeries(series.modality()) : description.trim();
    }

    /**
     * Loads a series and hands it, or the failure in words, to the viewer; off the event thread.
     *
     * @param index the study index, or null when none is installed
     * @param viewer the viewer that announced the request
     * @param request the viewer's request number
     * @param series the series to load
     * @param dialogOnFailure whether a failure also pops up a dialog
     */
    static void load(StudyIndex index, ViewerTopComponent viewer, long request, SeriesRef series,
            boolean dialogOnFailure) {
        String title = title(series);
        if (index == null) {
            fail(viewer, request, Bundle.MSG_OpenFailed(title, Bundle.MSG_NoStudyIndex()), dialogOnFailure);
            return;
        }
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.PROGRESS_Loading(title));
        progress.start();
        try {
            // The first slice and the stored window come in milliseconds: show them while the rest loads.
            List<WindowLevel> presets = index.windowPresets(series);
            org.pointlearn.dicom.api.IndexedStudy study = index.studies().stream()
                    .filter(s -> s.studyInstanceUid().equals(series.studyInstanceUid())).findFirst().orElse(null);
            EventQueue.invokeLater(() -> viewer.showStudy(request, study, series));
            Volume first = index.loadFirstSlice(series);
            EventQueue.invokeLater(() -> viewer.showVolume(request, first, presets));
            List<Volume> volumes = index.loadVolumes(series);
            EventQueue.invokeLater(() -> {
                viewer.showVolumes(request, volumes, presets);
                viewer.seriesLoaded(request);
            });
            offerSegmentations(viewer, request, series);
        } catch (DicomException e) {
            LOG.log(Level.WARNING, "Could not load series " + series.seriesInstanceUid(), e);
            fail(viewer, request, Bundle.MSG_OpenFailed(title, e.getMessage()), dialogOnFailure);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Loading series " + series.seriesInstanceUid() + " failed unexpectedly", e);
            fail(viewer, request, Bundle.MSG_OpenFailed(title, e.toString()), dialogOnFailure);
        } finally {
            progress.finish();
        }
    }

    /** Offers the segmentations of the series in the index (none when they cannot be listed: the series stays open). */
    private static void offerSegmentations(ViewerTopComponent viewer, long request, SeriesRef series) {
        Segmentations segmentations = Segmentations.getDefault();
        try {
            List<SeriesRef> segs = segmentations == null ? List.of() : segmentations.of(series);
            EventQueue.invokeLater(() -> viewer.offerSegmentations(request, segs));
        } catch (DicomException e) {
            LOG.log(Level.INFO, "The segmentations of " + series.seriesInstanceUid() + " could not be listed", e);
        }
    }

    private static void fail(ViewerTopComponent viewer, long request, String words, boolean popUp) {
        EventQueue.invokeLater(() -> viewer.showProblem(request, words));
        StatusDisplayer.getDefault().setStatusText(words, StatusDisplayer.IMPORTANCE_ERROR_HIGHLIGHT);
        if (popUp) {
            NotifyDescriptor.Message dialog = new NotifyDescriptor.Message(words, NotifyDescriptor.ERROR_MESSAGE);
            DialogDisplayer.getDefault().notifyLater(dialog);
        }
    }
}
