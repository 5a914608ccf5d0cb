package dev.psinfo.host;

import dev.psinfo.sampling.CoverageReport;
import java.util.function.BiFunction;

/**
 * The attributes of {@code psinfo:type=Coverage}, each declared once with where {@link
 * HostCoverage}'s report keeps its value, in the order {@code info} shows them; what each means is
 * written on the bean's interface ({@code jmx.CoverageMXBean}), whose getters have these names and
 * types. Numbers are -1 and text {@code ""} when not available.
 */
public enum CoverageAttribute implements Attribute {
  COVERAGE_SUMMARY((c, r) -> r.summary()),
  COMPLETE((c, r) -> r.complete()),
  PROC_HIDEPID((c, r) -> r.visibility().procHidepid()),
  PID_NAMESPACE((c, r) -> r.visibility().pidNamespace()),
  PID_NAMESPACE_REASON((c, r) -> r.visibility().pidNamespaceReason()),
  KERNEL_TASKS((c, r) -> r.visibility().kernelTasks()),
  VISIBLE_PROCESSES((c, r) -> r.visibleProcesses()),
  VISIBLE_TASKS((c, r) -> r.visibleTasks()),
  HIDDEN_TASKS((c, r) -> r.hiddenTasks()),
  AGENT_EFFECTIVE_UID((c, r) -> r.agentEffectiveUid()),
  OTHER_USERS_PROCESSES((c, r) -> r.otherUsersProcesses()),
  DENIED_PROCESSES((c, r) -> r.stats().denied()),
  STATUS_DENIED((c, r) -> r.stats().statusDenied()),
  CMDLINE_DENIED((c, r) -> r.stats().cmdlineDenied()),
  IO_DENIED((c, r) -> r.stats().ioDenied()),
  FD_DENIED((c, r) -> r.stats().fdDenied()),
  FD_LIMIT_DENIED((c, r) -> r.stats().fdLimitDenied()),
  AS_DENIED(HostCoverage::asDenied),
  ARGS_TRUNCATED((c, r) -> r.stats().argsTruncated()),
  GONE_PROCESSES((c, r) -> r.stats().gone()),
  CORRUPT_ENTRIES((c, r) -> r.stats().corrupt()),
  SNAPSHOT_TIME_MILLIS((c, r) -> r.snapshotTimeMillis());

  private final String attributeName = Attribute.nameOf(this);
  private final BiFunction<HostCoverage, CoverageReport, Object> value;
  private Class<?> type;

  CoverageAttribute(BiFunction<HostCoverage, CoverageReport, Object> value) {
    this.value = value;
  }

  static {
    HostCoverage none = new HostCoverage(() -> null, -1, false);
    for (CoverageAttribute a : values()) {
      a.type = Attribute.typeOf(a.value.apply(none, CoverageReport.UNKNOWN));
    }
  }

  @Override
  public String attributeName() {
    return attributeName;
  }

  @Override
  public Class<?> type() {
    return type;
  }

  /**
   * This attribute's value in the report on the current scan (for several values of one scan, take
   * a {@link HostCoverage#reading()}).
   */
  public Object valueIn(HostCoverage coverage) {
    return value.apply(coverage, coverage.report());
  }

  Object valueIn(HostCoverage coverage, CoverageReport report) {
    return value.apply(coverage, report);
  }
}
