package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Start and exit notifications of {@code psinfo:type=ProcessTable}. A daemon thread ({@value
 * #POLLER_NAME}) compares successive snapshots every {@code interval} <em>only while at least one
 * listener is registered</em>: the first listener starts it, removing the last stops it and the
 * thread ends. A process is its pid and start time, so a reused pid is a new process. The first
 * poll after the start only learns the table. A process that starts and exits between two polls is
 * not seen.
 *
 * <p>Notifications go to listeners through JMX's own {@link NotificationBroadcasterSupport} on one
 * more daemon thread ({@value #DISPATCH_NAME}, ended after a few idle seconds) with a bounded queue
 * of {@value #QUEUE} notifications: a slow listener never holds up the poller; when the queue is
 * full the notification is dropped and counted. Thread-safe.
 */
final class ProcessEvents {
  static final String STARTED = "psinfo.process.started";
  static final String EXITED = "psinfo.process.exited";
  static final String POLLER_NAME = "psinfo-jmx-events";
  static final String DISPATCH_NAME = "psinfo-jmx-notify";
  static final int QUEUE = 10_000;

  static final MBeanNotificationInfo INFO =
      new MBeanNotificationInfo(
          new String[] {STARTED, EXITED},
          Notification.class.getName(),
          "A process the filters show started or exited (seen by comparing snapshots every"
              + " eventInterval while someone listens); userData is its row, for an exit the last"
              + " one seen");

  /** One snapshot as the poller sees it: identity to row. */
  interface Table {
    /** The rows of the current snapshot (may scan); throws when no snapshot can be had. */
    CompositeData[] rows();
  }

  private record Identity(long pid, long startTimeMillis) {}

  private record Subscription(
      NotificationListener listener, NotificationFilter filter, Object handback) {}

  private final Table table;
  private final Duration interval;
  private final Supplier<Object> source;
  private final NotificationBroadcasterSupport broadcaster;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private Thread poller;

  /**
   * @param table where the rows come from
   * @param interval time between two polls
   * @param source the notifications' source (the bean's ObjectName once registered)
   */
  ProcessEvents(Table table, Duration interval, Supplier<Object> source) {
    this.table = requireNonNull(table, "table is null");
    this.interval = requireNonNull(interval, "interval is null");
    this.source = requireNonNull(source, "source is null");
    ThreadPoolExecutor dispatch =
        new ThreadPoolExecutor(
            0,
            1,
            5,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, DISPATCH_NAME);
              t.setDaemon(true);
              return t;
            },
            (r, executor) -> dropped.incrementAndGet());
    this.broadcaster = new NotificationBroadcasterSupport(dispatch, INFO);
  }

  /** Notifications dropped because listeners fell {@value #QUEUE} behind. */
  long dropped() {
    return dropped.get();
  }

  /** True while the poller runs. */
  synchronized boolean polling() {
    return poller != null;
  }

  synchronized void add(NotificationListener l, NotificationFilter f, Object handback) {
    broadcaster.addNotificationListener(l, f, handback);
    subscriptions.add(new Subscription(l, f, handback));
    if (poller == null) {
      poller = new Thread(this::poll, POLLER_NAME);
      poller.setDaemon(true);
      poller.start();
    }
  }

  synchronized void remove(NotificationListener l) throws ListenerNotFoundException {
    broadcaster.removeNotificationListener(l);
    subscriptions.removeIf(s -> s.listener() == l);
    stopWhenNobodyListens();
  }

  synchronized void remove(NotificationListener l, NotificationFilter f, Object handback)
      throws ListenerNotFoundException {
    broadcaster.removeNotificationListener(l, f, handback);
    for (int i = 0; i < subscriptions.size(); i++) {
      Subscription s = subscriptions.get(i);
      if (s.listener() == l && s.filter() == f && s.handback() == handback) {
        subscriptions.remove(i);
        break;
      }
    }
    stopWhenNobodyListens();
  }

  /** Stops the poller, whoever still listens (the bean is being unregistered). */
  synchronized void stop() {
    if (poller != null) {
      poller.interrupt();
      poller = null;
    }
  }

  private void stopWhenNobodyListens() {
    if (subscriptions.isEmpty()) {
      stop();
    }
  }

  private synchronized boolean isCurrent(Thread t) {
    return poller == t;
  }

  private void poll() {
    Thread me = Thread.currentThread();
    Map<Identity, CompositeData> previous = null;
    while (isCurrent(me)) {
      try {
        previous = compare(previous, table.rows());
      } catch (RuntimeException e) {
        // no snapshot this time (the agent's status bean counts scan failures): try again later
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Sends what changed since {@code previous} (null: the first poll, nothing to compare). */
  private Map<Identity, CompositeData> compare(
      Map<Identity, CompositeData> previous, CompositeData[] rows) {
    Map<Identity, CompositeData> current = new HashMap<>(rows.length * 4 / 3 + 1);
    for (CompositeData row : rows) {
      current.put(new Identity((Long) row.get("pid"), (Long) row.get("startTimeMillis")), row);
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

  private void send(String type, String verb, CompositeData row) {
    Notification n =
        new Notification(
            type,
            source.get(),
            sequence.incrementAndGet(),
            System.currentTimeMillis(),
            verb
                + " pid "
                + row.get("pid")
                + " ("
                + row.get("name")
                + ", user "
                + row.get("user")
                + ")");
    n.setUserData(row);
    broadcaster.sendNotification(n);
  }
}
