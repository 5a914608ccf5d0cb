package dev.psinfo.cli;

import dev.psinfo.jmx.ProcessRows;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javax.management.openmbean.CompositeData;

/**
 * Writes process rows as an aligned table (human sizes, like {@code ps}), as CSV or as JSON (exact
 * numbers, every item of the JMX row under its own name, {@link ProcessRows#ITEM_NAMES}).
 * Stateless.
 */
final class RowsView {
  /** How {@code ps} and {@code top} order rows. */
  enum Sort {
    CPU(
        Comparator.comparingDouble(ProcessSample::cpuPercent)
            .reversed()
            .thenComparingLong(RowsView::pid)),
    RSS(
        Comparator.comparingLong((ProcessSample s) -> s.info().rssBytes())
            .reversed()
            .thenComparingLong(RowsView::pid)),
    PID(Comparator.comparingLong(RowsView::pid));

    final Comparator<ProcessSample> order;

    Sort(Comparator<ProcessSample> order) {
      this.order = order;
    }
  }

  private record Column(String title, boolean left, Function<ProcessInfo, String> value) {}

  private RowsView() {}

  private static long pid(ProcessSample s) {
    return s.info().pid();
  }

  /** The rows sorted and cut to {@code limit} (0: all). */
  static List<ProcessSample> sortAndLimit(List<ProcessSample> rows, Sort sort, int limit) {
    List<ProcessSample> sorted = new ArrayList<>(rows);
    sorted.sort(sort.order);
    return limit > 0 && sorted.size() > limit ? sorted.subList(0, limit) : sorted;
  }

  /** The {@code ps} table: one header line, one line per row, COMMAND cut to {@code width}. */
  static void table(
      PrintStream out, List<ProcessSample> rows, long nowMillis, ZoneId zone, int width) {
    List<Column> columns =
        List.of(
            new Column("PID", false, r -> Long.toString(r.pid())),
            new Column("PPID", false, r -> r.ppid() < 0 ? "-" : Long.toString(r.ppid())),
            new Column("USER", true, r -> r.user().isEmpty() ? "-" : Text.printable(r.user())),
            new Column("%CPU", false, null),
            new Column("RSS", false, r -> Text.size(r.rssBytes())),
            new Column("VSZ", false, r -> Text.size(r.vszBytes())),
            new Column("THR", false, r -> r.threads() < 0 ? "-" : Integer.toString(r.threads())),
            new Column("NI", false, r -> Text.signed(r.nice())),
            new Column("S", true, r -> r.stateCode().isEmpty() ? "-" : r.stateCode()),
            new Column("START", false, r -> Text.startTime(r.startTimeMillis(), nowMillis, zone)),
            new Column("TIME", false, r -> Text.cpuTime(r.cpuTimeMillis())),
            new Column("COMMAND", true, RowsView::command));
    print(out, columns, rows, width);
  }

  /** The {@code top} table: fewer columns, COMMAND cut to {@code width}. */
  static void topTable(PrintStream out, List<ProcessSample> rows, int width) {
    List<Column> columns =
        List.of(
            new Column("PID", false, r -> Long.toString(r.pid())),
            new Column("USER", true, r -> r.user().isEmpty() ? "-" : Text.printable(r.user())),
            new Column("%CPU", false, null),
            new Column("RSS", false, r -> Text.size(r.rssBytes())),
            new Column("THR", false, r -> r.threads() < 0 ? "-" : Integer.toString(r.threads())),
            new Column("S", true, r -> r.stateCode().isEmpty() ? "-" : r.stateCode()),
            new Column("TIME", false, r -> Text.cpuTime(r.cpuTimeMillis())),
            new Column("COMMAND", true, RowsView::command));
    print(out, columns, rows, width);
  }

  private static String command(ProcessInfo r) {
    String c = r.args().isEmpty() ? r.name() : r.args();
    return Text.printable(c.isEmpty() ? "-" : c);
  }

  private static void print(
      PrintStream out, List<Column> columns, List<ProcessSample> rows, int width) {
    String[][] cells = new String[rows.size()][columns.size()];
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).title().length();
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        cells[r][c] =
            column.value() == null
                ? Text.percent(rows.get(r).cpuPercent())
                : column.value().apply(rows.get(r).info());
        if (c < columns.size() - 1) {
          widths[c] = Math.max(widths[c], cells[r][c].length());
        }
      }
    }
    String[] titles = columns.stream().map(Column::title).toArray(String[]::new);
    out.println(line(columns, widths, titles, width));
    for (String[] row : cells) {
      out.println(line(columns, widths, row, width));
    }
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
      if (!columns.get(c).left()) {
        b.append(" ".repeat(pad)).append(v);
      } else {
        b.append(v);
        if (!last) {
          b.append(" ".repeat(pad));
        }
      }
    }
    return Text.cut(b.toString(), width);
  }

  /**
   * CSV with a header of the row's item names; exact numbers. Control characters in text (ESC, BEL,
   * CR, LF: a process may name itself anything) become {@code ?}, as in the table.
   */
  static void csv(PrintStream out, List<ProcessSample> rows) {
    List<String> fields = ProcessRows.ITEM_NAMES;
    out.println(String.join(",", fields));
    StringBuilder b = new StringBuilder();
    for (ProcessSample sample : rows) {
      CompositeData row = ProcessRows.row(sample);
      b.setLength(0);
      for (int i = 0; i < fields.size(); i++) {
        Object v = row.get(fields.get(i));
        b.append(i == 0 ? "" : ",");
        b.append(
            v instanceof Double d ? Text.json(d) : Text.csv(Text.printable(String.valueOf(v))));
      }
      out.println(b);
    }
  }

  /** A JSON array of objects, one per row, with every item of the row; exact numbers. */
  static void json(PrintStream out, List<ProcessSample> rows) {
    List<String> fields = ProcessRows.ITEM_NAMES;
    StringBuilder b = new StringBuilder("[");
    for (int r = 0; r < rows.size(); r++) {
      CompositeData row = ProcessRows.row(rows.get(r));
      b.append(r == 0 ? "\n  {" : ",\n  {");
      for (int i = 0; i < fields.size(); i++) {
        Object v = row.get(fields.get(i));
        b.append(i == 0 ? "" : ", ").append(Text.json(fields.get(i))).append(": ");
        if (v instanceof Double d) {
          b.append(Text.json(d));
        } else if (v instanceof Number || v instanceof Boolean) {
          b.append(v);
        } else {
          b.append(Text.json(String.valueOf(v)));
        }
      }
      b.append('}');
    }
    b.append(rows.isEmpty() ? "]" : "\n]");
    out.println(b);
  }
}
