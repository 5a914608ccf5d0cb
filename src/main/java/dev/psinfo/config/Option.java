package dev.psinfo.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One agent option, declared once: its key, the grammar of its value, its default, its bounds, what
 * it means and whether a running agent applies it (live). Everything else derives from these
 * declarations: {@link OptionsParser}'s dispatch and its messages, the known keys ({@link #keys()},
 * named in the one-line error and by {@code attach}), the live keys ({@link #liveKeys()}, what
 * {@code applyOptions} and {@code attach} apply), {@link AgentOptions}' defaults and validation,
 * and README's options table ({@code OptionsDocsTest} checks it and rewrites it with {@code
 * -Dpsinfo.writeDocs=true}).
 *
 * <p>Adding an option is one declaration here (in the order README lists it) plus its tests; code
 * reads it with {@link AgentOptions#get(Option)} (or {@link AgentOptions#named(Option)} for a
 * {@code prefix.NAME} option). A live option is also applied by {@code agent.LiveSettings}, whose
 * test fails for a live option it does not apply.
 *
 * <p>Built without lambdas or regexes (premain runs this: docs/PERFORMANCE.md, start-up). Immutable
 * and thread-safe.
 *
 * @param <T> the type of the option's value in {@link AgentOptions}
 */
public final class Option<T> {
  /** The grammar of a value; each kind's Java type is fixed by the factory that declares it. */
  enum Kind {
    /** {@code true} or {@code false}, any case: {@link Boolean}. */
    BOOLEAN,
    /** A whole number within the bounds: {@link Integer}. */
    COUNT,
    /** {@link Durations}' grammar within the bounds: {@link Duration}. */
    DURATION,
    /** {@code auto} ({@link AgentOptions#REGISTER_DELAY_AUTO}) or a duration. */
    DURATION_OR_AUTO,
    /** A constant of an enum, by name, any case. */
    CHOICE,
    /** A {@link UserPattern}; absent: null. */
    REGEX,
    /** Names separated by {@code :}: a {@link Set}; absent: empty. */
    NAME_SET,
    /** Names separated by {@code :}: a {@link List}; absent: empty. */
    NAME_LIST,
    /** An existing directory: {@link Path}. */
    DIRECTORY,
    /** A readable regular file: {@link Path}. */
    READABLE_FILE,
    /** The {@code config} file, read by the parser itself: {@link Path}; absent: null. */
    CONFIG_FILE
  }

  /**
   * {@code registerDelay=auto}, the default: register at once unless the host is one that installs
   * its own {@code java.util.logging} manager after start-up; then wait until it has.
   */
  public static final Duration REGISTER_DELAY_AUTO = Duration.ofNanos(-1);

  /** Filled by the declarations below, in their order; must stay above them. */
  private static final List<Option<?>> DECLARED = new ArrayList<>();

  public static final Option<ProbeKind> PROBE =
      choice("probe", ProbeKind.class)
          .byDefault("auto")
          .means("which reader: `auto` (AIX when `os.name` is AIX, else Linux), `linux` or `aix`");

  public static final Option<Path> PROC_ROOT =
      directory("procRoot")
          .byDefault("/proc")
          .means("the process directory to read (a captured or fake tree works too)");

  public static final Option<Path> PASSWD_FILE =
      readableFile("passwdFile")
          .byDefault("/etc/passwd")
          .means("user names; directory (LDAP/NIS) users are resolved through the JDK, no fork");

  public static final Option<LogLevel> LOG =
      choice("log", LogLevel.class)
          .byDefault("warn")
          .live()
          .means(
              "what the agent prints on the application's stderr, one line per message: `off`,"
                  + " `warn` (problems only: a healthy agent prints nothing), `info` (also"
                  + " \"registered …\"), `debug`. The agent has no logging library: nothing the"
                  + " application configures (slf4j, logback, JUL) changes it. `attach PID"
                  + " log=debug` turns details on in a running agent"
                  + " ([below](#changing-options-at-run-time))");

  public static final Option<Duration> TTL =
      duration("ttl")
          .byDefault("2s")
          .atMost("1h")
          .live()
          .means("how long one scan is served to every read (`0`: every read scans)");

  public static final Option<UserPattern> INCLUDE =
      regex("include")
          .means(
              "keep only processes whose name or arguments match this regex (RE2 syntax, below);"
                  + " absent: all");

  public static final Option<UserPattern> EXCLUDE =
      regex("exclude")
          .means("drop processes whose name or arguments match this regex; absent: none");

