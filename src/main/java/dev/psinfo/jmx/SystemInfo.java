package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.host.HostSystem;
import dev.psinfo.host.SystemAttribute;

/**
 * {@link SystemInfoMXBean} over the host's {@link HostSystem}: each getter reads its {@link
 * SystemAttribute} (where the host keeps the value; the caches, the CPU source and the counts live
 * there), so the interface and that declaration are the only places an attribute is written. No
 * getter throws. Thread-safe.
 */
public final class SystemInfo {
  private SystemInfo() {}

  /**
   * The bean over {@code system}.
   *
   * @param system the host's facts and load
   */
  public static SystemInfoMXBean of(HostSystem system) {
    requireNonNull(system, "system is null");
    return AttributeBean.of(
        SystemInfoMXBean.class,
        SystemAttribute.class,
        SystemInfo.class.getName(),
        a -> a.valueIn(system));
  }
}
