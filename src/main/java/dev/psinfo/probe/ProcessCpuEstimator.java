package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * An estimate of the host's CPU use from the process table, for AIX, where the JVM has none ({@code
 * OperatingSystemMXBean.getCpuLoad()} is -1) and the commands that know ({@code lparstat}, {@code
 * sar}, {@code vmstat}) need an interval of their own: the CPU time the process table's processes
 * used over an interval, divided by the interval times the partition's processors. It needs no root
 * and no command, only two scans the table makes anyway.
 *
 * <p>The divisor: since POWER7, AIX charges a thread's CPU time by the processor's PURR, i.e. in
 * shares of a <em>core</em> (a thread alone on an SMT-4 core is charged most of the core, not a
 * quarter). Summed process times are therefore physical processor time, and the divisor is the
 * partition's virtual processors ({@link SystemFacts#physicalCores()} on AIX); dividing by the
 * logical processors would read SMT-times too low (an SMT-8 partition whose one core is 87 % busy,
 * as in {@code lparstat}'s {@code %user + %sys}, would show 11 %). The caller passes the logical
 * processors only when the virtual ones are not known. On an uncapped shared partition the result
 * is "of the virtual processors", which can exceed the entitlement that {@code lparstat} relates
 * its percentages to when {@code physc} is below it.
 *
 * <p>The first estimate is since boot (every process's whole CPU time over the uptime, as {@code
 * ps} reports a process's share over its lifetime); every later one since the previous scan, each
 * process matched by pid and start time. A process that was not in the previous scan counts whole
 * if it started after it, and not at all otherwise (it was unreadable then).
 *
 * <p>The {@code wait} kernel processes (one per logical processor, parent 0, uid 0) are AIX's idle
 * loop: their CPU time is idle time, so they are left out of the busy time.
 *
 * <p>What it misses (its error, always towards too low): CPU time of processes that exited during
 * the interval; kernel time charged to no process (interrupts taken while idle); on the first
 * estimate, everything used by processes that have exited since boot. I/O wait is not known (-1):
 * AIX counts it as idle time of the {@code wait} processes. User and system are split only when
 * every counted process's {@code status} was readable (otherwise -1, and the busy total is still
 * given).
 *
 * <p>Thread-safe.
 */
public final class ProcessCpuEstimator {
  private record Reading(long startTimeMillis, long cpuMillis, long userMillis, long sysMillis) {}

  private Map<Long, Reading> previous;
  private long previousNanos;
  private long previousWallMillis;

  /**
   * The estimate for {@code scan}, and {@code scan} becomes the base of the next one.
   *
   * @param processors the partition's virtual processors (cores), or its logical processors when
   *     those are not known; the estimate is {@link CpuLoad#UNKNOWN} when not positive
   * @param bootTimeMillis when the host booted (epoch milliseconds), for the first estimate; it is
   *     {@link CpuLoad#UNKNOWN} when this is not positive
   */
  public synchronized CpuLoad update(ProcessScan scan, int processors, long bootTimeMillis) {
    requireNonNull(scan, "scan is null");
    Map<Long, Reading> current = new HashMap<>(scan.processes().size() * 4 / 3 + 1);
    long cpu = 0;
    long user = 0;
    long sys = 0;
    boolean split = true;
    boolean first = previous == null;
    for (ProcessInfo p : scan.processes()) {
      if (p.cpuTimeMillis() < 0 || isWaitProcess(p)) {
        continue;
      }
      Reading now =
          new Reading(
              p.startTimeMillis(), p.cpuTimeMillis(), p.userTimeMillis(), p.systemTimeMillis());
      current.put(p.pid(), now);
      Reading before = first ? null : previous.get(p.pid());
      if (before != null && before.startTimeMillis() != now.startTimeMillis()) {
        before = null;
      }
      if (before == null
          && !first
          && (p.startTimeMillis() < 0 || p.startTimeMillis() < previousWallMillis - 1000)) {
        continue; // alive before the previous scan but not read then: its share is unknown
      }
      long dCpu = now.cpuMillis() - (before == null ? 0 : before.cpuMillis());
      if (dCpu < 0) {
        continue;
      }
      cpu += dCpu;
      boolean rowSplit =
          now.userMillis() >= 0
              && now.sysMillis() >= 0
              && (before == null || (before.userMillis() >= 0 && before.sysMillis() >= 0));
      if (rowSplit) {
        long dUser = now.userMillis() - (before == null ? 0 : before.userMillis());
        long dSys = now.sysMillis() - (before == null ? 0 : before.sysMillis());
        if (dUser >= 0 && dSys >= 0) {
          user += dUser;
          sys += dSys;
        } else {
          split = false;
        }
      } else {
        split = false;
      }
    }
    long intervalMillis =
        first
            ? (bootTimeMillis > 0 ? scan.wallTimeMillis() - bootTimeMillis : -1)
            : (scan.monotonicNanos() - previousNanos) / 1_000_000;
    previous = current;
    previousNanos = scan.monotonicNanos();
    previousWallMillis = scan.wallTimeMillis();
    if (processors <= 0 || intervalMillis <= 0) {
      return CpuLoad.UNKNOWN;
    }
    return estimate(
        cpu,
        split ? user : -1,
        split ? sys : -1,
        intervalMillis,
        processors,
        first ? "boot" : "previous");
  }

  /**
   * The load from the busy time of one interval: idle is what the processors had and the processes
   * did not use (never below 0: process times and the interval are read at slightly different
   * instants).
   *
   * @param busyMillis processor time used, milliseconds
   * @param userMillis of which in user code; -1 when busy time is not split (then so is {@code
   *     sysMillis})
   * @param sysMillis of which in the kernel; -1 when not split
   * @param intervalMillis the interval's length
   * @param processors the processors the interval is multiplied by
   * @param since {@code "boot"} or {@code "previous"}
   */
  public static CpuLoad estimate(
      long busyMillis,
      long userMillis,
      long sysMillis,
      long intervalMillis,
      int processors,
      String since) {
    long capacity = intervalMillis * processors;
    boolean split = userMillis >= 0 && sysMillis >= 0;
    long busy = split ? userMillis + sysMillis : busyMillis;
    long idle = Math.max(0, capacity - busy);
    CpuTimes zero = split ? new CpuTimes(0, 0, 0, -1, 0) : new CpuTimes(-1, -1, 0, -1, 0);
    CpuTimes used =
        split
            ? new CpuTimes(userMillis, sysMillis, idle, -1, 0)
            : new CpuTimes(-1, -1, idle, -1, busy);
    return CpuLoad.between(zero, used, intervalMillis, since);
  }

  /** AIX's per-processor idle loop: the kernel process {@code wait} (uid 0, parent 0). */
  public static boolean isWaitProcess(ProcessInfo p) {
    return p.ppid() == 0 && p.uid() == 0 && p.name().equals("wait");
  }
}
