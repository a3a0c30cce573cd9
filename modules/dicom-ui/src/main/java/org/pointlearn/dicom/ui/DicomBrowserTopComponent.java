package org.pointlearn.dicom.ui;

import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.event.ChangeListener;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.StatusDisplayer;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesOpener;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;

/**
 * The DICOM browser: the patients, studies and series of the local study index as a tree.
 * Double-click or Enter on a series opens it in the viewer.
 */
@ConvertAsProperties(dtd = "-//org.pointlearn.dicom.ui//DicomBrowser//EN", autostore = false)
@TopComponent.Description(preferredID = "DicomBrowserTopComponent",
        persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "explorer", openAtStartup = true, position = 100)
@ActionID(category = "Window", id = "org.pointlearn.dicom.ui.DicomBrowserTopComponent")
@ActionReference(path = "Menu/Window", position = 100)
@TopComponent.OpenActionRegistration(displayName = "#CTL_DicomBrowserAction",
        preferredID = "DicomBrowserTopComponent")
@Messages({
    "CTL_DicomBrowserAction=DICOM Browser",
    "CTL_DicomBrowserTopComponent=DICOM Browser",
    "HINT_DicomBrowserTopComponent=Patients, studies and series of the local study index",
    "LBL_filter=Filter:",
    "HINT_filter=Show only patients, studies and series containing this text",
    "MSG_loading=Reading the study index…",
    "MSG_empty=No studies in the index yet",
    "# {0} - number of studies",
    "MSG_studies={0,choice,1#1 study|1<{0} studies}",
    "# {0} - filter text",
    "# {1} - number of studies",
    "MSG_noMatch=No study matches \"{0}\" (of {1})",
    "# {0} - studies shown",
    "# {1} - number of studies",
    "MSG_someMatch={0} of {1} studies match",
    "# {0} - what went wrong",
    "MSG_indexFailed=Cannot read the study index: {0}",
    "MSG_noViewer=No viewer is installed to open series",
    "CTL_deleteStudy=Delete Study…",
})
public final class DicomBrowserTopComponent extends TopComponent {

    private static final Logger LOG = Logger.getLogger(DicomBrowserTopComponent.class.getName());
    private static final RequestProcessor LOADER = new RequestProcessor(DicomBrowserTopComponent.class);
    private static final int REFRESH_DELAY_MS = 200;

    private final StudyIndex index;
    private final Supplier<SeriesOpener> openers;
    private final JTree tree = new JTree(StudyTree.build(List.of(), ""));
    private final JTextField filter = new JTextField();
    private final JLabel status = new JLabel(Bundle.MSG_loading());
    private final SlicePreview preview;
    private final RequestProcessor.Task refresh = LOADER.create(this::loadStudies);
    private final ChangeListener indexChanged = e -> refresh.schedule(REFRESH_DELAY_MS);
    private List<IndexedStudy> studies = List.of();

    /** The browser of the workstation's study index, opening series in the installed viewer. */
    public DicomBrowserTopComponent() {
        this(StudyIndex.getDefault(), () -> Lookup.getDefault().lookup(SeriesOpener.class));
    }

