package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.sampling.CoverageReport;
import dev.psinfo.sampling.ProcessSampler;
import java.util.function.Supplier;

/**
 * {@link CoverageMXBean} over the sampler's latest snapshot: the report is made once per snapshot
 * and kept until the next one. Thread-safe.
 */
public final class Coverage implements CoverageMXBean {
  private record Made(ProcessScan scan, CoverageReport report) {}

  private final Supplier<ProcessScan> scans;
  private final long agentPid;
  private final boolean readsAs;
  private volatile Made made;

  /** Over the process table's snapshots; the agent is this JVM. */
  public Coverage(ProcessSampler sampler) {
    this(scansOf(sampler), ProcessHandle.current().pid(), "aix".equals(sampler.probeName()));
  }

  private static Supplier<ProcessScan> scansOf(ProcessSampler sampler) {
    requireNonNull(sampler, "sampler is null");
    return () -> sampler.snapshot().scan();
  }

  /**
   * @param scans the latest scan; may throw or return null when there is none
   * @param agentPid the pid whose row gives the agent's effective uid
   */
  public Coverage(Supplier<ProcessScan> scans, long agentPid) {
    this(scans, agentPid, true);
  }

  /**
   * @param scans the latest scan; may throw or return null when there is none
   * @param agentPid the pid whose row gives the agent's effective uid
   * @param readsAs whether the probe reads {@code /proc/<pid>/as} at all (AIX); when not, {@link
   *     #getAsDenied} is -1 (not available), so no 0 series claims a check that never ran
   */
  public Coverage(Supplier<ProcessScan> scans, long agentPid, boolean readsAs) {
    this.scans = requireNonNull(scans, "scans is null");
    this.agentPid = agentPid;
    this.readsAs = readsAs;
  }

  /** The report on the latest snapshot; {@link CoverageReport#UNKNOWN} when there is none. */
  public CoverageReport report() {
    ProcessScan scan;
    try {
      scan = scans.get();
    } catch (RuntimeException e) {
      scan = null;
    }
    if (scan == null) {
      Made m = made;
      return m == null ? CoverageReport.UNKNOWN : m.report();
    }
    Made m = made;
    if (m == null || m.scan() != scan) {
      m = new Made(scan, CoverageReport.of(scan, agentPid));
      made = m;
    }
    return m.report();
  }

  @Override
  public String getCoverageSummary() {
    return report().summary();
  }

  @Override
  public boolean isComplete() {
    return report().complete();
  }

  @Override
  public int getProcHidepid() {
    return report().visibility().procHidepid();
  }

  @Override
  public String getPidNamespace() {
    return report().visibility().pidNamespace();
  }

  @Override
  public String getPidNamespaceReason() {
    return report().visibility().pidNamespaceReason();
  }

  @Override
  public long getKernelTasks() {
    return report().visibility().kernelTasks();
  }

  @Override
  public int getVisibleProcesses() {
    return report().visibleProcesses();
  }

  @Override
  public long getVisibleTasks() {
    return report().visibleTasks();
  }

  @Override
  public long getHiddenTasks() {
    return report().hiddenTasks();
  }

  @Override
  public long getAgentEffectiveUid() {
    return report().agentEffectiveUid();
  }

  @Override
  public int getOtherUsersProcesses() {
    return report().otherUsersProcesses();
  }

  @Override
  public int getDeniedProcesses() {
    return report().stats().denied();
  }

  @Override
  public int getStatusDenied() {
    return report().stats().statusDenied();
  }

  @Override
  public int getCmdlineDenied() {
    return report().stats().cmdlineDenied();
  }

  @Override
  public int getIoDenied() {
    return report().stats().ioDenied();
  }

  @Override
  public int getFdDenied() {
    return report().stats().fdDenied();
  }

  @Override
  public int getFdLimitDenied() {
    return report().stats().fdLimitDenied();
  }

  @Override
  public int getAsDenied() {
    return readsAs ? report().stats().asDenied() : -1;
  }

  @Override
  public int getArgsTruncated() {
    return report().stats().argsTruncated();
  }

  @Override
  public int getGoneProcesses() {
    return report().stats().gone();
  }

  @Override
  public int getCorruptEntries() {
    return report().stats().corrupt();
  }

  @Override
  public long getSnapshotTimeMillis() {
    return report().snapshotTimeMillis();
  }
}
