package org.pointlearn.dicom.ui;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.StudyIndex;

/** Deletes a study from the index after the user confirmed, off the event thread; failures in a dialog. */
@Messages({
    "TITLE_deleteStudy=Delete Study",
    "# {0} - study label",
    "# {1} - patient label",
    "# {2} - number of series",
    "MSG_confirmDelete=Delete the study \"{0}\" of {1} ({2,choice,1#1 series|1<{2} series}) from the study index?\n"
            + "Files the workstation copied (from zip files or a PACS) are deleted; "
            + "files imported from a folder or a DICOMDIR stay where they are.",
    "# {0} - reason",
    "MSG_deleteFailed=The study could not be deleted: {0}",
})
final class StudyDeletion {

    private static final Logger LOG = Logger.getLogger(StudyDeletion.class.getName());
    private static final RequestProcessor WORKER = new RequestProcessor(StudyDeletion.class.getName(), 1);

    private StudyDeletion() {
    }

    /** Asks for confirmation (on the event thread), then deletes in the background. */
    static void confirmAndDelete(StudyIndex index, IndexedStudy study) {
        String text = Bundle.MSG_confirmDelete(BrowserLabels.study(study.studyDate(), study.description()),
                BrowserLabels.patient(study.patientName(), study.patientId()), study.series().size());
        NotifyDescriptor.Confirmation confirm = new NotifyDescriptor.Confirmation(text, Bundle.TITLE_deleteStudy(),
                NotifyDescriptor.OK_CANCEL_OPTION, NotifyDescriptor.WARNING_MESSAGE);
        if (DialogDisplayer.getDefault().notify(confirm) == NotifyDescriptor.OK_OPTION) {
            WORKER.post(() -> delete(index, study));
        }
    }

    private static void delete(StudyIndex index, IndexedStudy study) {
        try {
            index.deleteStudy(study.studyInstanceUid());
        } catch (DicomException e) {
            LOG.log(Level.WARNING, "Deleting study " + study.studyInstanceUid() + " failed", e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    Bundle.MSG_deleteFailed(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
        }
    }
}
