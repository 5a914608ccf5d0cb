package dev.psinfo.cli;

import dev.psinfo.probe.ProcessInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers for the human-readable views and the JSON/CSV writers. Stateless. */
final class Text {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

  private Text() {}

  /** {@code 512}, {@code 1.5K}, {@code 340M}, {@code 2.0G} (powers of 1024); {@code -} for -1. */
  static String size(long bytes) {
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
  static String cpuTime(long millis) {
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
  static String startTime(long epochMillis, long nowMillis, ZoneId zone) {
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

  /** A percentage with one decimal; {@code -} for -1. */
  /**
   * A value that may be negative ({@code nice}, {@code priority}); {@code -} for {@link
   * ProcessInfo#UNAVAILABLE_SIGNED}.
   */
  static String signed(int v) {
    return v == ProcessInfo.UNAVAILABLE_SIGNED ? "-" : Integer.toString(v);
  }

  static String percent(double p) {
    return p < 0 ? "-" : String.format(Locale.ROOT, "%.1f", p);
  }

  /** A duration in seconds as {@code 3d 04:12} or {@code 04:12}; {@code -} for -1. */
  static String uptime(long seconds) {
    if (seconds < 0) {
      return "-";
    }
    long days = seconds / 86400;
    String hm = String.format(Locale.ROOT, "%02d:%02d", (seconds / 3600) % 24, (seconds / 60) % 60);
    return days > 0 ? days + "d " + hm : hm;
  }

  /** {@code s} as a JSON string literal, quotes included. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A JSON number for {@code v}: integral values without a fraction; never NaN or infinite. */
  static String json(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-1";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** {@code s} as a CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** {@code s} cut to {@code width} characters (no cut when width is 0 or less). */
  static String cut(String s, int width) {
    return width <= 0 || s.length() <= width ? s : s.substring(0, width);
  }

  /** Replaces control characters (a process may name itself anything) with {@code ?}. */
  static String printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7f) {
        StringBuilder b = new StringBuilder(s);
        for (int j = i; j < b.length(); j++) {
          if (b.charAt(j) < 0x20 || b.charAt(j) == 0x7f) {
            b.setCharAt(j, '?');
          }
        }
        return b.toString();
      }
    }
    return s;
  }
}
