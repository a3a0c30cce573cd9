package org.pointlearn.dicom.ui.pacs;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.PacsService;
import org.pointlearn.dicom.api.RetrieveMethod;
import org.pointlearn.dicom.pacs.PacsPreferences;

/** Options > Pointlearn > PACS: the nodes, our AE title, the store SCP's port, the deadline, and a C-ECHO test. */
@Messages({
    "BTN_add=Add", "BTN_remove=Remove", "BTN_test=Test Connection",
    "LBL_storeAe=Our AE title (C-MOVE destination):", "LBL_storePort=Store SCP port:",
    "LBL_timeout=Deadline of one PACS call (s):",
    "# {0} - node", "MSG_testing=Testing {0}\u2026",
    "# {0} - node", "# {1} - milliseconds", "MSG_echoOk={0} answered the C-ECHO in {1} ms.",
    "MSG_selectNode=Select a node to test.",
})
final class PacsOptionsPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PacsOptionsPanel.class.getName());
    private static final RequestProcessor TESTS = new RequestProcessor(PacsOptionsPanel.class.getName(), 1);

    private final PacsNodeTableModel model = new PacsNodeTableModel();
    private final JTable table = new JTable(model);
    private final JTextField storeAe = new JTextField(16);
    private final JSpinner storePort = new JSpinner(new SpinnerNumberModel(PacsPreferences.DEFAULT_STORE_PORT, 1,
            65535, 1));
    private final JSpinner timeout = new JSpinner(new SpinnerNumberModel(PacsPreferences.DEFAULT_TIMEOUT_SECONDS, 1,
            3600, 1));
    private final JLabel testResult = new JLabel(" ");

    /** Builds the panel, empty until {@link #load()}. */
    PacsOptionsPanel() {
        super(new BorderLayout(0, 6));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setDefaultEditor(RetrieveMethod.class, new DefaultCellEditor(new JComboBox<>(RetrieveMethod.values())));
        // Narrow enough for the Options dialog at its smallest: wide tables scroll inside, never the buttons away.
        table.setPreferredScrollableViewportSize(new Dimension(420, 140));
        // Port numbers and seconds read as plain numbers, not "11,112".
        storePort.setEditor(new JSpinner.NumberEditor(storePort, "#"));
        timeout.setEditor(new JSpinner.NumberEditor(timeout, "#"));
        JPanel nodes = new JPanel(new BorderLayout(0, 4));
        nodes.add(new JScrollPane(table), BorderLayout.CENTER);
        nodes.add(buttons(), BorderLayout.SOUTH);   // under the table: always in view, whatever its width
        add(nodes, BorderLayout.CENTER);
        add(localSettings(), BorderLayout.SOUTH);
    }

    private JPanel buttons() {
        JButton add = new JButton(Bundle.BTN_add());
        add.addActionListener(e -> model.addRow(storeAe.getText().strip()));
        JButton remove = new JButton(Bundle.BTN_remove());
        remove.addActionListener(e -> {
            if (table.getSelectedRow() >= 0) {
                model.removeRow(table.convertRowIndexToModel(table.getSelectedRow()));
            }
        });
        JButton test = new JButton(Bundle.BTN_test());
        test.addActionListener(e -> testSelected());
        add.setName("pointlearn.pacs.add");
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        row.add(add);
        row.add(remove);
        row.add(test);
        return row;
    }

    private JPanel localSettings() {
        JPanel fields = new JPanel(new GridLayout(0, 1));
        fields.add(row(new JLabel(Bundle.LBL_storeAe()), storeAe));
        fields.add(row(new JLabel(Bundle.LBL_storePort()), storePort, new JLabel(Bundle.LBL_timeout()), timeout));
        JPanel south = new JPanel(new BorderLayout());
        south.add(fields, BorderLayout.NORTH);
        testResult.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        south.add(testResult, BorderLayout.SOUTH);
        return south;
    }

    private static JPanel row(java.awt.Component... parts) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEADING));
        for (java.awt.Component c : parts) {
            row.add(c);
        }
        return row;
    }

    /** Shows the saved settings. */
    void load() {
        model.setNodes(PacsPreferences.nodes());
        storeAe.setText(PacsPreferences.storeAeTitle());
        storePort.setValue(PacsPreferences.storePort());
        timeout.setValue(PacsPreferences.timeoutSeconds());
    }

    /**
     * Saves what is shown.
     *
     * @throws IllegalArgumentException when a node is invalid
     * @throws BackingStoreException when the preferences cannot be written
     */
    void store() throws BackingStoreException {
        PacsPreferences.saveNodes(model.nodes());
        PacsPreferences.saveLocal(storeAe.getText().strip(), (Integer) storePort.getValue(), (Integer) timeout.getValue());
    }

    /** Why the shown settings cannot be saved, or null when they can. */
    String problem() {
        try {
            model.nodes();
            return storeAe.getText().isBlank() ? Bundle.LBL_storeAe() + " ?" : null;
        } catch (IllegalArgumentException | ClassCastException e) {
            return e.getMessage();
        }
    }

    private void testSelected() {
        int row = table.getSelectedRow();
        if (row < 0) {
            testResult.setText(Bundle.MSG_selectNode());
            return;
        }
        PacsNode node;
        try {
            node = model.node(table.convertRowIndexToModel(row));
        } catch (IllegalArgumentException e) {
            testResult.setText(e.getMessage());
            return;
        }
        testResult.setText(Bundle.MSG_testing(node.describe()));
        TESTS.post(() -> {
            long start = System.nanoTime();
            String text;
            try {
                PacsService.getDefault().echo(node);
                text = Bundle.MSG_echoOk(node.describe(), (System.nanoTime() - start) / 1_000_000);
            } catch (PacsException e) {
                LOG.log(Level.INFO, "C-ECHO to " + node.describe() + " failed", e);
                text = e.getMessage();
            }
            String shown = text;
            EventQueue.invokeLater(() -> testResult.setText(shown));
        });
    }
}
