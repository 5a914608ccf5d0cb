package dev.psinfo.sampling;

import dev.psinfo.probe.ProcessInfo;
import java.util.Arrays;

/**
 * Sums over a set of processes of one {@link Snapshot}: what a process group or a user adds up to.
 * A member whose value is not available ({@code -1}) adds nothing to that sum. Immutable.
 *
 * @param processCount members
 * @param threadCount threads of the members
 * @param rssBytes resident set sizes of the members, in bytes
 * @param vszBytes virtual sizes of the members, in bytes
 * @param cpuTimeMillis CPU time (user + system) the members have used, in milliseconds
 * @param cpuPercent recent CPU use of the members (100 = one full CPU), rounded to two decimals
 * @param oldestStartTimeMillis when the longest-running member started, in milliseconds since the
 *     epoch; -1 when there is no member (or no member's start time is known)
 * @param pids the members' pids in ascending order (a copy is returned, never the array itself)
 * @param worstFdRatio the largest {@code openFds / fdLimit} over the members whose both values are
 *     known (Linux), e.g. 0.95 for a member with 973 of 1024 descriptors open; -1 when no member
 *     has both
 */
public record ProcessTotals(
    int processCount,
    long threadCount,
    long rssBytes,
    long vszBytes,
    long cpuTimeMillis,
    double cpuPercent,
    long oldestStartTimeMillis,
    long[] pids,
    double worstFdRatio) {

  /** No member. */
  public static final ProcessTotals EMPTY =
      new ProcessTotals(0, 0, 0, 0, 0, 0, -1, new long[0], -1);

  public ProcessTotals {
    if (processCount < 0 || threadCount < 0 || rssBytes < 0 || vszBytes < 0 || cpuTimeMillis < 0) {
      throw new IllegalArgumentException("counts and sums must be >= 0");
    }
    if (!(cpuPercent >= 0)) {
      throw new IllegalArgumentException("cpuPercent must be >= 0: " + cpuPercent);
    }
    if (oldestStartTimeMillis < -1) {
      throw new IllegalArgumentException(
          "oldestStartTimeMillis must be >= -1: " + oldestStartTimeMillis);
    }
    if (!(worstFdRatio >= 0 || worstFdRatio == -1)) {
      throw new IllegalArgumentException("worstFdRatio must be >= 0 or -1: " + worstFdRatio);
    }
    pids = pids.clone();
    if (pids.length != processCount) {
      throw new IllegalArgumentException(
          "pids has " + pids.length + " entries for " + processCount + " processes");
    }
  }

  @Override
  public long[] pids() {
    return pids.clone();
  }

  /** Adds up {@code members} (in ascending pid order, as a snapshot holds them). */
  public static ProcessTotals of(Iterable<ProcessSample> members) {
    Sum sum = new Sum();
    for (ProcessSample s : members) {
      sum.add(s);
    }
    return sum.totals();
  }

  /** Adds up processes one at a time; not thread-safe. */
  public static final class Sum {
    private int count;
    private long threads;
    private long rss;
    private long vsz;
    private long cpuTime;
    private double cpuPercent;
    private long oldest = -1;
    private double worstFdRatio = -1;
    private long[] pids = new long[8];

    /** Adds one member. */
    public void add(ProcessSample s) {
      ProcessInfo p = s.info();
      if (count == pids.length) {
        pids = Arrays.copyOf(pids, count * 2);
      }
      pids[count++] = p.pid();
      threads += Math.max(0, p.threads());
      rss += Math.max(0, p.rssBytes());
      vsz += Math.max(0, p.vszBytes());
      cpuTime += Math.max(0, p.cpuTimeMillis());
      cpuPercent += Math.max(0, s.cpuPercent());
      if (p.startTimeMillis() >= 0 && (oldest < 0 || p.startTimeMillis() < oldest)) {
        oldest = p.startTimeMillis();
      }
      worstFdRatio = Math.max(worstFdRatio, fdRatio(p));
    }

    /** The totals so far. */
    public ProcessTotals totals() {
      long[] sorted = Arrays.copyOf(pids, count);
      Arrays.sort(sorted);
      return new ProcessTotals(
          count,
          threads,
          rss,
          vsz,
          cpuTime,
          Math.round(cpuPercent * 100) / 100.0,
          oldest,
          sorted,
          worstFdRatio);
    }
  }

  /**
   * {@code openFds / fdLimit} of one process: -1 when either is not known, about 0 for an unlimited
   * limit ({@link Long#MAX_VALUE}); a limit of 0 (descriptors kept open after the limit was lowered
   * to 0) counts as 1, so the ratio says "at or over the limit" and stays finite.
   */
  public static double fdRatio(ProcessInfo p) {
    long open = p.openFds();
    long limit = p.fdLimit();
    if (open < 0 || limit < 0) {
      return -1;
    }
    return (double) open / Math.max(limit, 1);
  }
}
