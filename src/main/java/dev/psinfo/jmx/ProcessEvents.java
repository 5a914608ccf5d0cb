package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.support.Log;
import dev.psinfo.support.Poller;
import dev.psinfo.support.RateLimitedLog;
import dev.psinfo.text.Printable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Start and exit notifications of {@code psinfo:type=ProcessTable}, and the bounded delivery of
 * other beans' notifications (a group's down and up, whose poller is {@code HostGroups}' shared
 * one: see {@link Demand}). A daemon thread ({@value #POLLER_NAME}) compares successive snapshots
 * every {@code interval} <em>only while at least one listener is registered</em>: the first
 * listener starts it, removing the last stops it and the thread ends. A process is its pid and
 * start time, so a reused pid is a new process. The first poll after the start only learns the
 * table. A process that starts and exits between two polls is not seen.
 *
 * <p>Bounded in bytes, whatever the host runs and however slow a listener is: a notification's row
 * is the process's row with {@code args} cut to {@value #ARGS_CHARS} characters ({@code
 * argsTruncated} then true; {@code process(pid)} has the whole line); its message names the process
 * with {@link Printable#escape} (name and user cut to {@value #MESSAGE_FIELD_CHARS} characters).
 * Each listener has its own queue of at most {@value #QUEUE} notifications and {@value
 * #QUEUE_BYTES} estimated bytes, drained by up to {@value #DISPATCH_THREADS} daemon threads
 * ({@value #DISPATCH_NAME}, ended after a few idle seconds): a slow listener never holds up the
 * poller nor the other listeners; what does not fit its queue is dropped and counted ({@link
 * #dropped}). No error of a scan, a listener or memory ends a thread or reaches the host's stderr
 * as a stack trace: it is caught, counted and logged in one (rate-limited) line. The source of
 * every notification is an {@link ObjectName}, so any connector can serialise it. Thread-safe.
 */
final class ProcessEvents {
  static final String STARTED = "psinfo.process.started";
  static final String EXITED = "psinfo.process.exited";
  static final String POLLER_NAME = "psinfo-jmx-events";
  static final String DISPATCH_NAME = "psinfo-jmx-notify";

  /** The most notifications queued for one listener. */
  static final int QUEUE = 10_000;

  /** The most estimated bytes of notifications queued for one listener. */
  static final long QUEUE_BYTES = 4L * 1024 * 1024;

  /** The most characters of {@code args} in a notification's row. */
  static final int ARGS_CHARS = 1024;

  /** The most characters of the name and of the user in a notification's message. */
  static final int MESSAGE_FIELD_CHARS = 256;

  /** Threads delivering to listeners: a slow listener holds one of them, not all. */
  static final int DISPATCH_THREADS = 2;

  /** Notifications one listener gets in a row before the others have their turn. */
  private static final int BATCH = 64;

  /** Estimated heap of a notification besides its strings: the row's values and the objects. */
  private static final long FIXED_BYTES = 1024;

  static final MBeanNotificationInfo INFO =
      new MBeanNotificationInfo(
          new String[] {STARTED, EXITED},
          Notification.class.getName(),
          "A process the filters show started or exited (seen by comparing snapshots every"
              + " eventInterval while someone listens); userData is its row, for an exit the last"
              + " one seen, with args cut to "
              + ARGS_CHARS
              + " characters (argsTruncated then true)");

  private static final Log LOG = Log.of(ProcessEvents.class);

  /**
   * Told when the first listener comes ({@code true}) and when the last one goes or the events stop
   * ({@code false}): for events whose poller is elsewhere (a group's: {@code HostGroups}' shared
   * one).
   */
  interface Demand {
    void listening(boolean anyone);
  }

  /** One snapshot as the poller sees it: identity to row. */
  interface Table {
    /** The rows of the current snapshot (may scan); throws when no snapshot can be had. */
    CompositeData[] rows();
  }

  private record Identity(long pid, long startTimeMillis) {}

  private record Queued(Notification notification, long bytes) {}

  /** One listener and its queue; the queue and its counters are guarded by the instance. */
  private static final class Subscription {
    final NotificationListener listener;
    final NotificationFilter filter;
    final Object handback;
    final ArrayDeque<Queued> queue = new ArrayDeque<>();
    long queuedBytes;
    boolean scheduled;
    boolean removed;

    Subscription(NotificationListener listener, NotificationFilter filter, Object handback) {
      this.listener = listener;
      this.filter = filter;
      this.handback = handback;
    }
  }

  private final Table table;
  private final Demand demand;
  private final Poller poller;
  private final Supplier<ObjectName> source;
  private final ThreadPoolExecutor dispatch;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final RateLimitedLog warnings = new RateLimitedLog(LOG, TimeUnit.MINUTES.toNanos(1));
  private boolean listening;

  /**
   * @param table where the rows come from
   * @param interval time between two polls
   * @param source the notifications' source (the bean's ObjectName)
   */
  ProcessEvents(Table table, Duration interval, Supplier<ObjectName> source) {
    this(requireNonNull(table, "table is null"), null, interval, source);
  }

  /**
   * Events with no poller of their own: {@link #emit} sends, {@code demand} hears when someone
   * starts and stops listening.
   *
   * @param source the notifications' source (the bean's ObjectName)
   */
  ProcessEvents(Demand demand, Supplier<ObjectName> source) {
    this(null, requireNonNull(demand, "demand is null"), Duration.ofSeconds(1), source);
  }

  private ProcessEvents(
      Table table, Demand demand, Duration interval, Supplier<ObjectName> source) {
    this.table = table;
    this.demand = demand;
    this.poller =
        new Poller(POLLER_NAME, "start/exit notifications", interval, Compare::new, warnings);
    this.source = requireNonNull(source, "source is null");
    // at most one task per subscription is queued (see schedule), so the queue stays small
    this.dispatch =
        new ThreadPoolExecutor(
            DISPATCH_THREADS,
            DISPATCH_THREADS,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, DISPATCH_NAME);
              t.setDaemon(true);
              return t;
            });
    dispatch.allowCoreThreadTimeOut(true);
  }

  /** Compares every {@code interval} from the poller's next wait on. */
  void setInterval(Duration interval) {
    poller.setInterval(interval);
  }

  /** The time between two polls. */
  Duration interval() {
    return poller.interval();
  }

  /**
   * Notifications not delivered since the start: a listener's queue was full ({@value #QUEUE}
   * notifications or {@value #QUEUE_BYTES} bytes), or one could not be built (out of memory).
   */
  long dropped() {
    return dropped.get();
  }

  /** Estimated bytes queued for every listener now (for tests). */
  long queuedBytes() {
    long sum = 0;
    for (Subscription s : subscribers()) {
      synchronized (s) {
        sum += s.queuedBytes;
      }
    }
    return sum;
  }

  /** True while the poller runs (with a demand instead: while someone listens). */
  synchronized boolean polling() {
    return demand != null ? listening : poller.running();
  }

  synchronized void add(NotificationListener l, NotificationFilter f, Object handback) {
    requireNonNull(l, "listener is null");
    subscriptions.add(new Subscription(l, f, handback));
    if (demand != null) {
      if (!listening) {
        listening = true;
        demand.listening(true);
      }
    } else {
      poller.start();
    }
  }

  synchronized void remove(NotificationListener l) throws ListenerNotFoundException {
    boolean found = false;
    for (int i = subscriptions.size() - 1; i >= 0; i--) {
      if (subscriptions.get(i).listener == l) {
        forget(subscriptions.remove(i));
        found = true;
      }
    }
    if (!found) {
      throw new ListenerNotFoundException("listener not registered");
    }
    stopWhenNobodyListens();
  }

  synchronized void remove(NotificationListener l, NotificationFilter f, Object handback)
      throws ListenerNotFoundException {
    for (int i = 0; i < subscriptions.size(); i++) {
      Subscription s = subscriptions.get(i);
      if (s.listener == l && s.filter == f && s.handback == handback) {
        forget(subscriptions.remove(i));
        stopWhenNobodyListens();
        return;
      }
    }
    throw new ListenerNotFoundException("listener not registered with this filter and handback");
  }

  /**
   * These events as a JMX emitter described by {@code info}, for the bean that forwards its
   * listeners here ({@link ForwardingEmitter}): the first listener starts the poller (or tells the
   * demand that someone listens), the last one to leave stops it.
   */
  NotificationEmitter emitter(MBeanNotificationInfo info) {
    return new NotificationEmitter() {
      @Override
      public void addNotificationListener(
          NotificationListener listener, NotificationFilter filter, Object handback) {
        add(listener, filter, handback);
      }

      @Override
      public void removeNotificationListener(NotificationListener listener)
          throws ListenerNotFoundException {
        remove(listener);
      }

      @Override
      public void removeNotificationListener(
          NotificationListener listener, NotificationFilter filter, Object handback)
          throws ListenerNotFoundException {
        remove(listener, filter, handback);
      }

      @Override
      public MBeanNotificationInfo[] getNotificationInfo() {
        return new MBeanNotificationInfo[] {info};
      }
    };
  }

  /** A leaving listener's queue is emptied at once: it retains nothing. */
  private static void forget(Subscription s) {
    synchronized (s) {
      s.removed = true;
      s.queue.clear();
      s.queuedBytes = 0;
    }
  }

  /** Stops the poller, whoever still listens (the bean is being unregistered). */
  synchronized void stop() {
    if (listening) {
      listening = false;
      demand.listening(false);
    }
    poller.stop();
  }

  private void stopWhenNobodyListens() {
    if (subscriptions.isEmpty()) {
      stop();
    }
  }

  private synchronized Subscription[] subscribers() {
    return subscriptions.toArray(new Subscription[0]);
  }

  /** One poller thread's look: compares each snapshot with the one that thread saw before. */
  private final class Compare implements Poller.Look {
    private Map<Identity, CompositeData> previous; // null: the first look, nothing to compare

    @Override
    public boolean look() {
      try {
        previous = compare(previous, table.rows());
      } catch (RuntimeException e) {
        // no snapshot this time (the agent's status bean counts scan failures): try again later
      } catch (OutOfMemoryError e) {
        previous = null; // let it go; the next look learns the table again
        throw e;
      }
      return true;
    }
  }

  /** Sends what changed since {@code previous} (null: the first poll, nothing to compare). */
  private Map<Identity, CompositeData> compare(
      Map<Identity, CompositeData> previous, CompositeData[] rows) {
    Map<Identity, CompositeData> current = new HashMap<>(rows.length * 4 / 3 + 1);
    for (CompositeData row : rows) {
      // the short row: what a notification carries, and no more of this snapshot kept
      current.put(
          new Identity((Long) row.get("pid"), (Long) row.get("startTimeMillis")),
          ProcessRows.withArgsCut(row, ARGS_CHARS));
    }
    if (previous != null) {
      for (Map.Entry<Identity, CompositeData> e : current.entrySet()) {
        if (!previous.containsKey(e.getKey())) {
          send(STARTED, "started", e.getValue());
        }
      }
      for (Map.Entry<Identity, CompositeData> e : previous.entrySet()) {
        if (!current.containsKey(e.getKey())) {
          send(EXITED, "exited", e.getValue());
        }
      }
    }
    return current;
  }

  /** The message of a notification: one line, escaped, bounded. */
  static String message(String verb, CompositeData row) {
    return verb
        + " pid "
        + row.get("pid")
        + " ("
        + Printable.escape(cut((String) row.get("name"), MESSAGE_FIELD_CHARS))
        + ", user "
        + Printable.escape(cut((String) row.get("user"), MESSAGE_FIELD_CHARS))
        + ")";
  }

  private static String cut(String s, int chars) {
    return s == null || s.length() <= chars ? s : s.substring(0, chars) + "...";
  }

  /** Estimated heap of a notification with this (short) row and message. */
  static long bytes(CompositeData row, String message) {
    long chars = message.length();
    for (Object v : row.values()) {
      if (v instanceof String s) {
        chars += s.length();
      }
    }
    return FIXED_BYTES + 2 * chars;
  }

  private void send(String type, String verb, CompositeData row) {
    if (subscribers().length > 0) {
      emit(type, message(verb, row), row);
    }
  }

  /**
   * Queues a notification of {@code type} for every listener, through the same bounded queues as
   * start and exit (for another bean's events, such as a group's down and up); nothing when nobody
   * listens.
   *
   * @param message one line, already escaped and bounded by the caller
   * @param row its user data, small (its strings count towards the queue's bytes)
   */
  void emit(String type, String message, CompositeData row) {
    Subscription[] to = subscribers();
    if (to.length == 0) {
      return;
    }
    Notification n =
        new Notification(
            type, source.get(), sequence.incrementAndGet(), System.currentTimeMillis(), message);
    n.setUserData(row);
    long bytes = bytes(row, message);
    for (Subscription s : to) {
      if (s.filter != null) {
        try {
          if (!s.filter.isNotificationEnabled(n)) {
            continue;
          }
        } catch (RuntimeException e) {
          warnings.warn("start/exit notifications: a listener's filter failed: {}", e);
          continue;
        }
      }
      enqueue(s, new Queued(n, bytes));
    }
  }

  private void enqueue(Subscription s, Queued q) {
    synchronized (s) {
      if (s.removed) {
        return;
      }
      if (s.queue.size() >= QUEUE || s.queuedBytes + q.bytes() > QUEUE_BYTES) {
        dropped.incrementAndGet();
        return;
      }
      s.queue.add(q);
      s.queuedBytes += q.bytes();
      if (s.scheduled) {
        return;
      }
      s.scheduled = true;
    }
    schedule(s);
  }

  private void schedule(Subscription s) {
    try {
      dispatch.execute(() -> drain(s));
    } catch (RuntimeException | OutOfMemoryError e) {
      // no thread could start: what waits is dropped and counted, the next notification retries
      synchronized (s) {
        dropped.addAndGet(s.queue.size());
        s.queue.clear();
        s.queuedBytes = 0;
        s.scheduled = false;
      }
      warnings.warn("start/exit notifications: no dispatch thread: {}", e);
    }
  }

  /** Delivers up to {@link #BATCH} of one listener's notifications, then yields to the others. */
  private void drain(Subscription s) {
    for (int i = 0; i < BATCH; i++) {
      Queued q;
      synchronized (s) {
        q = s.queue.poll();
        if (q == null) {
          s.scheduled = false;
          return;
        }
        s.queuedBytes -= q.bytes();
      }
      try {
        s.listener.handleNotification(q.notification(), s.handback);
      } catch (Throwable e) { // NOPMD: a listener's failure is its own; the thread goes on
        warnings.warn("start/exit notifications: a listener failed: {}", e);
      }
    }
    schedule(s);
  }
}
