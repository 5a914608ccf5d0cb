package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;

/**
 * One group at one snapshot: what its members add up to and its history up to that snapshot.
 *
 * @param snapshot the snapshot the totals are of
 * @param totals the members' totals
 * @param up true while the group has at least its expected count (always without an expectation)
 * @param downSinceMillis the snapshot time the group was first seen down in this outage, epoch
 *     millis; -1 while up
 * @param restarts members that started after the group's first snapshot
 * @param lastStartMillis when the most recently started member seen started, epoch millis; -1: none
 */
public record GroupReading(
    Snapshot snapshot,
    ProcessTotals totals,
    boolean up,
    long downSinceMillis,
    long restarts,
    long lastStartMillis) {
  public GroupReading {
    requireNonNull(snapshot, "snapshot is null");
    requireNonNull(totals, "totals is null");
  }

  /** When the snapshot was taken, epoch millis. */
  public long snapshotTimeMillis() {
    return snapshot.scan().wallTimeMillis();
  }
}
