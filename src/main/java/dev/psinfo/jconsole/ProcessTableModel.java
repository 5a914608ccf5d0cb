package dev.psinfo.jconsole;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/**
 * The Processes tab's table: one row per process, the columns of {@code top}. Every cell is a
 * {@link Cell}, which sorts by the real value and shows the readable one (escaped and capped). The
 * cells are made once per read, off the event thread ({@link #rows}), so sorting and filtering on
 * the event thread only compare ready values. Change it on the event thread only.
 */
final class ProcessTableModel extends AbstractTableModel {
  private static final long serialVersionUID = 1L;

  /** The columns, in order. */
  enum Column {
    PID("PID", true),
    USER("USER", false),
    NAME("NAME", false),
    STATE("STATE", false),
    CPU("%CPU", true),
    RSS("RSS", true),
    VSZ("VSZ", true),
    THREADS("THR", true),
    START("STARTED", false),
    TIME("TIME", true),
    ARGS("ARGS", false);

    final String header;
    final boolean numeric;

    Column(String header, boolean numeric) {
      this.header = header;
      this.numeric = numeric;
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

  /** The cell of one process in one column, for a snapshot taken at {@code nowMillis}. */
  static Cell cell(ProcessEntry p, Column column, ZoneId zone, long nowMillis) {
    return switch (column) {
      case PID -> number(p, "pid", String::valueOf);
      case USER -> text(p, "user");
      case NAME -> text(p, "name");
      case STATE -> state(p);
      case CPU -> {
        double v = p.decimal("cpuPercent");
        yield Double.isNaN(v) ? Cell.NOT_AVAILABLE : new Cell(v, Format.percent(v));
      }
      case RSS -> number(p, "rssBytes", Format::bytes);
      case VSZ -> number(p, "vszBytes", Format::bytes);
      case THREADS -> number(p, "threads", String::valueOf);
      case START -> number(p, "startTimeMillis", v -> Format.startTime(v, nowMillis, zone));
      case TIME -> number(p, "cpuTimeMillis", Format::cpuTime);
      case ARGS -> {
        if (!p.has("args")) {
          yield Cell.NOT_AVAILABLE;
        }
        String args = p.text("args");
        boolean cut = Boolean.TRUE.equals(p.raw("argsTruncated"));
        yield new Cell(
            args,
            Plain.text(args) + (cut ? " …" : ""),
            Plain.text(args, Plain.MAX_TIP_CHARS) + (cut ? " … (cut by the agent)" : ""));
      }
    };
  }

  private static Cell number(ProcessEntry p, String item, Function<Long, String> format) {
    if (!p.has(item) || !(p.raw(item) instanceof Number n)) {
      return Cell.NOT_AVAILABLE;
    }
    long v = n.longValue();
    return new Cell(v, format.apply(v));
  }

  private static Cell text(ProcessEntry p, String item) {
    return p.has(item) ? new Cell(p.text(item), Plain.text(p.text(item))) : Cell.NOT_AVAILABLE;
  }

  /** The state as its letter, the word in the tooltip ({@code S}, "SLEEPING"). */
  private static Cell state(ProcessEntry p) {
    String state = p.has("state") ? p.text("state") : "";
    String code = p.has("stateCode") ? p.text("stateCode") : "";
    if (state.isEmpty() && code.isEmpty()) {
      return Cell.NOT_AVAILABLE;
    }
    String shown = code.isEmpty() ? state : code;
    String tip = state.isEmpty() ? code : code.isEmpty() ? state : state + " (" + code + ")";
    return new Cell(shown, Plain.text(shown), Plain.text(tip));
  }
}
