package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.SamplerStats;
import org.weakref.jmx.Managed;

/**
 * The agent's own status and settings, registered as {@code psinfo:type=Agent} through jmxutils.
 * Reading it never scans; {@link #applyOptions} changes the options that take effect at run time.
 * Thread-safe.
 */
public final class AgentStatus {
  /**
   * The agent's options that change at run time ({@code log}, {@code ttl}, {@code eventInterval}).
   */
  public interface Live {
    /**
     * Applies the live options {@code options} gives; returns one line naming those applied and
     * those that need a restart (not applied).
     *
     * @throws IllegalArgumentException when {@code options} does not parse; nothing is applied
     */
    String apply(String options);

    /** The live options in force, {@code key=value} pairs. */
    String inForce();

    /** The line of the last {@link #apply}; empty before the first. */
    String last();
  }

  /**
   * The system property in which a registered agent puts the line of the last options applied at
   * run time ({@link Live#apply}), so that {@code attach} can print it through the Attach API.
   */
  public static final String APPLIED_PROPERTY = "psinfo-jmx.applied";

  /**
   * The system property in which a registered agent lists the {@code psinfo:*} names registered in
   * its JVM, separated by spaces, so that {@code attach} can report them through the Attach API
   * without starting a JMX connector in that JVM. Removed when the agent unregisters.
   */
  public static final String REGISTERED_PROPERTY = "psinfo-jmx.registered";

  private final String version;
  private final String options;
  private final long startedAtMillis;
  private final ProcessSampler sampler;
  private final Live live;

  /**
   * @param version the agent's version
   * @param options the options in force, as the user gave them
   * @param startedAtMillis when the agent registered, milliseconds since the epoch
   * @param sampler whose counters to show
   */
  public AgentStatus(String version, String options, long startedAtMillis, ProcessSampler sampler) {
    this(version, options, startedAtMillis, sampler, null);
  }

  /**
   * @param live the options that change at run time; null: none do ({@link #applyOptions} says so)
   */
  public AgentStatus(
      String version, String options, long startedAtMillis, ProcessSampler sampler, Live live) {
    this.version = requireNonNull(version, "version is null");
    this.options = requireNonNull(options, "options is null");
    this.startedAtMillis = startedAtMillis;
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.live = live;
  }

  @Managed(
      description =
          "Applies the options that change at run time (log, ttl, eventInterval), given as"
              + " comma-separated key=value like the agent's own, e.g. log=debug,ttl=5s; returns"
              + " one line naming those applied and those that need a JVM restart (not applied)."
              + " A bad option is an error and nothing is applied. What attach PID OPTIONS does"
              + " in a JVM whose agent is registered")
  public String applyOptions(String options) {
    if (live == null) {
      throw new UnsupportedOperationException("this agent changes no option at run time");
    }
    return live.apply(options == null ? "" : options);
  }

  @Managed(
      description =
          "The options that change at run time, as in force now: log, ttl and eventInterval"
              + " (applyOptions, or attach PID OPTIONS, changes them)")
  public String getLiveOptions() {
    return live == null ? "" : live.inForce();
  }

  @Managed(
      description =
          "What the last applyOptions (or attach PID OPTIONS) did, in one line; empty when the"
              + " options given at start are all in force")
  public String getLastOptionsChange() {
    return live == null ? "" : live.last();
  }

  @Managed(description = "Version of the psinfo-jmx agent")
  public String getVersion() {
    return version;
  }

  @Managed(description = "Platform reader in use: aix or linux")
  public String getProbe() {
    return sampler.probeName();
  }

  @Managed(
      description =
          "Agent options as given at start (on the command line or the first attach);"
              + " LiveOptions has the run-time ones in force")
  public String getOptions() {
    return options;
  }

  @Managed(
      description =
          "How long one scan of the process table is served, in milliseconds (the ttl option);"
              + " a client that polls less often than this always gets a fresh scan")
  public long getTtlMillis() {
    return sampler.ttl().toMillis();
  }

  @Managed(description = "When the agent registered its MBeans, in milliseconds since the epoch")
  public long getStartedAtMillis() {
    return startedAtMillis;
  }

  @Managed(description = "Scans of the process table done since the agent started")
  public long getScans() {
    return stats().scans();
  }

  @Managed(description = "Scans that failed as a whole; the previous snapshot was served instead")
  public long getScanErrors() {
    return stats().failedScans();
  }

  @Managed(description = "Duration of the last scan in milliseconds; -1 before the first scan")
  public double getLastScanMillis() {
    return stats().lastScanMillis();
  }

  @Managed(description = "Processes read in the last scan, before filters; -1 before the first")
  public int getLastScanProcesses() {
    return stats().lastProcesses();
  }

  @Managed(description = "Rows the filters showed in the last scan; -1 before the first scan")
  public int getRows() {
    return stats().lastRows();
  }

  @Managed(description = "Processes that exited while being read, summed over all scans (skipped)")
  public long getGoneProcesses() {
    return stats().gone();
  }

  @Managed(
      description =
          "Processes shown with some fields unavailable (-1) because a file was not readable,"
              + " summed over all scans")
  public long getDeniedProcesses() {
    return stats().denied();
  }

  @Managed(description = "/proc entries skipped as corrupt, summed over all scans")
  public long getCorruptEntries() {
    return stats().corrupt();
  }

  @Managed(description = "The last scan failure as Type: message; empty when none")
  public String getLastError() {
    return stats().lastError();
  }

  private SamplerStats stats() {
    return sampler.stats();
  }
}
