package dev.psinfo.jconsole;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.table.AbstractTableModel;

/**
 * The Processes tab's table: one row per process, the columns and formats of the CLI's {@code ps}
 * ({@link dev.psinfo.view.Column}). Every cell is a {@link Cell}, which sorts by the real value and
 * shows the readable one (capped). The cells are made once per read, off the event thread ({@link
 * #rows}), so sorting and filtering on the event thread only compare ready values. Change it on the
 * event thread only.
 */
final class ProcessTableModel extends AbstractTableModel {
  private static final long serialVersionUID = 1L;

  /**
   * The columns, in order: each one of the shared {@link dev.psinfo.view.Column}s, so a cell reads
   * as {@code ps} prints it.
   */
  enum Column {
    PID(dev.psinfo.view.Column.PID),
    USER(dev.psinfo.view.Column.USER),
    NAME(dev.psinfo.view.Column.NAME),
    STATE(dev.psinfo.view.Column.STATE),
    CPU(dev.psinfo.view.Column.CPU),
    RSS(dev.psinfo.view.Column.RSS),
    VSZ(dev.psinfo.view.Column.VSZ),
    THREADS(dev.psinfo.view.Column.THREADS),
    START(dev.psinfo.view.Column.START),
    TIME(dev.psinfo.view.Column.TIME),
    JAVA(dev.psinfo.view.Column.JAVA),
    COMMAND(dev.psinfo.view.Column.COMMAND);

    final dev.psinfo.view.Column shared;
    final String header;
    final boolean numeric;

    Column(dev.psinfo.view.Column shared) {
      this.shared = shared;
      this.header = shared.label();
      this.numeric = shared.numeric();
    }
  }

  private static final Column[] COLUMNS = Column.values();

  /**
   * Who a process is across reads: its pid and start time (a pid reused by a later process is
   * another key). {@code startTimeMillis} is -1 when the agent does not say.
   */
  record Key(long pid, long startTimeMillis) {
    static Key of(ProcessEntry p) {
      return new Key(p.pid(), p.number("startTimeMillis", -1));
    }
  }

  /** One process and its cells, made off the event thread. */
  record Row(ProcessEntry entry, Key key, Cell[] cells) {}

  private transient List<ProcessEntry> entries = List.of();
  private transient List<Row> rows = List.of();
  private final transient Map<Key, Integer> index = new HashMap<>();

  /** The cells of these processes, for a snapshot taken at {@code nowMillis}; any thread. */
  static List<Row> rows(List<ProcessEntry> entries, ZoneId zone, long nowMillis) {
    List<Row> out = new ArrayList<>(entries.size());
    for (ProcessEntry p : entries) {
      Cell[] cells = new Cell[COLUMNS.length];
      for (Column c : COLUMNS) {
        cells[c.ordinal()] = cell(p, c, zone, nowMillis);
      }
      out.add(new Row(p, Key.of(p), cells));
    }
    return out;
  }

  /** Replaces every row. */
  void setRows(List<Row> newRows) {
    rows = List.copyOf(newRows);
    List<ProcessEntry> e = new ArrayList<>(rows.size());
    index.clear();
    for (int i = 0; i < rows.size(); i++) {
      e.add(rows.get(i).entry());
      index.putIfAbsent(rows.get(i).key(), i);
    }
    entries = Collections.unmodifiableList(e);
    fireTableDataChanged();
  }

  /** Replaces every row with these processes (on the event thread; tests and small tables). */
  void setRows(List<ProcessEntry> newRows, ZoneId zone, long snapshotMillis) {
    setRows(rows(newRows, zone, snapshotMillis));
  }

  ProcessEntry row(int modelIndex) {
    return rows.get(modelIndex).entry();
  }

  Key key(int modelIndex) {
    return rows.get(modelIndex).key();
  }

  List<ProcessEntry> rows() {
    return entries;
  }

  /** The model index of the row with this key, or -1. */
  int indexOf(Key key) {
    Integer i = key == null ? null : index.get(key);
    return i == null ? -1 : i;
  }

  /** The model index of the (first) row with this pid, or -1. */
  int indexOfPid(long pid) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).key().pid() == pid) {
        return i;
      }
    }
    return -1;
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
    return COLUMNS[column].header;
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return Cell.class;
  }

  static Column column(int index) {
    return COLUMNS[index];
  }

  @Override
  public Object getValueAt(int row, int column) {
    return rows.get(row).cells()[column];
  }

  /**
   * The cell of one process in one column, for a snapshot taken at {@code nowMillis}: the text as
   * the CLI prints it ({@link dev.psinfo.view.Column#text}, capped), sorted by the real value; the
   * tooltip says what the text cannot (the state's word, the start to the second, the exact text of
   * a name with unsafe characters, a command line the agent cut).
   */
  static Cell cell(ProcessEntry p, Column column, ZoneId zone, long nowMillis) {
    dev.psinfo.view.Column shared = column.shared;
    String text = Plain.cap(shared.text(p, nowMillis, zone), Plain.MAX_TEXT_CHARS);
    Comparable<?> key = shared.sortKey(p);
    String tip =
        switch (column) {
          case STATE -> stateTip(p);
          case START -> key == null ? null : Format.localTime(((Number) key).longValue(), zone);
          case COMMAND -> commandTip(p);
          // a main class may be wider than its column: the whole of it
          case JAVA -> p.has("javaMain") ? Plain.text(p.text("javaMain")) : null;
          default -> shared.escaped(p) == null ? null : Plain.text(shared.escaped(p));
        };
    return new Cell(key, text, tip);
  }

  /** The state's word and letter ({@code SLEEPING (S)}), or null when neither is known. */
  private static String stateTip(ProcessEntry p) {
    String state = p.has("state") ? p.text("state") : "";
    String code = p.has("stateCode") ? p.text("stateCode") : "";
    if (state.isEmpty() && code.isEmpty()) {
      return null;
    }
    return Plain.text(state.isEmpty() ? code : code.isEmpty() ? state : state + " (" + code + ")");
  }

  /** The whole command line, escaped and capped, saying when the agent cut it. */
  private static String commandTip(ProcessEntry p) {
    String args = p.has("args") ? p.text("args") : p.text("name");
    if (args.isEmpty()) {
      return null;
    }
    boolean cut = Boolean.TRUE.equals(p.raw("argsTruncated"));
    return Plain.text(args, Plain.MAX_TIP_CHARS) + (cut ? " … (cut by the agent)" : "");
  }
}
