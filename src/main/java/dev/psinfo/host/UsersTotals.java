package dev.psinfo.host;

import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What each effective user's shown processes add up to: over the processes the filters show (before
 * {@code maxRows}), one entry per user in name order. A process whose user name is unknown counts
 * under its uid (as text); values not available ({@code -1}) add nothing. The process table's
 * {@code Users} attribute shows it. Stateless.
 */
public final class UsersTotals {
  private UsersTotals() {}

  /** The totals of {@code s}'s shown processes by user, users in name order. */
  public static SortedMap<String, ProcessTotals> of(Snapshot s) {
    SortedMap<String, ProcessTotals.Sum> byUser = new TreeMap<>();
    for (ProcessSample p : s.samples()) {
      String user = p.info().user();
      if (user.isEmpty()) {
        user = Long.toString(p.info().euid());
      }
      byUser.computeIfAbsent(user, u -> new ProcessTotals.Sum()).add(p);
    }
    SortedMap<String, ProcessTotals> out = new TreeMap<>();
    byUser.forEach((user, sum) -> out.put(user, sum.totals()));
    return Collections.unmodifiableSortedMap(out);
  }
}
