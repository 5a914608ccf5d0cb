package dev.psinfo.cli;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.PsText;
import dev.psinfo.text.Printable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting helpers for the human-readable views and the JSON/CSV writers (the value formats are
 * {@link PsText}'s, shared with the {@code psText} operation). Stateless.
 */
final class Text {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

  private Text() {}

  /** {@code 512}, {@code 1.5K}, {@code 340M}, {@code 2.0G} (powers of 1024); {@code -} for -1. */
  static String size(long bytes) {
    return PsText.size(bytes);
  }

  /** CPU time as {@code ps} shows it: {@code mm:ss}, {@code hh:mm:ss}, {@code d-hh:mm:ss}. */
  static String cpuTime(long millis) {
    return PsText.cpuTime(millis);
  }

  /** A start time as {@code ps} shows it: the clock today, else month and day, else the year. */
  static String startTime(long epochMillis, long nowMillis, ZoneId zone) {
    return PsText.startTime(epochMillis, nowMillis, zone);
  }

  /** A percentage with one decimal; {@code -} for -1. */
  /**
   * A value that may be negative ({@code nice}, {@code priority}); {@code -} for {@link
   * ProcessInfo#UNAVAILABLE_SIGNED}.
   */
  static String signed(int v) {
    return PsText.signed(v);
  }

  static String percent(double p) {
    return PsText.percent(p);
  }

  /**
   * A duration in seconds with its units, so that it cannot be misread: {@code 3d 4h 05m}, {@code
   * 4h 05m}, {@code 27m 08s}; {@code -} for -1.
   */
  static String uptime(long seconds) {
    if (seconds < 0) {
      return "-";
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
   * {@code s} as a JSON string literal, quotes included; every character {@link Printable#isUnsafe}
   * (C0, C1, bidirectional and invisible controls) written as a {@code \\u} escape, so the JSON
   * text is safe on a terminal and a parser still reads the exact value.
   */
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
          if (Printable.isUnsafe(c)) {
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
    return PsText.cut(s, width);
  }
}
