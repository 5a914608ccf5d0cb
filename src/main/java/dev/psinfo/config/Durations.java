package dev.psinfo.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of the agent's options and the command line's flags: {@code 0}, or a
 * whole number of up to 9 digits followed by {@code ms}, {@code s}, {@code m} or {@code h} ({@code
 * 250ms}, {@code 2s}, {@code 5m}, {@code 1h}). Stateless.
 */
public final class Durations {
  /** What a message says is expected. */
  public static final String EXPECTED = "a duration such as 500ms, 2s, 5m or 1h";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /** The duration {@code text} stands for, or null when it is not one. */
  public static Duration parse(String text) {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
