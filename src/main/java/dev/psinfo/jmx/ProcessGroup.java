package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;

/**
 * The {@link ProcessGroupMXBean} of one group over a {@link ProcessSampler}: the totals are added
 * up once per snapshot, on the first read of any attribute, and reused until the next snapshot.
 * Thread-safe. A scan failure with no snapshot to fall back on gets an {@link
 * IllegalStateException} naming the cause.
 */
public final class ProcessGroup implements ProcessGroupMXBean {
  private record Computed(Snapshot snapshot, ProcessTotals totals) {}

  private final ProcessSampler sampler;
  private final UserPattern regex;
  private volatile Computed last;

  /**
   * @param sampler where the snapshots come from (the process table's own)
   * @param regex matched against each shown process's name or arguments
   */
  public ProcessGroup(ProcessSampler sampler, UserPattern regex) {
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.regex = requireNonNull(regex, "regex is null");
  }

  @Override
  public String getRegex() {
    return regex.pattern();
  }

  @Override
  public int getProcessCount() {
    return totals().processCount();
  }

  @Override
  public long getThreadCount() {
    return totals().threadCount();
  }

  @Override
  public long getRssBytes() {
    return totals().rssBytes();
  }

  @Override
  public long getVszBytes() {
    return totals().vszBytes();
  }

  @Override
  public long getCpuTimeMillis() {
    return totals().cpuTimeMillis();
  }

  @Override
  public double getCpuPercent() {
    return totals().cpuPercent();
  }

  @Override
  public long getOldestStartTimeMillis() {
    return totals().oldestStartTimeMillis();
  }

  @Override
  public long[] getPids() {
    return totals().pids();
  }

  @Override
  public long getSnapshotTimeMillis() {
    return computed().snapshot().scan().wallTimeMillis();
  }

  private ProcessTotals totals() {
    return computed().totals();
  }

  private Computed computed() {
    Snapshot s;
    try {
      s = sampler.snapshot();
    } catch (RuntimeException e) {
      throw new IllegalStateException("process table unavailable: " + e.getMessage());
    }
    Computed c = last;
    if (c == null || c.snapshot() != s) {
      c = new Computed(s, s.totals(regex));
      last = c;
    }
    return c;
  }
}
