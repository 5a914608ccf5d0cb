package dev.psinfo.jconsole;

import java.awt.Component;
import java.awt.FontMetrics;
import java.util.List;
import java.util.Set;
import javax.swing.JTable;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;

/**
 * Column widths from what the columns hold: every column at least as wide as its header (never
 * elided to "…"), as wide as its widest sampled cell up to a cap by priority, the last column
 * taking what is left. Widths only grow across updates, so columns do not twitch.
 */
final class Columns {
  /** How many rows are measured. */
  static final int SAMPLE_ROWS = 300;

  /** Padding around a header's or cell's text, in pixels. */
  static final int PAD_PX = 14;

  /** The widest any column but the last grows from its content, in pixels. */
  static final int MAX_COLUMN_PX = 180;

  private Columns() {}

  /**
   * Fits the table's columns: each at least its header's width (its minimum) and its sampled
   * content's, at most {@link #MAX_COLUMN_PX}; the last column's preferred width is what the
   * viewport leaves (at least its header). The columns of {@code wholeModelColumns} (model indexes)
   * are never narrower than their content up to {@link #MAX_COLUMN_PX} either, so a shrinking table
   * squeezes the others first (a main class is read whole or not at all).
   */
  static void fit(JTable table, List<ProcessTableModel.Row> rows, Set<Integer> wholeModelColumns) {
    FontMetrics fm = table.getFontMetrics(table.getFont());
    int n = table.getColumnCount();
    int used = 0;
    for (int view = 0; view < n; view++) {
      TableColumn column = table.getColumnModel().getColumn(view);
      int model = column.getModelIndex();
      // room for the sort arrow too
      int header = headerWidth(table, column) + PAD_PX + 12;
      int content = 0;
      for (int i = 0; i < rows.size() && i < SAMPLE_ROWS; i++) {
        Cell c = rows.get(i).cells()[model];
        content = Math.max(content, fm.stringWidth(c.text()) + PAD_PX);
      }
      int width = Math.max(header, Math.min(content, MAX_COLUMN_PX));
      column.setMinWidth(wholeModelColumns.contains(model) ? width : header);
      if (view < n - 1) {
        if (width > column.getPreferredWidth() || column.getPreferredWidth() < header) {
          column.setPreferredWidth(width);
        }
        used += column.getPreferredWidth();
      } else {
        int room = table.getParent() == null ? 0 : table.getParent().getWidth() - used;
        column.setPreferredWidth(Math.max(header, Math.max(room, Math.min(content, 400))));
      }
    }
  }

  /** The sum of every column's minimum width (what the table needs before it scrolls). */
  static int minimumWidth(JTable table) {
    int sum = 0;
    for (int i = 0; i < table.getColumnCount(); i++) {
      sum += table.getColumnModel().getColumn(i).getMinWidth();
    }
    return sum;
  }

  private static int headerWidth(JTable table, TableColumn column) {
    TableCellRenderer r = column.getHeaderRenderer();
    if (r == null && table.getTableHeader() != null) {
      r = table.getTableHeader().getDefaultRenderer();
    }
    if (r == null) {
      return table
          .getFontMetrics(table.getFont())
          .stringWidth(String.valueOf(column.getHeaderValue()));
    }
    Component c =
        r.getTableCellRendererComponent(table, column.getHeaderValue(), false, false, -1, 0);
    return c.getPreferredSize().width;
  }
}
