package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A guest's polling thread: one daemon thread named {@code threadName} that looks every {@code
 * interval}, the first look at once, from {@link #start} until {@link #stop} or until a look
 * answers false. Each thread gets a fresh {@link Look} from the factory, so what one thread learnt
 * (a previous snapshot) never reaches the next one. A look's failure never ends the thread and
 * never prints a trace: an {@link OutOfMemoryError} or any other throwable is logged in one
 * rate-limited line and the next look comes one interval later. Thread-safe.
 */
public final class Poller {
  /** One look at what is polled. */
  public interface Look {
    /**
     * Looks once.
     *
     * @return false when there is nothing left to look at (the thread then ends)
     */
    boolean look();
  }

  private final String threadName;
  private final String what;
  private final Supplier<? extends Look> looks;
  private final RateLimitedLog warnings;
  private volatile Duration interval;

  // guarded by this
  private Thread thread;

  /**
   * @param threadName the thread's name
   * @param what what is polled, the start of each warning ({@code process groups})
   * @param interval the time between two looks
   * @param looks makes the look of each new thread
   * @param warnings where a failed look is logged
   */
  public Poller(
      String threadName,
      String what,
      Duration interval,
      Supplier<? extends Look> looks,
      RateLimitedLog warnings) {
    this.threadName = requireNonNull(threadName, "threadName is null");
    this.what = requireNonNull(what, "what is null");
    this.interval = requireNonNull(interval, "interval is null");
    this.looks = requireNonNull(looks, "looks is null");
    this.warnings = requireNonNull(warnings, "warnings is null");
  }

  /** The time between two looks. */
  public Duration interval() {
    return interval;
  }

  /** Looks every {@code interval} from the thread's next wait on. */
  public void setInterval(Duration interval) {
    this.interval = requireNonNull(interval, "interval is null");
  }

  /** True while the thread runs. */
  public synchronized boolean running() {
    return thread != null;
  }

  /** Starts the thread unless it runs. */
  public synchronized void start() {
    if (thread == null) {
      thread = new Thread(new Loop(looks.get()), threadName);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Ends the thread: it looks no more (a look under way finishes). */
  public synchronized void stop() {
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
  }

  private synchronized boolean isCurrent(Thread t) {
    return thread == t;
  }

  private synchronized void ended(Thread t) {
    if (thread == t) {
      thread = null;
    }
  }

  /** The thread's work: a class, not a lambda, so that starting it spins no lambda. */
  private final class Loop implements Runnable {
    private final Look look;

    Loop(Look look) {
      this.look = requireNonNull(look, "look is null");
    }

    @Override
    public void run() {
      Thread me = Thread.currentThread();
      while (isCurrent(me)) {
        try {
          if (!look.look()) {
            ended(me);
            return;
          }
        } catch (OutOfMemoryError e) {
          warnings.warn("{}: out of memory in a look, tried again later", what);
        } catch (Throwable e) { // NOPMD: a guest's thread never dies with a trace on stderr
          warnings.warn("{}: a look failed: {}", what, e);
        }
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
