package dev.psinfo.sampling;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.view.Column;
import dev.psinfo.view.Items;
import dev.psinfo.view.RowValues;
import dev.psinfo.view.Values;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Process rows as {@code ps}-like text: the table {@code ps} and {@code top} print and the {@code
 * psText} operation of {@code psinfo:type=ProcessTable} returns: the columns and value formats of
 * {@link dev.psinfo.view} (shared with the plugin's Processes table), laid out in aligned text.
 * Stateless.
 */
public final class PsText {
  /** How rows are ordered: by recent CPU or resident size (largest first), or by pid. */
  public enum Sort {
    CPU(
        Comparator.comparingDouble(ProcessSample::cpuPercent)
            .reversed()
            .thenComparingLong(PsText::pid)),
    RSS(
        Comparator.comparingLong((ProcessSample s) -> s.info().rssBytes())
            .reversed()
            .thenComparingLong(PsText::pid)),
    PID(Comparator.comparingLong(PsText::pid));

    final Comparator<ProcessSample> order;

    Sort(Comparator<ProcessSample> order) {
      this.order = order;
    }

    /**
     * The sort a user named: {@code cpu}, {@code rss} (or {@code memory}) or {@code pid}, in any
     * case.
     *
     * @throws IllegalArgumentException naming the key and the choices
     */
    public static Sort of(String key) {
      String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
      return switch (k) {
        case "cpu" -> CPU;
        case "rss", "memory" -> RSS;
        case "pid" -> PID;
        default ->
            throw new IllegalArgumentException("sortBy must be cpu, rss or pid: '" + key + "'");
      };
    }
  }

  /** The columns of {@code ps}, without JAVA. */
  private static final List<Column> PS =
      List.of(
          Column.PID,
          Column.PPID,
          Column.USER,
          Column.CPU,
          Column.RSS,
          Column.VSZ,
          Column.THREADS,
          Column.NICE,
          Column.STATE,
          Column.START,
          Column.TIME,
          Column.COMMAND);

  /** The columns of {@code top}. */
  private static final List<Column> TOP =
      List.of(
          Column.PID,
          Column.USER,
          Column.CPU,
          Column.RSS,
          Column.THREADS,
          Column.STATE,
          Column.TIME,
          Column.COMMAND);

  private PsText() {}

  private static long pid(ProcessSample s) {
    return s.info().pid();
  }

  /** The rows sorted and cut to {@code limit} (0: all). */
  public static List<ProcessSample> sortAndLimit(List<ProcessSample> rows, Sort sort, int limit) {
    List<ProcessSample> sorted = new ArrayList<>(rows);
    sorted.sort(sort.order);
    return limit > 0 && sorted.size() > limit ? sorted.subList(0, limit) : sorted;
  }

  /**
   * The {@code ps} table: a header line, then a line per row; each line cut to {@code width}
   * characters (0: no cut). START is relative to {@code nowMillis} in {@code zone}.
   */
  public static List<String> ps(List<ProcessSample> rows, long nowMillis, ZoneId zone, int width) {
    return ps(rows, nowMillis, zone, width, false);
  }

  /**
   * The {@code ps} table as {@link #ps(List, long, ZoneId, int)}, with a JAVA column before COMMAND
   * when {@code javaColumn}: each row's {@code javaMain} ({@code -} for a process that is not a
   * JVM).
   */
  public static List<String> ps(
      List<ProcessSample> rows, long nowMillis, ZoneId zone, int width, boolean javaColumn) {
    List<Column> columns = new ArrayList<>(PS);
    if (javaColumn) {
      columns.add(columns.size() - 1, Column.JAVA);
    }
    return lines(columns, rows, nowMillis, zone, width);
  }

  /** The {@code top} table: fewer columns, each line cut to {@code width} (0: no cut). */
  public static List<String> top(List<ProcessSample> rows, int width) {
    return lines(TOP, rows, -1, ZoneId.systemDefault(), width);
  }

  /** A sample as the view's columns read it. */
  private record SampleRow(ProcessSample sample) implements RowValues {
    @Override
    public Object item(String item) {
      ProcessField field = Items.field(item);
      return field == null ? null : field.get(sample.info());
    }

    @Override
    public double cpuPercent() {
      return sample.cpuPercent();
    }
  }

  private static List<String> lines(
      List<Column> columns, List<ProcessSample> rows, long nowMillis, ZoneId zone, int width) {
    String[][] cells = new String[rows.size()][columns.size()];
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).label().length();
    }
    for (int r = 0; r < rows.size(); r++) {
      SampleRow row = new SampleRow(rows.get(r));
      for (int c = 0; c < columns.size(); c++) {
        cells[r][c] = columns.get(c).text(row, nowMillis, zone);
        if (c < columns.size() - 1) {
          widths[c] = Math.max(widths[c], cells[r][c].length());
        }
      }
    }
    List<String> out = new ArrayList<>(rows.size() + 1);
    out.add(
        line(columns, widths, columns.stream().map(Column::label).toArray(String[]::new), width));
    for (String[] row : cells) {
      out.add(line(columns, widths, row, width));
    }
    return out;
  }

  private static String line(List<Column> columns, int[] widths, String[] cells, int width) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        b.append(' ');
      }
      boolean last = c == cells.length - 1;
      String v = cells[c];
      int pad = last ? 0 : widths[c] - v.length();
      if (columns.get(c).numeric()) {
        b.append(" ".repeat(pad)).append(v);
      } else {
        b.append(v);
        if (!last) {
          b.append(" ".repeat(pad));
        }
      }
    }
    return Values.cut(b.toString(), width);
  }
}
