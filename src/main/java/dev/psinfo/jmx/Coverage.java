package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.HostCoverage;

/**
 * {@link CoverageMXBean} over the host's {@link HostCoverage}: each getter reads its {@link
 * CoverageAttribute} of the report on the current scan (made once per scan there), so the interface
 * and that declaration are the only places an attribute is written. Thread-safe.
 */
public final class Coverage {
  private Coverage() {}

  /**
   * The bean over {@code coverage}.
   *
   * @param coverage the host's coverage
   */
  public static CoverageMXBean of(HostCoverage coverage) {
    requireNonNull(coverage, "coverage is null");
    return AttributeBean.of(
        CoverageMXBean.class,
        CoverageAttribute.class,
        Coverage.class.getName(),
        a -> a.valueIn(coverage));
  }
}
