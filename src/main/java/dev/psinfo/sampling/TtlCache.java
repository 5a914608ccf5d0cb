package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Holds the last value a loader produced and serves it for a time-to-live.
 *
 * <p>Nothing is loaded until the first {@link #get()}. At most one load runs at a time: callers
 * that arrive while a load is in flight wait for it and share its result. When a load fails, the
 * last good value keeps being served (and the failure is counted); only when there never was a good
 * value does the failure reach the caller. Thread-safe.
 *
 * <p>No caller waits unboundedly for a load that hangs (a FIFO in a fake {@code /proc}, a stuck NFS
 * mount): after {@code staleWait} a caller gets the last value (counted in {@link #staleServed()}),
 * and when there is none, after {@code firstWait} a {@link CacheLoadException} that says so. {@link
 * #refresh()} loads only when the value is older than the smaller of the ttl and {@link
 * #REFRESH_FLOOR}, so no caller can keep the loader running back to back.
 *
 * @param <T> the cached value, immutable
 */
public final class TtlCache<T> {
  /** Produces a fresh value; may fail with any exception. */
  @FunctionalInterface
  public interface Loader<T> {
    T load() throws Exception;
  }

  /** {@link #refresh()} serves a value younger than this (or than the ttl, if shorter). */
  public static final Duration REFRESH_FLOOR = Duration.ofSeconds(1);

  /** How long a caller waits for a load in flight when there is a last value to serve instead. */
  public static final Duration STALE_WAIT = Duration.ofSeconds(5);

  /** How long a caller waits for the first load before it gets an error. */
  public static final Duration FIRST_WAIT = Duration.ofSeconds(30);

  private volatile long ttlNanos;
  private volatile long refreshFloorNanos;
  private final long staleWaitNanos;
  private final long firstWaitNanos;
  private final LongSupplier nanoClock;
  private final Loader<T> loader;
  private final ReentrantLock loadLock = new ReentrantLock();
  private final AtomicLong loads = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong staleServed = new AtomicLong();

  private volatile Entry<T> entry;
  private volatile Throwable lastFailure;

  private record Entry<T>(T value, long loadedAtNanos) {}

  /**
   * @param ttl how long a value is served before the next read loads again; zero loads on every
   *     read
   * @param nanoClock monotonic clock, {@code System::nanoTime} outside tests
   * @param loader produces a value
   */
  public TtlCache(Duration ttl, LongSupplier nanoClock, Loader<T> loader) {
    this(ttl, STALE_WAIT, FIRST_WAIT, nanoClock, loader);
  }

  /**
   * @param staleWait how long a caller waits for a load in flight when a last value exists
   * @param firstWait how long a caller waits for a load in flight when none does
   */
  public TtlCache(
      Duration ttl,
      Duration staleWait,
      Duration firstWait,
      LongSupplier nanoClock,
      Loader<T> loader) {
    setTtl(ttl);
    this.staleWaitNanos = requireNonNull(staleWait, "staleWait is null").toNanos();
    this.firstWaitNanos = requireNonNull(firstWait, "firstWait is null").toNanos();
    this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    this.loader = requireNonNull(loader, "loader is null");
  }

  /**
   * Changes the ttl from the next read on (a value already loaded is judged by the new one).
   *
   * @throws IllegalArgumentException when {@code ttl} is negative
   */
  public void setTtl(Duration ttl) {
    requireNonNull(ttl, "ttl is null");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative: " + ttl);
    }
    long nanos = ttl.toNanos();
    this.refreshFloorNanos = Math.min(nanos, REFRESH_FLOOR.toNanos());
    this.ttlNanos = nanos;
  }

  /**
   * The cached value if younger than the TTL, else a freshly loaded one.
   *
   * @throws CacheLoadException when the load failed and no good value was ever loaded
   */
  public T get() {
    Entry<T> current = entry;
    if (current != null && isFresh(current)) {
      return current.value();
    }
    return load(current, false);
  }

  /**
   * Loads a fresh value now, unless another thread is loading, in which case its result is used, or
   * the value is younger than the smaller of the ttl and {@link #REFRESH_FLOOR}, in which case it
   * is served.
   *
   * @throws CacheLoadException when the load failed and no good value was ever loaded
   */
  public T refresh() {
    Entry<T> current = entry;
    if (current != null && nanoClock.getAsLong() - current.loadedAtNanos() < refreshFloorNanos) {
      return current.value();
    }
    return load(current, true);
  }

  private boolean isFresh(Entry<T> e) {
    return nanoClock.getAsLong() - e.loadedAtNanos() < ttlNanos;
  }

  private T load(Entry<T> seen, boolean force) {
    if (!acquire(seen == null ? firstWaitNanos : staleWaitNanos)) {
      Entry<T> last = entry;
      if (last != null) {
        staleServed.incrementAndGet();
        return last.value();
      }
      throw new CacheLoadException(
          new TimeoutException(
              "no value yet: the first load has been running for more than "
                  + (firstWaitNanos % 1_000_000_000L == 0
                      ? firstWaitNanos / 1_000_000_000L + " s"
                      : firstWaitNanos / 1_000_000L + " ms")));
    }
    try {
      Entry<T> current = entry;
      // another thread loaded while we waited for the lock: use its result
      if (current != null && current != seen) {
        return current.value();
      }
      if (!force && current != null && isFresh(current)) {
        return current.value();
      }
      try {
        T value = requireNonNull(loader.load(), "loader returned null");
        loads.incrementAndGet();
        entry = new Entry<>(value, nanoClock.getAsLong());
        return value;
      } catch (Exception | LinkageError e) {
        failures.incrementAndGet();
        lastFailure = e;
        if (current != null) {
          // keep serving the last good value, and try again only after another TTL
          entry = new Entry<>(current.value(), nanoClock.getAsLong());
          return current.value();
        }
        throw new CacheLoadException(e);
      }
    } finally {
      loadLock.unlock();
    }
  }

  /** Waits for the lock up to {@code nanos}; false when it did not come (or on interrupt). */
  private boolean acquire(long nanos) {
    try {
      return loadLock.tryLock(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Callers given the last value because a load in flight took longer than they may wait. */
  public long staleServed() {
    return staleServed.get();
  }

  /** Loads that produced a value. */
  public long loads() {
    return loads.get();
  }

  /** Loads that failed. */
  public long failures() {
    return failures.get();
  }

  /** The last failure, or null when no load has failed. */
  public Throwable lastFailure() {
    return lastFailure;
  }

  /** The value last loaded, without loading; null before the first load. */
  public T peek() {
    Entry<T> e = entry;
    return e == null ? null : e.value();
  }

  /** Thrown by {@link #get()} when the first load fails. */
  public static final class CacheLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CacheLoadException(Throwable cause) {
      super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
  }
}
