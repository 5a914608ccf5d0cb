package dev.psinfo.config;

import java.time.Duration;

/**
 * The one duration grammar of the agent's options and the command line's flags: {@code 0}, or a
 * whole number of up to 9 digits followed by {@code ms}, {@code s}, {@code m} or {@code h} ({@code
 * 250ms}, {@code 2s}, {@code 5m}, {@code 1h}). Stateless.
 */
public final class Durations {
  /** What a message says is expected. */
  public static final String EXPECTED = "a duration such as 500ms, 2s, 5m or 1h";

  private Durations() {}

  /** The duration {@code text} stands for, or null when it is not one. */
  public static Duration parse(String text) {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    // by hand, not by a regex: premain parses durations, and java.util.regex costs it ~30 classes
    int digits = 0;
    while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    String unit = text.substring(digits);
    if (digits == 0
        || digits > 9
        || !(unit.equals("ms") || unit.equals("s") || unit.equals("m") || unit.equals("h"))) {
      return null;
    }
    long n = Long.parseLong(text, 0, digits, 10);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
