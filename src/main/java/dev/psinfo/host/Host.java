package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.probe.Platform;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;

/**
 * The one model of this host: built once from a {@link Platform} and the {@link AgentOptions}, it
 * owns the process table's sampler and its policy ({@link TablePolicy}), the system facts and load
 * ({@link HostSystem}), the coverage report ({@link HostCoverage}) and the process groups with
 * their one shared poller ({@link HostGroups}). The agent's MBeans, the command line and the Flight
 * Recorder events are views over one {@code Host}; none of them builds another sampler or cache.
 * Plain Java only: nothing here knows JMX. Thread-safe.
 */
public final class Host {
  /** How long a command reads the system facts once, while each of its table reads scans. */
  static final Duration COMMAND_SYSTEM_TTL = Duration.ofMillis(200);

  private final Platform platform;
  private final AgentOptions options;
  private final ProcessSampler sampler;
  private final boolean scanOnRead;
  private final HostSystem system;
  private final HostCoverage coverage;
  private final HostGroups groups;
  private final TablePolicy table;

  private Host(
      Platform platform, AgentOptions options, ProcessSampler sampler, boolean scanOnRead) {
    this.platform = requireNonNull(platform, "platform is null");
    this.options = requireNonNull(options, "options is null");
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.scanOnRead = scanOnRead;
    this.table = TablePolicy.of(options);
    this.system =
        new HostSystem(
            platform.systemProbe(),
            this::currentScan,
            scanOnRead ? COMMAND_SYSTEM_TTL : options.ttl(),
            System::nanoTime);
    this.coverage =
        new HostCoverage(
            this::currentScan, ProcessHandle.current().pid(), "aix".equals(platform.name()));
    this.groups = HostGroups.of(sampler, options);
  }

  /**
   * The agent's host: every view reads the sampler's current snapshot, scanned at most once per
   * {@code ttl} (inside one {@link ProcessSampler#answer}, that answer's snapshot).
   */
  public static Host of(Platform platform, AgentOptions options) {
    return of(platform, options, ProcessSampler.of(platform.processProbe(), options));
  }

  /**
   * The agent's host over a sampler made elsewhere (a test's clock or filter), which must read
   * {@code platform}'s process probe.
   */
  public static Host of(Platform platform, AgentOptions options, ProcessSampler sampler) {
    return new Host(platform, options, sampler, false);
  }

  /**
   * A command's host ({@code ps}, {@code top}, {@code info}): the table is scanned when the command
   * asks ({@link ProcessSampler#refresh}); the system's counts and the coverage describe the latest
   * of those scans (one scan when there is none yet) instead of scanning again; the system facts
   * are read at most every 200 ms.
   */
  public static Host forCommand(Platform platform, AgentOptions options) {
    return new Host(platform, options, ProcessSampler.of(platform.processProbe(), options), true);
  }

  /** The platform this host is read through. */
  public Platform platform() {
    return platform;
  }

  /** The options this host was built with (a live change of {@code ttl} is not reflected here). */
  public AgentOptions options() {
    return options;
  }

  /** The process table's sampler: its snapshots, filter, scrubbing and ttl. */
  public ProcessSampler sampler() {
    return sampler;
  }

  /** Which rows a read of the table shows: {@code maxRows}, {@code exportTop}, {@code pin}. */
  public TablePolicy table() {
    return table;
  }

  /** The host's facts, load, CPU use and process counts. */
  public HostSystem system() {
    return system;
  }

  /** What the process table cannot see. */
  public HostCoverage coverage() {
    return coverage;
  }

  /** The process groups the options name, and their shared poller. */
  public HostGroups groups() {
    return groups;
  }

  /** Serves each scan and each system reading for {@code ttl} from the next read on (live). */
  public void setTtl(Duration ttl) {
    sampler.setTtl(ttl);
    system.setTtl(ttl);
  }

  /**
   * The scan the system counts and the coverage describe: the sampler's current snapshot; for a
   * command, its latest snapshot (one scan when there is none yet).
   */
  private ProcessScan currentScan() {
    if (scanOnRead) {
      Snapshot s = sampler.peek();
      if (s != null) {
        return s.scan();
      }
    }
    return sampler.snapshot().scan();
  }
}
