package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One scan of the process table: every row read at about the same instant.
 *
 * @param processes one entry per live process (zombies included), in ascending pid order
 * @param wallTimeMillis when the scan started, milliseconds since the epoch
 * @param monotonicNanos when the scan started, {@link System#nanoTime()}; for rates only
 * @param durationNanos how long the scan took
 * @param stats what was skipped or incomplete
 * @param visibility what the platform says limits the view (hidepid, pid namespace, the kernel's
 *     task count); {@link Visibility#UNKNOWN} when it says nothing
 */
public record ProcessScan(
    List<ProcessInfo> processes,
    long wallTimeMillis,
    long monotonicNanos,
    long durationNanos,
    ScanStats stats,
    Visibility visibility) {
  public ProcessScan {
    processes = List.copyOf(requireNonNull(processes, "processes is null"));
    requireNonNull(stats, "stats is null");
    requireNonNull(visibility, "visibility is null");
    if (durationNanos < 0) {
      throw new IllegalArgumentException("durationNanos must be >= 0: " + durationNanos);
    }
  }

  /** A scan whose platform says nothing about what limits the view. */
  public ProcessScan(
      List<ProcessInfo> processes,
      long wallTimeMillis,
      long monotonicNanos,
      long durationNanos,
      ScanStats stats) {
    this(processes, wallTimeMillis, monotonicNanos, durationNanos, stats, Visibility.UNKNOWN);
  }
}
