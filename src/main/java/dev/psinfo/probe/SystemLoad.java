package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A host's changing values, read at one instant. Immutable. Numbers are {@code -1} when not
 * available; never null.
 *
 * @param freeMemoryBytes memory not used for anything, in bytes
 * @param availableMemoryBytes memory that can be given to programs without swapping (free plus
 *     reclaimable caches), in bytes
 * @param totalSwapBytes configured swap (AIX paging space), in bytes; it changes when swap is added
 * @param freeSwapBytes unused swap, in bytes
 * @param loadAverage1m run-queue length averaged over 1 minute
 * @param loadAverage5m run-queue length averaged over 5 minutes
 * @param loadAverage15m run-queue length averaged over 15 minutes
 * @param uptimeSeconds seconds since boot
 * @param platform changing values only one platform has (Linux cgroup limits, AIX paging space
 *     use); entries that could not be read are left out
 */
public record SystemLoad(
    long freeMemoryBytes,
    long availableMemoryBytes,
    long totalSwapBytes,
    long freeSwapBytes,
    double loadAverage1m,
    double loadAverage5m,
    double loadAverage15m,
    long uptimeSeconds,
    Map<String, String> platform) {

  /** A load with every field unavailable. */
  public static final SystemLoad UNKNOWN = new SystemLoad(-1, -1, -1, -1, -1, -1, -1, -1, Map.of());

  public SystemLoad {
    platform = Map.copyOf(requireNonNull(platform, "platform is null"));
    SystemFacts.atLeastMinusOne("freeMemoryBytes", freeMemoryBytes);
    SystemFacts.atLeastMinusOne("availableMemoryBytes", availableMemoryBytes);
    SystemFacts.atLeastMinusOne("totalSwapBytes", totalSwapBytes);
    SystemFacts.atLeastMinusOne("freeSwapBytes", freeSwapBytes);
    SystemFacts.atLeastMinusOne("uptimeSeconds", uptimeSeconds);
    loadAverage(loadAverage1m);
    loadAverage(loadAverage5m);
    loadAverage(loadAverage15m);
  }

  private static void loadAverage(double value) {
    if (Double.isNaN(value) || (value < 0 && value != -1)) {
      throw new IllegalArgumentException("load averages must be -1 or >= 0: " + value);
    }
  }
}
