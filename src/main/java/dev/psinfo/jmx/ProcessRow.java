package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.sampling.ProcessSample;

/**
 * One process as JMX clients see it (an MXBean maps it to {@code CompositeData} with these item
 * names). Units are in the names; {@code -1} (or {@code ""}) means "not available here", never
 * null. The meaning of each field is that of {@link ProcessInfo}; {@code cpuPercent} is that of
 * {@link ProcessSample}.
 */
public record ProcessRow(
    long pid,
    long ppid,
    long pgid,
    long sid,
    long uid,
    long euid,
    long gid,
    long egid,
    String user,
    String name,
    String args,
    boolean argsTruncated,
    ProcessState state,
    String stateCode,
    int threads,
    int priority,
    int nice,
    long rssBytes,
    long vszBytes,
    long cpuTimeMillis,
    long userTimeMillis,
    long systemTimeMillis,
    double cpuPercent,
    long startTimeMillis,
    long voluntaryCtxSwitches,
    long involuntaryCtxSwitches,
    long openFds,
    long readBytes,
    long writeBytes) {

  public ProcessRow {
    requireNonNull(user, "user is null");
    requireNonNull(name, "name is null");
    requireNonNull(args, "args is null");
    requireNonNull(state, "state is null");
    requireNonNull(stateCode, "stateCode is null");
  }

  /** The row for one sample. */
  public static ProcessRow of(ProcessSample s) {
    ProcessInfo p = s.info();
    return new ProcessRow(
        p.pid(),
        p.ppid(),
        p.pgid(),
        p.sid(),
        p.uid(),
        p.euid(),
        p.gid(),
        p.egid(),
        p.user(),
        p.name(),
        p.args(),
        p.argsTruncated(),
        p.state(),
        p.stateCode(),
        p.threads(),
        p.priority(),
        p.nice(),
        p.rssBytes(),
        p.vszBytes(),
        p.cpuTimeMillis(),
        p.userTimeMillis(),
        p.systemTimeMillis(),
        s.cpuPercent(),
        p.startTimeMillis(),
        p.voluntaryCtxSwitches(),
        p.involuntaryCtxSwitches(),
        p.openFds(),
        p.readBytes(),
        p.writeBytes());
  }

  /** This row's table index. */
  public ProcessKey key() {
    return new ProcessKey(pid, name, user);
  }
}
