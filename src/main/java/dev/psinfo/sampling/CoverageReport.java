package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What one scan could and could not see, in numbers and in one line for people. Pure: made from a
 * scan and the agent's pid, no I/O. Immutable.
 *
 * @param summary {@code "complete"}, or what is missing and the likely cause, e.g. {@code
 *     "hidepid=2: only processes of uid 1001 are visible (12 of ~310 tasks)"}; details of fields
 *     that could not be read follow in parentheses
 * @param complete no task is missing from the table and no row lost fields every user can normally
 *     read ({@code ScanStats.denied}) and nothing was corrupt; {@code io}/{@code fd} denials of
 *     other users' processes, normal for a non-root agent, do not count
 * @param visibleProcesses rows of the scan (before the agent's filters)
 * @param visibleTasks threads of those rows (a row whose thread count is unreadable counts as one)
 * @param hiddenTasks {@code kernelTasks - visibleTasks}, at least 0; -1 when the kernel's count is
 *     unknown
 * @param agentEffectiveUid the effective uid of the agent's own row; -1 when its row is not in the
 *     scan (a capture, another pid namespace) or has no uid
 * @param otherUsersProcesses rows whose effective uid is not the agent's; -1 when that is unknown
 * @param visibility the platform's facts: hidepid, pid namespace, kernel tasks
 * @param stats the scan's counters: denials per file, truncated arguments, gone and corrupt entries
 * @param snapshotTimeMillis when the scan started, milliseconds since the epoch
 */
public record CoverageReport(
    String summary,
    boolean complete,
    int visibleProcesses,
    long visibleTasks,
    long hiddenTasks,
    long agentEffectiveUid,
    int otherUsersProcesses,
    Visibility visibility,
    ScanStats stats,
    long snapshotTimeMillis) {

  /** Before the first scan. */
  public static final CoverageReport UNKNOWN =
      new CoverageReport(
          "unknown: no scan yet",
          false,
          -1,
          -1,
          -1,
          -1,
          -1,
          Visibility.UNKNOWN,
          ScanStats.EMPTY,
          -1);

  /** Missing tasks up to this many (or 5 % of the kernel's count) are churn, not hiding. */
  static final int TOLERATED_MISSING_TASKS = 16;

  public CoverageReport {
    requireNonNull(summary, "summary is null");
    requireNonNull(visibility, "visibility is null");
    requireNonNull(stats, "stats is null");
  }

  /**
   * The report on {@code scan}.
   *
   * @param agentPid the agent's own pid, to find its effective uid in the scan
   */
  public static CoverageReport of(ProcessScan scan, long agentPid) {
    requireNonNull(scan, "scan is null");
    ScanStats s = scan.stats();
    Visibility v = scan.visibility();
    long tasks = 0;
    long agentEuid = -1;
    TreeSet<Long> euids = new TreeSet<>();
    for (ProcessInfo p : scan.processes()) {
      tasks += Math.max(1, p.threads());
      if (p.euid() >= 0) {
        euids.add(p.euid());
      }
      if (p.pid() == agentPid) {
        agentEuid = p.euid();
      }
    }
    int others = -1;
    if (agentEuid >= 0) {
      others = 0;
      for (ProcessInfo p : scan.processes()) {
        if (p.euid() >= 0 && p.euid() != agentEuid) {
          others++;
        }
      }
    }
    int rows = scan.processes().size();
    long kernel = v.kernelTasks();
    long hidden = kernel < 0 ? -1 : Math.max(0, kernel - tasks);
    boolean tasksMissing = hidden > Math.max(TOLERATED_MISSING_TASKS, kernel / 20);
    boolean complete = !tasksMissing && s.denied() == 0 && s.corrupt() == 0;
    String summary = verdict(v, s, rows, tasks, kernel, tasksMissing, euids) + details(s);
    return new CoverageReport(
        summary, complete, rows, tasks, hidden, agentEuid, others, v, s, scan.wallTimeMillis());
  }

  private static String verdict(
      Visibility v,
      ScanStats s,
      int rows,
      long tasks,
      long kernel,
      boolean tasksMissing,
      TreeSet<Long> euids) {
    String counts = " (" + tasks + " of ~" + kernel + " tasks)";
    if (v.procHidepid() == 1 && s.denied() > 0) {
      return "hidepid=1: other users' processes are listed but their files are closed ("
          + s.denied()
          + " of "
          + rows
          + " processes incomplete)";
    }
    if (tasksMissing) {
      String who =
          euids.size() == 1
              ? "only processes of uid " + euids.first() + " are visible"
              : "other users' processes are hidden";
      if (v.procHidepid() >= 2) {
        return "hidepid=" + v.procHidepid() + ": " + who + counts;
      }
      if (v.pidNamespace().equals("container")) {
        return "container pid namespace: only its own processes are visible" + counts;
      }
      return "incomplete: processes are missing for an unknown reason" + counts;
    }
    if (s.denied() > 0) {
      return "incomplete: " + s.denied() + " of " + rows + " processes could not be fully read";
    }
    return s.corrupt() > 0 ? "incomplete" : "complete";
  }

  /** Per-file denials, truncation and corruption, as {@code " (unreadable: io of 1 process)"}. */
  private static String details(ScanStats s) {
    List<String> unreadable = new ArrayList<>();
    count(unreadable, "status", s.statusDenied());
    count(unreadable, "cmdline", s.cmdlineDenied());
    count(unreadable, "io", s.ioDenied());
    count(unreadable, "fd", s.fdDenied());
    count(unreadable, "limits", s.fdLimitDenied());
    count(unreadable, "as", s.asDenied());
    List<String> parts = new ArrayList<>();
    if (!unreadable.isEmpty()) {
      parts.add("unreadable: " + String.join(", ", unreadable));
    }
    if (s.corrupt() > 0) {
      parts.add(s.corrupt() + (s.corrupt() == 1 ? " entry" : " entries") + " corrupt");
    }
    if (s.argsTruncated() > 0) {
      parts.add(
          s.argsTruncated()
              + (s.argsTruncated() == 1 ? " command line" : " command lines")
              + " truncated");
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  private static void count(List<String> out, String file, int n) {
    if (n > 0) {
      out.add(file + " of " + n + (n == 1 ? " process" : " processes"));
    }
  }
}
