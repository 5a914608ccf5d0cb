package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.sampling.CoverageReport;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the process table cannot see, from its current scan: the {@link CoverageReport} is made once
 * per scan and kept until the next one, so reading it costs no I/O. What {@code
 * psinfo:type=Coverage} and {@code info} show. Thread-safe.
 */
public final class HostCoverage {
  private record Made(ProcessScan scan, CoverageReport report) {}

  private final Supplier<ProcessScan> scans;
  private final long agentPid;
  private final boolean readsAs;
  private volatile Made made;

  /**
   * @param scans the current scan; may throw or return null when there is none
   * @param agentPid the pid whose row gives the agent's effective uid
   * @param readsAs whether the probe reads {@code /proc/<pid>/as} at all (AIX); when not, {@link
   *     #asDenied} is -1 (not available), so no 0 claims a check that never ran
   */
  public HostCoverage(Supplier<ProcessScan> scans, long agentPid, boolean readsAs) {
    this.scans = requireNonNull(scans, "scans is null");
    this.agentPid = agentPid;
    this.readsAs = readsAs;
  }

  /** The report on the current scan; {@link CoverageReport#UNKNOWN} when there never was one. */
  public CoverageReport report() {
    ProcessScan scan;
    try {
      scan = scans.get();
    } catch (RuntimeException e) {
      scan = null;
    }
    Made m = made;
    if (scan == null) {
      return m == null ? CoverageReport.UNKNOWN : m.report();
    }
    if (m == null || m.scan() != scan) {
      m = new Made(scan, CoverageReport.of(scan, agentPid));
      made = m;
    }
    return m.report();
  }

  /** Every {@link CoverageAttribute} of the report on the current scan. */
  public Reading<CoverageAttribute> reading() {
    CoverageReport r = report();
    Map<CoverageAttribute, Object> values = new EnumMap<>(CoverageAttribute.class);
    for (CoverageAttribute a : CoverageAttribute.values()) {
      values.put(a, a.valueIn(this, r));
    }
    return Reading.of(CoverageAttribute.class, values, "this host");
  }

  /**
   * Processes whose {@code /proc/<pid>/as} was denied in {@code report} (a report of this
   * coverage); -1 where the probe never reads it (Linux).
   */
  public int asDenied(CoverageReport report) {
    return readsAs ? report.stats().asDenied() : -1;
  }
}
