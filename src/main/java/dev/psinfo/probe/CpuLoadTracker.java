package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

/**
 * Turns successive {@link CpuTimes} readings into {@link CpuLoad}: the first reading is measured
 * since boot (all counters from zero, as {@code ps} measures a process's CPU share over its
 * lifetime), every later one since the previous reading. A reading whose counters went backwards
 * gives {@link CpuLoad#UNKNOWN} and becomes the new base. Thread-safe.
 */
public final class CpuLoadTracker {
  private static final CpuTimes ZERO = new CpuTimes(0, 0, 0, 0, 0);

  private CpuTimes previous;
  private long previousNanos;

  /**
   * The load since the previous reading (since boot for the first).
   *
   * @param now the counters just read; null when they could not be read (gives {@link
   *     CpuLoad#UNKNOWN} and keeps the previous base)
   * @param nowNanos {@link System#nanoTime()} of the reading, for the interval's length
   * @param uptimeMillis milliseconds since boot, the first interval's length; -1 when not known
   */
  public synchronized CpuLoad update(CpuTimes now, long nowNanos, long uptimeMillis) {
    if (now == null) {
      return CpuLoad.UNKNOWN;
    }
    CpuLoad load;
    if (previous == null) {
      CpuTimes zero = now.split() ? ZERO : new CpuTimes(-1, -1, 0, now.iowait() < 0 ? -1 : 0, 0);
      load = CpuLoad.between(zero, now, Math.max(-1, uptimeMillis), "boot");
    } else {
      load =
          CpuLoad.between(
              previous, now, Math.max(0, (nowNanos - previousNanos) / 1_000_000), "previous");
    }
    previous = requireNonNull(now);
    previousNanos = nowNanos;
    return load;
  }
}
