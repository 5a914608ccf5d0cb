package dev.psinfo.probe.linux;

import static java.util.Objects.requireNonNull;

/**
 * The fields of one {@code /proc/<pid>/stat} line that the probe uses (see {@code proc_pid_stat(5)}
 * for the numbering). Immutable.
 *
 * @param pid field 1
 * @param name field 2, {@code comm}, without its parentheses
 * @param stateCode field 3, the kernel's state letter
 * @param ppid field 4
 * @param pgrp field 5, process group id
 * @param session field 6, session id
 * @param majorFaults field 12, {@code majflt}: major faults of the process (all its threads), >= 0
 * @param userTicks field 14, {@code utime}, in clock ticks, >= 0
 * @param systemTicks field 15, {@code stime}, in clock ticks, >= 0
 * @param priority field 18, as the kernel reports it (negative for real-time)
 * @param nice field 19, -20 to 19
 * @param threads field 20, {@code num_threads}, >= 0
 * @param startTicks field 22, {@code starttime}, clock ticks after boot, >= 0
 * @param vsizeBytes field 23, virtual size in bytes, >= 0
 * @param rssPages field 24, resident set size in pages, >= 0
 */
public record LinuxStat(
    long pid,
    String name,
    char stateCode,
    long ppid,
    long pgrp,
    long session,
    long majorFaults,
    long userTicks,
    long systemTicks,
    int priority,
    int nice,
    int threads,
    long startTicks,
    long vsizeBytes,
    long rssPages) {
  public LinuxStat {
    requireNonNull(name, "name is null");
    if (pid < 0
        || majorFaults < 0
        || userTicks < 0
        || systemTicks < 0
        || threads < 0
        || startTicks < 0) {
      throw new IllegalArgumentException(
          "negative pid, fault count, times or threads in stat of " + pid);
    }
    if (vsizeBytes < 0 || rssPages < 0) {
      throw new IllegalArgumentException("negative sizes in stat of " + pid);
    }
  }
}
