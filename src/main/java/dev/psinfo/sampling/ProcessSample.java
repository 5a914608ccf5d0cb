package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessInfo;

/**
 * One process in a {@link Snapshot}: what the probe read, with its arguments scrubbed, plus its
 * recent CPU use.
 *
 * @param info the process
 * @param cpuPercent CPU use since the previous scan in percent of one CPU (100 = one full CPU); for
 *     a process not seen in the previous scan (the first scan, or a process started since), the
 *     average over its lifetime, like {@code ps}; -1 when its CPU time or start time is not
 *     available
 */
public record ProcessSample(ProcessInfo info, double cpuPercent) {
  public ProcessSample {
    requireNonNull(info, "info is null");
    if (!(cpuPercent >= 0 || cpuPercent == -1)) {
      throw new IllegalArgumentException("cpuPercent must be >= 0 or -1: " + cpuPercent);
    }
  }
}