  public static final Option<Set<String>> USERS =
      nameSet("users").means("keep only these effective users (names or uids); absent: all");

  public static final Option<Integer> MAX_ROWS =
      count("maxRows", "rows")
          .byDefault("0")
          .atLeast("0")
          .means("at most this many rows per read (`0`: no limit)");

  public static final Option<ExportOrder> EXPORT_TOP =
      choice("exportTop", ExportOrder.class)
          .byDefault("cpu")
          .means(
              "which rows `Processes` keeps when `maxRows` cuts it: the highest recent CPU or the"
                  + " largest resident set");

  public static final Option<Boolean> SCRUB_ARGS =
      bool("scrubArgs")
          .byDefault("true")
          .means(
              "mask secrets (`--password x`, `-Dtoken=x`, `user:pass@`, headers, JDBC URLs, JSON;"
                  + " `docs/SECURITY.md` lists every form) in command lines");

  public static final Option<List<String>> SCRUB_WORDS =
      nameList("scrubWords")
          .means("more words that mark a secret argument, on top of the built-in list");

  public static final Option<Boolean> FULL_ARGS =
      bool("fullArgs")
          .byDefault("true")
          .means(
              "AIX: read whole command lines from `/proc/<pid>/as` where the agent may (its own"
                  + " user's processes; all as root); `false` keeps the 79 characters of `psinfo`"
                  + " (no effect on Linux, whose `cmdline` is whole)");

  public static final Option<Integer> MAX_ARGS_BYTES =
      count("maxArgsBytes", "bytes")
          .byDefault("65536")
          .atLeast("4096")
          .atMost("1048576")
          .means(
              "Linux: the most of one command line read and kept; longer ones are cut and marked"
                  + " `argsTruncated`. A scan keeps 16 MB of arguments in full (UTF-8 bytes of the"
                  + " text kept: an invalid byte shown as U+FFFD counts 3), then 4 KB per process");

  public static final Option<Duration> REGISTER_DELAY =
      durationOrAuto("registerDelay")
          .byDefault("auto")
          .means(
              "`auto`: register at once, except in a host that sets up its own `java.util.logging`"
                  + " manager after start-up (`JBOSS_HOME` set, jboss-modules' main class, or"
                  + " `java.util.logging.manager` naming a class off the system class path:"
                  + " WildFly/JBoss), where registration waits until the host has loaded its"
                  + " LogManager (at most 2 min), so the host's manager stays in effect; a duration"
                  + " (`0`, `30s`) registers exactly that long after start-up. Registration always"
                  + " runs on a short-lived daemon thread, so the application's start is not held"
                  + " up");

  public static final Option<UserPattern> GROUP =
      regex("group.")
          .prefix()
          .means(
              "up to "
                  + AgentOptions.MAX_GROUPS
                  + " of them (more is refused like any bad option: each group is a bean, a regex"
                  + " and a matching pass per read; 34,000 cost 79 MB of idle heap):"
                  + " `group.db=postgres|mysqld` registers `psinfo:type=ProcessGroup,name=db` over"
                  + " the shown processes whose name or arguments match; NAME is 1–64 letters,"
                  + " digits, `_`, `-`");

  public static final Option<Integer> EXPECT =
      count("expect.", "processes")
          .prefix()
          .byDefault("0")
          .atLeast("0")
          .atMost("1000000")
          .means(
              "how many processes group NAME (a `group.NAME` option) should have: its bean's `Up`"
                  + " is false and it sends `psinfo.group.down` while it has fewer ([Expected"
                  + " counts](#expected-counts-up-down-and-restarts)); `0`: always up");

  public static final Option<Boolean> GROUP_CHILDREN =
      bool("groupChildren")
          .byDefault("false")
          .means(
              "`true`: a group's members are the processes that match and every descendant of one"
                  + " (by parent pid over the same snapshot; each counted once; a process that"
                  + " started before the process holding its parent pid is not its child), so"
                  + " `group.web=^nginx: master` counts the workers it forks (and each new"
                  + " descendant counts in the group's `Restarts`). `false` by default:"
                  + " a group counts what its regex names, so counts, dashboards and `expect.NAME`"
                  + " stay as they were, and short-lived helpers a service forks (a shell, a"
                  + " health check) do not move its count");

  public static final Option<UserPattern> PIN =
      regex("pin")
          .means(
              "processes whose name or arguments match this regex are always in `Processes`, even"
                  + " when `maxRows` cuts the table (they come on top of the `maxRows` rows)");