    /**
     * @param index the index to browse
     * @param openers finds the opener of series when one is to be opened (null when none)
     */
    DicomBrowserTopComponent(StudyIndex index, Supplier<SeriesOpener> openers) {
        this.index = index;
        this.openers = openers;
        setName(Bundle.CTL_DicomBrowserTopComponent());
        setToolTipText(Bundle.HINT_DicomBrowserTopComponent());
        setLayout(new BorderLayout());
        add(filterBar(), BorderLayout.NORTH);
        add(new JScrollPane(tree), BorderLayout.CENTER);
        status.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        preview = new SlicePreview(index);
        JPanel south = new JPanel(new BorderLayout());
        south.add(preview, BorderLayout.CENTER);
        south.add(status, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
        configureTree();
        tree.addTreeSelectionListener(e -> preview.show(seriesAt(e.getNewLeadSelectionPath())));
        tree.setComponentPopupMenu(studyMenu());
    }

    private JPanel filterBar() {
        JLabel label = new JLabel(Bundle.LBL_filter());
        label.setLabelFor(filter);
        label.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 4));
        filter.setToolTipText(Bundle.HINT_filter());
        filter.getDocument().addDocumentListener(new FilterListener());
        JPanel bar = new JPanel(new BorderLayout());
        bar.add(label, BorderLayout.WEST);
        bar.add(filter, BorderLayout.CENTER);
        return bar;
    }

    private void configureTree() {
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && tree.getPathForLocation(e.getX(), e.getY()) != null) {
                    openSelectedSeries();
                }
            }
        });
        tree.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "openSeries");
        tree.getActionMap().put("openSeries", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                TreePath path = tree.getSelectionPath();
                if (seriesAt(path) != null) {
                    openSelectedSeries();
                } else if (path != null && tree.isExpanded(path)) {
                    tree.collapsePath(path);
                } else if (path != null) {
                    tree.expandPath(path);
                }
            }
        });
    }

    private JPopupMenu studyMenu() {
        JPopupMenu menu = new JPopupMenu();
        JMenuItem delete = new JMenuItem(Bundle.CTL_deleteStudy());
        delete.addActionListener(e -> deleteSelectedStudy());
        menu.add(delete);
        delete.setEnabled(false);
        tree.addTreeSelectionListener(e -> delete.setEnabled(studyAt(e.getNewLeadSelectionPath()) != null));
        return menu;
    }

    /** Asks to delete the study of the selected study or series node. */
    void deleteSelectedStudy() {
        IndexedStudy study = studyAt(tree.getSelectionPath());
        if (study != null) {
            StudyDeletion.confirmAndDelete(index, study);
        }
    }

    @Override
    protected void componentOpened() {
        index.addChangeListener(indexChanged);
        refresh.schedule(0);
    }

    @Override
    protected void componentClosed() {
        index.removeChangeListener(indexChanged);
    }

    /** The tree, for tests. */
    JTree tree() {
        return tree;
    }

    /** The filter field, for tests. */
    JTextField filter() {
        return filter;
    }

    /** Opens the selected series, if a series is selected. */
    void openSelectedSeries() {
        SeriesRef series = seriesAt(tree.getSelectionPath());
        if (series == null) {
            return;
        }
        SeriesOpener opener = openers.get();
        if (opener == null) {
            StatusDisplayer.getDefault().setStatusText(Bundle.MSG_noViewer());
            status.setText(Bundle.MSG_noViewer());
            return;
        }
        opener.open(series);
    }

    /** Runs on the loader thread. */
    private void loadStudies() {
        try {
            List<IndexedStudy> loaded = index.studies();
            EventQueue.invokeLater(() -> show(loaded));
        } catch (DicomException e) {
            LOG.log(Level.WARNING, "Cannot read the study index", e);
            EventQueue.invokeLater(() -> status.setText(Bundle.MSG_indexFailed(e.getMessage())));
        }
    }

    private void show(List<IndexedStudy> loaded) {
        studies = loaded;
        rebuildTree();   // also says how many studies there are (and match the filter)
    }

    private void rebuildTree() {
        SeriesRef selected = seriesAt(tree.getSelectionPath());
        javax.swing.tree.DefaultTreeModel model = StudyTree.build(studies, filter.getText());
        tree.setModel(model);
        int shown = StudyTree.studiesShown(model);
        status.setText(studies.isEmpty() ? Bundle.MSG_empty() : filter.getText().isBlank() ? Bundle.MSG_studies(studies.size())
                : shown == 0 ? Bundle.MSG_noMatch(filter.getText().strip(), studies.size())
                : Bundle.MSG_someMatch(shown, studies.size()));
        for (int row = 0; row < tree.getRowCount(); row++) {
            tree.expandRow(row);
        }
        for (int row = 0; selected != null && row < tree.getRowCount(); row++) {
            SeriesRef series = seriesAt(tree.getPathForRow(row));
            if (series != null && series.seriesInstanceUid().equals(selected.seriesInstanceUid())) {
                tree.setSelectionRow(row);
            }
        }
    }

    /** The words under the tree: how many studies there are, or match the filter. */
    String statusText() {
        return status.getText();
    }

    /** The study of a study or series node, or null. */
    private static IndexedStudy studyAt(TreePath path) {
        return path != null && path.getLastPathComponent() instanceof DefaultMutableTreeNode node
                && node.getUserObject() instanceof BrowserEntry entry ? entry.study() : null;
    }

    /** The series a tree path leads to, or null for patients, studies and no path. */
    private static SeriesRef seriesAt(TreePath path) {
        return path != null && path.getLastPathComponent() instanceof DefaultMutableTreeNode node
                && node.getUserObject() instanceof BrowserEntry entry ? entry.series() : null;
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(Properties p) {
        // Nothing to restore: the tree always shows the index as it is now.
    }

    /** Re-filters the tree as the user types. */
    private final class FilterListener implements DocumentListener {

        @Override
        public void insertUpdate(DocumentEvent e) {
            rebuildTree();
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            rebuildTree();
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
            rebuildTree();
        }
    }
}
