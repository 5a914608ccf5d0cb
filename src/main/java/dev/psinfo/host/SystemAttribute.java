package dev.psinfo.host;

/**
 * The attributes of {@code psinfo:type=SystemInfo}, each declared once with where {@link
 * HostSystem} keeps its value, in the order {@code info} shows them; what each means is written on
 * the bean's interface ({@code jmx.SystemInfoMXBean}), whose getters have these names and types.
 * Numbers are -1 and text {@code ""} when not available.
 */
public enum SystemAttribute implements Attribute {
  HOSTNAME,
  OS_NAME,
  OS_VERSION,
  KERNEL_VERSION,
  ARCHITECTURE,
  CPU_MODEL,
  LOGICAL_PROCESSORS,
  PHYSICAL_CORES,
  CPU_CLOCK_MHZ,
  TOTAL_MEMORY_BYTES,
  FREE_MEMORY_BYTES,
  AVAILABLE_MEMORY_BYTES,
  TOTAL_SWAP_BYTES,
  FREE_SWAP_BYTES,
  BOOT_TIME_MILLIS,
  UPTIME_SECONDS,
  LOAD_AVERAGE_1M,
  LOAD_AVERAGE_5M,
  LOAD_AVERAGE_15M,
  CPU_BUSY_PERCENT,
  CPU_USER_PERCENT,
  CPU_SYSTEM_PERCENT,
  CPU_IDLE_PERCENT,
  CPU_IOWAIT_PERCENT,
  CPU_INTERVAL_MILLIS,
  CPU_SOURCE,
  PROCESS_COUNT,
  THREAD_COUNT,
  SNAPSHOT_TIME_MILLIS,
  PLATFORM;

  private final String attributeName = Attribute.nameOf(this);
  private Class<?> type;

  static {
    for (SystemAttribute a : values()) {
      a.type = Attribute.typeOf(a.valueIn(SystemSources.UNKNOWN));
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
    return valueIn((SystemSources) system);
  }

  /** Where the host keeps each value (a switch, not a lambda per constant: no class spun each). */
  Object valueIn(SystemSources s) {
    return switch (this) {
      case HOSTNAME -> s.facts().hostname();
      case OS_NAME -> s.facts().osName();
      case OS_VERSION -> s.facts().osVersion();
      case KERNEL_VERSION -> s.facts().kernelVersion();
      case ARCHITECTURE -> s.facts().architecture();
      case CPU_MODEL -> s.facts().cpuModel();
      case LOGICAL_PROCESSORS -> s.facts().logicalProcessors();
      case PHYSICAL_CORES -> s.facts().physicalCores();
      case CPU_CLOCK_MHZ -> s.facts().cpuClockMhz();
      case TOTAL_MEMORY_BYTES -> s.facts().totalMemoryBytes();
      case FREE_MEMORY_BYTES -> s.load().freeMemoryBytes();
      case AVAILABLE_MEMORY_BYTES -> s.load().availableMemoryBytes();
      case TOTAL_SWAP_BYTES -> s.load().totalSwapBytes();
      case FREE_SWAP_BYTES -> s.load().freeSwapBytes();
      case BOOT_TIME_MILLIS -> s.facts().bootTimeMillis();
      case UPTIME_SECONDS -> s.load().uptimeSeconds();
      case LOAD_AVERAGE_1M -> s.load().loadAverage1m();
      case LOAD_AVERAGE_5M -> s.load().loadAverage5m();
      case LOAD_AVERAGE_15M -> s.load().loadAverage15m();
      case CPU_BUSY_PERCENT -> s.cpu().busyPercent();
      case CPU_USER_PERCENT -> s.cpu().userPercent();
      case CPU_SYSTEM_PERCENT -> s.cpu().systemPercent();
      case CPU_IDLE_PERCENT -> s.cpu().idlePercent();
      case CPU_IOWAIT_PERCENT -> s.cpu().iowaitPercent();
      case CPU_INTERVAL_MILLIS -> s.cpu().intervalMillis();
      case CPU_SOURCE -> s.cpuSource();
      case PROCESS_COUNT -> s.processCount();
      case THREAD_COUNT -> s.threadCount();
      case SNAPSHOT_TIME_MILLIS -> s.snapshotTimeMillis();
      case PLATFORM -> s.platform();
    };
  }
}
