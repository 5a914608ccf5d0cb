package dev.psinfo.jmx;

/**
 * What the process table can and cannot see, as {@code psinfo:type=Coverage}: every value comes
 * from the latest snapshot (the same one {@code ProcessTable} serves, scanned at most once per the
 * agent's {@code ttl}); reading costs no extra I/O. Numbers are {@code -1} and text {@code ""} when
 * not available on this platform; no getter throws.
 */
@Description(
    "What the process table cannot see: hidepid, pid namespace, the kernel's task count against"
        + " the visible ones, and per-file read denials of the latest scan. -1 or \"\" means not"
        + " available on this platform.")
public interface CoverageMXBean {
  /** See the description. */
  @Description(
      "One line for people: \"complete\", or what is missing and why, e.g. \"hidepid=2: only"
          + " processes of uid 1001 are visible (12 of ~310 tasks)\"; unreadable files follow in"
          + " parentheses.")
  String getCoverageSummary();

  /** See the description. */
  @Description(
      "True when no task is missing from the table and no row lost fields every user can"
          + " normally read (io/fd of other users' processes do not count) and nothing was"
          + " corrupt.")
  boolean isComplete();

  /** See the description. */
  @Description(
      "Linux: the proc mount's hidepid level (0 off, 1 noaccess, 2 invisible, 4 ptraceable);"
          + " -1 if unknown or not Linux.")
  int getProcHidepid();

  /** See the description. */
  @Description(
      "Linux: host (the kernel's initial pid namespace: every process of the machine),"
          + " container (a child namespace: only its own processes) or unknown; \"\" elsewhere.")
  String getPidNamespace();

  /** See the description. */
  @Description("The evidence PidNamespace was decided from; \"\" elsewhere.")
  String getPidNamespaceReason();

  /** See the description. */
  @Description(
      "Linux: all tasks (threads, kernel threads included) the kernel counts, whatever the"
          + " agent may see (/proc/loadavg); -1 if unknown.")
  long getKernelTasks();

  /** See the description. */
  @Description("Processes in the latest scan, before the agent's filters. Count; -1 before it.")
  int getVisibleProcesses();

  /** See the description. */
  @Description(
      "Threads of the visible processes (a process whose threads are unreadable counts as one)."
          + " Count; -1 before the first scan.")
  long getVisibleTasks();

  /** See the description. */
  @Description(
      "KernelTasks minus VisibleTasks, at least 0 (a few are churn between the two counts);"
          + " -1 if the kernel's count is unknown.")
  long getHiddenTasks();

  /** See the description. */
  @Description("Effective uid of the agent's own process; -1 if its row is not in the scan.")
  long getAgentEffectiveUid();

  /** See the description. */
  @Description("Visible processes of other effective users than the agent's. Count; -1 if unknown.")
  int getOtherUsersProcesses();

  /** See the description. */
  @Description(
      "Processes shown with identity or usage fields missing because stat/status/cmdline (AIX"
          + " psinfo/status) was not readable, in the latest scan. Count.")
  int getDeniedProcesses();

  /** See the description. */
  @Description(
      "Processes whose status was not readable in the latest scan (Linux: uids, threads; AIX:"
          + " the user/system split). Count.")
  int getStatusDenied();

  /** See the description. */
  @Description("Linux: processes whose cmdline was not readable in the latest scan. Count.")
  int getCmdlineDenied();

  /** See the description. */
  @Description(
      "Linux: processes whose io counters were not readable in the latest scan (other users'"
          + " processes unless the agent may ptrace them). Count.")
  int getIoDenied();

  /** See the description. */
  @Description(
      "Linux: processes whose open descriptors could not be counted in the latest scan. Count.")
  int getFdDenied();

  /** See the description. */
  @Description(
      "Linux: processes whose descriptors were counted but whose limits file (for fdLimit) was"
          + " not readable in the latest scan. Count; -1 on AIX, which has no such file to read.")
  int getFdLimitDenied();

  /** See the description. */
  @Description(
      "AIX: processes whose address space (/proc/<pid>/as, for the full argument list) was not"
          + " readable in the latest scan. Count; -1 on Linux, which has no such file to read.")
  int getAsDenied();

  /** See the description. */
  @Description("Rows whose args is cut short of the real command line, in the latest scan. Count.")
  int getArgsTruncated();

  /** See the description. */
  @Description("Processes that exited while the latest scan read them (skipped). Count.")
  int getGoneProcesses();

  /** See the description. */
  @Description("Entries skipped as corrupt in the latest scan. Count.")
  int getCorruptEntries();

  /** See the description. */
  @Description("When the scan these values describe started, in ms since the epoch; -1 before.")
  long getSnapshotTimeMillis();
}
