package dev.psinfo.jconsole;

import dev.psinfo.view.Items;
import dev.psinfo.view.Values;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.HierarchyEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.JViewport;
import javax.swing.ListSelectionModel;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableRowSorter;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/**
 * The Processes tab: a live, sortable, filterable table like {@code top}; the selected process's
 * whole command line (wrapped, selectable, with a copy action), its every field and its descendants
 * below. The selection follows the process (pid and start time) across updates and re-sorts, and
 * its row stays where it was on the screen. Built and changed on the event thread only; the data
 * comes from {@link #show}. Every text from the server is shown as plain text ({@link Plain}).
 */
final class ProcessesPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  /** The columns shown whole when the table shrinks: JAVA. */
  private static final Set<Integer> WHOLE_COLUMNS = Set.of(ProcessTableModel.Column.JAVA.ordinal());

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** How long the filter waits after a keystroke before it applies, in milliseconds. */
  static final int FILTER_DELAY_MILLIS = 150;

  private final transient ZoneId zone;
  private final ProcessTableModel model = new ProcessTableModel();
  private final transient TableRowSorter<ProcessTableModel> sorter;
  private final Plain.Table table;
  private final JTextField filterField = new JTextField(24);
  private final JLabel status = Plain.label("waiting for the first read…");
  private final JLabel problem = Plain.label(" ");
  private final JToggleButton pause = new JToggleButton("Pause");
  private final JTextArea args = Plain.of(new JTextArea(3, 40));
  private final JButton copy = new JButton("Copy command line");
  private final DefaultTableModel details =
      new DefaultTableModel(new Object[] {"Field", "Value"}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
          return false;
        }
      };
  private final DefaultTreeModel tree = new DefaultTreeModel(new DefaultMutableTreeNode(""));
  private final Plain.Tree descendants = new Plain.Tree(tree);
  private final Plain.Table detailTable;
  private final JPanel treePanel = new JPanel(new BorderLayout());
  private final Timer filterTimer;
  private transient RegexRowFilter filter;
  private transient PsinfoClient.Processes last;
  private transient PsinfoClient.Processes held;
  private transient ProcessTableModel.Key selected;
  private boolean updating;

  ProcessesPanel(ZoneId zone) {
    super(new BorderLayout());
    this.zone = zone;
    setName("psinfo.processes.tab");
    this.sorter = new TableRowSorter<>(model);
    sorter.setSortKeys(
        List.of(
            new RowSorter.SortKey(ProcessTableModel.Column.CPU.ordinal(), SortOrder.DESCENDING)));
    sorter.setSortsOnUpdates(true);
    this.table = new Plain.Table(model);
    table.setName("psinfo.processes");
    table.setRowSorter(sorter);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
    table.setFillsViewportHeight(true);
    table.setFont(table.getFont().deriveFont(Font.PLAIN));
    for (int i = 0; i < model.getColumnCount(); i++) {
      if (ProcessTableModel.column(i).numeric) {
        table.getColumnModel().getColumn(i).setCellRenderer(table.right());
      }
    }
    Columns.fit(table, List.of(), WHOLE_COLUMNS);
    table
        .getSelectionModel()
        .addListSelectionListener(
            e -> {
              if (!e.getValueIsAdjusting() && !updating) {
                int view = table.getSelectedRow();
                if (view >= 0) {
                  selected = model.key(table.convertRowIndexToModel(view));
                  showSelected();
                  PsinfoViews.trace("Processes tab selected pid " + selected.pid());
                }
              }
            });

    JPanel top = new JPanel(new BorderLayout());
    JPanel filterRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
    filterRow.add(new JLabel("Filter (regex: name, args, user):"));
    filterField.setName("psinfo.filter");
    filterRow.add(filterField);
    pause.setName("psinfo.pause");
    pause.setToolTipText("Hold the table as it is; updates resume where they are");
    pause.addActionListener(e -> setPaused(pause.isSelected()));
    filterRow.add(pause);
    problem.setForeground(new Color(0xB0, 0x00, 0x20));
    filterRow.add(problem);
    top.add(filterRow, BorderLayout.NORTH);
    status.setName("psinfo.status");
    status.setBorder(BorderFactory.createEmptyBorder(0, 8, 2, 8));
    top.add(status, BorderLayout.SOUTH);
    add(top, BorderLayout.NORTH);
    filterTimer = new Timer(FILTER_DELAY_MILLIS, e -> applyFilter());
    filterTimer.setRepeats(false);
    filterField
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                filterTimer.restart();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                filterTimer.restart();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                filterTimer.restart();
              }
            });

    args.setName("psinfo.args");
    args.setEditable(false);
    args.setLineWrap(true);
    args.setWrapStyleWord(false);
    args.setFont(new Font(Font.MONOSPACED, Font.PLAIN, table.getFont().getSize()));
    copy.setName("psinfo.copy");
    copy.setToolTipText("Copies the command line as shown (control characters escaped)");
    copy.addActionListener(e -> copyArgs());
    JPanel argsHead = new JPanel(new BorderLayout());
    argsHead.add(new JLabel("Command line"), BorderLayout.WEST);
    argsHead.add(copy, BorderLayout.EAST);
    JPanel argsPanel = new JPanel(new BorderLayout());
    argsPanel.add(argsHead, BorderLayout.NORTH);
    argsPanel.add(new JScrollPane(args), BorderLayout.CENTER);
    detailTable = new Plain.Table(details);
    detailTable.setName("psinfo.details");
    detailTable.getColumnModel().getColumn(0).setPreferredWidth(200);
    detailTable.getColumnModel().getColumn(1).setPreferredWidth(300);
    JSplitPane detailSplit =
        new JSplitPane(JSplitPane.VERTICAL_SPLIT, argsPanel, new JScrollPane(detailTable));
    detailSplit.setResizeWeight(0.4);
    detailSplit.setBorder(BorderFactory.createTitledBorder("Selected process"));
    descendants.setName("psinfo.descendants");
    treePanel.add(new JScrollPane(descendants));
    treePanel.setBorder(BorderFactory.createTitledBorder("Descendants"));
    JSplitPane bottom = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, detailSplit, treePanel);
    bottom.setResizeWeight(0.6);
    JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), bottom);
    split.setResizeWeight(0.55);
    add(split, BorderLayout.CENTER);
    addHierarchyListener(
        e -> {
          if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
            PsinfoViews.trace(traceLine("shown"));
          }
        });
  }

  /**
   * Shows a new read of the table, keeping the sort, the filter and the selected process (and its
   * row's place on the screen); the first time, selects {@code defaultPid} (the connected JVM) when
   * it is there. While paused, the read is held and shown on resume.
   */
  void show(PsinfoClient.Processes processes, long defaultPid) {
    if (pause.isSelected()) {
      held = processes;
      showStatus();
      if (isShowing()) {
        traceLayout();
      }
      return;
    }
    last = processes;
    if (filter != null) {
      filter.startPass();
    }
    int offset = selectedOffset();
    updating = true;
    try {
      model.setRows(processes.table());
      Columns.fit(table, processes.table(), WHOLE_COLUMNS);
    } finally {
      updating = false;
    }
    boolean first = selected == null;
    if (first) {
      int index = model.indexOfPid(defaultPid);
      if (index >= 0) {
        selected = model.key(index);
      }
    }
    reselect(offset);
    if (first && table.getSelectedRow() >= 0) {
      table.scrollRectToVisible(table.getCellRect(table.getSelectedRow(), 0, true));
    }
    showStatus();
    showSelected();
    if (isShowing()) {
      PsinfoViews.trace(traceLine("updated"));
      traceLayout();
    }
  }

  /** Holds updates (true) or shows the last one held and goes on (false). */
  void setPaused(boolean paused) {
    if (pause.isSelected() != paused) {
      pause.setSelected(paused);
    }
    pause.setText(paused ? "Resume" : "Pause");
    PsinfoViews.trace("Processes tab " + (paused ? "paused" : "resumed"));
    if (!paused && held != null) {
      PsinfoClient.Processes h = held;
      held = null;
      show(h, -1);
    } else {
      showStatus();
    }
  }

  /** What the trace says about this tab (the JConsole IT reads it). */
  String traceLine(String event) {
    return "Processes tab "
        + event
        + ": "
        + table.getRowCount()
        + " rows, selected pid "
        + (selected == null ? -1 : selected.pid())
        + ", "
        + details.getRowCount()
        + " fields, "
        + Descendants.count((DefaultMutableTreeNode) tree.getRoot())
        + " descendants";
  }

  /** Says that the last read failed; the previous rows stay. */
  void showError(String message) {
    status.setText("read failed: " + Plain.text(message));
  }

  /** The status line for a read. */
  static String status(int shown, int rows, int processCount, long snapshotMillis, ZoneId zone) {
    return status(shown, rows, processCount, rows, snapshotMillis, zone);
  }

  /** The status line for a read of which the plugin kept {@code rows} of {@code received}. */
  static String status(
      int shown, int rows, int processCount, int received, long snapshotMillis, ZoneId zone) {
    StringBuilder s = new StringBuilder();
    s.append(shown == rows ? shown + " processes" : shown + " of " + rows + " processes");
    if (received > rows) {
      s.append(" (the ")
          .append(Values.count(rows))
          .append(" with the most CPU of ")
          .append(Values.count(received))
          .append(" sent: the plugin holds at most ")
          .append(Values.count(ProcessEntry.MAX_ROWS))
          .append(')');
    } else if (processCount > rows) {
      s.append(" (the agent's maxRows cuts ").append(processCount).append(')');
    }
    if (snapshotMillis >= 0) {
      s.append("  ·  snapshot ")
          .append(CLOCK.format(Instant.ofEpochMilli(snapshotMillis).atZone(zone)));
    }
    return s.toString();
  }

  /** The detail lines of one process: every item but the args, labelled and formatted. */
  static List<String[]> detailLines(ProcessEntry p, ZoneId zone) {
    List<String[]> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : p.items().entrySet()) {
      if (e.getKey().equals("args")) {
        continue;
      }
      out.add(
          new String[] {
            Plain.text(Items.label(e.getKey()) + "  (" + e.getKey() + ")"),
            Plain.text(Format.item(e.getKey(), e.getValue(), zone))
          });
    }
    return out;
  }

  /** The command line as the detail pane shows it: whole (as read), escaped. */
  static String argsText(ProcessEntry p) {
    if (!p.has("args")) {
      return Values.NOT_AVAILABLE;
    }
    String shown = Plain.text(p.text("args"), ProcessEntry.MAX_ARGS_CHARS);
    return Boolean.TRUE.equals(p.raw("argsTruncated"))
        ? shown + " … (cut: the agent or the plugin kept only this much)"
        : shown;
  }

  private void applyFilter() {
    try {
      filter = RegexRowFilter.of(filterField.getText());
      problem.setText(" ");
    } catch (IllegalArgumentException e) {
      filter = null;
      problem.setText(Plain.text(e.getMessage()));
    }
    int offset = selectedOffset();
    updating = true;
    try {
      sorter.setRowFilter(filter);
    } finally {
      updating = false;
    }
    reselect(offset);
    showStatus();
    PsinfoViews.trace(
        "Processes tab filtered '"
            + Plain.text(filterField.getText())
            + "': "
            + table.getRowCount()
            + " rows");
  }

  /** Applies what the filter box holds now, without waiting (tests). */
  void applyFilterNow(String text) {
    filterField.setText(text);
    filterTimer.stop();
    applyFilter();
  }

  /** The filter box's centre on the screen, or null when it is not showing. */
  Point filterOnScreen() {
    return centre(filterField);
  }

  private static Point centre(JComponent c) {
    if (!c.isShowing()) {
      return null;
    }
    Point p = c.getLocationOnScreen();
    return new Point(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
  }

  /** Traces where the first rows, the pause button and the copy button are (the IT clicks them). */
  private void traceLayout() {
    if (System.getProperty("psinfo.jconsole.trace") == null || !table.isShowing()) {
      return;
    }
    Point origin = table.getLocationOnScreen();
    Rectangle visible = table.getVisibleRect();
    StringBuilder rows = new StringBuilder("Processes rows");
    int firstVisible = table.rowAtPoint(visible.getLocation());
    for (int view = Math.max(firstVisible, 0);
        view >= 0 && view < table.getRowCount() && view < firstVisible + 40;
        view++) {
      Rectangle r = table.getCellRect(view, ProcessTableModel.Column.NAME.ordinal(), true);
      if (r.y + r.height > visible.y + visible.height) {
        break;
      }
      rows.append(' ')
          .append(model.key(table.convertRowIndexToModel(view)).pid())
          .append('@')
          .append(origin.x + r.x + r.width / 2)
          .append(',')
          .append(origin.y + r.y + r.height / 2);
    }
    PsinfoViews.trace(rows.toString());
    if (table.getTableHeader() != null && table.getTableHeader().isShowing()) {
      Point h = table.getTableHeader().getLocationOnScreen();
      StringBuilder headers = new StringBuilder("Processes headers");
      for (int view = 0; view < table.getColumnCount(); view++) {
        Rectangle r = table.getTableHeader().getHeaderRect(view);
        headers
            .append(' ')
            .append(table.getColumnName(view))
            .append('@')
            .append(h.x + r.x + r.width / 2)
            .append(',')
            .append(h.y + r.y + r.height / 2);
      }
      PsinfoViews.trace(headers.toString());
    }
    Point p = centre(pause);
    Point c = centre(copy);
    if (p != null && c != null) {
      PsinfoViews.trace("Processes buttons pause@" + p.x + "," + p.y + " copy@" + c.x + "," + c.y);
    }
    if (selected != null && model.indexOf(selected) >= 0) {
      PsinfoViews.trace(
          "Processes selected args ("
              + args.getText().length()
              + " chars) "
              + Plain.cap(args.getText(), 400));
      PsinfoViews.trace("Processes selected cells " + cells(model.indexOf(selected)));
    }
    PsinfoViews.trace("Processes html views " + htmlViews());
  }

  /** The cells of one row as the table shows them: {@code PID 42 | USER bob | …}. */
  private String cells(int modelRow) {
    StringBuilder b = new StringBuilder();
    for (int column = 0; column < model.getColumnCount(); column++) {
      b.append(column == 0 ? "" : " | ")
          .append(model.getColumnName(column))
          .append(' ')
          .append(Plain.cap(String.valueOf(model.getValueAt(modelRow, column)), 200));
    }
    return b.toString();
  }

  /**
   * How many of the visible cells, detail lines and tree nodes Swing would render as HTML (their
   * renderer holds an HTML view): 0 unless plain text failed somewhere.
   */
  int htmlViews() {
    int n = 0;
    for (JTable t : List.of(table, detailTable)) {
      for (int row = 0; row < Math.min(t.getRowCount(), 200); row++) {
        for (int col = 0; col < t.getColumnCount(); col++) {
          if (t.prepareRenderer(t.getCellRenderer(row, col), row, col) instanceof JComponent c
              && c.getClientProperty("html") != null) {
            n++;
          }
        }
      }
    }
    for (int row = 0; row < Math.min(descendants.getRowCount(), 200); row++) {
      Object node = descendants.getPathForRow(row).getLastPathComponent();
      if (descendants
                  .getCellRenderer()
                  .getTreeCellRendererComponent(descendants, node, false, true, true, row, false)
              instanceof JComponent c
          && c.getClientProperty("html") != null) {
        n++;
      }
    }
    for (JComponent c : List.of(status, problem)) {
      if (c.getClientProperty("html") != null) {
        n++;
      }
    }
    return n;
  }

  /** The selected row's distance from the top of the viewport, or -1 when it is not showing. */
  private int selectedOffset() {
    int view = table.getSelectedRow();
    if (view < 0 || !(table.getParent() instanceof JViewport port)) {
      return -1;
    }
    Rectangle r = table.getCellRect(view, 0, true);
    int offset = r.y - port.getViewPosition().y;
    return offset >= 0 && offset < port.getExtentSize().height ? offset : -1;
  }

  /** Selects the selected process's row again, where it was in the viewport (offset >= 0). */
  private void reselect(int offset) {
    if (selected == null) {
      return;
    }
    int index = model.indexOf(selected);
    int view = index < 0 ? -1 : table.convertRowIndexToView(index);
    if (view < 0) {
      return;
    }
    updating = true;
    try {
      table.getSelectionModel().setSelectionInterval(view, view);
    } finally {
      updating = false;
    }
    if (offset >= 0 && table.getParent() instanceof JViewport port) {
      Rectangle r = table.getCellRect(view, 0, true);
      int y = Math.max(0, r.y - offset);
      int max = Math.max(0, table.getHeight() - port.getExtentSize().height);
      port.setViewPosition(new Point(port.getViewPosition().x, Math.min(y, max)));
    }
  }

  private void showStatus() {
    if (last == null) {
      return;
    }
    String s =
        status(
            table.getRowCount(),
            model.getRowCount(),
            last.processCount(),
            last.received(),
            last.snapshotTimeMillis(),
            zone);
    status.setText(pause.isSelected() ? "paused  ·  " + s : s);
    if (filter != null && filter.gaveUp()) {
      problem.setText("the regex took too long: the rest of the rows are shown unfiltered");
    }
  }

  private void copyArgs() {
    String text = args.getSelectedText() != null ? args.getSelectedText() : args.getText();
    try {
      Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
      PsinfoViews.trace("Processes tab copied " + text.length() + " characters");
    } catch (IllegalStateException | java.awt.HeadlessException e) {
      problem.setText("the clipboard is not available");
    }
  }

  /** The detail pane's command line text (tests). */
  String argsShown() {
    return args.getText();
  }

  /** The selected process, or null (tests). */
  ProcessTableModel.Key selected() {
    return selected;
  }

  /** The table (tests). */
  JTable table() {
    return table;
  }

  private void showSelected() {
    if (selected == null) {
      return;
    }
    int index = model.indexOf(selected);
    details.setRowCount(0);
    if (index < 0) {
      details.addRow(new Object[] {"PID", selected.pid() + " (no longer in the table)"});
      tree.setRoot(new DefaultMutableTreeNode(""));
      return;
    }
    ProcessEntry p = model.row(index);
    String a = argsText(p);
    if (!a.equals(args.getText())) {
      args.setText(a);
      args.setCaretPosition(0);
    }
    for (String[] line : detailLines(p, zone)) {
      details.addRow(line);
    }
    DefaultMutableTreeNode root = Descendants.tree(model.rows(), selected.pid());
    tree.setRoot(root);
    for (int i = 0; i < descendants.getRowCount() && i < 500; i++) {
      descendants.expandRow(i);
    }
    treePanel.setBorder(
        BorderFactory.createTitledBorder(
            "Descendants of " + selected.pid() + " (" + Descendants.count(root) + ")"));
  }
}
