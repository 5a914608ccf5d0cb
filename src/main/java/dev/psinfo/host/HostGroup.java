package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.GroupMembers;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One process group ({@code group.NAME=REGEX}, {@code expect.NAME=N}, {@code groupChildren}) over
 * the host's sampler: its members' totals, added up once per snapshot on the first read and reused
 * until the next one, and its history. Each new snapshot the group sees (at a read, or at a look of
 * the shared poller of {@link HostGroups}, which runs only while someone watches a group) updates
 * the history: {@code restarts}, {@code lastStartMillis}, and whether it is up ({@code processCount
 * >= expected}). When that changes, the group's change listener hears it (outside any lock); before
 * its first snapshot a group counts as up, so a group that is down at its first snapshot is a
 * change. Thread-safe.
 */
public final class HostGroup {
  /**
   * A new member whose start time is at most this much before the group's first snapshot still
   * counts as a restart: a start time is boot time plus ticks, and Linux's boot time ({@code
   * btime}) is in whole seconds, so a process started just after a snapshot can read as started
   * before it. A process that had been running longer (one that only now matches) is no restart.
   */
  public static final long START_SLACK_MILLIS = 2000;

  private record Identity(long pid, long startTimeMillis) {}

  private record Computed(Snapshot snapshot, ProcessTotals totals) {}

  private final ProcessSampler sampler;
  private final HostGroups groups;
  private final String name;
  private final UserPattern regex;
  private final int expected;
  private final boolean children;
  private volatile Computed last;
  private volatile Consumer<GroupReading> onChange = r -> {};

  // history, guarded by this
  private Snapshot observed;
  private long firstSnapshotMillis = -1;
  private Set<Identity> members;
  private boolean up = true;
  private long downSinceMillis = -1;
  private long restarts;
  private long lastStartMillis = -1;

  /** A group of {@code groups}, over their sampler and with their {@code groupChildren}. */
  HostGroup(HostGroups groups, String name, UserPattern regex, int expected) {
    this.groups = groups;
    this.sampler = groups.sampler();
    this.children = groups.children();
    this.name = requireNonNull(name, "name is null");
    this.regex = requireNonNull(regex, "regex is null");
    if (expected < 0) {
      throw new IllegalArgumentException("expected must be >= 0: " + expected);
    }
    this.expected = expected;
  }

  /** The group's name ({@code group.NAME}). */
  public String name() {
    return name;
  }

  /** Matched against each shown process's name or arguments. */
  public UserPattern regex() {
    return regex;
  }

  /**
   * Whether every shown descendant of a matching process is a member too ({@code groupChildren}:
   * {@link GroupMembers}).
   */
  public boolean children() {
    return children;
  }

  /** How many processes the group should have ({@code expect.NAME}); 0: no expectation. */
  public int expected() {
    return expected;
  }

  /**
   * Who hears the group go down or come back up: the reading at that snapshot. One listener (the
   * view that sends notifications); called on the reading thread, outside the group's lock.
   */
  public void onChange(Consumer<GroupReading> listener) {
    this.onChange = requireNonNull(listener, "listener is null");
  }

  /**
   * Asks the shared poller to look at this group every {@code eventInterval} (someone listens to
   * its changes) or to stop looking ({@code watched} false).
   */
  public void watch(boolean watched) {
    if (watched) {
      groups.watch(this);
    } else {
      groups.unwatch(this);
    }
  }

  /** True while the shared poller looks at this group. */
  public boolean polled() {
    return groups.polls(this);
  }

  /**
   * The group at the sampler's current snapshot (inside one {@link ProcessSampler#answer}, that
   * answer's); learns what it says about the history first.
   *
   * @throws IllegalStateException naming the cause when the process table cannot be read and there
   *     is no snapshot to fall back on
   */
  public GroupReading read() {
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
    GroupReading changed;
    GroupReading now;
    synchronized (this) {
      changed = observe(c);
      now =
          changed != null
              ? changed
              : new GroupReading(
                  c.snapshot(), c.totals(), up, downSinceMillis, restarts, lastStartMillis);
    }
    if (changed != null) {
      onChange.accept(changed);
    }
    return now;
  }

  /**
   * Learns what {@code c} says about the group's history, once per snapshot, in order; call holding
   * the lock.
   *
   * @return the reading when the group went down or came up at this snapshot, else null
   */
  private GroupReading observe(Computed c) {
    Snapshot s = c.snapshot();
    if (s == observed
        || (observed != null && s.scan().wallTimeMillis() < observed.scan().wallTimeMillis())) {
      return null; // seen, or older than what was seen (two readers raced)
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
      return null;
    }
    up = nowUp;
    downSinceMillis = nowUp ? -1 : now;
    return new GroupReading(s, c.totals(), up, downSinceMillis, restarts, lastStartMillis);
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
}
