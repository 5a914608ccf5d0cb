package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.host.HostCoverage;
import dev.psinfo.sampling.CoverageReport;

/**
 * {@link CoverageMXBean} over the host's {@link HostCoverage}: the report of the current scan (made
 * once per scan there). Thread-safe.
 */
public final class Coverage implements CoverageMXBean {
  private final HostCoverage coverage;

  /**
   * @param coverage the host's coverage
   */
  public Coverage(HostCoverage coverage) {
    this.coverage = requireNonNull(coverage, "coverage is null");
  }

  /** The report on the current scan; {@link CoverageReport#UNKNOWN} when there never was one. */
  public CoverageReport report() {
    return coverage.report();
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
    return coverage.asDenied(report());
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
