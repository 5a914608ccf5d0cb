package dev.psinfo.probe;

/**
 * Reads the host's system facts: the static ones once, the dynamic ones per call.
 *
 * <p>Implementations are thread-safe and never throw for a source that is missing, unreadable or
 * unparsable: the fields it would have filled are {@code -1} or {@code ""}, and the other fields
 * keep their values. An unchecked exception means a bug; callers that face a JMX client turn it
 * into sentinels too.
 */
public interface SystemProbe {
  /** Short name of the platform reader, e.g. {@code "aix"} or {@code "linux"}. */
  String name();

  /**
   * Facts that do not change while the host runs (CPU model, installed memory, OS level, boot
   * time). Implementations may compute them once and return the same instance afterwards.
   */
  SystemFacts facts();

  /** Values that change from moment to moment (free memory, swap, load averages, uptime). */
  SystemLoad load();

  /**
   * Whether {@link #cpuTimes()} reads the host's CPU counters (Linux {@code /proc/stat}). When
   * false, the host's CPU use is estimated from the process table's CPU times ({@link
   * ProcessCpuEstimator}), which on AIX are physical processor time.
   */
  default boolean hasCpuCounters() {
    return false;
  }

  /**
   * The host's CPU counters since boot, read now; null when they cannot be read or {@link
   * #hasCpuCounters()} is false.
   */
  default CpuTimes cpuTimes() {
    return null;
  }
}
