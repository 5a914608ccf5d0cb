package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a host is, read once. Immutable. Numbers are {@code -1} and strings {@code ""} when the
 * platform does not have the value or it could not be read; never null.
 *
 * @param hostname the host's name as the kernel knows it (not resolved through DNS)
 * @param osName operating system name, e.g. {@code "Linux"}, {@code "AIX"}
 * @param osVersion operating system version, e.g. {@code "7.2"} on AIX, the kernel release on Linux
 *     (as the JDK's {@code os.version})
 * @param kernelVersion the kernel's level: Linux {@code /proc/sys/kernel/osrelease}, AIX {@code
 *     oslevel -s} (technology level and service pack)
 * @param architecture machine architecture, e.g. {@code "amd64"}, {@code "ppc64"}
 * @param cpuModel processor model, e.g. {@code "AMD EPYC"}, {@code "PowerPC_POWER8"}
 * @param logicalProcessors logical processors (hardware threads) the OS schedules on
 * @param physicalCores physical cores (AIX: virtual processors of the partition)
 * @param cpuClockMhz nominal processor clock in MHz, rounded
 * @param totalMemoryBytes installed (partition) memory in bytes
 * @param bootTimeMillis when the host booted, milliseconds since the epoch
 * @param platform what only one platform has (LPAR facts on AIX, distribution on Linux); keys are
 *     camelCase, values strings; entries that could not be read are left out
 */
public record SystemFacts(
    String hostname,
    String osName,
    String osVersion,
    String kernelVersion,
    String architecture,
    String cpuModel,
    int logicalProcessors,
    int physicalCores,
    long cpuClockMhz,
    long totalMemoryBytes,
    long bootTimeMillis,
    Map<String, String> platform) {

  /** Facts with every field unavailable. */
  public static final SystemFacts UNKNOWN =
      new SystemFacts("", "", "", "", "", "", -1, -1, -1, -1, -1, Map.of());

  public SystemFacts {
    requireNonNull(hostname, "hostname is null");
    requireNonNull(osName, "osName is null");
    requireNonNull(osVersion, "osVersion is null");
    requireNonNull(kernelVersion, "kernelVersion is null");
    requireNonNull(architecture, "architecture is null");
    requireNonNull(cpuModel, "cpuModel is null");
    platform = Map.copyOf(requireNonNull(platform, "platform is null"));
    atLeastMinusOne("logicalProcessors", logicalProcessors);
    atLeastMinusOne("physicalCores", physicalCores);
    atLeastMinusOne("cpuClockMhz", cpuClockMhz);
    atLeastMinusOne("totalMemoryBytes", totalMemoryBytes);
    atLeastMinusOne("bootTimeMillis", bootTimeMillis);
    if (logicalProcessors == 0 || physicalCores == 0) {
      throw new IllegalArgumentException(
          "processor counts must be -1 or positive: " + logicalProcessors + "/" + physicalCores);
    }
  }

  static void atLeastMinusOne(String name, long value) {
    if (value < -1) {
      throw new IllegalArgumentException(name + " must be >= -1: " + value);
    }
  }
}
