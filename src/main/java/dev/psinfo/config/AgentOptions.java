package dev.psinfo.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agent's settings, parsed once from the {@code -javaagent} options by {@link OptionsParser}:
 * one value per {@link Option} (its default when not given), read with {@link #get(Option)}, or
 * {@link #named(Option)} for the {@code prefix.NAME} options. What each option means, its default
 * and its bounds are declared once, in {@link Option}; the named accessors below are shorthands for
 * the readers that had them. Immutable; equal when every value and the source are equal.
 */
public final class AgentOptions {
  /**
   * The most {@code group.NAME} options accepted: each group is a bean, a compiled regex and a
   * matching pass per read (34,000 groups from a 1 MB config file cost 79 MB of idle heap).
   */
  public static final int MAX_GROUPS = 1000;

  /** {@code registerDelay=auto}: {@link Option#REGISTER_DELAY_AUTO}. */
  public static final Duration REGISTER_DELAY_AUTO = Option.REGISTER_DELAY_AUTO;

  /** One value per option, at {@link Option#index()}; a prefix option's is a sorted name map. */
  private final Object[] values;

  private final String source;

  private AgentOptions(Object[] values, String source) {
    this.values = values;
    this.source = requireNonNull(source, "source is null");
    for (Option<?> o : Option.ALL) {
      if (o.isPrefix()) {
        Map<?, ?> named = (Map<?, ?>) values[o.index()];
        for (Map.Entry<?, ?> e : named.entrySet()) {
          // messages built only when thrown: premain runs this, and each shape of string
          // concatenation spins method handles at its first use
          String name = (String) e.getKey();
          if (name == null || e.getValue() == null) {
            throw new NullPointerException(o.displayKey() + ": a name or a value is null");
          }
          if (!isGroupName(name)) {
            throw new IllegalArgumentException(
                "group name must be 1-64 letters, digits, '_' or '-': '" + o.key() + name + "'");
          }
          o.check(e.getValue());
        }
      } else {
        o.check(values[o.index()]);
      }
    }
    Map<String, UserPattern> groups = groups();
    if (groups.size() > MAX_GROUPS) {
      throw new IllegalArgumentException(
          "too many groups: " + groups.size() + " (at most " + MAX_GROUPS + ")");
    }
    for (String name : expected().keySet()) {
      if (!groups.containsKey(name)) {
        throw new IllegalArgumentException(
            Option.EXPECT.key() + name + " names no group (no group." + name + "=REGEX)");
      }
    }
  }

  /** The value of {@code option}: given, or its default. */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    if (option.isPrefix()) {
      throw new IllegalArgumentException(option.displayKey() + " has a value per NAME: named()");
    }
    return (T) values[option.index()];
  }

  /** The values of a {@code prefix.NAME} option, NAME to value, sorted by NAME. */
  @SuppressWarnings("unchecked")
  public <T> Map<String, T> named(Option<T> option) {
    if (!option.isPrefix()) {
      throw new IllegalArgumentException(option.displayKey() + " is not a prefix option: get()");
    }
    return (Map<String, T>) values[option.index()];
  }

  /** Which platform reader to use. */
  public ProbeKind probe() {
    return get(Option.PROBE);
  }

  /** The process directory to scan ({@code /proc}, or a fake tree). */
  public Path procRoot() {
    return get(Option.PROC_ROOT);
  }

  /** The passwd-format file for user names. */
  public Path passwdFile() {
    return get(Option.PASSWD_FILE);
  }

  /** How long one scan is served before the next read scans again. */
  public Duration ttl() {
    return get(Option.TTL);
  }

  /** Only processes whose name or arguments match this (null: all). */
  public UserPattern include() {
    return get(Option.INCLUDE);
  }

  /** Drop processes whose name or arguments match this (null: none). */
  public UserPattern exclude() {
    return get(Option.EXCLUDE);
  }

  /** Only processes whose effective user is one of these names or uids (empty: all). */
  public Set<String> users() {
    return get(Option.USERS);
  }

  /** At most this many rows per read (0: no limit). */
  public int maxRows() {
    return get(Option.MAX_ROWS);
  }

  /** Which rows {@code Processes} keeps when {@code maxRows} cuts the table. */
  public ExportOrder exportTop() {
    return get(Option.EXPORT_TOP);
  }

  /** Whether secret values are masked in command lines. */
  public boolean scrubArgs() {
    return get(Option.SCRUB_ARGS);
  }

  /** Extra words that mark an argument as secret, on top of the built-in list. */
  public List<String> scrubWords() {
    return get(Option.SCRUB_WORDS);
  }

  /** AIX: whether whole command lines are read from {@code /proc/<pid>/as} where readable. */
  public boolean fullArgs() {
    return get(Option.FULL_ARGS);
  }

  /**
   * How long to wait before registering the MBeans (0: at once), or {@link #REGISTER_DELAY_AUTO}.
   */
  public Duration registerDelay() {
    return get(Option.REGISTER_DELAY);
  }

  /** The most of one process's command line read and kept (Linux). */
  public int maxArgsBytes() {
    return get(Option.MAX_ARGS_BYTES);
  }

  /** How much the agent prints on the host's standard error. */
  public LogLevel log() {
    return get(Option.LOG);
  }

  /**
   * Named process groups ({@code group.NAME=REGEX}): name to regex, sorted by name; each becomes a
   * {@code psinfo:type=ProcessGroup,name=NAME} bean.
   */
  public Map<String, UserPattern> groups() {
    return named(Option.GROUP);
  }

  /** Processes always in {@code Processes}, even when {@code maxRows} cuts it (null: none). */
  public UserPattern pin() {
    return get(Option.PIN);
  }

  /** How often the table is compared for start/exit notifications while someone listens. */
  public Duration eventInterval() {
    return get(Option.EVENT_INTERVAL);
  }

  /** {@code expect.NAME=N}: group name to how many processes it should have. */
  public Map<String, Integer> expected() {
    return named(Option.EXPECT);
  }

  /** How many processes group {@code name} should have: {@code expect.NAME}, else 0. */
  public int expectedCount(String name) {
    return expected().getOrDefault(name, Option.EXPECT.defaultValue());
  }

  /** Where the options came from, for the agent's status bean. */
  public String source() {
    return source;
  }

  /**
   * True when {@code name} is a group's name: 1-64 ASCII letters, digits, {@code _} or {@code -}.
   */
  public static boolean isGroupName(String name) {
    if (name == null || name.isEmpty() || name.length() > 64) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The defaults: every process of {@code /proc}, 2 s ttl, secrets scrubbed. */
  public static AgentOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    System.arraycopy(values, 0, b.values, 0, values.length);
    return b.source(source);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentOptions a
        && Arrays.equals(values, a.values)
        && source.equals(a.source);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + source.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("AgentOptions[");
    for (Option<?> o : Option.ALL) {
      b.append(o.key()).append(o.isPrefix() ? "*" : "").append('=');
      b.append(values[o.index()]).append(", ");
    }
    return b.append("source=").append(source).append(']').toString();
  }

  /**
   * Builds {@link AgentOptions}; every option starts at its default ({@link Option#defaultValue}).
   * Not thread-safe.
   */
  public static final class Builder {
    private final Object[] values = new Object[Option.ALL.size()];
    private String source = "";

    private Builder() {
      for (Option<?> o : Option.ALL) {
        values[o.index()] = o.isPrefix() ? Map.of() : o.defaultValue();
      }
    }

    /** Sets {@code option}, not a prefix option (null: none, for an option without a default). */
    public <T> Builder set(Option<T> option, T value) {
      if (option.isPrefix()) {
        throw new IllegalArgumentException(option.displayKey() + " has a value per NAME: named()");
      }
      values[option.index()] = value;
      return this;
    }

    /** Sets every value of a {@code prefix.NAME} option: NAME to value. */
    public <T> Builder named(Option<T> option, Map<String, T> named) {
      if (!option.isPrefix()) {
        throw new IllegalArgumentException(option.displayKey() + " is not a prefix option: set()");
      }
      if (named == null) {
        throw new NullPointerException(option.displayKey() + " is null");
      }
      values[option.index()] = named;
      return this;
    }

    /** Where the options came from, for the agent's status bean. */
    public Builder source(String v) {
      source = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a value is out of its option's bounds or of the wrong
     *     type
     * @throws NullPointerException when a value that has a default is null
     */
    public AgentOptions build() {
      Object[] copy = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        copy[i] = immutable(values[i]);
      }
      return new AgentOptions(copy, source);
    }

    private static Object immutable(Object v) {
      if (v instanceof Map<?, ?> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
      }
      if (v instanceof Set<?> s) {
        return Set.copyOf(s);
      }
      if (v instanceof List<?> l) {
        return List.copyOf(l);
      }
      return v;
    }
  }
}
