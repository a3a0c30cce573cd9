package org.pointlearn.dicom.ui.pacs;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.PacsService;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyMatch;
import org.pointlearn.dicom.api.StudyQuery;
import org.pointlearn.dicom.pacs.PacsPreferences;

/** PACS query/retrieve: find studies on a configured node with filters, list their series, retrieve either. */
@TopComponent.Description(preferredID = "PacsQueryTopComponent", persistenceType = TopComponent.PERSISTENCE_NEVER)
// In the editor area, as a tab beside the viewer: large enough for its search fields and results
// whatever else is open (the bottom "output" mode was squeezed or hidden).
@TopComponent.Registration(mode = "editor", openAtStartup = false)
@ActionID(category = "Window", id = "org.pointlearn.dicom.ui.pacs.PacsQueryTopComponent")
@ActionReference(path = "Menu/Window", position = 110)
@TopComponent.OpenActionRegistration(displayName = "#CTL_PacsQueryAction", preferredID = "PacsQueryTopComponent")
@Messages({
    "CTL_PacsQueryAction=PACS Query/Retrieve", "CTL_PacsQueryTopComponent=PACS",
    "LBL_node=PACS:", "LBL_name=Patient name:", "LBL_id=ID:", "LBL_from=From (YYYYMMDD):", "LBL_to=To:",
    "LBL_modality=Modality:", "LBL_accession=Accession:", "BTN_search=Search", "BTN_retrieveStudy=Retrieve Study",
    "BTN_retrieveSeries=Retrieve Series", "MSG_noNodes=No PACS configured: add one in Tools > Options > Pointlearn > PACS",
    "# {0} - count", "MSG_found={0,choice,0#No study found|1#1 study|1<{0} studies}",
    "COL_patient=Patient", "COL_patientId=ID", "COL_date=Date", "COL_description=Description",
    "COL_modalities=Modalities", "COL_images=Images", "COL_number=No.", "COL_modality=Modality",
})
public final class PacsQueryTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PacsQueryTopComponent.class.getName());
    private static final RequestProcessor QUERIES = new RequestProcessor(PacsQueryTopComponent.class.getName(), 1);

    private final JComboBox<PacsNode> nodes = new JComboBox<>();
    private final JTextField name = new JTextField(10);
    private final JTextField id = new JTextField(8);
    private final JTextField from = new JTextField(7);
    private final JTextField to = new JTextField(7);
    private final JTextField modality = new JTextField(3);
    private final JTextField accession = new JTextField(8);
    private final JLabel status = new JLabel(" ");
    private final MatchTableModel<StudyMatch> studies = new MatchTableModel<>(new String[] {Bundle.COL_patient(),
        Bundle.COL_patientId(), Bundle.COL_date(), Bundle.COL_description(), Bundle.COL_modalities(),
        Bundle.COL_images()}, List.<Function<StudyMatch, Object>>of(StudyMatch::patientName, StudyMatch::patientId,
            StudyMatch::studyDate, StudyMatch::description, StudyMatch::modalities, StudyMatch::instances));
    private final MatchTableModel<SeriesMatch> series = new MatchTableModel<>(new String[] {Bundle.COL_number(),
        Bundle.COL_modality(), Bundle.COL_description(), Bundle.COL_images()},
            List.<Function<SeriesMatch, Object>>of(SeriesMatch::seriesNumber, SeriesMatch::modality,
                    SeriesMatch::description, SeriesMatch::instances));
    private final JTable studyTable = new JTable(studies);
    private final JTable seriesTable = new JTable(series);

    /** The window, with the configured nodes. */
    public PacsQueryTopComponent() {
        setName(Bundle.CTL_PacsQueryTopComponent());
        setLayout(new BorderLayout());
        nodes.setRenderer(new NodeRenderer());
        add(filters(), BorderLayout.NORTH);
        studyTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        seriesTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        studyTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                loadSeries();
            }
        });
        add(new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(studyTable), new JScrollPane(seriesTable)),
                BorderLayout.CENTER);
        add(actions(), BorderLayout.SOUTH);
    }

    private JPanel filters() {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING));
        Object[] parts = {Bundle.LBL_node(), nodes, Bundle.LBL_name(), name, Bundle.LBL_id(), id, Bundle.LBL_from(),
            from, Bundle.LBL_to(), to, Bundle.LBL_modality(), modality, Bundle.LBL_accession(), accession};
        for (Object part : parts) {
            bar.add(part instanceof String text ? new JLabel(text) : (Component) part);
        }
        JButton search = new JButton(Bundle.BTN_search());
        search.addActionListener(e -> search());
        bar.add(search);
        return bar;
    }

    private JPanel actions() {
        JButton retrieveStudy = new JButton(Bundle.BTN_retrieveStudy());
        retrieveStudy.addActionListener(e -> retrieve(false));
        JButton retrieveSeries = new JButton(Bundle.BTN_retrieveSeries());
        retrieveSeries.addActionListener(e -> retrieve(true));
        JPanel bar = new JPanel(new BorderLayout());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(retrieveStudy);
        buttons.add(retrieveSeries);
        bar.add(status, BorderLayout.CENTER);
        bar.add(buttons, BorderLayout.EAST);
        return bar;
    }

    @Override
    protected void componentOpened() {
        List<PacsNode> configured = PacsPreferences.nodes();
        nodes.setModel(new DefaultComboBoxModel<>(configured.toArray(PacsNode[]::new)));
        status.setText(configured.isEmpty() ? Bundle.MSG_noNodes() : " ");
    }

    private void search() {
        PacsNode node = (PacsNode) nodes.getSelectedItem();
        if (node == null) {
            status.setText(Bundle.MSG_noNodes());
            return;
        }
        StudyQuery query;
        try {
            query = new StudyQuery(name.getText(), id.getText(), from.getText(), to.getText(), modality.getText(),
                    accession.getText());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        QUERIES.post(() -> {
            try {
                List<StudyMatch> found = PacsService.getDefault().findStudies(node, query);
                EventQueue.invokeLater(() -> {
                    studies.setRows(found);
                    series.setRows(List.of());
                    status.setText(Bundle.MSG_found(found.size()));
                });
            } catch (PacsException e) {
                report(e);
            }
        });
    }

    private void loadSeries() {
        PacsNode node = (PacsNode) nodes.getSelectedItem();
        StudyMatch study = selectedStudy();
        if (node == null || study == null) {
            return;
        }
        QUERIES.post(() -> {
            try {
                List<SeriesMatch> found = PacsService.getDefault().findSeries(node, study.studyInstanceUid());
                EventQueue.invokeLater(() -> series.setRows(found));
            } catch (PacsException e) {
                report(e);
            }
        });
    }

    private void retrieve(boolean onlySeries) {
        PacsNode node = (PacsNode) nodes.getSelectedItem();
        StudyMatch study = selectedStudy();
        int seriesRow = seriesTable.getSelectedRow();
        if (node == null || study == null || (onlySeries && seriesRow < 0)) {
            return;
        }
        String seriesUid = onlySeries ? series.row(seriesTable.convertRowIndexToModel(seriesRow)).seriesInstanceUid() : "";
        new RetrieveJob(node, study.studyInstanceUid(), seriesUid, status::setText).start();
    }

    private StudyMatch selectedStudy() {
        int row = studyTable.getSelectedRow();
        return row < 0 ? null : studies.row(studyTable.convertRowIndexToModel(row));
    }

    private void report(PacsException e) {
        LOG.log(Level.INFO, "PACS query failed", e);
        EventQueue.invokeLater(() -> status.setText(e.getMessage()));
    }

    /** Shows a node as "NAME (AE@host:port)". */
    private static final class NodeRenderer extends DefaultListCellRenderer {

        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                boolean focused) {
            return super.getListCellRendererComponent(list, value instanceof PacsNode n ? n.describe() : value, index,
                    selected, focused);
        }
    }
}
