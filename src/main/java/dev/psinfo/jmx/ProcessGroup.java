package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.host.GroupReading;
import dev.psinfo.host.HostGroup;
import dev.psinfo.host.HostGroups;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanNotificationInfo;
import javax.management.MalformedObjectNameException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The {@link ProcessGroupMXBean} of one group: an adapter over the host's {@link HostGroup}, which
 * adds the totals up once per snapshot and keeps the group's history ({@code Restarts}, {@code
 * LastStartMillis}, {@code Up}, {@code DownSinceMillis}). Thread-safe. A scan failure with no
 * snapshot to fall back on gets an {@link IllegalStateException} naming the cause.
 *
 * <p>When the group goes down or comes back up (seen at a read, or at a look of the host's one
 * shared group poller, which runs every {@code eventInterval} only while someone listens to a
 * group) the bean sends {@value #DOWN} or {@value #UP} through its bounded queues ({@link
 * ProcessEvents}); a group that is down at its first snapshot sends {@value #DOWN}.
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

  private final HostGroup group;
  private final ProcessEvents events;

  /**
   * A group without an expectation, named {@code group}, over {@code sampler} alone (tests).
   *
   * @param sampler where the snapshots come from
   * @param regex matched against each shown process's name or arguments
   */
  public ProcessGroup(ProcessSampler sampler, UserPattern regex) {
    this(
        new HostGroups(sampler, Map.of("group", regex), name -> 0, false, Duration.ofSeconds(5))
            .get("group"));
  }

  /**
   * @param group the host's group this bean shows; its changes become this bean's notifications
   */
  public ProcessGroup(HostGroup group) {
    this.group = requireNonNull(group, "group is null");
    ObjectName source;
    try {
      source = new ObjectName("psinfo:type=ProcessGroup,name=" + group.name());
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("bad group name '" + group.name() + "'", e);
    }
    ObjectName objectName = source;
    this.events = new ProcessEvents(group::watch, () -> objectName);
    group.onChange(this::changed);
  }

  @Override
  public String getRegex() {
    return group.regex().pattern();
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
    return group.read().snapshotTimeMillis();
  }

  @Override
  public int getExpected() {
    return group.expected();
  }

  @Override
  public boolean isUp() {
    return group.read().up();
  }

  @Override
  public long getDownSinceMillis() {
    return group.read().downSinceMillis();
  }

  @Override
  public long getRestarts() {
    return group.read().restarts();
  }

  @Override
  public long getLastStartMillis() {
    return group.read().lastStartMillis();
  }

  private ProcessTotals totals() {
    return group.read().totals();
  }

  /** The group went down or came back up at {@code r}: a notification with its totals. */
  private void changed(GroupReading r) {
    ProcessTotals t = r.totals();
    CompositeData row;
    try {
      row =
          new CompositeDataSupport(
              TOTALS_TYPE,
              TOTALS_ITEMS,
              new Object[] {
                group.name(),
                group.expected(),
                t.processCount(),
                r.up(),
                r.downSinceMillis(),
                r.restarts(),
                r.lastStartMillis(),
                t.threadCount(),
                t.rssBytes(),
                r.snapshotTimeMillis()
              });
    } catch (OpenDataException e) {
      throw new IllegalStateException(e);
    }
    events.emit(
        r.up() ? UP : DOWN,
        "group "
            + group.name()
            + (r.up() ? " up: " : " down: ")
            + t.processCount()
            + " of "
            + group.expected()
            + " expected",
        row);
  }

  /** True while the host's shared poller looks at this group (for tests). */
  boolean polling() {
    return group.polled();
  }

  /**
   * Stops this group's notifications, whoever still listens (the bean is being unregistered): the
   * shared poller stops looking at it.
   */
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
    return events.emitter(INFO);
  }
}
