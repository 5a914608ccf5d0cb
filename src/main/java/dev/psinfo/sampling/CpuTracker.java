package dev.psinfo.sampling;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import java.util.Arrays;
import java.util.List;

/**
 * Turns successive scans into recent CPU percentages. A process is matched with its previous
 * reading by pid <em>and</em> start time, so a reused pid never inherits another process's history.
 * Keeps only the previous scan's readings, in three arrays sorted by pid (24 bytes per process, no
 * object per process; a scan in ascending pid order, as the probes return it, is matched by one
 * walk). Not thread-safe: the {@link ProcessSampler} calls it under its load lock.
 */
final class CpuTracker {
  private long[] pids = new long[0];
  private long[] starts = new long[0];
  private long[] cpus = new long[0];
  private long previousNanos;

  /**
   * Returns one percentage per process of {@code scan}, in the same order, and remembers the scan
   * as the base for the next call.
   */
  double[] update(ProcessScan scan) {
    List<ProcessInfo> processes = scan.processes();
    int n = processes.size();
    double[] percent = new double[n];
    long[] newPids = new long[n];
    long[] newStarts = new long[n];
    long[] newCpus = new long[n];
    double elapsedMillis = (scan.monotonicNanos() - previousNanos) / 1e6;
    int kept = 0;
    boolean ascending = true;
    long lastPid = -1;
    int cursor = 0;
    for (int i = 0; i < n; i++) {
      ProcessInfo p = processes.get(i);
      long pid = p.pid();
      // the previous reading of this pid: one step of a merge walk while pids ascend
      int at;
      if (ascending && pid > lastPid) {
        lastPid = pid;
        while (cursor < pids.length && pids[cursor] < pid) {
          cursor++;
        }
        at = cursor < pids.length && pids[cursor] == pid ? cursor : -1;
      } else {
        ascending = false;
        at = Arrays.binarySearch(pids, pid);
      }
      percent[i] = percentOf(p, at, elapsedMillis, scan.wallTimeMillis());
      if (p.cpuTimeMillis() >= 0) {
        newPids[kept] = pid;
        newStarts[kept] = p.startTimeMillis();
        newCpus[kept] = p.cpuTimeMillis();
        kept++;
      }
    }
    if (!ascending) {
      kept = sortByPid(newPids, newStarts, newCpus, kept);
    }
    pids = kept == n ? newPids : Arrays.copyOf(newPids, kept);
    starts = kept == n ? newStarts : Arrays.copyOf(newStarts, kept);
    cpus = kept == n ? newCpus : Arrays.copyOf(newCpus, kept);
    previousNanos = scan.monotonicNanos();
    return percent;
  }

  private double percentOf(ProcessInfo p, int before, double elapsedMillis, long nowMillis) {
    long cpu = p.cpuTimeMillis();
    if (cpu < 0) {
      return -1;
    }
    if (before >= 0
        && starts[before] == p.startTimeMillis()
        && elapsedMillis > 0
        && cpu >= cpus[before]) {
      return round(100.0 * (cpu - cpus[before]) / elapsedMillis);
    }
    if (p.startTimeMillis() < 0) {
      return -1;
    }
    long lifetime = nowMillis - p.startTimeMillis();
    return lifetime <= 0 ? 0 : round(100.0 * cpu / lifetime);
  }

  /**
   * Sorts the first {@code n} readings by pid (only for a probe that does not return its scan in
   * pid order); when a pid appears twice, the later reading wins, as a map would keep it.
   *
   * @return how many readings are left (distinct pids)
   */
  private static int sortByPid(long[] pids, long[] starts, long[] cpus, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // stable: equal pids keep scan order, so the last of them is the later reading
    Arrays.sort(order, (a, b) -> Long.compare(pids[a], pids[b]));
    long[] p = new long[n];
    long[] s = new long[n];
    long[] c = new long[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (m > 0 && p[m - 1] == pids[i]) {
        m--;
      }
      p[m] = pids[i];
      s[m] = starts[i];
      c[m] = cpus[i];
      m++;
    }
    System.arraycopy(p, 0, pids, 0, m);
    System.arraycopy(s, 0, starts, 0, m);
    System.arraycopy(c, 0, cpus, 0, m);
    return m;
  }

  /** Two decimals are all a percentage needs; also keeps JMX output readable. */
  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
