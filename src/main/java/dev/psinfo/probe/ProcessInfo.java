package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

/**
 * One process as a platform probe read it. Immutable. A field the platform does not have, or the
 * agent could not read, holds its "not available" value: {@code -1} for the numbers that are never
 * negative, {@link #UNAVAILABLE_SIGNED} for {@code nice} and {@code priority} (where -1 is a real
 * value), {@code ""} for Strings, never null. {@link ProcessField} lists the fields with their
 * meaning; keep it in step with this record.
 *
 * @param pid process id
 * @param ppid parent process id (0 for the roots of the tree)
 * @param pgid process group id
 * @param sid session id
 * @param uid real user id (unsigned 32-bit value as a long)
 * @param euid effective user id
 * @param gid real group id
 * @param egid effective group id
 * @param user the effective user's name, or the euid in decimal when no name is known
 * @param name the executable's name (AIX {@code pr_fname}, Linux {@code comm})
 * @param args the command line, space-joined and scrubbed of secrets by the layer above; {@code
 *     [name]} when the OS has none (kernel processes)
 * @param argsTruncated true when {@code args} is known to be cut short (AIX keeps only 79 bytes)
 * @param state normalized state
 * @param stateCode the OS's own state letter, e.g. {@code "S"}
 * @param threads number of threads (0 for an AIX zombie)
 * @param priority scheduling priority as the OS reports it (Linux: negative for real-time); {@link
 *     #UNAVAILABLE_SIGNED} when not available
 * @param nice nice value as {@code ps} shows it (Linux -20..19; AIX: raw minus 40, so 20 is the
 *     default); {@link #UNAVAILABLE_SIGNED} when not available (an AIX zombie)
 * @param rssBytes resident set size in bytes
 * @param vszBytes virtual size in bytes
 * @param cpuTimeMillis user + system CPU time in milliseconds
 * @param userTimeMillis user CPU time in milliseconds; -1 when only the sum is known
 * @param systemTimeMillis system CPU time in milliseconds; -1 when only the sum is known
 * @param startTimeMillis start time, milliseconds since the epoch
 * @param voluntaryCtxSwitches voluntary context switches of the main thread (Linux only: {@code
 *     /proc/<pid>/status} counts the thread-group leader, not the sum over all threads)
 * @param involuntaryCtxSwitches involuntary context switches of the main thread (Linux only)
 * @param openFds open file descriptors (Linux only, when readable)
 * @param readBytes bytes read from storage (Linux {@code /proc/<pid>/io}, when readable)
 * @param writeBytes bytes written to storage (Linux {@code /proc/<pid>/io}, when readable)
 * @param wparId AIX workload partition (WPAR) the process runs in, {@code psinfo.pr_cid}: 0 = the
 *     global environment (also on AIX 5.3, which has no WPARs); -1 where there are none (Linux)
 * @param wpar the WPAR's name: {@code Global} for id 0, {@code ""} when not known or not available
 * @param javaMain for a JVM, what its command line runs: the main class, the {@code -jar} file's
 *     name or the {@code -m} module[/class] ({@link JavaMain}); {@code ""} for any other process
 *     and when not known
 * @param fdLimit the soft limit of open file descriptors ({@code RLIMIT_NOFILE}, Linux {@code
 *     /proc/<pid>/limits}), read only where {@code openFds} is known; {@link Long#MAX_VALUE} for
 *     unlimited
 */
