package dev.psinfo.probe.aix;

/**
 * A decoded AIX {@code pstatus_t} ({@code /proc/<pid>/status}, readable by the owner and root
 * only): the fields this project uses, in Java units. Immutable and thread-safe. Times are exact
 * nanoseconds; the {@code ...Millis()} methods truncate them as {@code sec * 1000 + nsec /
 * 1_000_000}.
 *
 * @param flag {@code pr_flag}, process flag bits (as in psinfo)
 * @param procFlags {@code pr_flags}, /proc flag bits ({@link PstatusLayout#PR_ISSYS} = system
 *     process)
 * @param threadCount {@code pr_nlwp}, &gt;= 0
 * @param stat {@code pr_stat}, 0 to 255 ({@code PstatusLayout.STAT_*}: 4 idle, 5 zombie, 6 stopped,
 *     7 active, 8 swapped)
 * @param dataModel {@code pr_dmodel}, 0 to 255: {@link PstatusLayout#DMODEL_32} or {@link
 *     PstatusLayout#DMODEL_64}
 * @param pid {@code pr_pid}, 0 to {@link Psinfo#MAX_PID}
 * @param ppid {@code pr_ppid}, 0 to {@link Psinfo#MAX_PID}
 * @param userTimeNanos {@code pr_utime}, user CPU time in nanoseconds
 * @param systemTimeNanos {@code pr_stime}, system CPU time in nanoseconds
 * @param childUserTimeNanos {@code pr_cutime}, reaped children's user CPU time in nanoseconds
 * @param childSystemTimeNanos {@code pr_cstime}, reaped children's system CPU time in nanoseconds
 */
public record Pstatus(
    int flag,
    int procFlags,
    int threadCount,
    int stat,
    int dataModel,
    long pid,
    long ppid,
    long userTimeNanos,
    long systemTimeNanos,
    long childUserTimeNanos,
    long childSystemTimeNanos) {

  public Pstatus {
    Ranges.atLeast("threadCount", threadCount, 0);
    Ranges.within("stat", stat, 0, Ranges.MAX_U8);
    Ranges.within("dataModel", dataModel, 0, Ranges.MAX_U8);
    Ranges.within("pid", pid, 0, Psinfo.MAX_PID);
    Ranges.within("ppid", ppid, 0, Psinfo.MAX_PID);
    Ranges.atLeast("userTimeNanos", userTimeNanos, 0);
    Ranges.atLeast("systemTimeNanos", systemTimeNanos, 0);
    Ranges.atLeast("childUserTimeNanos", childUserTimeNanos, 0);
    Ranges.atLeast("childSystemTimeNanos", childSystemTimeNanos, 0);
  }

  /** True for a 64-bit process ({@code pr_dmodel == 1}). */
  public boolean is64Bit() {
    return dataModel == PstatusLayout.DMODEL_64;
  }

  /** True for a system (kernel) process ({@code pr_flags & PR_ISSYS}). */
  public boolean isSystemProcess() {
    return (procFlags & PstatusLayout.PR_ISSYS) != 0;
  }

  /** {@code pr_utime} in milliseconds. */
  public long userTimeMillis() {
    return userTimeNanos / 1_000_000L;
  }

  /** {@code pr_stime} in milliseconds. */
  public long systemTimeMillis() {
    return systemTimeNanos / 1_000_000L;
  }

  /** {@code pr_cutime} in milliseconds. */
  public long childUserTimeMillis() {
    return childUserTimeNanos / 1_000_000L;
  }

  /** {@code pr_cstime} in milliseconds. */
  public long childSystemTimeMillis() {
    return childSystemTimeNanos / 1_000_000L;
  }
}
