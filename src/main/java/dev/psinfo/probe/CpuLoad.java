package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

/**
 * How busy the host's processors were over an interval, in percent of all logical processors' time
 * (100 = every processor busy the whole interval). Immutable; each field is -1 when not available.
 *
 * @param busyPercent time not idle and not waiting for I/O
 * @param userPercent time in user code; -1 when the source does not split busy time
 * @param systemPercent time in the kernel; -1 when the source does not split busy time
 * @param idlePercent time idle (without I/O wait)
 * @param iowaitPercent time idle while I/O was outstanding; -1 when the source does not know it
 * @param intervalMillis the interval's length in milliseconds; -1 when not known
 * @param since {@code "boot"} for the first reading, {@code "previous"} after
 */
public record CpuLoad(
    double busyPercent,
    double userPercent,
    double systemPercent,
    double idlePercent,
    double iowaitPercent,
    long intervalMillis,
    String since) {

  /** A load with every field unavailable. */
  public static final CpuLoad UNKNOWN = new CpuLoad(-1, -1, -1, -1, -1, -1, "");

  public CpuLoad {
    requireNonNull(since, "since is null");
    percent("busyPercent", busyPercent);
    percent("userPercent", userPercent);
    percent("systemPercent", systemPercent);
    percent("idlePercent", idlePercent);
    percent("iowaitPercent", iowaitPercent);
    if (intervalMillis < -1) {
      throw new IllegalArgumentException("intervalMillis must be >= -1: " + intervalMillis);
    }
  }

  /**
   * The load between two readings of the same source, or {@link #UNKNOWN} when no time passed
   * between them or a counter went backwards (a different source, or a counter reset).
   *
   * @param intervalMillis what is recorded as the interval's length; -1 when not known
   * @param since what {@code before} was: {@code "boot"} or {@code "previous"}
   */
  public static CpuLoad between(
      CpuTimes before, CpuTimes after, long intervalMillis, String since) {
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
    if (before.split() != after.split()) {
      return UNKNOWN;
    }
    boolean split = after.split();
    boolean iowaitKnown = before.iowait() >= 0 && after.iowait() >= 0;
    long user = split ? after.user() - before.user() : 0;
    long system = split ? after.system() - before.system() : 0;
    long idle = after.idle() - before.idle();
    long iowait = iowaitKnown ? after.iowait() - before.iowait() : 0;
    long other = after.other() - before.other();
    if (idle < 0 || other < 0 || user < 0 || system < 0 || iowait < 0) {
      return UNKNOWN;
    }
    double total = (double) user + system + idle + iowait + other;
    if (total <= 0) {
      return UNKNOWN;
    }
    return new CpuLoad(
        percentOf(user + system + other, total),
        split ? percentOf(user, total) : -1,
        split ? percentOf(system, total) : -1,
        percentOf(idle, total),
        iowaitKnown ? percentOf(iowait, total) : -1,
        intervalMillis,
        since);
  }

  /** Two decimals, within [0, 100]. */
  private static double percentOf(long part, double total) {
    return Math.min(100, Math.round(10_000.0 * part / total) / 100.0);
  }

  private static void percent(String name, double value) {
    if (Double.isNaN(value) || value > 100 || (value < 0 && value != -1)) {
      throw new IllegalArgumentException(name + " must be -1 or within [0, 100]: " + value);
    }
  }
}
