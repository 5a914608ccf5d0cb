package dev.psinfo.jfr;

import dev.psinfo.host.Host;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.Snapshot;
import dev.psinfo.support.Log;
import dev.psinfo.support.RateLimitedLog;
import dev.psinfo.text.Printable;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Registers {@link HostProcessesEvent} with Flight Recorder once the recorder is initialized (at
 * once when it already is), and commits the events each period. Only {@link JfrEvents} refers to
 * this class, after checking that {@code jdk.jfr} exists. Thread-safe.
 *
 * <p>The period's scan and commits run on a daemon thread of ours ({@value #THREAD_NAME}, ended
 * after {@value #IDLE_SECONDS} idle seconds), never on Flight Recorder's periodic thread: that one
 * thread emits every periodic event of the JVM ({@code jdk.CPULoad} each second), and a scan of
 * 5,000 processes on a loaded host held it for 1.4-1.9 s, so the JDK's own events of those seconds
 * came late or not at all. While a period's scan runs, a new period records nothing.
 */
final class JfrHook implements FlightRecorderListener, Runnable {
  /** How many processes each period records. */
  static final int TOP = 10;

  /**
   * The period floor: whatever period a recording asks for, the events are committed at most once
   * per this many nanoseconds (a 1 ms period gave ~80 scans a second and tripled the JVM's RSS).
   */
  static final long MIN_PERIOD_NANOS = 1_000_000_000L;

  /** The most of a command line an event holds, in characters before escaping. */
  static final int MAX_ARGS = 1024;

  /** The name of the thread that scans and commits a period's events. */
  static final String THREAD_NAME = "psinfo-jmx-jfr";

  /** How long that thread waits for another period before it ends. */
  static final int IDLE_SECONDS = 30;

  private static final RateLimitedLog WARNINGS =
      new RateLimitedLog(Log.of(JfrHook.class), TimeUnit.MINUTES.toNanos(1));

  private final Host host;
  private final LongSupplier nanoTime;
  private final Runnable period = new Period();

  /** Where a period's work runs; null until the first period (then our daemon thread's pool). */
  private Executor worker;

  private boolean registered;

  /** Commit time of the last period that recorded, by {@link #nanoTime}; valid once one did. */
  private long lastNanos;

  private boolean recorded;

  JfrHook(Host host) {
    this(host, System::nanoTime, null);
  }

  /**
   * @param nanoTime the clock of the period floor
   * @param worker where a period's scan and commits run; null: a daemon thread of ours, made at the
   *     first period
   */
  JfrHook(Host host, LongSupplier nanoTime, Executor worker) {
    this.host = host;
    this.nanoTime = nanoTime;
    this.worker = worker;
  }

  /** Registers the periodic event when the recorder initializes; cheap until it does. */
  void listen() {
    FlightRecorder.addListener(this);
  }

  @Override
  public synchronized void recorderInitialized(FlightRecorder recorder) {
    if (!registered) {
      registered = true;
      FlightRecorder.addPeriodicEvent(HostProcessesEvent.class, this);
    }
  }

  /**
   * Whether this period may record: at least {@link #MIN_PERIOD_NANOS} after the last one that did.
   */
  private synchronized boolean dueNow() {
    long now = nanoTime.getAsLong();
    if (recorded && now - lastNanos < MIN_PERIOD_NANOS) {
      return false;
    }
    recorded = true;
    lastNanos = now;
    return true;
  }

  /**
   * The periodic hook: runs on Flight Recorder's thread, only while the event is enabled, and hands
   * the period to {@link #worker} without waiting for it; a period shorter than {@link
   * #MIN_PERIOD_NANOS} records nothing (no scan) between two that do, and one that comes while the
   * last one still scans records nothing either.
   */
  @Override
  public void run() {
    if (dueNow()) {
      worker().execute(period);
    }
  }

  private synchronized Executor worker() {
    if (worker == null) {
      // at most one period at a time: one more while it runs is discarded, not queued
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              0,
              1,
              IDLE_SECONDS,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              new DaemonThreads(),
              new ThreadPoolExecutor.DiscardPolicy());
      worker = pool;
    }
    return worker;
  }

  /** Names the thread and makes it a daemon: a guest never holds up the host's exit. */
  private static final class DaemonThreads implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, THREAD_NAME);
      t.setDaemon(true);
      return t;
    }
  }

  /** One period's work; a failure is one rate-limited line, never a trace on the host's stderr. */
  private final class Period implements Runnable {
    @Override
    public void run() {
      try {
        record();
      } catch (OutOfMemoryError e) {
        WARNINGS.warn("Flight Recorder events: out of memory in a period, tried again next one");
      } catch (Throwable e) { // NOPMD: a guest's thread never dies with a trace on stderr
        WARNINGS.warn("Flight Recorder events: a period failed: {}", e);
      }
    }
  }

  /** Scans (at most once per ttl, shared with every other reader) and commits the events. */
  private void record() {
    Snapshot s;
    try {
      s = host.sampler().snapshot();
    } catch (RuntimeException e) {
      return; // no snapshot to record; the agent's status bean counts the failure
    }
    HostProcessesEvent event = new HostProcessesEvent();
    event.processCount = s.scan().processes().size();
    event.shownProcessCount = s.samples().size();
    long threads = 0;
    for (ProcessInfo p : s.scan().processes()) {
      threads += Math.max(0, p.threads());
    }
    event.threadCount = threads;
    long rss = 0;
    double cpu = 0;
    for (ProcessSample p : s.samples()) {
      rss += Math.max(0, p.info().rssBytes());
      cpu += Math.max(0, p.cpuPercent());
    }
    event.shownRssBytes = rss;
    event.shownCpuPercent = Math.round(cpu * 100) / 100.0;
    SystemFacts facts = host.system().facts(); // sentinels when the probe fails: never throws
    SystemLoad load = host.system().load();
    event.totalMemoryBytes = facts.totalMemoryBytes();
    event.availableMemoryBytes = load.availableMemoryBytes();
    event.loadAverage1m = load.loadAverage1m();
    event.scanMillis = s.scan().durationNanos() / 1_000_000;
    event.commit();
    int rank = 0;
    for (ProcessSample p : s.topByCpu(TOP)) {
      ProcessInfo i = p.info();
      ProcessEvent e = new ProcessEvent();
      e.rank = ++rank;
      e.pid = i.pid();
      e.ppid = i.ppid();
      e.name = Printable.escape(i.name());
      e.user = Printable.escape(i.user());
      e.args = shownArgs(i.args());
      e.cpuPercent = p.cpuPercent();
      e.cpuTimeMillis = i.cpuTimeMillis();
      e.rssBytes = i.rssBytes();
      e.vszBytes = i.vszBytes();
      e.threads = i.threads();
      e.startTimeMillis = i.startTimeMillis();
      e.commit();
    }
  }

  /**
   * A command line as a {@link ProcessEvent} holds it: at most {@link #MAX_ARGS} characters (never
   * half a surrogate pair), then escaped by {@link Printable#escape}, because {@code jfr print}
   * writes a string's control characters to the terminal as they are, and a local user chooses
   * their process's arguments.
   */
  static String shownArgs(String args) {
    return Printable.escape(Printable.prefix(args, MAX_ARGS));
  }
}
