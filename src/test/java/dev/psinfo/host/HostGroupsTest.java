package dev.psinfo.host;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The groups' one shared poller: one thread for every watched group, and only while watched. */
class HostGroupsTest {
  private final FakeProbe probe =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  process(5, 1, "alice", "nginx", "nginx: master", 30, 300)));

  private final ProcessSampler sampler =
      new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime);

  private HostGroups groups;

  @AfterEach
  void stop() {
    if (groups != null) {
      groups.stop();
    }
  }

  private HostGroups groups(Duration interval) {
    Map<String, UserPattern> regexes = new LinkedHashMap<>();
    regexes.put("web", UserPattern.compile("nginx"));
    regexes.put("db", UserPattern.compile("postgres"));
    regexes.put("all", UserPattern.compile("."));
    groups = new HostGroups(sampler, regexes, name -> name.equals("all") ? 0 : 1, false, interval);
    return groups;
  }

  private static long pollerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(HostGroups.POLLER_NAME) && t.isAlive())
        .count();
  }

  private static void awaitPollerThreads(long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (pollerThreads() != n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pollerThreads()).isEqualTo(n);
  }

  @Test
  void oneThreadLooksAtEveryWatchedGroupAndEndsWithTheLastWatch() throws Exception {
    HostGroups g = groups(Duration.ofMillis(50));
    assertThat(g.all()).extracting(HostGroup::name).containsExactly("web", "db", "all");
    assertThat(g.polling()).as("nobody watches: no thread").isFalse();
    awaitPollerThreads(0);

    BlockingQueue<GroupReading> changes = new LinkedBlockingQueue<>();
    HostGroup db = g.get("db");
    db.onChange(changes::add);
    g.get("web").watch(true);
    db.watch(true);
    assertThat(g.polling()).isTrue();
    awaitPollerThreads(1);
    assertThat(db.polled()).isTrue();
    assertThat(g.get("all").polled()).as("not watched: not looked at").isFalse();

    // the poller's look, not a read, finds db (expect 1, no member) down
    GroupReading down = changes.poll(60, TimeUnit.SECONDS);
    assertThat(down).isNotNull();
    assertThat(down.up()).isFalse();
    assertThat(down.totals().processCount()).isZero();
    int scans = probe.scans();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (probe.scans() < scans + 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(probe.scans()).as("it keeps looking every interval").isGreaterThan(scans + 1);

    g.get("web").watch(false);
    assertThat(g.polling()).as("db is still watched").isTrue();
    db.watch(false);
    assertThat(g.polling()).isFalse();
    awaitPollerThreads(0);
    int after = probe.scans();
    Thread.sleep(200);
    assertThat(probe.scans()).as("nobody watches: no scan").isEqualTo(after);
  }

  @Test
  void theIntervalIsLive() {
    HostGroups g = groups(Duration.ofSeconds(5));
    g.setEventInterval(Duration.ofSeconds(1));
    assertThat(g.eventInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aGroupWithoutExpectationIsAlwaysUpAndAReadLearnsItsHistory() {
    HostGroups g = groups(Duration.ofHours(1));
    GroupReading all = g.get("all").read();
    assertThat(all.up()).isTrue();
    assertThat(all.downSinceMillis()).isEqualTo(-1);
    assertThat(all.totals().pids()).containsExactly(1, 5);
    GroupReading web = g.get("web").read();
    assertThat(web.up()).isTrue();
    assertThat(web.lastStartMillis()).isEqualTo(1_600_000_000_005L);
    assertThat(g.polling()).as("reads start no thread").isFalse();
  }
}
