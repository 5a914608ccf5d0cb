package dev.psinfo.cli;

import dev.psinfo.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed arguments of one command: options with a value ({@code --sort cpu}, {@code
 * --sort=cpu}, {@code -n 5}), flags ({@code --force}) and positional arguments, in the order given.
 * {@code --help} and {@code -h} are always accepted as flags. A lone {@code --} ends the options.
 * Immutable once parsed.
 */
final class Args {
  private final String command;
  private final Map<String, String> values;
  private final Set<String> flags;
  private final List<String> positionals;

  private Args(
      String command, Map<String, String> values, Set<String> flags, List<String> positionals) {
    this.command = command;
    this.values = Map.copyOf(values);
    this.flags = Set.copyOf(flags);
    this.positionals = List.copyOf(positionals);
  }

  /**
   * Parses {@code tokens} for {@code command}.
   *
   * @param valued the options that take a value, with their dashes ({@code --sort}, {@code -n})
   * @param flagNames the options that take none
   * @throws UsageException on an unknown option, a missing value or an option given twice
   */
  static Args parse(String command, List<String> tokens, Set<String> valued, Set<String> flagNames)
      throws UsageException {
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new java.util.HashSet<>();
    List<String> positionals = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (optionsEnded || !t.startsWith("-") || t.equals("-")) {
        positionals.add(t);
        continue;
      }
      if (t.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (t.equals("--help") || t.equals("-h")) {
        flags.add("--help");
        continue;
      }
      String name = t;
      String value = null;
      int eq = t.indexOf('=');
      if (t.startsWith("--") && eq > 0) {
        name = t.substring(0, eq);
        value = t.substring(eq + 1);
      }
      if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= tokens.size()) {
            throw new UsageException(command + ": option " + name + " needs a value");
          }
          value = tokens.get(++i);
        }
        if (values.put(name, value) != null) {
          throw new UsageException(command + ": option " + name + " is given twice");
        }
      } else if (flagNames.contains(name) && value == null) {
        flags.add(name);
      } else if (flagNames.contains(name)) {
        throw new UsageException(command + ": option " + name + " takes no value");
      } else {
        throw new UsageException(
            command + ": unknown option '" + t + "' (see: " + command + " --help)");
      }
    }
    return new Args(command, values, flags, positionals);
  }

  /** The command these arguments belong to, for messages. */
  String command() {
    return command;
  }

  boolean help() {
    return flags.contains("--help");
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** The option's value, or {@code fallback} when it was not given. */
  String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  List<String> positionals() {
    return positionals;
  }

  /** Fails unless there are between {@code min} and {@code max} positional arguments. */
  void expectPositionals(int min, int max, String what) throws UsageException {
    if (positionals.size() < min) {
      throw new UsageException(command + ": missing " + what + " (see: " + command + " --help)");
    }
    if (positionals.size() > max) {
      throw new UsageException(
          command
              + ": unexpected argument '"
              + positionals.get(max)
              + "' (see: "
              + command
              + " --help)");
    }
  }

  /** The option's value as one of {@code choices} (case-insensitive), lower-cased. */
  String choice(String name, String fallback, String... choices) throws UsageException {
    String v = value(name, fallback);
    for (String c : choices) {
      if (c.equalsIgnoreCase(v)) {
        return c;
      }
    }
    throw bad(name, v, String.join(", ", choices));
  }

  /** The option's value as a whole number of at least {@code min}. */
  int positiveInt(String name, int fallback, int min) throws UsageException {
    if (!has(name)) {
      return fallback;
    }
    String v = value(name, "");
    try {
      int n = Integer.parseInt(v);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(name, v, "a whole number >= " + min);
  }

  /** The option's value as a duration ({@link Durations}' grammar), at least 1 ms. */
  Duration duration(String name, Duration fallback) throws UsageException {
    if (!has(name)) {
      return fallback;
    }
    String v = value(name, "");
    Duration d = Durations.parse(v);
    if (d != null && !d.isZero()) {
      return d;
    }
    throw bad(name, v, Durations.EXPECTED);
  }

  /** {@code ps: bad value for --sort: 'x' (expected cpu, rss, pid)}. */
  private UsageException bad(String name, String value, String expected) {
    return new UsageException(
        command + ": bad value for " + name + ": '" + value + "' (expected " + expected + ")");
  }
}
