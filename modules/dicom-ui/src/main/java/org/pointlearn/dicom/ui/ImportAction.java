package org.pointlearn.dicom.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import java.util.Locale;
import java.util.prefs.Preferences;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileFilter;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.openide.windows.WindowManager;
import org.pointlearn.dicom.api.StudyIndex;

/** File > Import DICOM…: lets the user choose a folder, a DICOMDIR or a zip file and imports it in the background. */
@ActionID(category = "File", id = "org.pointlearn.dicom.ui.ImportAction")
@ActionRegistration(displayName = "#CTL_ImportAction")
@ActionReference(path = "Menu/File", position = 100)
@Messages({
    "CTL_ImportAction=&Import DICOM\u2026",
    "TITLE_importChooser=Import DICOM: choose a folder, a DICOMDIR or a zip file",
    "BTN_import=Import",
    "FILTER_importable=Folders, DICOMDIR, zip files and DICOM files",
})
public final class ImportAction implements ActionListener {

    private static final String LAST_FOLDER = "importFolder";

    @Override
    public void actionPerformed(ActionEvent e) {
        Preferences preferences = NbPreferences.forModule(ImportAction.class);
        JFileChooser chooser = new JFileChooser(preferences.get(LAST_FOLDER, System.getProperty("user.home")));
        chooser.setDialogTitle(Bundle.TITLE_importChooser());
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        chooser.setAcceptAllFileFilterUsed(true);
        chooser.setFileFilter(new ImportableFiles());
        if (chooser.showDialog(WindowManager.getDefault().getMainWindow(), Bundle.BTN_import())
                != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File chosen = chooser.getSelectedFile();
        File parent = chosen.getParentFile();
        if (parent != null) {
            preferences.put(LAST_FOLDER, parent.getPath());
        }
        new ImportTask(StudyIndex.getDefault(), chosen.toPath(), ImportResultDialog::show).start();
    }

    /** Folders, DICOMDIR, zip and .dcm files; everything else through the "all files" filter. */
    private static final class ImportableFiles extends FileFilter {

        @Override
        public boolean accept(File f) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            return f.isDirectory() || name.equals("dicomdir") || name.endsWith(".zip") || name.endsWith(".dcm");
        }

        @Override
        public String getDescription() {
            return Bundle.FILTER_importable();
        }
    }
}
