package org.pointlearn.dicom.ui.pacs;

import java.util.List;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/** A read-only table of query matches: rows are matches, each column a function of a match. */
final class MatchTableModel<T> extends AbstractTableModel {

    private static final long serialVersionUID = 1L;

    private final String[] columns;
    private final transient List<Function<T, Object>> values;
    private transient List<T> rows = List.of();

    /**
     * @param columns the column titles
     * @param values what each column shows of a match
     */
    MatchTableModel(String[] columns, List<Function<T, Object>> values) {
        this.columns = columns.clone();
        this.values = List.copyOf(values);
    }

    /** Shows these matches. */
    void setRows(List<T> matches) {
        rows = List.copyOf(matches);
        fireTableDataChanged();
    }

    /** The match of a row. */
    T row(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        return values.get(column).apply(rows.get(row));
    }
}
