package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

/**
 * Counters of a {@link ProcessSampler} since it was made.
 *
 * @param scans scans that produced a snapshot
 * @param failedScans scans that failed as a whole (the previous snapshot was served instead)
 * @param lastScanMillis duration of the last good scan in milliseconds; -1 before the first
 * @param lastProcesses processes in the last good scan; -1 before the first
 * @param lastRows processes the filter showed in the last good scan; -1 before the first
 * @param gone processes that exited while being read, summed over all scans
 * @param denied processes with fields the agent could not read, summed over all scans
 * @param corrupt entries skipped as corrupt, summed over all scans
 * @param lastError the last scan failure as {@code Type: message}; "" when none
 */
public record SamplerStats(
    long scans,
    long failedScans,
    double lastScanMillis,
    int lastProcesses,
    int lastRows,
    long gone,
    long denied,
    long corrupt,
    String lastError) {
  public SamplerStats {
    requireNonNull(lastError, "lastError is null");
  }
}
