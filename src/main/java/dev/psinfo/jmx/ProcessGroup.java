package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.GroupMembers;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.MalformedObjectNameException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The {@link ProcessGroupMXBean} of one group over a {@link ProcessSampler}: the totals are added
 * up once per snapshot, on the first read of any attribute, and reused until the next snapshot.
 * Thread-safe. A scan failure with no snapshot to fall back on gets an {@link
 * IllegalStateException} naming the cause.
 *
 * <p>Each new snapshot the group sees (at a read, or at a poll of the notification poller, which
 * runs every {@code eventInterval} only while a listener is registered, as for the process table)
 * updates its history: {@code Restarts}, {@code LastStartMillis}, and whether it is up ({@code
 * ProcessCount >= Expected}). When that changes it sends {@value #DOWN} or {@value #UP}; before its
 * first snapshot a group counts as up, so a group that is down at its first snapshot sends {@value
 * #DOWN}.
 */
public final class ProcessGroup implements ProcessGroupMXBean {
  static final String DOWN = "psinfo.group.down";
  static final String UP = "psinfo.group.up";

  /** The user data of a group's notification: its totals at that snapshot. */
  static final CompositeType TOTALS_TYPE;

  private static final String[] TOTALS_ITEMS = {
    "group",
    "expected",
    "processCount",
    "up",
    "downSinceMillis",
    "restarts",
    "lastStartMillis",
    "threadCount",
    "rssBytes",
    "snapshotTimeMillis"
  };

  static {
    try {
      TOTALS_TYPE =
          new CompositeType(
              "psinfo.GroupTotals",
              "A process group's totals when it went down or came back up",
              TOTALS_ITEMS,
              new String[] {
                "The group's name",
                "How many processes the group should have (expect.NAME)",
                "Processes in the group",
                "True when processCount >= expected",
                "Since when the group is down, ms since the epoch; -1 when up",
                "Members that started after the group's first snapshot",
                "When the most recently started member started, ms since the epoch; -1: none",
                "Threads of the group's processes",
                "Resident set sizes added up, in bytes",
                "When the snapshot was taken, ms since the epoch"
              },
              new OpenType<?>[] {
                SimpleType.STRING,
                SimpleType.INTEGER,
                SimpleType.INTEGER,
                SimpleType.BOOLEAN,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG
              });
    } catch (OpenDataException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final MBeanNotificationInfo INFO =
      new MBeanNotificationInfo(
          new String[] {DOWN, UP},
          Notification.class.getName(),
          "The group went down (ProcessCount < Expected) or came back up; userData is its totals"
              + " (psinfo.GroupTotals). Seen at a read or, while someone listens, every"
              + " eventInterval");

  private static final CompositeData[] NO_ROWS = new CompositeData[0];

  /**
   * A new member whose start time is at most this much before the group's first snapshot still
   * counts as a restart: a start time is boot time plus ticks, and Linux's boot time ({@code
   * btime}) is in whole seconds, so a process started just after a snapshot can read as started
   * before it. A process that had been running longer (one that only now matches) is no restart.
   */
  static final long START_SLACK_MILLIS = 2000;

  private record Identity(long pid, long startTimeMillis) {}

  private record Computed(Snapshot snapshot, ProcessTotals totals) {}

  private final ProcessSampler sampler;
  private final String name;
  private final UserPattern regex;
  private final int expected;
  private final boolean children;
  private final ProcessEvents events;
  private volatile Computed last;

  // history, guarded by this
  private Snapshot observed;
  private long firstSnapshotMillis = -1;
  private Set<Identity> members;
  private boolean up = true;
  private long downSinceMillis = -1;
  private long restarts;
  private long lastStartMillis = -1;

  /**
   * A group without an expectation, named {@code group}.
   *
   * @param sampler where the snapshots come from (the process table's own)
   * @param regex matched against each shown process's name or arguments
   */
  public ProcessGroup(ProcessSampler sampler, UserPattern regex) {
    this(sampler, "group", regex, 0, Duration.ofSeconds(5));
  }

  /**
   * @param sampler where the snapshots come from (the process table's own)
   * @param name the group's name ({@code group.NAME})
   * @param regex matched against each shown process's name or arguments
   * @param expected how many processes the group should have ({@code expect.NAME}; 0: none)
   * @param eventInterval how often the group is looked at while a listener is registered
   */
  public ProcessGroup(
      ProcessSampler sampler,
      String name,
      UserPattern regex,
      int expected,
      Duration eventInterval) {
    this(sampler, name, regex, expected, eventInterval, false);
  }

  /**
   * @param sampler where the snapshots come from (the process table's own)
   * @param name the group's name ({@code group.NAME})
   * @param regex matched against each shown process's name or arguments
   * @param expected how many processes the group should have ({@code expect.NAME}; 0: none)
   * @param eventInterval how often the group is looked at while a listener is registered
   * @param children whether every descendant of a matching process is a member too ({@code
   *     groupChildren}: {@link GroupMembers})
   */
  public ProcessGroup(
      ProcessSampler sampler,
      String name,
      UserPattern regex,
      int expected,
      Duration eventInterval,
      boolean children) {
    this.children = children;
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.name = requireNonNull(name, "name is null");
    this.regex = requireNonNull(regex, "regex is null");
    if (expected < 0) {
      throw new IllegalArgumentException("expected must be >= 0: " + expected);
    }
    this.expected = expected;
    ObjectName source;
    try {
      source = new ObjectName("psinfo:type=ProcessGroup,name=" + name);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("bad group name '" + name + "'", e);
    }
    ObjectName objectName = source;
    this.events =
        new ProcessEvents(
            () -> {
              computed(); // one look at the group: its history and, on a change, a notification
              return NO_ROWS;
            },
            eventInterval,
            () -> objectName);
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
  public double getWorstFdRatio() {
    return totals().worstFdRatio();
  }

  @Override
  public long[] getPids() {
    return totals().pids();
  }

  @Override
  public long getSnapshotTimeMillis() {
    return computed().snapshot().scan().wallTimeMillis();
  }

  @Override
  public int getExpected() {
    return expected;
  }

  @Override
  public boolean isUp() {
    computed();
    synchronized (this) {
      return up;
    }
  }

  @Override
  public long getDownSinceMillis() {
    computed();
    synchronized (this) {
      return downSinceMillis;
    }
  }

  @Override
  public long getRestarts() {
    computed();
    synchronized (this) {
      return restarts;
    }
  }

  @Override
  public long getLastStartMillis() {
    computed();
    synchronized (this) {
      return lastStartMillis;
    }
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
      c = new Computed(s, GroupMembers.totals(s, regex, children));
      last = c;
    }
    observe(c);
    return c;
  }

  /** Learns what {@code c} says about the group's history, once per snapshot, in order. */
  private void observe(Computed c) {
    CompositeData changed;
    String type;
    synchronized (this) {
      Snapshot s = c.snapshot();
      if (s == observed
          || (observed != null && s.scan().wallTimeMillis() < observed.scan().wallTimeMillis())) {
        return; // seen, or older than what was seen (two readers raced)
      }
      observed = s;
      long now = s.scan().wallTimeMillis();
      Set<Identity> current = identities(s, c.totals().pids());
      if (members == null) {
        firstSnapshotMillis = now;
      } else {
        for (Identity i : current) {
          if (!members.contains(i)
              && (i.startTimeMillis() < 0
                  || i.startTimeMillis() > firstSnapshotMillis - START_SLACK_MILLIS)) {
            restarts++;
          }
        }
      }
      for (Identity i : current) {
        lastStartMillis = Math.max(lastStartMillis, i.startTimeMillis());
      }
      members = current;
      boolean nowUp = c.totals().processCount() >= expected;
      if (nowUp == up) {
        return;
      }
      up = nowUp;
      downSinceMillis = nowUp ? -1 : now;
      type = nowUp ? UP : DOWN;
      changed = totalsRow(c.totals(), now);
    }
    events.emit(
        type,
        "group "
            + name
            + (type.equals(UP) ? " up: " : " down: ")
            + changed.get("processCount")
            + " of "
            + expected
            + " expected",
        changed);
  }

  /** The members' identities: pid and start time (a reused pid is another process). */
  private static Set<Identity> identities(Snapshot s, long[] pids) {
    Set<Identity> out = new HashSet<>(pids.length * 4 / 3 + 1);
    for (ProcessSample p : s.samples()) {
      if (Arrays.binarySearch(pids, p.info().pid()) >= 0) {
        out.add(new Identity(p.info().pid(), p.info().startTimeMillis()));
      }
    }
    return out;
  }

  /** The group's totals as notification user data; call holding the lock. */
  private CompositeData totalsRow(ProcessTotals t, long snapshotMillis) {
    try {
      return new CompositeDataSupport(
          TOTALS_TYPE,
          TOTALS_ITEMS,
          new Object[] {
            name,
            expected,
            t.processCount(),
            up,
            downSinceMillis,
            restarts,
            lastStartMillis,
            t.threadCount(),
            t.rssBytes(),
            snapshotMillis
          });
    } catch (OpenDataException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True while the poller runs (for tests). */
  boolean polling() {
    return events.polling();
  }

  /** Stops the poller, whoever still listens (the bean is being unregistered). */
  public void stop() {
    events.stop();
  }

  /**
   * The group's notifications as an emitter, for the bean that registers it ({@link
   * DescribedEmitterMBean}). The group itself is no {@link NotificationEmitter}: a group registered
   * without it (no {@code expect.NAME}: it never goes down) is no emitter to JMX, so a connector
   * that subscribes to every emitter starts no poller for it.
   */
  public NotificationEmitter emitter() {
    return new NotificationEmitter() {
      @Override
      public void addNotificationListener(
          NotificationListener listener, NotificationFilter filter, Object handback) {
        events.add(listener, filter, handback);
      }

      @Override
      public void removeNotificationListener(NotificationListener listener)
          throws ListenerNotFoundException {
        events.remove(listener);
      }

      @Override
      public void removeNotificationListener(
          NotificationListener listener, NotificationFilter filter, Object handback)
          throws ListenerNotFoundException {
        events.remove(listener, filter, handback);
      }

      @Override
      public MBeanNotificationInfo[] getNotificationInfo() {
        return new MBeanNotificationInfo[] {INFO};
      }
    };
  }
}
