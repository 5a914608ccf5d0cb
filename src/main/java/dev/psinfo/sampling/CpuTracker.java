package dev.psinfo.sampling;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive scans into recent CPU percentages. A process is matched with its previous
 * reading by pid <em>and</em> start time, so a reused pid never inherits another process's history.
 * Keeps only the previous scan's readings (memory bounded by one table). Not thread-safe: the
 * {@link ProcessSampler} calls it under its load lock.
 */
final class CpuTracker {
  private record Reading(long startTimeMillis, long cpuTimeMillis) {}

  private Map<Long, Reading> previous = Map.of();
  private long previousNanos;

  /**
   * Returns one percentage per process of {@code scan}, in the same order, and remembers the scan
   * as the base for the next call.
   */
  double[] update(ProcessScan scan) {
    List<ProcessInfo> processes = scan.processes();
    double[] percent = new double[processes.size()];
    Map<Long, Reading> current = new HashMap<>(processes.size() * 4 / 3 + 1);
    double elapsedMillis = (scan.monotonicNanos() - previousNanos) / 1e6;
    for (int i = 0; i < percent.length; i++) {
      ProcessInfo p = processes.get(i);
      percent[i] = percentOf(p, previous.get(p.pid()), elapsedMillis, scan.wallTimeMillis());
      if (p.cpuTimeMillis() >= 0) {
        current.put(p.pid(), new Reading(p.startTimeMillis(), p.cpuTimeMillis()));
      }
    }
    previous = current;
    previousNanos = scan.monotonicNanos();
    return percent;
  }

  private static double percentOf(
      ProcessInfo p, Reading before, double elapsedMillis, long nowMillis) {
    long cpu = p.cpuTimeMillis();
    if (cpu < 0) {
      return -1;
    }
    if (before != null
        && before.startTimeMillis() == p.startTimeMillis()
        && elapsedMillis > 0
        && cpu >= before.cpuTimeMillis()) {
      return round(100.0 * (cpu - before.cpuTimeMillis()) / elapsedMillis);
    }
    if (p.startTimeMillis() < 0) {
      return -1;
    }
    long lifetime = nowMillis - p.startTimeMillis();
    return lifetime <= 0 ? 0 : round(100.0 * cpu / lifetime);
  }

  /** Two decimals are all a percentage needs; also keeps JMX output readable. */
  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
