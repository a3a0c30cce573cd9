package org.pointlearn.viewer.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.openide.util.RequestProcessor;
import org.openide.windows.WindowManager;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.SegmentDescription;
import org.pointlearn.dicom.api.SegmentationExporter;
import org.pointlearn.dicom.api.SeriesRef;

/**
 * File > Export Segmentation…: writes the slices accepted in the viewer as a DICOM SEG that
 * references the series (or as NIfTI, by the file name), in the background.
 */
@ActionID(category = "File", id = "org.pointlearn.viewer.ui.ExportSegmentationAction")
@ActionRegistration(displayName = "#CTL_ExportSegmentationAction")
@ActionReference(path = "Menu/File", position = 300)
@Messages({
    "CTL_ExportSegmentationAction=&Export Segmentation\u2026",
    "TITLE_exportChooser=Export the accepted slices",
    "BTN_export=Export",
    "FILTER_seg=DICOM SEG (*.dcm)",
    "FILTER_nifti=NIfTI (*.nii.gz)",
    "MSG_NoSeries=Nothing to export: open a series from the DICOM browser first.",
    "MSG_NothingAccepted=Nothing to export: no slice of this series is accepted yet (click on the object, then Enter).",
    "# {0} - slices",
    "# {1} - file",
    "MSG_Exported=Exported the segmentation of {0} accepted slice(s) to {1}",
    "# {0} - reason",
    "MSG_ExportFailed=The segmentation was not exported: {0}",
    "# {0} - file",
    "PROGRESS_Export=Exporting the segmentation to {0}",
    "LABEL_Segment=Lesion"
})
public final class ExportSegmentationAction implements ActionListener {

    private static final Logger LOG = Logger.getLogger(ExportSegmentationAction.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Segmentation export", 1);
    private static final String LAST_FOLDER = "exportFolder";

    @Override
    public void actionPerformed(ActionEvent e) {
        ViewerTopComponent viewer = ViewerTopComponent.findInstance();
        ClickSegmentation tools = viewer.tools();
        SeriesRef series = viewer.series();
        if (series == null || tools == null || !viewer.view().hasVolume()) {
            tell(Bundle.MSG_NoSeries(), NotifyDescriptor.INFORMATION_MESSAGE);
            return;
        }
        if (tools.seriesWork().accepted().size() == 0) {
            tell(Bundle.MSG_NothingAccepted(), NotifyDescriptor.INFORMATION_MESSAGE);
            return;
        }
        Preferences preferences = NbPreferences.forModule(ExportSegmentationAction.class);
        JFileChooser chooser = new JFileChooser(preferences.get(LAST_FOLDER, System.getProperty("user.home")));
        chooser.setDialogTitle(Bundle.TITLE_exportChooser());
        FileNameExtensionFilter seg = new FileNameExtensionFilter(Bundle.FILTER_seg(), "dcm");
        chooser.addChoosableFileFilter(seg);
        chooser.addChoosableFileFilter(new FileNameExtensionFilter(Bundle.FILTER_nifti(), "gz"));
        chooser.setFileFilter(seg);
        chooser.setSelectedFile(new File(ViewerSeriesOpener.title(series).replaceAll("[^A-Za-z0-9._-]+", "_")
                + "-seg.dcm"));
        if (chooser.showDialog(WindowManager.getDefault().getMainWindow(), Bundle.BTN_export())
                != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File chosen = chooser.getSelectedFile();
        if (chosen.getParentFile() != null) {
            preferences.put(LAST_FOLDER, chosen.getParentFile().getPath());
        }
        byte[][] mask = volumeMask(tools.seriesWork());
        int slices = tools.seriesWork().accepted().size();
        ModelVersion active = viewer.session().state().active();
        String version = active != null ? active.id() : "";
        Path target = chosen.toPath();
        RP.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle(Bundle.PROGRESS_Export(target.getFileName()));
            progress.start();
            try {
                write(SegmentationExporter.getDefault(), series, mask, version, target);
                StatusDisplayer.getDefault().setStatusText(Bundle.MSG_Exported(slices, target),
                        StatusDisplayer.IMPORTANCE_ANNOTATION);
            } catch (DicomException | RuntimeException ex) {
                LOG.log(Level.WARNING, "Export to " + target + " failed", ex);
                tell(Bundle.MSG_ExportFailed(ex.getMessage()), NotifyDescriptor.ERROR_MESSAGE);
            } finally {
                progress.finish();
            }
        });
    }

    /**
     * Writes a mask of a series: NIfTI when the file name ends in {@code .nii} or {@code .nii.gz}, else DICOM SEG.
     *
     * @param exporter the exporter
     * @param series the series the mask belongs to
     * @param mask {@code mask[k][row * width + column]}, non-zero inside
     * @param modelVersion the model version that made it (recorded in the SEG)
     * @param target the file
     * @throws DicomException when it cannot be written, in words
     */
    static void write(SegmentationExporter exporter, SeriesRef series, byte[][] mask, String modelVersion, Path target)
            throws DicomException {
        if (exporter == null) {
            throw new DicomException("no segmentation exporter is installed (the DICOM module is missing)");
        }
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            exporter.exportNifti(series, mask, target);
        } else {
            exporter.exportSeg(series, mask, SegmentDescription.lesion(Bundle.LABEL_Segment(), modelVersion), target);
        }
    }

    private static void tell(String words, int type) {
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(words, type));
    }

    /**
     * The accepted masks on the volume's grid, {@code mask[k][row * width + column]}, 1 inside; null
     * for a slice not accepted (not reviewed: the SEG has no frame for it).
     */
    static byte[][] volumeMask(org.pointlearn.adaptation.api.SeriesWork w) {
        byte[][] out = new byte[w.depth()][];
        w.accepted().forEach((k, m) -> {
            out[k] = new byte[w.width() * w.height()];
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] = (byte) (m.get(i) ? 1 : 0);
            }
        });
        return out;
    }
}
