package dev.psinfo.host;

import java.util.function.Function;

/**
 * The attributes of {@code psinfo:type=SystemInfo}, each declared once with where {@link
 * HostSystem} keeps its value, in the order {@code info} shows them; what each means is written on
 * the bean's interface ({@code jmx.SystemInfoMXBean}), whose getters have these names and types.
 * Numbers are -1 and text {@code ""} when not available.
 */
public enum SystemAttribute implements Attribute {
  HOSTNAME(s -> s.facts().hostname()),
  OS_NAME(s -> s.facts().osName()),
  OS_VERSION(s -> s.facts().osVersion()),
  KERNEL_VERSION(s -> s.facts().kernelVersion()),
  ARCHITECTURE(s -> s.facts().architecture()),
  CPU_MODEL(s -> s.facts().cpuModel()),
  LOGICAL_PROCESSORS(s -> s.facts().logicalProcessors()),
  PHYSICAL_CORES(s -> s.facts().physicalCores()),
  CPU_CLOCK_MHZ(s -> s.facts().cpuClockMhz()),
  TOTAL_MEMORY_BYTES(s -> s.facts().totalMemoryBytes()),
  FREE_MEMORY_BYTES(s -> s.load().freeMemoryBytes()),
  AVAILABLE_MEMORY_BYTES(s -> s.load().availableMemoryBytes()),
  TOTAL_SWAP_BYTES(s -> s.load().totalSwapBytes()),
  FREE_SWAP_BYTES(s -> s.load().freeSwapBytes()),
  BOOT_TIME_MILLIS(s -> s.facts().bootTimeMillis()),
  UPTIME_SECONDS(s -> s.load().uptimeSeconds()),
  LOAD_AVERAGE_1M(s -> s.load().loadAverage1m()),
  LOAD_AVERAGE_5M(s -> s.load().loadAverage5m()),
  LOAD_AVERAGE_15M(s -> s.load().loadAverage15m()),
  CPU_BUSY_PERCENT(s -> s.cpu().busyPercent()),
  CPU_USER_PERCENT(s -> s.cpu().userPercent()),
  CPU_SYSTEM_PERCENT(s -> s.cpu().systemPercent()),
  CPU_IDLE_PERCENT(s -> s.cpu().idlePercent()),
  CPU_IOWAIT_PERCENT(s -> s.cpu().iowaitPercent()),
  CPU_INTERVAL_MILLIS(s -> s.cpu().intervalMillis()),
  CPU_SOURCE(SystemSources::cpuSource),
  PROCESS_COUNT(SystemSources::processCount),
  THREAD_COUNT(SystemSources::threadCount),
  SNAPSHOT_TIME_MILLIS(SystemSources::snapshotTimeMillis),
  PLATFORM(SystemSources::platform);

  private final String attributeName = Attribute.nameOf(this);
  private final Function<SystemSources, Object> value;
  private Class<?> type;

  SystemAttribute(Function<SystemSources, Object> value) {
    this.value = value;
  }

  static {
    for (SystemAttribute a : values()) {
      a.type = Attribute.typeOf(a.value.apply(SystemSources.UNKNOWN));
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
   * This attribute's value now (each call reads {@code system}'s caches: for several values that
   * belong together, take a {@link HostSystem#reading()}).
   */
  public Object valueIn(HostSystem system) {
    return value.apply(system);
  }

  Object valueIn(SystemSources sources) {
    return value.apply(sources);
  }
}
