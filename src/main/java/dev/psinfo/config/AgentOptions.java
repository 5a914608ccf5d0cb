package dev.psinfo.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agent's settings, parsed once from the {@code -javaagent} options by {@link OptionsParser}.
 * Immutable.
 *
 * @param probe which platform reader to use
 * @param procRoot the process directory to scan ({@code /proc}, or a fake tree)
 * @param passwdFile the passwd-format file for user names
 * @param ttl how long one scan is served before the next read scans again
 * @param include only processes whose name or arguments match this (null: all)
 * @param exclude drop processes whose name or arguments match this (null: none)
 * @param users only processes whose effective user is one of these names or uids (empty: all)
 * @param maxRows at most this many rows per read (0: no limit)
 * @param exportTop which rows {@code Processes} keeps when {@code maxRows} cuts the table
 * @param scrubArgs whether secret values are masked in command lines
 * @param scrubWords extra words that mark an argument as secret, on top of the built-in list
 * @param fullArgs AIX: read whole command lines from {@code /proc/<pid>/as} where readable, not
 *     only the 79 characters of {@code psinfo} (no effect on Linux, whose {@code cmdline} is whole)
 * @param registerDelay how long to wait before registering the MBeans (0: at once), or {@link
 *     #REGISTER_DELAY_AUTO}: at start-up, until the host has set up its own {@code
 *     java.util.logging} when it is one that does so late (JBoss/WildFly)
 * @param maxArgsBytes the most of one process's command line read and kept (Linux), {@value
 *     #MIN_ARGS_BYTES} to {@value #MAX_ARGS_BYTES}; longer ones are cut ({@code argsTruncated})
 * @param log how much the agent prints on the host's standard error
 * @param groups named process groups ({@code group.NAME=REGEX}): name to the regex matched against
 *     a process's name or arguments, sorted by name; each becomes a {@code
 *     psinfo:type=ProcessGroup,name=NAME} bean
 * @param pin processes whose name or arguments match this are always in {@code Processes}, even
 *     when {@code maxRows} cuts the table (null: none)
 * @param eventInterval how often the table is compared for start/exit notifications while someone
 *     listens; at least {@link #MIN_EVENT_INTERVAL}
 * @param source where the options came from, for the agent's status bean
 * @param expected {@code expect.NAME=N}: how many processes group NAME should have (its bean's
 *     {@code Expected}, {@code Up}, notifications {@code psinfo.group.down}/{@code up}); a group
 *     without one expects 0 and is always up. Every name is a group's.
 */
public record AgentOptions(
    ProbeKind probe,
    Path procRoot,
    Path passwdFile,
    Duration ttl,
    UserPattern include,
    UserPattern exclude,
    Set<String> users,
    int maxRows,
    ExportOrder exportTop,
    boolean scrubArgs,
    List<String> scrubWords,
    boolean fullArgs,
    Duration registerDelay,
    int maxArgsBytes,
    LogLevel log,
    Map<String, UserPattern> groups,
    UserPattern pin,
    Duration eventInterval,
    String source,
    Map<String, Integer> expected) {

  /** The longest accepted {@code ttl}. */
  public static final Duration MAX_TTL = Duration.ofHours(1);

  /**
   * The most {@code group.NAME} options accepted: each group is a bean, a compiled regex and a
   * matching pass per read (34,000 groups from a 1 MB config file cost 79 MB of idle heap).
   */
  public static final int MAX_GROUPS = 1000;

  /** The largest accepted {@code expect.NAME} count. */
  public static final int MAX_EXPECTED = 1_000_000;

  /** The shortest accepted {@code eventInterval}. */
  public static final Duration MIN_EVENT_INTERVAL = Duration.ofSeconds(1);

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

  /**
   * {@code registerDelay=auto}, the default: register at once unless the host is one that installs
   * its own {@code java.util.logging} manager after start-up; then wait until it has.
   */
  public static final Duration REGISTER_DELAY_AUTO = Duration.ofNanos(-1);

  /** The default and the range of {@code maxArgsBytes}. */
  public static final int DEFAULT_ARGS_BYTES = 64 * 1024;

  public static final int MIN_ARGS_BYTES = 4 * 1024;
  public static final int MAX_ARGS_BYTES = 1024 * 1024;

  public AgentOptions {
    requireNonNull(probe, "probe is null");
    requireNonNull(procRoot, "procRoot is null");
    requireNonNull(passwdFile, "passwdFile is null");
    requireNonNull(ttl, "ttl is null");
    if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be between 0 and " + MAX_TTL + ": " + ttl);
    }
    users = Set.copyOf(requireNonNull(users, "users is null"));
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0: " + maxRows);
    }
    requireNonNull(exportTop, "exportTop is null");
    scrubWords = List.copyOf(requireNonNull(scrubWords, "scrubWords is null"));
    requireNonNull(registerDelay, "registerDelay is null");
    if (registerDelay.isNegative() && !registerDelay.equals(REGISTER_DELAY_AUTO)) {
      throw new IllegalArgumentException("registerDelay must be >= 0: " + registerDelay);
    }
    if (maxArgsBytes < MIN_ARGS_BYTES || maxArgsBytes > MAX_ARGS_BYTES) {
      throw new IllegalArgumentException(
          "maxArgsBytes must be " + MIN_ARGS_BYTES + ".." + MAX_ARGS_BYTES + ": " + maxArgsBytes);
    }
    requireNonNull(log, "log is null");
    groups = sortedCopy(requireNonNull(groups, "groups is null"));
    requireNonNull(eventInterval, "eventInterval is null");
    if (eventInterval.compareTo(MIN_EVENT_INTERVAL) < 0) {
      throw new IllegalArgumentException("eventInterval must be at least 1s: " + eventInterval);
    }
    requireNonNull(source, "source is null");
    expected =
        Collections.unmodifiableMap(new TreeMap<>(requireNonNull(expected, "expected is null")));
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      if (!groups.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "expect." + e.getKey() + " names no group (no group." + e.getKey() + "=REGEX)");
      }
      int n = requireNonNull(e.getValue(), "expected count is null");
      if (n < 0 || n > MAX_EXPECTED) {
        throw new IllegalArgumentException(
            "expect." + e.getKey() + " must be 0.." + MAX_EXPECTED + ": " + n);
      }
    }
  }

  /** How many processes group {@code name} should have: {@code expect.NAME}, else 0. */
  public int expectedCount(String name) {
    return expected.getOrDefault(name, 0);
  }

  private static Map<String, UserPattern> sortedCopy(Map<String, UserPattern> groups) {
    Map<String, UserPattern> sorted = new TreeMap<>();
    for (Map.Entry<String, UserPattern> e : groups.entrySet()) {
      String name = requireNonNull(e.getKey(), "group name is null");
      if (sorted.size() >= MAX_GROUPS) {
        throw new IllegalArgumentException(
            "too many groups: " + groups.size() + " (at most " + MAX_GROUPS + ")");
      }
      if (!isGroupName(name)) {
        throw new IllegalArgumentException(
            "group name must be 1-64 letters, digits, '_' or '-': '" + name + "'");
      }
      sorted.put(name, requireNonNull(e.getValue(), "regex of group " + name + " is null"));
    }
    return Collections.unmodifiableMap(sorted);
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
    return new Builder()
        .probe(probe)
        .procRoot(procRoot)
        .passwdFile(passwdFile)
        .ttl(ttl)
        .include(include)
        .exclude(exclude)
        .users(users)
        .maxRows(maxRows)
        .exportTop(exportTop)
        .scrubArgs(scrubArgs)
        .scrubWords(scrubWords)
        .fullArgs(fullArgs)
        .registerDelay(registerDelay)
        .maxArgsBytes(maxArgsBytes)
        .log(log)
        .groups(groups)
        .pin(pin)
        .eventInterval(eventInterval)
        .source(source)
        .expected(expected);
  }

  /**
   * Builds {@link AgentOptions}; each setter names its option, every option starts at its default.
   * Adding an option: a record component, a field with its default and a setter here, and a line in
   * {@link OptionsParser}. Not thread-safe.
   */
  public static final class Builder {
    private ProbeKind probe = ProbeKind.AUTO;
    private Path procRoot = Path.of("/proc");
    private Path passwdFile = Path.of("/etc/passwd");
    private Duration ttl = Duration.ofSeconds(2);
    private UserPattern include;
    private UserPattern exclude;
    private Set<String> users = Set.of();
    private int maxRows;
    private ExportOrder exportTop = ExportOrder.CPU;
    private boolean scrubArgs = true;
    private List<String> scrubWords = List.of();
    private boolean fullArgs = true;
    private Duration registerDelay = REGISTER_DELAY_AUTO;
    private int maxArgsBytes = DEFAULT_ARGS_BYTES;
    private LogLevel log = LogLevel.WARN;
    private Map<String, UserPattern> groups = Map.of();
    private UserPattern pin;
    private Duration eventInterval = Duration.ofSeconds(5);
    private String source = "";
    private Map<String, Integer> expected = Map.of();

    private Builder() {}

    public Builder probe(ProbeKind v) {
      probe = v;
      return this;
    }

    public Builder procRoot(Path v) {
      procRoot = v;
      return this;
    }

    public Builder passwdFile(Path v) {
      passwdFile = v;
      return this;
    }

    public Builder ttl(Duration v) {
      ttl = v;
      return this;
    }

    /** Null: every process. */
    public Builder include(UserPattern v) {
      include = v;
      return this;
    }

    /** Null: none. */
    public Builder exclude(UserPattern v) {
      exclude = v;
      return this;
    }

    public Builder users(Set<String> v) {
      users = v;
      return this;
    }

    public Builder maxRows(int v) {
      maxRows = v;
      return this;
    }

    public Builder exportTop(ExportOrder v) {
      exportTop = v;
      return this;
    }

    public Builder scrubArgs(boolean v) {
      scrubArgs = v;
      return this;
    }

    public Builder scrubWords(List<String> v) {
      scrubWords = v;
      return this;
    }

    public Builder fullArgs(boolean v) {
      fullArgs = v;
      return this;
    }

    public Builder registerDelay(Duration v) {
      registerDelay = v;
      return this;
    }

    public Builder log(LogLevel v) {
      log = v;
      return this;
    }

    /** Group name to regex; names of letters, digits, {@code _} and {@code -}. */
    public Builder groups(Map<String, UserPattern> v) {
      groups = v;
      return this;
    }

    /** Null: no process is pinned. */
    public Builder pin(UserPattern v) {
      pin = v;
      return this;
    }

    public Builder eventInterval(Duration v) {
      eventInterval = v;
      return this;
    }

    /** {@code maxArgsBytes}: the most of one command line read and kept. */
    public Builder maxArgsBytes(int v) {
      maxArgsBytes = v;
      return this;
    }

    /** Group name to its expected process count ({@code expect.NAME=N}). */
    public Builder expected(Map<String, Integer> v) {
      expected = v;
      return this;
    }

    /** Where the options came from, for the agent's status bean. */
    public Builder source(String v) {
      source = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a value is out of its range
     * @throws NullPointerException when a required value is null
     */
    public AgentOptions build() {
      return new AgentOptions(
          probe,
          procRoot,
          passwdFile,
          ttl,
          include,
          exclude,
          users,
          maxRows,
          exportTop,
          scrubArgs,
          scrubWords,
          fullArgs,
          registerDelay,
          maxArgsBytes,
          log,
          groups,
          pin,
          eventInterval,
          source,
          expected);
    }
  }
}
