package dev.psinfo.jconsole;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * How the plugin writes values for people, and what it treats as "not available". Pure functions,
 * no state; the MBeans' sentinels are the constants below, so a change of contract is one edit.
 */
final class Format {
  /** What a value that is not available looks like. */
  static final String NOT_AVAILABLE = "—";

  /**
   * The "not available" value of a numeric item (counts, sizes, times, ids): {@code -1}, or any
   * negative value, which none of them can really take.
   */
  static final long UNSIGNED_NOT_AVAILABLE = -1;

  /**
   * The "not available" value of the items that can really be negative ({@link #SIGNED_ITEMS}):
   * there {@code -1} is a real value (a nice of -1).
   */
  static final long SIGNED_NOT_AVAILABLE = Integer.MIN_VALUE;

  /** Items whose real values include negative numbers. */
  static final Set<String> SIGNED_ITEMS = Set.of("nice", "priority");

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DAY_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Format() {}

  /** Whether the value of this item is a real value rather than absent or the sentinel. */
  static boolean available(String item, Object value) {
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

  /** Bytes in binary units as {@code top} shows them: {@code 512 B}, {@code 9.4 MiB}. */
  static String bytes(long bytes) {
    if (bytes < 0) {
      return NOT_AVAILABLE;
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    int unit = 0;
    while (v >= 1024 && unit < BINARY_UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    String digits = v < 10 ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v));
    if (digits.equals("1024") && unit < BINARY_UNITS.length - 1) {
      return "1.0 " + BINARY_UNITS[unit + 1];
    }
    return digits + " " + BINARY_UNITS[unit];
  }

  /** CPU time as {@code ps} writes TIME: {@code M:SS} below an hour, {@code [D-]H:MM:SS} above. */
  static String cpuTime(long millis) {
    if (millis < 0) {
      return NOT_AVAILABLE;
    }
    long s = millis / 1000;
    long days = s / 86_400;
    long h = s / 3600 % 24;
    long m = s / 60 % 60;
    long sec = s % 60;
    if (days > 0) {
      return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", days, h, m, sec);
    }
    if (h > 0) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec);
    }
    return String.format(Locale.ROOT, "%d:%02d.%02d", m, sec, millis % 1000 / 10);
  }

  /** A duration in seconds as {@code 3 days 04:05:06} (uptime). */
  static String duration(long seconds) {
    if (seconds < 0) {
      return NOT_AVAILABLE;
    }
    long days = seconds / 86_400;
    String clock =
        String.format(
            Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    return days == 0 ? clock : days + (days == 1 ? " day " : " days ") + clock;
  }

  /** An instant in the viewer's time zone, to the second. */
  static String localTime(long epochMillis, ZoneId zone) {
    if (epochMillis < 0) {
      return NOT_AVAILABLE;
    }
    return LOCAL_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /**
   * A start time as {@code ps} shows START: the time of day when it is the same day as {@code
   * nowMillis}, else the date and minute.
   */
  static String startTime(long epochMillis, long nowMillis, ZoneId zone) {
    if (epochMillis < 0) {
      return NOT_AVAILABLE;
    }
    var start = Instant.ofEpochMilli(epochMillis).atZone(zone);
    boolean today =
        nowMillis >= 0
            && start
                .toLocalDate()
                .equals(Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate());
    return (today ? CLOCK : DAY_MINUTE).format(start);
  }

  /** A percentage with one decimal. */
  static String percent(double percent) {
    if (Double.isNaN(percent) || percent < 0) {
      return NOT_AVAILABLE;
    }
    return String.format(Locale.ROOT, "%.1f", percent);
  }

  /** {@code part} of {@code whole} in percent, or NaN when either is unknown or whole is 0. */
  static double share(long part, long whole) {
    return part < 0 || whole <= 0 ? Double.NaN : 100.0 * part / whole;
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return n < 0 ? NOT_AVAILABLE : String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Any item of a process row, as the detail view shows it: the unit taken from the item's name,
   * sizes with the exact byte count next to the human one.
   */
  static String item(String item, Object value, ZoneId zone) {
    if (!available(item, value)) {
      return NOT_AVAILABLE;
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (value instanceof Number n) {
      long v = n.longValue();
      if (item.endsWith("Bytes")) {
        return v < 1024 ? bytes(v) : bytes(v) + " (" + count(v) + " bytes)";
      }
      if (item.equals("startTimeMillis")) {
        return localTime(v, zone);
      }
      if (item.endsWith("TimeMillis")) {
        return cpuTime(v);
      }
      if (item.equals("cpuPercent")) {
        return percent(n.doubleValue()) + " % of one CPU";
      }
      if (value instanceof Double || value instanceof Float) {
        return String.format(Locale.ROOT, "%.2f", n.doubleValue());
      }
      return SIGNED_ITEMS.contains(item) || item.endsWith("id") ? Long.toString(v) : count(v);
    }
    return value.toString();
  }

  /**
   * A person's label for a camelCase item name: {@code rssBytes} -> {@code RSS}, {@code
   * voluntaryCtxSwitches} -> {@code Voluntary ctx switches}.
   */
  static String label(String item) {
    String known =
        switch (item) {
          case "pid" -> "PID";
          case "ppid" -> "Parent PID";
          case "pgid" -> "Process group";
          case "sid" -> "Session";
          case "uid" -> "Real UID";
          case "euid" -> "Effective UID";
          case "gid" -> "Real GID";
          case "egid" -> "Effective GID";
          case "rssBytes" -> "Resident (RSS)";
          case "vszBytes" -> "Virtual (VSZ)";
          case "cpuPercent" -> "Recent CPU";
          case "cpuTimeMillis" -> "CPU time";
          case "userTimeMillis" -> "User CPU time";
          case "systemTimeMillis" -> "System CPU time";
          case "startTimeMillis" -> "Started";
          case "stateCode" -> "State letter";
          case "argsTruncated" -> "Args truncated";
          case "openFds" -> "Open files";
          case "voluntaryCtxSwitches" -> "Voluntary context switches";
          case "involuntaryCtxSwitches" -> "Involuntary context switches";
          case "readBytes" -> "Read (I/O)";
          case "writeBytes" -> "Written (I/O)";
          default -> null;
        };
    if (known != null) {
      return known;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < item.length(); i++) {
      char c = item.charAt(i);
      if (i == 0) {
        out.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        out.append(' ').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
