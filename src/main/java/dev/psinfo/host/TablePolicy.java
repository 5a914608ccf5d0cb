package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rows of a snapshot a read of the process table shows: at most {@code maxRows} of them (0:
 * no limit); when that cuts the whole table, the top rows by {@code exportTop} plus every row
 * {@code pin} matches. Every view of the table (the JMX bean's attributes and operations, and any
 * other view that wants the same rows) asks here. Immutable and thread-safe.
 *
 * @param maxRows at most this many rows per read, not counting pinned rows; 0 for no limit
 * @param exportTop which rows the whole table keeps when {@code maxRows} cuts it
 * @param pin processes whose name or arguments match are in the whole table even when {@code
 *     maxRows} cuts it (operations' answers stay cut); null: none
 */
public record TablePolicy(int maxRows, ExportOrder exportTop, UserPattern pin) {
  /** No limit: every row the filters show. */
  public static final TablePolicy ALL = new TablePolicy(0, ExportOrder.CPU, null);

  public TablePolicy {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0: " + maxRows);
    }
    requireNonNull(exportTop, "exportTop is null");
  }

  /** The policy the options {@code maxRows}, {@code exportTop} and {@code pin} ask for. */
  public static TablePolicy of(AgentOptions options) {
    return new TablePolicy(options.maxRows(), options.exportTop(), options.pin());
  }

  /** The queries of one snapshot under this policy. */
  public ProcessQueries queries(Snapshot snapshot) {
    return new ProcessQueries(this, snapshot);
  }

  /**
   * The rows of the whole table ({@code Processes}): all of {@code s}'s samples, or when there are
   * more than {@code maxRows}, the top {@code maxRows} by {@code exportTop} and the pinned ones; in
   * ascending pid order.
   */
  public List<ProcessSample> table(Snapshot s) {
    List<ProcessSample> rows = s.samples();
    if (maxRows > 0 && rows.size() > maxRows) {
      rows =
          new ArrayList<>(
              exportTop == ExportOrder.MEMORY ? s.topByMemory(maxRows) : s.topByCpu(maxRows));
      if (pin != null) {
        Set<Long> kept = new HashSet<>();
        rows.forEach(r -> kept.add(r.info().pid()));
        for (ProcessSample p : s.samples()) {
          if (!kept.contains(p.info().pid()) && ProcessFilter.matches(pin, p)) {
            rows.add(p);
          }
        }
      }
      rows.sort((a, b) -> Long.compare(a.info().pid(), b.info().pid()));
    }
    return rows;
  }

  /** {@code rows} cut to its first {@code maxRows} (the list itself when no cut is needed). */
  public List<ProcessSample> cut(List<ProcessSample> rows) {
    return maxRows > 0 && rows.size() > maxRows ? rows.subList(0, maxRows) : rows;
  }

  /** {@code n} rows asked for, at most {@code maxRows}. */
  int limit(int n) {
    return maxRows > 0 ? Math.min(n, maxRows) : n;
  }
}
