package dev.psinfo.jmx;

import java.util.List;
import java.util.Map;

/**
 * The host's process table, registered as {@code psinfo:type=ProcessTable}. Every attribute and
 * operation answers from one snapshot of the table, taken on the first read and reused for the
 * agent's {@code ttl}. Rows honour the {@code include}, {@code exclude} and {@code users} options;
 * lists are cut to {@code maxRows} when it is set. No operation changes anything but the cache.
 */
@Description(
    "The host's process table, read from /proc on demand; every value of one read comes from the"
        + " same scan")
public interface ProcessTableMXBean {
  @Description(
      "One row per process, indexed by pid, name and user. Units are in the item names; -1 or \"\""
          + " means not available on this platform. When maxRows is set, only the top rows by"
          + " exportTop (cpu or memory) are returned")
  Map<ProcessKey, ProcessRow> getProcesses();

  @Description("Number of processes the filters show (before maxRows cuts the Processes table)")
  int getProcessCount();

  @Description("When the snapshot being served was taken, in milliseconds since the epoch")
  long getSnapshotTimeMillis();

  @Description(
      "The n processes with the highest recent CPU use (cpuPercent: percent of one CPU since the"
          + " previous scan), highest first")
  List<ProcessRow> topByCpu(@Description("n: how many rows, 1 or more") int n);

  @Description("The n processes with the largest resident set (rssBytes), largest first")
  List<ProcessRow> topByMemory(@Description("n: how many rows, 1 or more") int n);

  @Description("The process with this pid; fails when it is not in the current snapshot")
  ProcessRow process(@Description("pid: process id") long pid);

  @Description("Processes whose name or arguments contain a match for the regular expression")
  List<ProcessRow> find(
      @Description("regex: a java.util.regex pattern, e.g. java|sshd") String regex);

  @Description("Processes whose effective user has this name (or this numeric uid)")
  List<ProcessRow> byUser(@Description("user: a user name or a numeric uid") String user);

  @Description("Every descendant of the process (children, grandchildren, ...), by pid")
  List<ProcessRow> children(@Description("pid: the ancestor's process id") long pid);

  @Description("Scans the process table now instead of waiting for the ttl; returns ProcessCount")
  @UpdatesCache
  int refresh();
}