  public static final Option<Duration> EVENT_INTERVAL =
      duration("eventInterval")
          .byDefault("5s")
          .atLeast("1s")
          .live()
          .means(
              "how often the table is compared for start/exit notifications while a listener is"
                  + " registered");

  public static final Option<Path> CONFIG =
      configFile("config")
          .means(
              "a `.properties` file with the same keys (not `config`); inline options override it");

  /** Every option, in the order README lists them. */
  public static final List<Option<?>> ALL = List.copyOf(DECLARED);

  private static final List<String> KEYS = keyList(false);
  private static final List<String> LIVE_KEYS = keyList(true);

  private final int index;
  private final String key;
  private final boolean prefix;
  private final Kind kind;
  private final Class<? extends Enum<?>> choices;
  private final String unit;
  private final String defaultText;
  private final Object defaultValue;
  private final String minText;
  private final String maxText;
  private final Object min;
  private final Object max;
  private final boolean live;
  private final String description;

  private Option(Spec<T> s, String description) {
    this.index = DECLARED.size();
    this.key = s.key;
    this.prefix = s.prefix;
    this.kind = s.kind;
    this.choices = s.choices;
    this.unit = s.unit;
    this.defaultText = s.defaultText;
    this.minText = s.minText;
    this.maxText = s.maxText;
    this.live = s.live;
    this.description = requireNonNull(description, "description is null");
    try {
      // the declaration's own texts in its own grammar, without the file system's checks
      this.min = minText == null ? null : convert(key, minText, false);
      this.max = maxText == null ? null : convert(key, maxText, false);
      this.defaultValue = defaultText == null ? absent(kind) : convert(key, defaultText, false);
    } catch (OptionsException e) {
      throw new IllegalStateException("bad declaration of option " + key + ": " + e.getMessage());
    }
    if (defaultValue != null && !fits(defaultValue)) {
      throw new IllegalStateException("default of option " + key + " is out of its bounds");
    }
  }

  /** The key: {@code ttl}; for a {@link #isPrefix() prefix} option, the prefix: {@code group.}. */
  public String key() {
    return key;
  }

  /** The key as the documentation writes it: {@code ttl}, {@code group.NAME}. */
  public String displayKey() {
    return prefix ? key.concat("NAME") : key;
  }

  /** True for {@code prefix.NAME} options, any number of them, each with its own NAME. */
  public boolean isPrefix() {
    return prefix;
  }

  /** True when a running agent applies a new value ({@code attach}, {@code applyOptions}). */
  public boolean isLive() {
    return live;
  }

  /** What the option means, Markdown, for README's table. */
  public String description() {
    return description;
  }

  /** The default as written in the options (null when the option has none). */
  public String defaultText() {
    return defaultText;
  }

  /** The value when the option is not given: null, or an empty set or list, when none. */
  @SuppressWarnings("unchecked")
  public T defaultValue() {
    return (T) defaultValue;
  }

  /** Where this option's value is kept in {@link AgentOptions}: its place in {@link #ALL}. */
  int index() {
    return index;
  }

  /** The values accepted, as messages and README say them: {@code a whole number from 0 to 9}. */
  public String values() {
    return switch (kind) {
      case BOOLEAN -> "true or false";
      case COUNT ->
          "a number of "
              + unit
              + (maxText == null
                  ? ", " + minText + " or more"
                  : " from " + minText + " to " + maxText);
      case DURATION -> durationValues();
      case DURATION_OR_AUTO -> "auto or " + durationValues();
      case CHOICE -> choiceNames();
      case REGEX -> "a regex";
      case NAME_SET, NAME_LIST -> "names separated by ':'";
      case DIRECTORY -> "a directory";
      case READABLE_FILE -> "a readable file";
      case CONFIG_FILE -> "a properties file";
    };
  }

  private String durationValues() {
    String d = Durations.EXPECTED;
    if (minText != null) {
      d += ", at least " + minText;
    }
    if (maxText != null) {
      d += ", at most " + maxText;
    }
    return d;
  }

