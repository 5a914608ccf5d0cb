package dev.psinfo.cli;

import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.sampling.ProcessSample;
import java.time.Duration;
import java.util.List;

/**
 * Where {@code ps}, {@code top} and {@code info} get their data: this host's process directory
 * through the same sampler the agent uses ({@link LocalSource}), or a remote agent's MBeans ({@link
 * RemoteSource}). Not thread-safe; one command uses one source.
 */
interface Source extends AutoCloseable {
  /**
   * The filtered rows of a fresh scan, in pid order. {@code cpuPercent} is the use since the
   * previous call (locally), or what the remote agent computed; on a first local call it is the
   * lifetime average.
   *
   * @throws CliException when the table cannot be read at all
   */
  List<ProcessSample> rows() throws CliException;

  /**
   * How long the source serves one scan: reads closer together than this see the same scan (and may
   * show a process that has exited since). Zero: every {@link #rows()} scans.
   */
  default Duration servedFor() {
    return Duration.ZERO;
  }

  /**
   * The host's facts now, or null when the source has none. Locally it never fails; its counts
   * describe the latest {@link #rows()} (one scan when there was none).
   *
   * @throws CliException when a remote agent cannot be read
   */
  Reading<SystemAttribute> system() throws CliException;

  /**
   * What the table cannot see, or null when the source has none (an older agent). Locally it
   * describes the latest {@link #rows()} (one scan when there was none).
   *
   * @throws CliException when a remote agent cannot be read
   */
  Reading<CoverageAttribute> coverage() throws CliException;

  /** Where the data comes from, for headers: {@code linux /proc} or {@code jmx host:port}. */
  String describe();

  @Override
  void close();
}
