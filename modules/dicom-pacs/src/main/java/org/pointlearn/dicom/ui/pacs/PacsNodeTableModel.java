package org.pointlearn.dicom.ui.pacs;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveMethod;

/** The editable table of PACS nodes in the Options panel: one row per node, one column per setting. */
@Messages({
    "COL_name=Name", "COL_ae=AE title", "COL_host=Host", "COL_port=Port", "COL_callingAe=Our (calling) AE",
    "COL_method=Retrieve by", "COL_webUrl=DICOMweb URL",
})
final class PacsNodeTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {Bundle.COL_name(), Bundle.COL_ae(), Bundle.COL_host(), Bundle.COL_port(),
        Bundle.COL_callingAe(), Bundle.COL_method(), Bundle.COL_webUrl()};

    private final List<Object[]> rows = new ArrayList<>();

    /** Shows these nodes, replacing the rows. */
    void setNodes(List<PacsNode> nodes) {
        rows.clear();
        for (PacsNode n : nodes) {
            rows.add(new Object[] {n.name(), n.aeTitle(), n.host(), n.port(), n.callingAeTitle(), n.retrieveMethod(),
                n.webUrl()});
        }
        fireTableDataChanged();
    }

    /** Adds a row with defaults for a node on this machine. */
    void addRow(String callingAe) {
        rows.add(new Object[] {"PACS" + (rows.size() + 1), "ORTHANC", "localhost", 4242, callingAe,
            RetrieveMethod.C_GET, ""});
        fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
    }

    /** Removes a row. */
    void removeRow(int row) {
        rows.remove(row);
        fireTableRowsDeleted(row, row);
    }

    /**
     * The node of a row.
     *
     * @throws IllegalArgumentException naming the row and the invalid value
     */
    PacsNode node(int row) {
        Object[] r = rows.get(row);
        return new PacsNode(text(r[0]), text(r[1]), text(r[2]), (Integer) r[3], text(r[4]), (RetrieveMethod) r[5],
                text(r[6]));
    }

    /**
     * Every node.
     *
     * @throws IllegalArgumentException for the first invalid row
     */
    List<PacsNode> nodes() {
        List<PacsNode> nodes = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            nodes.add(node(row));
        }
        return nodes;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 3 ? Integer.class : column == 5 ? RetrieveMethod.class : String.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return true;
    }

    @Override
    public Object getValueAt(int row, int column) {
        return rows.get(row)[column];
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        rows.get(row)[column] = value;
        fireTableCellUpdated(row, column);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().strip();
    }
}
