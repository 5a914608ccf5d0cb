package dev.psinfo.jconsole;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/**
 * The Processes tab's table: one row per process, the columns of {@code top}. Every cell is a
 * {@link Cell}, which sorts by the real value and shows the readable one. Change it on the event
 * thread only.
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

  private final transient ZoneId zone;
  private transient List<ProcessEntry> rows = List.of();
  private long nowMillis = -1;

  ProcessTableModel(ZoneId zone) {
    this.zone = zone;
  }

  /** Replaces every row; start times on the day of {@code snapshotMillis} show as times of day. */
  void setRows(List<ProcessEntry> newRows, long snapshotMillis) {
    rows = List.copyOf(newRows);
    nowMillis = snapshotMillis;
    fireTableDataChanged();
  }

  ProcessEntry row(int modelIndex) {
    return rows.get(modelIndex);
  }

  List<ProcessEntry> rows() {
    return rows;
  }

  /** The model index of the row with this pid, or -1. */
  int indexOfPid(long pid) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).pid() == pid) {
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
    return cell(rows.get(row), COLUMNS[column], zone, nowMillis);
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
        Cell args = text(p, "args");
        yield Boolean.TRUE.equals(p.raw("argsTruncated"))
            ? new Cell(args.sortKey(), args.text() + " …")
            : args;
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
    return p.has(item) ? new Cell(p.text(item), p.text(item)) : Cell.NOT_AVAILABLE;
  }

  private static Cell state(ProcessEntry p) {
    String state = p.has("state") ? p.text("state") : "";
    String code = p.has("stateCode") ? p.text("stateCode") : "";
    if (state.isEmpty() && code.isEmpty()) {
      return Cell.NOT_AVAILABLE;
    }
    String text = state.isEmpty() ? code : code.isEmpty() ? state : state + " (" + code + ")";
    return new Cell(text, text);
  }
}
