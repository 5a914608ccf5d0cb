package dev.psinfo.jconsole;

import dev.psinfo.view.Items;
import dev.psinfo.view.Values;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the plugin writes beyond the shared formats of {@link Values} (sizes, CPU time, START,
 * percentages, counts and "not available" as {@code ps} writes them, the same in the CLI): an
 * instant to the second, and any item of a process row with its exact value next to the readable
 * one (the detail view). Pure functions, no state.
 */
final class Format {
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Format() {}

  /** An instant in the viewer's time zone, to the second. */
  static String localTime(long epochMillis, ZoneId zone) {
    if (epochMillis < 0) {
      return Values.NOT_AVAILABLE;
    }
    return LOCAL_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /** {@code part} of {@code whole} in percent, or NaN when either is unknown or whole is 0. */
  static double share(long part, long whole) {
    return part < 0 || whole <= 0 ? Double.NaN : 100.0 * part / whole;
  }

  /**
   * Any item of a process row, as the detail view shows it: the unit taken from the item's name,
   * sizes and CPU times with the exact number next to the readable one ({@code 9.4M (9,834,496
   * bytes)}, {@code 1:05 (65,430 ms)}).
   */
  static String item(String item, Object value, ZoneId zone) {
    if (!Values.available(item, value)) {
      return Values.NOT_AVAILABLE;
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (value instanceof Number n) {
      long v = n.longValue();
      if (item.endsWith("Bytes")) {
        return v < 1024 ? v + " bytes" : Values.size(v) + " (" + Values.count(v) + " bytes)";
      }
      if (item.equals("startTimeMillis")) {
        return localTime(v, zone);
      }
      if (item.endsWith("TimeMillis")) {
        return Values.cpuTime(v) + " (" + Values.count(v) + " ms)";
      }
      if (item.equals(Items.CPU_PERCENT)) {
        return Values.percent(n.doubleValue()) + " % of one CPU";
      }
      if (value instanceof Double || value instanceof Float) {
        return String.format(Locale.ROOT, "%.2f", n.doubleValue());
      }
      return Values.SIGNED_ITEMS.contains(item) || item.endsWith("id") || item.endsWith("Id")
          ? Long.toString(v)
          : Values.count(v);
    }
    return value.toString();
  }
}
