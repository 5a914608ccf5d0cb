package dev.psinfo.probe;

/**
 * The host's CPU time counters at one instant, cumulative since boot, in one unit of the source's
 * choosing (Linux clock ticks, milliseconds for an estimate): only ratios of their differences are
 * used. Immutable.
 *
 * @param user time running user code (Linux: user + nice, guest included); -1 when the source does
 *     not split busy time (then it is all in {@code other})
 * @param system time running kernel code on behalf of processes and interrupts (Linux: system + irq
 *     + softirq); -1 exactly when {@code user} is
 * @param idle time with nothing to run
 * @param iowait idle time while disk I/O was outstanding; -1 when the source does not know it
 * @param other busy time in neither {@code user} nor {@code system} (Linux: steal, taken by the
 *     hypervisor for other guests; an estimate: busy time not split into user and system)
 */
public record CpuTimes(long user, long system, long idle, long iowait, long other) {
  public CpuTimes {
    if ((user < 0) != (system < 0) || user < -1 || system < -1) {
      throw new IllegalArgumentException(
          "user and system must both be >= 0 or both -1: " + user + "/" + system);
    }
    if (idle < 0 || iowait < -1 || other < 0) {
      throw new IllegalArgumentException(
          "idle and other must be >= 0, iowait >= -1: " + idle + "/" + iowait + "/" + other);
    }
  }

  /** Whether busy time is split into {@code user} and {@code system}. */
  public boolean split() {
    return user >= 0;
  }

  /** All time counted: busy, idle and iowait. */
  public long total() {
    return Math.max(0, user) + Math.max(0, system) + idle + Math.max(0, iowait) + other;
  }
}
