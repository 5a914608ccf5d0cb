package dev.psinfo.jconsole;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.event.HierarchyEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.ListSelectionModel;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableColumn;
import javax.swing.table.TableRowSorter;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/**
 * The Processes tab: a live, sortable, filterable table like {@code top}; the selected process's
 * every field and its descendants below. Built and changed on the event thread only; the data comes
 * from {@link #show}.
 */
final class ProcessesPanel extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final transient ZoneId zone;
  private final ProcessTableModel model;
  private final transient TableRowSorter<ProcessTableModel> sorter;
  private final JTable table;
  private final JTextField filterField = new JTextField(28);
  private final JLabel status = new JLabel("waiting for the first read…");
  private final JLabel problem = new JLabel(" ");
  private final DefaultTableModel details =
      new DefaultTableModel(new Object[] {"Field", "Value"}, 0);
  private final DefaultTreeModel tree = new DefaultTreeModel(new DefaultMutableTreeNode(""));
  private final JTree descendants = new JTree(tree);
  private final JPanel treePanel = new JPanel(new BorderLayout());
  private transient RegexRowFilter filter;
  private transient Psinfo.Processes last;
  private long selectedPid = -1;

  ProcessesPanel(ZoneId zone) {
    super(new BorderLayout());
    this.zone = zone;
    this.model = new ProcessTableModel(zone);
    this.sorter = new TableRowSorter<>(model);
    sorter.setSortKeys(
        List.of(
            new RowSorter.SortKey(ProcessTableModel.Column.CPU.ordinal(), SortOrder.DESCENDING)));
    sorter.setSortsOnUpdates(true);
    this.table = new JTable(model);
    table.setName("psinfo.processes");
    table.setRowSorter(sorter);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
    table.setFillsViewportHeight(true);
    DefaultTableCellRenderer right = new DefaultTableCellRenderer();
    right.setHorizontalAlignment(SwingConstants.RIGHT);
    int[] widths = {70, 90, 130, 110, 60, 80, 80, 50, 140, 80, 500};
    for (int i = 0; i < model.getColumnCount(); i++) {
      TableColumn c = table.getColumnModel().getColumn(i);
      c.setPreferredWidth(widths[i]);
      if (ProcessTableModel.column(i).numeric) {
        c.setCellRenderer(right);
      }
    }
    table
        .getSelectionModel()
        .addListSelectionListener(
            e -> {
              if (!e.getValueIsAdjusting()) {
                int view = table.getSelectedRow();
                if (view >= 0) {
                  selectedPid = model.row(table.convertRowIndexToModel(view)).pid();
                  showSelected();
                }
              }
            });

    JPanel top = new JPanel(new BorderLayout());
    JPanel filterRow = new JPanel(new FlowLayout(FlowLayout.LEFT));
    filterRow.add(new JLabel("Filter (regex on name, args, user):"));
    filterField.setName("psinfo.filter");
    filterRow.add(filterField);
    problem.setForeground(new Color(0xB0, 0x00, 0x20));
    filterRow.add(problem);
    top.add(filterRow, BorderLayout.WEST);
    status.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 8));
    top.add(status, BorderLayout.EAST);
    add(top, BorderLayout.NORTH);
    filterField
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                applyFilter();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                applyFilter();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                applyFilter();
              }
            });

    JTable detailTable = new JTable(details);
    detailTable.setName("psinfo.details");
    detailTable.setDefaultEditor(Object.class, null);
    detailTable.getColumnModel().getColumn(0).setPreferredWidth(260);
    detailTable.getColumnModel().getColumn(1).setPreferredWidth(400);
    JScrollPane detailScroll = new JScrollPane(detailTable);
    detailScroll.setBorder(BorderFactory.createTitledBorder("Selected process"));
    descendants.setName("psinfo.descendants");
    treePanel.add(new JScrollPane(descendants));
    treePanel.setBorder(BorderFactory.createTitledBorder("Descendants"));
    JSplitPane bottom = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, detailScroll, treePanel);
    bottom.setResizeWeight(0.55);
    JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), bottom);
    split.setResizeWeight(0.62);
    add(split, BorderLayout.CENTER);
    table.setFont(table.getFont().deriveFont(Font.PLAIN));
    addHierarchyListener(
        e -> {
          if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
            PsinfoViews.trace(traceLine("shown"));
          }
        });
  }

  /**
   * Shows a new read of the table, keeping the sort, the filter and the selected process; the first
   * time, selects {@code defaultPid} (the connected JVM) when it is there.
   */
  void show(Psinfo.Processes processes, long defaultPid) {
    last = processes;
    if (filter != null) {
      filter.startPass();
    }
    model.setRows(processes.rows(), processes.snapshotTimeMillis());
    boolean first = selectedPid < 0;
    if (first && model.indexOfPid(defaultPid) >= 0) {
      selectedPid = defaultPid;
    }
    reselect();
    if (first && table.getSelectedRow() >= 0) {
      table.scrollRectToVisible(table.getCellRect(table.getSelectedRow(), 0, true));
    }
    showStatus();
    showSelected();
    if (isShowing()) {
      PsinfoViews.trace(traceLine("updated"));
    }
  }

  /** What the trace says about this tab (the JConsole IT reads it). */
  String traceLine(String event) {
    return "Processes tab "
        + event
        + ": "
        + table.getRowCount()
        + " rows, selected pid "
        + selectedPid
        + ", "
        + details.getRowCount()
        + " fields, "
        + Descendants.count((DefaultMutableTreeNode) tree.getRoot())
        + " descendants";
  }

  /** Says that the last read failed; the previous rows stay. */
  void showError(String message) {
    status.setText("read failed: " + message);
  }

  /** The status line for a read. */
  static String status(int shown, int rows, int processCount, long snapshotMillis, ZoneId zone) {
    StringBuilder s = new StringBuilder();
    s.append(shown == rows ? shown + " processes" : shown + " of " + rows + " processes");
    if (processCount > rows) {
      s.append(" (the agent's maxRows cuts ").append(processCount).append(')');
    }
    if (snapshotMillis >= 0) {
      s.append("  ·  snapshot ")
          .append(CLOCK.format(Instant.ofEpochMilli(snapshotMillis).atZone(zone)));
    }
    return s.toString();
  }

  /** The detail lines of one process: every item, labelled and formatted. */
  static List<String[]> detailLines(ProcessEntry p, ZoneId zone) {
    List<String[]> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : p.items().entrySet()) {
      out.add(
          new String[] {
            Format.label(e.getKey()) + "  (" + e.getKey() + ")",
            Format.item(e.getKey(), e.getValue(), zone)
          });
    }
    return out;
  }

  private void applyFilter() {
    try {
      filter = RegexRowFilter.of(filterField.getText());
      problem.setText(" ");
    } catch (IllegalArgumentException e) {
      filter = null;
      problem.setText(e.getMessage());
    }
    sorter.setRowFilter(filter);
    reselect();
    showStatus();
    PsinfoViews.trace(
        "Processes tab filtered '" + filterField.getText() + "': " + table.getRowCount() + " rows");
  }

  /** The filter box's centre on the screen, or null when it is not showing. */
  java.awt.Point filterOnScreen() {
    if (!filterField.isShowing()) {
      return null;
    }
    java.awt.Point p = filterField.getLocationOnScreen();
    return new java.awt.Point(p.x + filterField.getWidth() / 2, p.y + filterField.getHeight() / 2);
  }

  private void reselect() {
    if (selectedPid < 0) {
      return;
    }
    int index = model.indexOfPid(selectedPid);
    int view = index < 0 ? -1 : table.convertRowIndexToView(index);
    if (view >= 0) {
      table.getSelectionModel().setSelectionInterval(view, view);
    }
  }

  private void showStatus() {
    if (last == null) {
      return;
    }
    status.setText(
        status(
            table.getRowCount(),
            model.getRowCount(),
            last.processCount(),
            last.snapshotTimeMillis(),
            zone));
    if (filter != null && filter.gaveUp()) {
      problem.setText("the regex took too long: the rest of the rows are shown unfiltered");
    }
  }

  private void showSelected() {
    if (selectedPid < 0) {
      return;
    }
    int index = model.indexOfPid(selectedPid);
    details.setRowCount(0);
    if (index < 0) {
      details.addRow(new Object[] {"PID", selectedPid + " (no longer in the table)"});
      tree.setRoot(new DefaultMutableTreeNode(""));
      return;
    }
    for (String[] line : detailLines(model.row(index), zone)) {
      details.addRow(line);
    }
    DefaultMutableTreeNode root = Descendants.tree(model.rows(), selectedPid);
    tree.setRoot(root);
    for (int i = 0; i < descendants.getRowCount() && i < 500; i++) {
      descendants.expandRow(i);
    }
    treePanel.setBorder(
        BorderFactory.createTitledBorder(
            "Descendants of " + selectedPid + " (" + Descendants.count(root) + ")"));
  }
}
