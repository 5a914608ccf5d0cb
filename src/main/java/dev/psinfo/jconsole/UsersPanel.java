package dev.psinfo.jconsole;

import dev.psinfo.view.Values;
import java.awt.BorderLayout;
import java.awt.event.HierarchyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.TableRowSorter;

/**
 * The Users tab: per-user totals from the ProcessTable's {@code Users} table (read in the same
 * {@code getAttributes} call as the processes), sortable by any column. Event thread only; data
 * from {@link #show}.
 */
final class UsersPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  /** The most users the tab holds. */
  static final int MAX_USERS = 10_000;

  /** The columns: header, the Users row's item, numeric. */
  enum Column {
    USER("USER", "user"),
    PROCESSES("PROCS", "processCount"),
    THREADS("THR", "threadCount"),
    CPU("%CPU", "cpuPercent"),
    RSS("RSS", "rssBytes"),
    VSZ("VSZ", "vszBytes"),
    TIME("TIME", "cpuTimeMillis");

    final String header;
    final String item;

    Column(String header, String item) {
      this.header = header;
      this.item = item;
    }
  }

  /** The model: one row of cells per user. */
  static final class Model extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private transient List<Cell[]> rows = List.of();

    void setRows(List<Cell[]> rows) {
      this.rows = List.copyOf(rows);
      fireTableDataChanged();
    }

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return Column.values().length;
    }

    @Override
    public String getColumnName(int column) {
      return Column.values()[column].header;
    }

    @Override
    public Class<?> getColumnClass(int column) {
      return Cell.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
      return rows.get(row)[column];
    }
  }

  private final Model model = new Model();
  private final Plain.Table table = new Plain.Table(model);
  private final JLabel status = Plain.label("waiting for the first read…");

  UsersPanel() {
    super(new BorderLayout());
    setName("psinfo.users");
    table.setName("psinfo.users.table");
    TableRowSorter<Model> sorter = new TableRowSorter<>(model);
    sorter.setSortKeys(List.of(new RowSorter.SortKey(Column.CPU.ordinal(), SortOrder.DESCENDING)));
    sorter.setSortsOnUpdates(true);
    table.setRowSorter(sorter);
    table.setAutoResizeMode(JTable.AUTO_RESIZE_ALL_COLUMNS);
    for (Column c : Column.values()) {
      if (c != Column.USER) {
        table.getColumnModel().getColumn(c.ordinal()).setCellRenderer(table.right());
      }
    }
    add(new JScrollPane(table), BorderLayout.CENTER);
    status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    add(status, BorderLayout.SOUTH);
    addHierarchyListener(
        e -> {
          if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
            PsinfoViews.trace(traceLine("shown"));
          }
        });
  }

  /** The cells of a {@code Users} table, at most {@link #MAX_USERS} rows; any thread. */
  static List<Cell[]> rows(Object users) {
    List<Cell[]> out = new ArrayList<>();
    if (!(users instanceof TabularData table)) {
      return out;
    }
    for (Object o : table.values()) {
      if (out.size() >= MAX_USERS) {
        break;
      }
      if (!(o instanceof CompositeData row)) {
        continue;
      }
      Cell[] cells = new Cell[Column.values().length];
      for (Column c : Column.values()) {
        Object v = row.containsKey(c.item) ? row.get(c.item) : null;
        cells[c.ordinal()] = cell(c, v);
      }
      out.add(cells);
    }
    return out;
  }

  private static Cell cell(Column c, Object v) {
    if (c == Column.USER) {
      return v instanceof String s && !s.isEmpty()
          ? new Cell(Plain.cap(s, ProcessEntry.MAX_TEXT_CHARS), Plain.text(s))
          : Cell.NOT_AVAILABLE;
    }
    if (!(v instanceof Long || v instanceof Integer || v instanceof Double)
        || !Values.available(c.item, v)) {
      return Cell.NOT_AVAILABLE;
    }
    Number n = (Number) v;
    return switch (c) {
      case CPU -> new Cell(n.doubleValue(), Values.percent(n.doubleValue()));
      case RSS, VSZ -> new Cell(n.longValue(), Values.size(n.longValue()));
      case TIME -> new Cell(n.longValue(), Values.cpuTime(n.longValue()));
      default -> new Cell(n.longValue(), Values.count(n.longValue()));
    };
  }

  /** Shows a read of the Users table. */
  void show(List<Cell[]> rows, String readAt) {
    model.setRows(rows);
    status.setText(rows.size() + " users  ·  read at " + readAt);
    if (isShowing()) {
      PsinfoViews.trace(traceLine("updated"));
    }
  }

  /** Says that the last read failed; the previous rows stay. */
  void showError(String message) {
    status.setText("read failed: " + Plain.text(message));
  }

  /** What the trace says about this tab (the JConsole IT reads it). */
  String traceLine(String event) {
    StringBuilder s = new StringBuilder("Users tab ").append(event).append(": ");
    s.append(table.getRowCount()).append(" users");
    if (table.getRowCount() > 0) {
      s.append(", first ").append(table.getValueAt(0, Column.USER.ordinal()));
    }
    return s.toString();
  }

  /** The table (tests and the IT's clicks). */
  JTable table() {
    return table;
  }
}
