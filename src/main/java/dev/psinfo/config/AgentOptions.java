package dev.psinfo.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param registerDelay how long to wait before registering the MBeans (0: at once)
 * @param log how much the agent prints on the host's standard error
 * @param source where the options came from, for the agent's status bean
 */
public record AgentOptions(
    ProbeKind probe,
    Path procRoot,
    Path passwdFile,
    Duration ttl,
    Pattern include,
    Pattern exclude,
    Set<String> users,
    int maxRows,
    ExportOrder exportTop,
    boolean scrubArgs,
    List<String> scrubWords,
    boolean fullArgs,
    Duration registerDelay,
    LogLevel log,
    String source) {

  /** The longest accepted {@code ttl}. */
  public static final Duration MAX_TTL = Duration.ofHours(1);

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
    if (registerDelay.isNegative()) {
      throw new IllegalArgumentException("registerDelay must be >= 0: " + registerDelay);
    }
    requireNonNull(log, "log is null");
    requireNonNull(source, "source is null");
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
        .log(log)
        .source(source);
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
    private Pattern include;
    private Pattern exclude;
    private Set<String> users = Set.of();
    private int maxRows;
    private ExportOrder exportTop = ExportOrder.CPU;
    private boolean scrubArgs = true;
    private List<String> scrubWords = List.of();
    private boolean fullArgs = true;
    private Duration registerDelay = Duration.ZERO;
    private LogLevel log = LogLevel.WARN;
    private String source = "";

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
    public Builder include(Pattern v) {
      include = v;
      return this;
    }

    /** Null: none. */
    public Builder exclude(Pattern v) {
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
          log,
          source);
    }
  }
}