public record ProcessInfo(
    long pid,
    long ppid,
    long pgid,
    long sid,
    long uid,
    long euid,
    long gid,
    long egid,
    String user,
    String name,
    String args,
    boolean argsTruncated,
    ProcessState state,
    String stateCode,
    int threads,
    int priority,
    int nice,
    long rssBytes,
    long vszBytes,
    long cpuTimeMillis,
    long userTimeMillis,
    long systemTimeMillis,
    long startTimeMillis,
    long voluntaryCtxSwitches,
    long involuntaryCtxSwitches,
    long openFds,
    long readBytes,
    long writeBytes,
    int wparId,
    String wpar,
    String javaMain,
    long fdLimit) {

  /**
   * "Not available" for {@code nice} and {@code priority}, whose legal values include -1 and other
   * negative numbers: {@link Integer#MIN_VALUE}, outside every platform's range.
   */
  public static final int UNAVAILABLE_SIGNED = Integer.MIN_VALUE;

  public ProcessInfo {
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0: " + pid);
    }
    requireNonNull(user, "user is null");
    requireNonNull(name, "name is null");
    requireNonNull(args, "args is null");
    requireNonNull(state, "state is null");
    requireNonNull(stateCode, "stateCode is null");
    requireNonNull(wpar, "wpar is null");
    requireNonNull(javaMain, "javaMain is null");
    if (wparId < -1 || wparId > 0xffff) {
      throw new IllegalArgumentException("wparId must be -1..65535: " + wparId);
    }
    if (fdLimit < -1) {
      throw new IllegalArgumentException("fdLimit must be >= -1: " + fdLimit);
    }
    if (threads < -1) {
      throw new IllegalArgumentException("threads must be >= -1: " + threads);
    }
    if (rssBytes < -1 || vszBytes < -1) {
      throw new IllegalArgumentException(
          "sizes must be >= -1: rss " + rssBytes + ", vsz " + vszBytes);
    }
    if (cpuTimeMillis < -1 || userTimeMillis < -1 || systemTimeMillis < -1) {
      throw new IllegalArgumentException(
          "CPU times must be >= -1: "
              + cpuTimeMillis
              + "/"
              + userTimeMillis
              + "/"
              + systemTimeMillis);
    }
  }

  /**
   * Returns a copy with {@code args} replaced; for scrubbing secrets (only for the rows whose
   * arguments held one, so the copy through {@link ProcessField} costs nothing per scan).
   */
  public ProcessInfo withArgs(String newArgs) {
    ProcessField[] fields = ProcessField.values();
    Object[] values = new Object[fields.length];
    for (ProcessField f : fields) {
      values[f.ordinal()] = f == ProcessField.ARGS ? newArgs : f.get(this);
    }
    return ProcessField.newProcessInfo(values);
  }

  /**
   * A builder whose every field starts as "not available" ({@code -1}, {@link #UNAVAILABLE_SIGNED},
   * {@code ""}, OTHER).
   */
  public static Builder builder(long pid) {
    return new Builder(pid);
  }

  /** Mutable builder for {@link ProcessInfo}; not thread-safe. */
  public static final class Builder {
    private long pid;
    private long ppid;
    private long pgid;
    private long sid;
    private long uid;
    private long euid;
    private long gid;
    private long egid;
    private String user;
    private String name;
    private String args;
    private boolean argsTruncated;
    private ProcessState state;
    private String stateCode;
    private int threads;
    private int priority;
    private int nice;
    private long rssBytes;
    private long vszBytes;
    private long cpuTimeMillis;
    private long userTimeMillis;
    private long systemTimeMillis;
    private long startTimeMillis;
    private long voluntaryCtxSwitches;
    private long involuntaryCtxSwitches;
    private long openFds;
    private long readBytes;
    private long writeBytes;
    private int wparId;
    private String wpar;
    private String javaMain;
    private long fdLimit;

    private Builder(long pid) {
      reset(pid);
    }

    /**
     * Starts over for another process: every field "not available" again (the one place that says
     * what a new builder holds), so that one builder serves a whole scan ({@code ProcessInfoTest}
     * fails when a field is added to the builder and not here).
     */
    public Builder reset(long pid) {
      this.pid = pid;
      ppid = -1;
      pgid = -1;
      sid = -1;
      uid = -1;
      euid = -1;
      gid = -1;
      egid = -1;
      user = "";
      name = "";
      args = "";
      argsTruncated = false;
      state = ProcessState.OTHER;
      stateCode = "";
      threads = -1;
      priority = UNAVAILABLE_SIGNED;
      nice = UNAVAILABLE_SIGNED;
      rssBytes = -1;
      vszBytes = -1;
      cpuTimeMillis = -1;
      userTimeMillis = -1;
      systemTimeMillis = -1;
      startTimeMillis = -1;
      voluntaryCtxSwitches = -1;
      involuntaryCtxSwitches = -1;
      openFds = -1;
      readBytes = -1;
      writeBytes = -1;
      wparId = -1;
      wpar = "";
      javaMain = "";
      fdLimit = -1;
      return this;
    }

    public Builder pid(long v) {
      pid = v;
      return this;
    }

    public Builder ppid(long v) {
      ppid = v;
      return this;
    }

    public Builder pgid(long v) {
      pgid = v;
      return this;
    }

    public Builder sid(long v) {
      sid = v;
      return this;
    }

    public Builder uid(long v) {
      uid = v;
      return this;
    }

    public Builder euid(long v) {
      euid = v;
      return this;
    }

    public Builder gid(long v) {
      gid = v;
      return this;
    }

    public Builder egid(long v) {
      egid = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder args(String v) {
      args = v;
      return this;
    }

    public Builder argsTruncated(boolean v) {
      argsTruncated = v;
      return this;
    }

    public Builder state(ProcessState v) {
      state = v;
      return this;
    }

    public Builder stateCode(String v) {
      stateCode = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder priority(int v) {
      priority = v;
      return this;
    }

    public Builder nice(int v) {
      nice = v;
      return this;
    }

    public Builder rssBytes(long v) {
      rssBytes = v;
      return this;
    }

    public Builder vszBytes(long v) {
      vszBytes = v;
      return this;
    }

    public Builder cpuTimeMillis(long v) {
      cpuTimeMillis = v;
      return this;
    }

    public Builder userTimeMillis(long v) {
      userTimeMillis = v;
      return this;
    }

    public Builder systemTimeMillis(long v) {
      systemTimeMillis = v;
      return this;
    }

    public Builder startTimeMillis(long v) {
      startTimeMillis = v;
      return this;
    }

    public Builder voluntaryCtxSwitches(long v) {
      voluntaryCtxSwitches = v;
      return this;
    }

    public Builder involuntaryCtxSwitches(long v) {
      involuntaryCtxSwitches = v;
      return this;
    }

    public Builder openFds(long v) {
      openFds = v;
      return this;
    }

    public Builder readBytes(long v) {
      readBytes = v;
      return this;
    }

    public Builder writeBytes(long v) {
      writeBytes = v;
      return this;
    }

    public Builder wparId(int v) {
      wparId = v;
      return this;
    }

    public Builder wpar(String v) {
      wpar = v;
      return this;
    }

    public Builder javaMain(String v) {
      javaMain = v;
      return this;
    }

    public Builder fdLimit(long v) {
      fdLimit = v;
      return this;
    }

    public ProcessInfo build() {
      return new ProcessInfo(
          pid,
          ppid,
          pgid,
          sid,
          uid,
          euid,
          gid,
          egid,
          user,
          name,
          args,
          argsTruncated,
          state,
          stateCode,
          threads,
          priority,
          nice,
          rssBytes,
          vszBytes,
          cpuTimeMillis,
          userTimeMillis,
          systemTimeMillis,
          startTimeMillis,
          voluntaryCtxSwitches,
          involuntaryCtxSwitches,
          openFds,
          readBytes,
          writeBytes,
          wparId,
          wpar,
          javaMain,
          fdLimit);
    }
  }
}
