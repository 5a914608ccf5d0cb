package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a warning at most once per interval; the next one logged says how many were suppressed in
 * between. For per-entry problems of a scan (a corrupt record), so that a host with thousands of
 * them does not flood the application's stderr. Thread-safe.
 */
public final class RateLimitedLog {
  private final Log log;
  private final long intervalNanos;
  private final AtomicLong lastNanos;
  private final AtomicLong logged = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  /**
   * @param log where warnings go
   * @param intervalNanos the least time between two warnings; the first warning is always logged
   */
  public RateLimitedLog(Log log, long intervalNanos) {
    this.log = requireNonNull(log, "log is null");
    if (intervalNanos < 0) {
      throw new IllegalArgumentException("intervalNanos must be >= 0: " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
    this.lastNanos = new AtomicLong(System.nanoTime() - intervalNanos);
  }

  /**
   * Logs {@code format} ({@code {}} placeholders) unless a warning was logged less than an interval
   * ago.
   */
  public void warn(String format, Object... args) {
    long now = System.nanoTime();
    long last = lastNanos.get();
    if (now - last >= intervalNanos && lastNanos.compareAndSet(last, now)) {
      logged.incrementAndGet();
      long skipped = suppressed.getAndSet(0);
      if (skipped > 0) {
        Object[] withCount = Arrays.copyOf(args, args.length + 1);
        withCount[args.length] = skipped;
        log.warn(format + " ({} similar warnings suppressed before this one)", withCount);
      } else {
        log.warn(format, args);
      }
    } else {
      suppressed.incrementAndGet();
    }
  }

  /** Warnings actually logged. */
  public long logged() {
    return logged.get();
  }
}
