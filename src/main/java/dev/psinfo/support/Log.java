package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import dev.psinfo.text.Printable;

/**
 * The agent's own logging: one line per message on the standard error stream of the moment, {@code
 * psinfo-jmx LEVEL: message}, with control characters escaped so that no value read from the host
 * (a process name, an option) can forge a line. No dependency, no configuration file, no system
 * property: the host's logging is never touched. The level is the agent's {@code log=} option
 * ({@link #setLevel}), {@link Level#WARN} by default, so a healthy agent prints nothing.
 * Thread-safe.
 */
public final class Log {
  /** How much is printed; each level includes those before it. */
  public enum Level {
    /** Nothing. */
    OFF,
    /** Problems: data that could not be read, a feature that stays off. */
    WARN,
    /** Also what the agent did: registered, already registered. */
    INFO,
    /** Also details for a bug report. */
    DEBUG
  }

  private static volatile Level threshold = Level.WARN;

  private final String source;

  private Log(String source) {
    this.source = source;
  }

  /** A log whose lines name {@code type}'s simple name. */
  public static Log of(Class<?> type) {
    return new Log(type.getSimpleName());
  }

  /** Sets the level for every log of this agent copy. */
  public static void setLevel(Level level) {
    threshold = requireNonNull(level, "level is null");
  }

  /** The level in force. */
  public static Level level() {
    return threshold;
  }

  /** True when a message of {@code level} would be printed. */
  public static boolean isEnabled(Level level) {
    return level != Level.OFF && level.ordinal() <= threshold.ordinal();
  }

  /** Prints a problem; {@code format} takes {@code {}} placeholders for {@code args}. */
  public void warn(String format, Object... args) {
    print(Level.WARN, format, args);
  }

  /** Prints what the agent did. */
  public void info(String format, Object... args) {
    print(Level.INFO, format, args);
  }

  /** Prints a detail. */
  public void debug(String format, Object... args) {
    print(Level.DEBUG, format, args);
  }

  private void print(Level level, String format, Object... args) {
    if (isEnabled(level)) {
      System.err.println(
          "psinfo-jmx " + level + " [" + source + "]: " + printable(format(format, args)));
    }
  }

  /** {@code format} with each {@code {}} replaced by the next argument. */
  static String format(String format, Object... args) {
    StringBuilder b = new StringBuilder(format.length() + 32);
    int from = 0;
    for (Object arg : args) {
      int at = format.indexOf("{}", from);
      if (at < 0) {
        break;
      }
      b.append(format, from, at).append(arg);
      from = at + 2;
    }
    return b.append(format, from, format.length()).toString();
  }

  /**
   * {@code text} on one line, safe for a terminal: control, bidirectional and invisible characters
   * escaped as {@link Printable#escape} does; a backslash stays as it is.
   */
  public static String printable(String text) {
    return Printable.escape(text);
  }
}
