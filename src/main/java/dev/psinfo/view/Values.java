package dev.psinfo.view;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.text.Printable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * How a value of a process row (or of the host) is written for people, in every view: the CLI's
 * {@code ps}, {@code top} and {@code info}, the {@code psText} operation and the JConsole/VisualVM
 * plugin. The formats are {@code ps}'s (the contract for text output): sizes in powers of 1024
 * ({@code 9.4M}), TIME as {@code M:SS}/{@code H:MM:SS}/{@code D-HH:MM:SS}, START as the clock, the
 * day or the year, {@code -} for "not available". Pure functions, no state, no dependency beyond
 * {@link ProcessField}'s types and {@link Printable}.
 */
public final class Values {
  /** What a value that is not available looks like. */
  public static final String NOT_AVAILABLE = "-";

  /**
   * The "not available" value of a numeric item that cannot really be negative (counts, sizes,
   * times, ids): {@code -1}, and any negative value.
   */
  public static final long UNSIGNED_NOT_AVAILABLE = -1;

  /**
   * The "not available" value of the items that can really be negative ({@link #SIGNED_ITEMS}),
   * where {@code -1} is a real value (a nice of -1): {@link ProcessInfo#UNAVAILABLE_SIGNED}.
   */
  public static final int SIGNED_NOT_AVAILABLE = ProcessInfo.UNAVAILABLE_SIGNED;

  /** The fields whose real values include negative numbers. */
  public static final Set<ProcessField> SIGNED_FIELDS =
      Set.of(ProcessField.NICE, ProcessField.PRIORITY);

  /** The item names of {@link #SIGNED_FIELDS}. */
  public static final Set<String> SIGNED_ITEMS =
      Set.of(ProcessField.NICE.itemName(), ProcessField.PRIORITY.itemName());

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

  private Values() {}

  /**
   * Whether {@code value}, the value of the item named {@code item}, is a real value rather than
   * missing (null), empty text or the item's "not available" sentinel.
   */
  public static boolean available(String item, Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return !Double.isNaN(d) && (SIGNED_ITEMS.contains(item) || d >= 0);
    }
    if (value instanceof Number n) {
      long v = n.longValue();
      return SIGNED_ITEMS.contains(item) ? v != SIGNED_NOT_AVAILABLE : v > UNSIGNED_NOT_AVAILABLE;
    }
    return true;
  }

  /** {@code 512}, {@code 1.5K}, {@code 340M}, {@code 2.0G} (powers of 1024); {@code -} for -1. */
  public static String size(long bytes) {
    if (bytes < 0) {
      return NOT_AVAILABLE;
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

  /**
   * CPU time as {@code ps} writes TIME, whole seconds: {@code M:SS} below an hour ({@code 65,430
   * ms} is {@code 1:05}), {@code H:MM:SS} below a day, {@code D-HH:MM:SS} above; {@code -} for -1.
   */
  public static String cpuTime(long millis) {
    if (millis < 0) {
      return NOT_AVAILABLE;
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

  /**
   * A start time as {@code ps} writes START: the clock ({@code HH:mm}) when it is less than a day
   * before {@code nowMillis}, else month and day ({@code Feb17}) within a year, else the year;
   * {@code -} for -1.
   */
  public static String startTime(long epochMillis, long nowMillis, ZoneId zone) {
    if (epochMillis < 0) {
      return NOT_AVAILABLE;
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
   * #SIGNED_NOT_AVAILABLE}.
   */
  public static String signed(long v) {
    return v == SIGNED_NOT_AVAILABLE ? NOT_AVAILABLE : Long.toString(v);
  }

  /** A percentage with one decimal; {@code -} for a negative value or NaN. */
  public static String percent(double p) {
    return p >= 0 ? String.format(Locale.ROOT, "%.1f", p) : NOT_AVAILABLE;
  }

  /** A count with thousands separators ({@code 12,345}); {@code -} for a negative value. */
  public static String count(long n) {
    return n < 0 ? NOT_AVAILABLE : String.format(Locale.ROOT, "%,d", n);
  }

  /** A plain number ({@code 12345}, ids and small counts); {@code -} for a negative value. */
  public static String number(long n) {
    return n < 0 ? NOT_AVAILABLE : Long.toString(n);
  }

  /**
   * A duration in seconds with its units, so that it cannot be misread: {@code 3d 4h 05m}, {@code
   * 4h 05m}, {@code 27m 08s}; {@code -} for -1.
   */
  public static String uptime(long seconds) {
    if (seconds < 0) {
      return NOT_AVAILABLE;
    }
    long days = seconds / 86400;
    long hours = (seconds / 3600) % 24;
    long minutes = (seconds / 60) % 60;
    if (days > 0) {
      return String.format(Locale.ROOT, "%dd %dh %02dm", days, hours, minutes);
    }
    if (hours > 0) {
      return String.format(Locale.ROOT, "%dh %02dm", hours, minutes);
    }
    return String.format(Locale.ROOT, "%dm %02ds", minutes, seconds % 60);
  }

  /**
   * Text from the host in a column, as {@code ps} prints a name: every unsafe character replaced by
   * {@code ?} ({@link Printable#question}, the width stays); {@code -} for {@code ""}.
   */
  public static String text(String s) {
    return s.isEmpty() ? NOT_AVAILABLE : Printable.question(s);
  }

  /** {@code s} cut to {@code width} characters (no cut when width is 0 or less). */
  public static String cut(String s, int width) {
    return width <= 0 || s.length() <= width ? s : s.substring(0, width);
  }
}
