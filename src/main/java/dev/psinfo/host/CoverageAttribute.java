package dev.psinfo.host;

import dev.psinfo.sampling.CoverageReport;

/**
 * The attributes of {@code psinfo:type=Coverage}, each declared once with where {@link
 * HostCoverage}'s report keeps its value, in the order {@code info} shows them; what each means is
 * written on the bean's interface ({@code jmx.CoverageMXBean}), whose getters have these names and
 * types. Numbers are -1 and text {@code ""} when not available.
 */
public enum CoverageAttribute implements Attribute {
  COVERAGE_SUMMARY,
  COMPLETE,
  PROC_HIDEPID,
  PID_NAMESPACE,
  PID_NAMESPACE_REASON,
  KERNEL_TASKS,
  VISIBLE_PROCESSES,
  VISIBLE_TASKS,
  HIDDEN_TASKS,
  AGENT_EFFECTIVE_UID,
  OTHER_USERS_PROCESSES,
  DENIED_PROCESSES,
  STATUS_DENIED,
  CMDLINE_DENIED,
  IO_DENIED,
  FD_DENIED,
  FD_LIMIT_DENIED,
  AS_DENIED,
  ARGS_TRUNCATED,
  GONE_PROCESSES,
  CORRUPT_ENTRIES,
  SNAPSHOT_TIME_MILLIS;

  private final String attributeName = Attribute.nameOf(this);
  private Class<?> type;

  static {
    HostCoverage none = new HostCoverage(() -> null, -1, false);
    for (CoverageAttribute a : values()) {
      a.type = Attribute.typeOf(a.valueIn(none, CoverageReport.UNKNOWN));
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
    return valueIn(coverage, coverage.report());
  }

  /**
   * Where the report keeps each value (a switch, not a lambda per constant: no class spun each).
   */
  Object valueIn(HostCoverage c, CoverageReport r) {
    return switch (this) {
      case COVERAGE_SUMMARY -> r.summary();
      case COMPLETE -> r.complete();
      case PROC_HIDEPID -> r.visibility().procHidepid();
      case PID_NAMESPACE -> r.visibility().pidNamespace();
      case PID_NAMESPACE_REASON -> r.visibility().pidNamespaceReason();
      case KERNEL_TASKS -> r.visibility().kernelTasks();
      case VISIBLE_PROCESSES -> r.visibleProcesses();
      case VISIBLE_TASKS -> r.visibleTasks();
      case HIDDEN_TASKS -> r.hiddenTasks();
      case AGENT_EFFECTIVE_UID -> r.agentEffectiveUid();
      case OTHER_USERS_PROCESSES -> r.otherUsersProcesses();
      case DENIED_PROCESSES -> r.stats().denied();
      case STATUS_DENIED -> r.stats().statusDenied();
      case CMDLINE_DENIED -> r.stats().cmdlineDenied();
      case IO_DENIED -> r.stats().ioDenied();
      case FD_DENIED -> r.stats().fdDenied();
      case FD_LIMIT_DENIED -> r.stats().fdLimitDenied();
      case AS_DENIED -> c.asDenied(r);
      case ARGS_TRUNCATED -> r.stats().argsTruncated();
      case GONE_PROCESSES -> r.stats().gone();
      case CORRUPT_ENTRIES -> r.stats().corrupt();
      case SNAPSHOT_TIME_MILLIS -> r.snapshotTimeMillis();
    };
  }
}
