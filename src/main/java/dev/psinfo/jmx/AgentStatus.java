package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.SamplerStats;
import org.weakref.jmx.Managed;

/**
 * The agent's own status and settings, registered as {@code psinfo:type=Agent} through jmxutils.
 * Read-only; reading it never scans. Thread-safe.
 */
public final class AgentStatus {
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

  /**
   * @param version the agent's version
   * @param options the options in force, as the user gave them
   * @param startedAtMillis when the agent registered, milliseconds since the epoch
   * @param sampler whose counters to show
   */
  public AgentStatus(String version, String options, long startedAtMillis, ProcessSampler sampler) {
    this.version = requireNonNull(version, "version is null");
    this.options = requireNonNull(options, "options is null");
    this.startedAtMillis = startedAtMillis;
    this.sampler = requireNonNull(sampler, "sampler is null");
  }

  @Managed(description = "Version of the psinfo-jmx agent")
  public String getVersion() {
    return version;
  }

  @Managed(description = "Platform reader in use: aix or linux")
  public String getProbe() {
    return sampler.probeName();
  }

  @Managed(description = "Agent options in force, as given on the command line")
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