  private String choiceNames() {
    Enum<?>[] constants = choices.getEnumConstants();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < constants.length; i++) {
      if (i > 0) {
        b.append(i == constants.length - 1 ? " or " : ", ");
      }
      b.append(constants[i].name().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  /**
   * The value {@code v} given for {@code givenKey} (this option's key, or {@code prefix.NAME}).
   *
   * @throws OptionsException naming {@code givenKey}, the value and what is expected
   */
  @SuppressWarnings("unchecked")
  public T parse(String givenKey, String v) throws OptionsException {
    Object value = convert(givenKey, v, true);
    if (min != null && compare(value, min) < 0) {
      throw kind == Kind.DURATION
          ? bad(givenKey, v, "is shorter than " + minText)
          : bad(givenKey, v, "(expected " + values() + ")");
    }
    if (max != null && compare(value, max) > 0) {
      throw kind == Kind.DURATION
          ? bad(givenKey, v, "is longer than the maximum of " + maxText)
          : bad(givenKey, v, "(expected " + values() + ")");
    }
    return (T) value;
  }

  /**
   * Checks a value set in code ({@link AgentOptions.Builder}): of this option's type, within its
   * bounds, null only for an option without a default.
   *
   * @throws IllegalArgumentException when it is not
   * @throws NullPointerException when it is null and may not be
   */
  void check(Object value) {
    if (value == null) {
      if (defaultValue != null) {
        throw new NullPointerException(displayKey() + " is null");
      }
      return;
    }
    if (!type().isInstance(value)) {
      throw new IllegalArgumentException(
          displayKey() + " must be a " + type().getSimpleName() + ": " + value);
    }
    if (!fits(value)) {
      throw new IllegalArgumentException(displayKey() + " must be " + values() + ": " + value);
    }
  }

  private boolean fits(Object value) {
    if (kind == Kind.DURATION_OR_AUTO) {
      return value.equals(REGISTER_DELAY_AUTO) || !((Duration) value).isNegative();
    }
    if (kind == Kind.DURATION && ((Duration) value).isNegative()) {
      return false;
    }
    return (min == null || compare(value, min) >= 0) && (max == null || compare(value, max) <= 0);
  }

  private Class<?> type() {
    return switch (kind) {
      case BOOLEAN -> Boolean.class;
      case COUNT -> Integer.class;
      case DURATION, DURATION_OR_AUTO -> Duration.class;
      case CHOICE -> choices;
      case REGEX -> UserPattern.class;
      case NAME_SET -> Set.class;
      case NAME_LIST -> List.class;
      case DIRECTORY, READABLE_FILE, CONFIG_FILE -> Path.class;
    };
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Integer i) {
      return Integer.compare(i, (Integer) b);
    }
    return ((Duration) a).compareTo((Duration) b);
  }

  private static Object absent(Kind kind) {
    return switch (kind) {
      case NAME_SET -> Set.of();
      case NAME_LIST -> List.of();
      default -> null;
    };
  }

  /** {@code v} in this option's grammar; with {@code checkFiles}, a path must be what it names. */
  private Object convert(String k, String v, boolean checkFiles) throws OptionsException {
    switch (kind) {
      case BOOLEAN:
        if (v.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw bad(k, v, "(expected true or false)");
      case COUNT:
        try {
          return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
          throw bad(k, v, "(expected " + values() + ")");
        }
      case DURATION_OR_AUTO:
        if (v.equals("auto")) {
          return REGISTER_DELAY_AUTO;
        }
        return duration(k, v);
      case DURATION:
        return duration(k, v);
      case CHOICE:
        for (Enum<?> e : choices.getEnumConstants()) {
          if (e.name().equalsIgnoreCase(v)) {
            return e;
          }
        }
        throw bad(k, v, "(expected " + choiceNames() + ")");
      case REGEX:
        if (v.isEmpty()) {
          throw new OptionsException("bad value for " + k + ": empty regex");
        }
        try {
          return UserPattern.compile(v);
        } catch (IllegalArgumentException e) {
          throw new OptionsException("bad value for " + k + ": " + e.getMessage());
        }
      case NAME_SET:
        return Set.copyOf(names(k, v));
      case NAME_LIST:
        return List.copyOf(names(k, v));
      case DIRECTORY:
        {
          Path p = path(k, v);
          if (checkFiles && !Files.isDirectory(p)) {
            throw bad(k, v, "is not a directory");
          }
          return p;
        }
      case READABLE_FILE:
        {
          Path p = path(k, v);
          if (checkFiles && (!Files.isRegularFile(p) || !Files.isReadable(p))) {
            throw bad(k, v, "is not a readable file");
          }
          return p;
        }
      case CONFIG_FILE:
        return path(k, v);
      default:
        throw new IllegalStateException("kind " + kind);
    }
  }

  private static Duration duration(String k, String v) throws OptionsException {
    Duration d = Durations.parse(v);
    if (d == null) {
      throw bad(k, v, "(expected " + Durations.EXPECTED + ")");
    }
    return d;
  }

  private static Collection<String> names(String k, String v) throws OptionsException {
    Set<String> items = new LinkedHashSet<>();
    for (String s : v.split(":", -1)) {
      if (!s.isBlank()) {
        items.add(s.trim());
      }
    }
    if (items.isEmpty()) {
      throw bad(k, v, "(expected names separated by ':')");
    }
    return items;
  }

  /** A path given as text: not empty, one the file system can name. */
  static Path path(String k, String v) throws OptionsException {
    if (v.isEmpty()) {
      throw new OptionsException("bad value for " + k + ": empty path");
    }
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw bad(k, v, "is not a path");
    }
  }

  static OptionsException bad(String k, String v, String why) {
    return new OptionsException("bad value for " + k + ": '" + v + "' " + why);
  }

  /**
   * The option {@code key} names: its own key, or {@code prefix.NAME} for a prefix option (NAME is
   * not checked here: {@link AgentOptions#isGroupName}); null when none does.
   */
  public static Option<?> forKey(String key) {
    for (Option<?> o : ALL) {
      if (o.prefix ? key.startsWith(o.key) : key.equals(o.key)) {
        return o;
      }
    }
    return null;
  }

  /** Every key, as the documentation writes them ({@code group.NAME}), in README's order. */
  public static List<String> keys() {
    return KEYS;
  }

  /** The keys of the options a running agent applies, in README's order. */
  public static List<String> liveKeys() {
    return LIVE_KEYS;
  }

  private static List<String> keyList(boolean liveOnly) {
    List<String> keys = new ArrayList<>();
    for (Option<?> o : ALL) {
      if (!liveOnly || o.live) {
        keys.add(o.displayKey());
      }
    }
    return List.copyOf(keys);
  }

  @Override
  public String toString() {
    return displayKey();
  }

  private static Spec<Boolean> bool(String key) {
    return new Spec<>(Kind.BOOLEAN, key, null, null);
  }

  private static Spec<Duration> duration(String key) {
    return new Spec<>(Kind.DURATION, key, null, null);
  }

  private static Spec<Duration> durationOrAuto(String key) {
    return new Spec<>(Kind.DURATION_OR_AUTO, key, null, null);
  }

  private static Spec<UserPattern> regex(String key) {
    return new Spec<>(Kind.REGEX, key, null, null);
  }

  private static Spec<Set<String>> nameSet(String key) {
    return new Spec<>(Kind.NAME_SET, key, null, null);
  }

  private static Spec<List<String>> nameList(String key) {
    return new Spec<>(Kind.NAME_LIST, key, null, null);
  }

  private static Spec<Path> directory(String key) {
    return new Spec<>(Kind.DIRECTORY, key, null, null);
  }

  private static Spec<Path> readableFile(String key) {
    return new Spec<>(Kind.READABLE_FILE, key, null, null);
  }

  private static Spec<Path> configFile(String key) {
    return new Spec<>(Kind.CONFIG_FILE, key, null, null);
  }

  private static Spec<Integer> count(String key, String unit) {
    return new Spec<>(Kind.COUNT, key, null, unit);
  }

  private static <E extends Enum<E>> Spec<E> choice(String key, Class<E> type) {
    return new Spec<>(Kind.CHOICE, key, type, null);
  }

  /** A declaration being written; {@link #means} ends it. */
  private static final class Spec<T> {
    private final Kind kind;
    private final String key;
    private final Class<? extends Enum<?>> choices;
    private final String unit;
    private boolean prefix;
    private String defaultText;
    private String minText;
    private String maxText;
    private boolean live;

    private Spec(Kind kind, String key, Class<? extends Enum<?>> choices, String unit) {
      this.kind = kind;
      this.key = key;
      this.choices = choices;
      this.unit = unit;
    }

    Spec<T> prefix() {
      prefix = true;
      return this;
    }

    /** The default, written as a user would write the value; no call: none. */
    Spec<T> byDefault(String text) {
      defaultText = text;
      return this;
    }

    /** The smallest value accepted, written as a user would write it. */
    Spec<T> atLeast(String text) {
      minText = text;
      return this;
    }

    /** The largest value accepted, written as a user would write it. */
    Spec<T> atMost(String text) {
      maxText = text;
      return this;
    }

    Spec<T> live() {
      live = true;
      return this;
    }

    /** Ends the declaration: the option, added to {@link #ALL}. */
    Option<T> means(String description) {
      Option<T> o = new Option<>(this, description);
      DECLARED.add(o);
      return o;
    }
  }
}
