package dev.psinfo.sampling;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.text.Printable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Process rows as {@code ps}-like text: the table {@code ps} and {@code top} print and the {@code
 * psText} operation of {@code psinfo:type=ProcessTable} returns, with the value formats they share
 * (sizes in powers of 1024, {@code ps}'s TIME and START, {@code -} for not available). Stateless.
 */
public final class PsText {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

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

  private record Column(String title, boolean left, Function<ProcessInfo, String> value) {}

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
    List<Column> columns =
        new ArrayList<>(
            List.of(
                new Column("PID", false, r -> Long.toString(r.pid())),
                new Column("PPID", false, r -> r.ppid() < 0 ? "-" : Long.toString(r.ppid())),
                new Column(
                    "USER", true, r -> r.user().isEmpty() ? "-" : Printable.question(r.user())),
                new Column("%CPU", false, null),
                new Column("RSS", false, r -> size(r.rssBytes())),
                new Column("VSZ", false, r -> size(r.vszBytes())),
                new Column(
                    "THR", false, r -> r.threads() < 0 ? "-" : Integer.toString(r.threads())),
                new Column("NI", false, r -> signed(r.nice())),
                new Column(
                    "S",
                    true,
                    r -> r.stateCode().isEmpty() ? "-" : Printable.question(r.stateCode())),
                new Column("START", false, r -> startTime(r.startTimeMillis(), nowMillis, zone)),
                new Column("TIME", false, r -> cpuTime(r.cpuTimeMillis())),
                new Column("COMMAND", true, PsText::command)));
    if (javaColumn) {
      columns.add(
          columns.size() - 1,
          new Column(
              "JAVA", true, r -> r.javaMain().isEmpty() ? "-" : Printable.question(r.javaMain())));
    }
    return lines(columns, rows, width);
  }

  /** The {@code top} table: fewer columns, each line cut to {@code width} (0: no cut). */
  public static List<String> top(List<ProcessSample> rows, int width) {
    List<Column> columns =
        List.of(
            new Column("PID", false, r -> Long.toString(r.pid())),
            new Column("USER", true, r -> r.user().isEmpty() ? "-" : Printable.question(r.user())),
            new Column("%CPU", false, null),
            new Column("RSS", false, r -> size(r.rssBytes())),
            new Column("THR", false, r -> r.threads() < 0 ? "-" : Integer.toString(r.threads())),
            new Column(
                "S", true, r -> r.stateCode().isEmpty() ? "-" : Printable.question(r.stateCode())),
            new Column("TIME", false, r -> cpuTime(r.cpuTimeMillis())),
            new Column("COMMAND", true, PsText::command));
    return lines(columns, rows, width);
  }

  private static String command(ProcessInfo r) {
    String c = r.args().isEmpty() ? r.name() : r.args();
    return Printable.question(c.isEmpty() ? "-" : c);
  }

  private static List<String> lines(List<Column> columns, List<ProcessSample> rows, int width) {
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
                ? percent(rows.get(r).cpuPercent())
                : column.value().apply(rows.get(r).info());
        if (c < columns.size() - 1) {
          widths[c] = Math.max(widths[c], cells[r][c].length());
        }
      }
    }
    List<String> out = new ArrayList<>(rows.size() + 1);
    out.add(
        line(columns, widths, columns.stream().map(Column::title).toArray(String[]::new), width));
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
      if (!columns.get(c).left()) {
        b.append(" ".repeat(pad)).append(v);
      } else {
        b.append(v);
        if (!last) {
          b.append(" ".repeat(pad));
        }
      }
    }
    return cut(b.toString(), width);
  }

  /** {@code 512}, {@code 1.5K}, {@code 340M}, {@code 2.0G} (powers of 1024); {@code -} for -1. */
  public static String size(long bytes) {
    if (bytes < 0) {
      return "-";
    }
    if (bytes < 1024) {
      return Long.toString(bytes);
    }
    String units = "KMGTPE";
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length() - 1) {
      v /= 1024;
      u++;
    }
    String n = v < 10 ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v));
    if (n.equals("1024") && u < units.length() - 1) {
      return "1.0" + units.charAt(u + 1);
    }
    return n + units.charAt(u);
  }

  /** CPU time as {@code ps} shows it: {@code mm:ss}, {@code hh:mm:ss}, {@code d-hh:mm:ss}. */
  public static String cpuTime(long millis) {
    if (millis < 0) {
      return "-";
    }
    long s = millis / 1000;
    long days = s / 86400;
    long h = (s / 3600) % 24;
    long m = (s / 60) % 60;
    long sec = s % 60;
    if (days > 0) {
      return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", days, h, m, sec);
    }
    if (h > 0) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec);
    }
    return String.format(Locale.ROOT, "%d:%02d", m, sec);
  }

  /** A start time as {@code ps} shows it: the clock today, else month and day, else the year. */
  public static String startTime(long epochMillis, long nowMillis, ZoneId zone) {
    if (epochMillis < 0) {
      return "-";
    }
    ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(zone);
    long age = nowMillis - epochMillis;
    if (age < 24L * 3600 * 1000) {
      return CLOCK.format(t);
    }
    if (age < 365L * 24 * 3600 * 1000) {
      return DAY.format(t);
    }
    return YEAR.format(t);
  }

  /**
   * A value that may be negative ({@code nice}, {@code priority}); {@code -} for {@link
   * ProcessInfo#UNAVAILABLE_SIGNED}.
   */
  public static String signed(int v) {
    return v == ProcessInfo.UNAVAILABLE_SIGNED ? "-" : Integer.toString(v);
  }

  /** A percentage with one decimal; {@code -} for -1. */
  public static String percent(double p) {
    return p < 0 ? "-" : String.format(Locale.ROOT, "%.1f", p);
  }

  /** {@code s} cut to {@code width} characters (no cut when width is 0 or less). */
  public static String cut(String s, int width) {
    return width <= 0 || s.length() <= width ? s : s.substring(0, width);
  }
}
