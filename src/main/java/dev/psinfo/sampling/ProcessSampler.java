package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serves {@link Snapshot}s of the process table: scans through the probe on the first read and then
 * at most once per {@code ttl}, one scan at a time; scrubs arguments, computes recent CPU use and
 * applies the filter. When a scan fails, the last good snapshot keeps being served and the failure
 * is counted. Thread-safe.
 */
public final class ProcessSampler {
  private final ProcessProbe probe;
  private final ProcessFilter filter;
  private final ArgsScrubber scrubber;
  private final TtlCache<Snapshot> cache;
  private volatile Duration ttl;
  private final CpuTracker cpu = new CpuTracker();
  private final ScrubMemo scrubbed = new ScrubMemo();
  private final AtomicLong gone = new AtomicLong();
  private final AtomicLong denied = new AtomicLong();
  private final AtomicLong corrupt = new AtomicLong();
  private long sequence;

  /** The snapshot of the answer this thread is computing (see {@link #answer}), or null. */
  private final ThreadLocal<Snapshot> pinned = new ThreadLocal<>();

  /**
   * @param probe the platform reader
   * @param filter which processes are shown
   * @param scrubber masks secrets in arguments; null shows them as read
   * @param ttl how long one scan is served
   * @param nanoClock monotonic clock, {@code System::nanoTime} outside tests
   */
  public ProcessSampler(
      ProcessProbe probe,
      ProcessFilter filter,
      ArgsScrubber scrubber,
      Duration ttl,
      LongSupplier nanoClock) {
    this.probe = requireNonNull(probe, "probe is null");
    this.filter = requireNonNull(filter, "filter is null");
    this.scrubber = scrubber;
    this.cache = new TtlCache<>(ttl, nanoClock, this::scan);
    this.ttl = ttl;
  }

  /**
   * A sampler over {@code probe} with the filter ({@code include}, {@code exclude}, {@code users}),
   * scrubbing and ttl of {@code options}: what the agent's beans and the command line both use.
   */
  public static ProcessSampler of(ProcessProbe probe, AgentOptions options) {
    ProcessFilter filter = new ProcessFilter(options.include(), options.exclude(), options.users());
    ArgsScrubber scrubber = options.scrubArgs() ? new ArgsScrubber(options.scrubWords()) : null;
    return new ProcessSampler(probe, filter, scrubber, options.ttl(), System::nanoTime);
  }

  /**
   * The current snapshot, scanning when the last one is older than the ttl; inside {@link #answer},
   * the one snapshot of that answer.
   */
  public Snapshot snapshot() {
    Snapshot s = pinned.get();
    return s != null ? s : cache.get();
  }

  /**
   * Computes one answer from one snapshot: every {@link #snapshot()} this thread calls inside
   * {@code answer} returns the same snapshot (taken on entry), so the attributes of one {@code
   * getAttributes} call, and the table, counts and summaries read together, agree with each other
   * even while the table changes. Nested calls share the outer call's snapshot. When no snapshot
   * can be had, {@code answer} runs unpinned and each read reports its own error.
   */
  public <T> T answer(Supplier<T> answer) {
    if (pinned.get() != null) {
      return answer.get();
    }
    Snapshot s;
    try {
      s = cache.get();
    } catch (RuntimeException e) {
      return answer.get();
    }
    pinned.set(s);
    try {
      return answer.get();
    } finally {
      pinned.remove();
    }
  }

  /** Scans now (or joins a scan in flight) and returns its snapshot. */
  public Snapshot refresh() {
    return cache.refresh();
  }

  /** The last snapshot without scanning, or null before the first read. */
  public Snapshot peek() {
    return cache.peek();
  }

  /** How long one scan is served. */
  public Duration ttl() {
    return ttl;
  }

  /** Serves each scan for {@code ttl} from the next read on (a live option: {@code attach}). */
  public void setTtl(Duration ttl) {
    cache.setTtl(ttl);
    this.ttl = ttl;
  }

  /** The platform reader's name. */
  public String probeName() {
    return probe.name();
  }

  /** Counters since the sampler was made. */
  public SamplerStats stats() {
    Snapshot last = cache.peek();
    Throwable failure = cache.lastFailure();
    return new SamplerStats(
        cache.loads(),
        cache.failures(),
        last == null ? -1 : last.scan().durationNanos() / 1_000_000.0,
        last == null ? -1 : last.scan().processes().size(),
        last == null ? -1 : last.samples().size(),
        gone.get(),
        denied.get(),
        corrupt.get(),
        failure == null ? "" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
  }

  // runs under the cache's load lock: one at a time
  private Snapshot scan() throws Exception {
    ProcessScan scan = probe.scan();
    ScanStats s = scan.stats();
    gone.addAndGet(s.gone());
    denied.addAndGet(s.denied());
    corrupt.addAndGet(s.corrupt());
    double[] percent = cpu.update(scan);
    List<ProcessInfo> processes = scan.processes();
    List<ProcessSample> shown = new ArrayList<>(processes.size());
    // the snapshot keeps one copy of each row: the scrubbed one replaces what was read
    List<ProcessInfo> kept = scrubber == null ? processes : new ArrayList<>(processes.size());
    scrubbed.begin(processes.size());
    for (int i = 0; i < percent.length; i++) {
      ProcessInfo p = processes.get(i);
      if (scrubber != null) {
        String clean = scrubbed.scrub(scrubber, p.pid(), p.args());
        if (clean != p.args()) {
          p = p.withArgs(clean);
        }
        kept.add(p);
      }
      ProcessSample sample = new ProcessSample(p, percent[i]);
      if (filter.test(sample)) {
        shown.add(sample);
      }
    }
    scrubbed.end();
    if (scrubber != null) {
      scan =
          new ProcessScan(
              kept,
              scan.wallTimeMillis(),
              scan.monotonicNanos(),
              scan.durationNanos(),
              s,
              scan.visibility());
    }
    return new Snapshot(scan, shown, ++sequence);
  }
}
