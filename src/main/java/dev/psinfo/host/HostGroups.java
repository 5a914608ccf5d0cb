package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.Option;
import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.support.Log;
import dev.psinfo.support.Poller;
import dev.psinfo.support.RateLimitedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The host's process groups, in the order the options name them, and their one shared poller: a
 * daemon thread ({@value #POLLER_NAME}) that looks at the watched groups every {@code
 * eventInterval}, all of them in one snapshot, <em>only while at least one group is watched</em>
 * (someone listens to its changes): the first watch starts it, the last unwatch (or {@link #stop})
 * ends the thread. Its first look is at once. A scan failure or any other error of a look is caught
 * and logged in one rate-limited line; the poller goes on. Thread-safe.
 */
public final class HostGroups {
  /** The shared poller's thread name. */
  public static final String POLLER_NAME = "psinfo-jmx-groups";

  private static final Log LOG = Log.of(HostGroups.class);

  private final ProcessSampler sampler;
  private final boolean children;
  private final Map<String, HostGroup> groups = new LinkedHashMap<>();
  private final Poller poller;

  // guarded by this
  private final Set<HostGroup> watched = new LinkedHashSet<>();

  /**
   * @param sampler where the snapshots come from (the process table's own)
   * @param regexes each group's name and regex, in order
   * @param expected each group's expected count by name (0: none)
   * @param children whether every shown descendant of a matching process is a member too
   * @param interval how often the poller looks while a group is watched
   */
  public HostGroups(
      ProcessSampler sampler,
      Map<String, UserPattern> regexes,
      ToIntFunction<String> expected,
      boolean children,
      Duration interval) {
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.children = children;
    this.poller =
        new Poller(
            POLLER_NAME,
            "process groups",
            interval,
            new Look(),
            new RateLimitedLog(LOG, TimeUnit.MINUTES.toNanos(1)));
    regexes.forEach(
        (name, regex) ->
            groups.put(name, new HostGroup(this, name, regex, expected.applyAsInt(name))));
  }

  /**
   * The groups the options name ({@code group.NAME}, {@code expect.NAME}, {@code groupChildren},
   * {@code eventInterval}) over {@code sampler}.
   */
  public static HostGroups of(ProcessSampler sampler, AgentOptions options) {
    return new HostGroups(
        sampler,
        options.groups(),
        options::expectedCount,
        options.get(Option.GROUP_CHILDREN),
        options.eventInterval());
  }

  /** The sampler every group reads. */
  ProcessSampler sampler() {
    return sampler;
  }

  /** Whether every group counts the shown descendants of its matching processes too. */
  boolean children() {
    return children;
  }

  /** Every group, in the options' order. */
  public List<HostGroup> all() {
    return List.copyOf(groups.values());
  }

  /** The group named {@code name}, or null. */
  public HostGroup get(String name) {
    return groups.get(name);
  }

  /** The time between two looks. */
  public Duration eventInterval() {
    return poller.interval();
  }

  /** Looks every {@code interval} from the poller's next wait on (a live option). */
  public void setEventInterval(Duration interval) {
    poller.setInterval(interval);
  }

  /** True while the poller runs. */
  public synchronized boolean polling() {
    return poller.running();
  }

  synchronized boolean polls(HostGroup g) {
    return poller.running() && watched.contains(g);
  }

  synchronized void watch(HostGroup g) {
    watched.add(g);
    poller.start();
  }

  synchronized void unwatch(HostGroup g) {
    watched.remove(g);
    if (watched.isEmpty()) {
      stop();
    }
  }

  /** Stops the poller, whoever still watches (the agent is being uninstalled). */
  public synchronized void stop() {
    watched.clear();
    poller.stop();
  }

  private synchronized List<HostGroup> watched() {
    return new ArrayList<>(watched);
  }

  /**
   * One look: every watched group in one snapshot; none watched ends the poller. It keeps nothing
   * between looks, so every poller thread gets the same one (a class, not a lambda, so that
   * building the groups spins no lambda).
   */
  private final class Look implements Poller.Look, Supplier<Look> {
    @Override
    public Look get() {
      return this;
    }

    @Override
    public boolean look() {
      List<HostGroup> look = watched();
      if (look.isEmpty()) {
        return false;
      }
      sampler.answer(() -> readAll(look));
      return true;
    }
  }

  /** One look at each group, all in the caller's snapshot. */
  private Void readAll(List<HostGroup> look) {
    for (HostGroup g : look) {
      try {
        g.read();
      } catch (IllegalStateException e) {
        // no snapshot this time (the agent's status bean counts scan failures): try again later
        return null;
      }
    }
    return null;
  }
}
