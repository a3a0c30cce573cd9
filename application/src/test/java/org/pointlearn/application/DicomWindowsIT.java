package org.pointlearn.application;

import java.awt.Dialog;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import junit.framework.Test;
import org.netbeans.api.options.OptionsDisplayer;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.openide.awt.Actions;
import org.openide.windows.TopComponent;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.api.StudyIndex;

/**
 * The DICOM side as a user meets it: an imported series appears in the browser, the PACS
 * query/retrieve window opens from the Window menu, and the PACS options page opens.
 */
public class DicomWindowsIT extends NbTestCase {

    public DicomWindowsIT(String name) {
        super(name);
    }

    public static Test suite() {
        System.setProperty("pointlearn.renderer", "java2d");
        return NbModuleSuite.createConfiguration(DicomWindowsIT.class)
                .gui(true).clusters(".*").enableModules(".*").suite();
    }

    public void testImportShowsInTheBrowserAndThePacsWindowsOpen() throws Exception {
        WorkstationScreen screen = new WorkstationScreen();
        TopComponent browser = WorkstationChecks.await("the DICOM browser",
                () -> screen.shownWindow("DicomBrowserTopComponent"));
        Path series = Path.of(System.getProperty("pointlearn.data"), "dicom", "mr-epi-series-63");
        ImportResult result = StudyIndex.getDefault().importFrom(series, ImportMonitor.SILENT);
        assertEquals(result.summary(), 63, result.imported());
        JTree tree = WorkstationScreen.onEdt(() -> (JTree) find(browser, JTree.class));
        WorkstationChecks.await("the imported study in the browser", () -> WorkstationScreen.onEdt(() -> {
            for (int row = 0; row < tree.getRowCount(); row++) {
                tree.expandRow(row);
            }
            for (int row = 0; row < tree.getRowCount(); row++) {
                if (String.valueOf(tree.getPathForRow(row).getLastPathComponent()).contains("63 images")) {
                    return true;
                }
            }
            return null;
        }));

        SwingUtilities.invokeAndWait(() -> Actions.forID("Window", "org.pointlearn.dicom.ui.pacs.PacsQueryTopComponent")
                .actionPerformed(null));
        TopComponent pacs = WorkstationChecks.await("the PACS query/retrieve window",
                () -> screen.shownWindow("PacsQueryTopComponent"));
        screen.save(screen.captureScreen(), "pacs-query.png");
        assertTrue(pacs.getWidth() > 200);

        SwingUtilities.invokeLater(() -> OptionsDisplayer.getDefault().open("Pointlearn/Pacs"));
        Dialog options = WorkstationChecks.await("the options dialog", () -> WorkstationScreen.onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Dialog d && d.isShowing() && d.getTitle().contains("Options")) {
                    return d;
                }
            }
            return null;
        }));
        Thread.sleep(2000);
        BufferedImage shot = screen.captureScreen();
        screen.save(shot, "pacs-options.png");
        SwingUtilities.invokeAndWait(options::dispose);
    }

    private static java.awt.Component find(java.awt.Container c, Class<?> type) {
        for (java.awt.Component child : c.getComponents()) {
            if (type.isInstance(child)) {
                return child;
            }
            if (child instanceof java.awt.Container k) {
                java.awt.Component found = find(k, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
