package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.RegexTooExpensiveException;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@link ProcessTableMXBean} over a {@link ProcessSampler}. Thread-safe. A bad argument gets an
 * {@link IllegalArgumentException} that says what was wrong; a scan failure with no snapshot to
 * fall back on gets an {@link IllegalStateException} naming the cause.
 */
public final class ProcessTable implements ProcessTableMXBean {
  /** How long {@link #find} may search before it gives up on a backtracking regex. */
  static final Duration FIND_TIME_LIMIT = Duration.ofSeconds(5);

  private final ProcessSampler sampler;
  private final int maxRows;
  private final ExportOrder exportTop;

  /**
   * @param sampler where the snapshots come from
   * @param maxRows at most this many rows per read; 0 for no limit
   * @param exportTop which rows {@link #getProcesses()} keeps when {@code maxRows} cuts it
   */
  public ProcessTable(ProcessSampler sampler, int maxRows, ExportOrder exportTop) {
    this.sampler = requireNonNull(sampler, "sampler is null");
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0: " + maxRows);
    }
    this.maxRows = maxRows;
    this.exportTop = requireNonNull(exportTop, "exportTop is null");
  }

  @Override
  public Map<ProcessKey, ProcessRow> getProcesses() {
    Snapshot s = snapshot();
    List<ProcessSample> rows = s.samples();
    if (maxRows > 0 && rows.size() > maxRows) {
      rows = exportTop == ExportOrder.MEMORY ? s.topByMemory(maxRows) : s.topByCpu(maxRows);
    }
    Map<ProcessKey, ProcessRow> table = new LinkedHashMap<>(rows.size() * 4 / 3 + 1);
    for (ProcessSample sample : rows) {
      ProcessRow row = ProcessRow.of(sample);
      table.put(row.key(), row);
    }
    return table;
  }

  @Override
  public int getProcessCount() {
    return snapshot().samples().size();
  }

  @Override
  public long getSnapshotTimeMillis() {
    return snapshot().scan().wallTimeMillis();
  }

  @Override
  public List<ProcessRow> topByCpu(int n) {
    return rows(snapshot().topByCpu(checkCount(n)));
  }

  @Override
  public List<ProcessRow> topByMemory(int n) {
    return rows(snapshot().topByMemory(checkCount(n)));
  }

  @Override
  public ProcessRow process(long pid) {
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0: " + pid);
    }
    Snapshot s = snapshot();
    ProcessSample sample = s.byPid(pid);
    if (sample == null) {
      throw new IllegalArgumentException(
          "no process with pid " + pid + " in the snapshot (" + s.samples().size() + " shown)");
    }
    return ProcessRow.of(sample);
  }

  @Override
  public List<ProcessRow> find(String regex) {
    if (regex == null || regex.isEmpty()) {
      throw new IllegalArgumentException("regex must not be empty");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regex '" + regex + "': " + e.getDescription() + " near index " + e.getIndex());
    }
    try {
      return rows(snapshot().find(pattern, FIND_TIME_LIMIT));
    } catch (RegexTooExpensiveException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  @Override
  public List<ProcessRow> byUser(String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must be a user name or a numeric uid, not empty");
    }
    return rows(snapshot().byUser(user.trim()));
  }

  @Override
  public List<ProcessRow> children(long pid) {
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0: " + pid);
    }
    Snapshot s = snapshot();
    boolean exists = s.scan().processes().stream().anyMatch(p -> p.pid() == pid);
    if (!exists) {
      throw new IllegalArgumentException("no process with pid " + pid + " in the snapshot");
    }
    return rows(s.descendants(pid));
  }

  @Override
  public int refresh() {
    try {
      return sampler.refresh().samples().size();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private Snapshot snapshot() {
    try {
      return sampler.snapshot();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static IllegalStateException unavailable(RuntimeException e) {
    // only a plain JDK exception travels to every JMX client; the cause stays in the agent's log
    return new IllegalStateException("process table unavailable: " + e.getMessage());
  }

  private int checkCount(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be 1 or more: " + n);
    }
    return maxRows > 0 ? Math.min(n, maxRows) : n;
  }

  private List<ProcessRow> rows(List<ProcessSample> samples) {
    int limit = maxRows > 0 ? Math.min(maxRows, samples.size()) : samples.size();
    List<ProcessRow> out = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      out.add(ProcessRow.of(samples.get(i)));
    }
    return out;
  }
}
