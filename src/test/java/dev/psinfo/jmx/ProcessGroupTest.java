package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.probe.ProcessField.VSZ_BYTES;
import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.UserPattern;
import dev.psinfo.host.HostGroups;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** Group totals: same snapshot as the table, filters apply, sentinels, one sum per snapshot. */
class ProcessGroupTest {
  private static ProcessInfo withMemory(ProcessInfo p, long vsz, int threads) {
    return ProcessInfo.builder(p.pid())
        .set(PPID, p.ppid())
        .set(USER, p.user())
        .set(EUID, p.euid())
        .set(NAME, p.name())
        .set(ARGS, p.args())
        .set(CPU_TIME_MILLIS, p.cpuTimeMillis())
        .set(RSS_BYTES, p.rssBytes())
        .set(START_TIME_MILLIS, p.startTimeMillis())
        .set(VSZ_BYTES, vsz)
        .set(THREADS, threads)
        .build();
  }

  private final FakeProbe probe =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  withMemory(process(5, 1, "alice", "java", "java -jar a.jar", 30, 300), 3000, 7),
                  withMemory(process(7, 5, "alice", "java", "java -jar b.jar", 20, 500), -1, 3),
                  process(9, 7, "bob", "sh", "sh -c 'java -version'", 0, -1),
                  process(11, 1, "bob", "top", "top", 40, 10)));

  private ProcessSampler sampler(ProcessFilter filter) {
    return new ProcessSampler(probe, filter, null, Duration.ofSeconds(30), System::nanoTime);
  }

  @Test
  void sumsTheMatchingRowsOfOneSnapshot() {
    ProcessGroup g = new ProcessGroup(sampler(ProcessFilter.ALL), UserPattern.compile("java"));
    assertThat(g.getProcessCount()).isEqualTo(3);
    assertThat(g.getPids()).containsExactly(5, 7, 9);
    assertThat(g.getRssBytes()).isEqualTo(800); // pid 9's -1 adds nothing
    assertThat(g.getVszBytes()).isEqualTo(3000);
    assertThat(g.getThreadCount()).isEqualTo(12);
    assertThat(g.getCpuTimeMillis()).isEqualTo(50);
    assertThat(g.getOldestStartTimeMillis()).isEqualTo(1_600_000_000_005L);
    assertThat(g.getCpuPercent()).isGreaterThanOrEqualTo(0);
    assertThat(g.getRegex()).isEqualTo("java");
    assertThat(g.getSnapshotTimeMillis()).isEqualTo(probe.wallMillis());
    assertThat(probe.scans()).isEqualTo(1);
  }

  @Test
  void honoursTheFiltersAndSaysEmptyWithTheSentinel() {
    ProcessSampler aliceOnly = sampler(new ProcessFilter(null, null, Set.of("alice")));
    assertThat(new ProcessGroup(aliceOnly, UserPattern.compile("java")).getPids())
        .containsExactly(5, 7);
    ProcessGroup none = new ProcessGroup(aliceOnly, UserPattern.compile("^nginx$"));
    assertThat(none.getProcessCount()).isZero();
    assertThat(none.getPids()).isEmpty();
    assertThat(none.getRssBytes()).isZero();
    assertThat(none.getOldestStartTimeMillis()).isEqualTo(-1);
  }

  @Test
  void attributesAreSimpleOpenTypesWithDescriptions() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName("psinfo:type=ProcessGroup,name=jvm");
    server.registerMBean(
        new DescribedMBean<>(
            new ProcessGroup(sampler(ProcessFilter.ALL), UserPattern.compile("java")),
            ProcessGroupMXBean.class),
        name);
    assertThat(server.getAttribute(name, "ProcessCount")).isEqualTo(3);
    assertThat(server.getAttribute(name, "RssBytes")).isEqualTo(800L);
    assertThat((long[]) server.getAttribute(name, "Pids")).containsExactly(5, 7, 9);
    for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
      assertThat(a.getDescription()).as(a.getName()).isNotEqualTo(a.getName()).isNotBlank();
      assertThat(a.getType())
          .as(a.getName())
          .isIn("int", "long", "double", "boolean", "java.lang.String", "[J");
    }
  }

  private static ProcessInfo web(long pid, long startMillis) {
    return ProcessInfo.builder(pid)
        .set(PPID, 1)
        .set(USER, "www")
        .set(NAME, "nginx")
        .set(ARGS, "nginx: worker process")
        .set(START_TIME_MILLIS, startMillis)
        .set(THREADS, 1)
        .set(RSS_BYTES, 100)
        .build();
  }

  @Test
  void expectedCountsGiveUpDownSinceAndRestartsWithNotificationsOnEachChange() throws Exception {
    long t0 = 1_700_000_000_000L; // FakeProbe's first wall time is t0 + the first step
    FakeProbe steps =
        new FakeProbe()
            .then(1000, List.of(web(10, t0 - 60_000)))
            .then(1000, List.of())
            .then(1000, List.of(web(11, t0 + 1500)))
            .then(1000, List.of(web(11, t0 + 1500), web(12, t0 + 2500)))
            .then(1000, List.of(web(11, t0 + 1500), web(12, t0 + 2500)));
    AtomicLong clock = new AtomicLong(1);
    ProcessSampler sampler =
        new ProcessSampler(steps, ProcessFilter.ALL, null, Duration.ofSeconds(30), clock::get);
    ProcessGroup g = group(sampler, "web", UserPattern.compile("nginx"), 2, Duration.ofHours(1));
    BlockingQueue<Notification> got = new LinkedBlockingQueue<>();
    g.emitter().addNotificationListener((n, hb) -> got.add(n), null, null);
    // the poller's first look learns the group: one member of two expected, so down
    Notification down = got.poll(60, TimeUnit.SECONDS);
    assertThat(down).isNotNull();
    assertThat(down.getType()).isEqualTo("psinfo.group.down");
    assertThat(down.getSource()).isEqualTo(new ObjectName("psinfo:type=ProcessGroup,name=web"));
    assertThat(down.getMessage()).isEqualTo("group web down: 1 of 2 expected");
    CompositeData totals = (CompositeData) down.getUserData();
    assertThat(totals.get("processCount")).isEqualTo(1);
    assertThat(totals.get("up")).isEqualTo(false);
    assertThat(totals.get("downSinceMillis")).isEqualTo(t0 + 1000);
    assertThat(g.getExpected()).isEqualTo(2);
    assertThat(g.isUp()).isFalse();
    assertThat(g.getDownSinceMillis()).isEqualTo(t0 + 1000);
    assertThat(g.getRestarts()).isZero();
    assertThat(g.getLastStartMillis()).isEqualTo(t0 - 60_000);

    clock.addAndGet(Duration.ofMinutes(1).toNanos()); // the member exits
    assertThat(g.getProcessCount()).isZero();
    assertThat(g.getDownSinceMillis()).as("still the same outage").isEqualTo(t0 + 1000);
    clock.addAndGet(Duration.ofMinutes(1).toNanos()); // it comes back with a new pid
    assertThat(g.getPids()).containsExactly(11);
    assertThat(g.getRestarts()).isEqualTo(1);
    assertThat(g.getLastStartMillis()).isEqualTo(t0 + 1500);
    assertThat(got).as("still down: nothing sent").isEmpty();
    clock.addAndGet(Duration.ofMinutes(1).toNanos()); // a second one: up again
    assertThat(g.isUp()).isTrue();
    assertThat(g.getDownSinceMillis()).isEqualTo(-1);
    assertThat(g.getRestarts()).isEqualTo(2);
    Notification up = got.poll(60, TimeUnit.SECONDS);
    assertThat(up.getType()).isEqualTo("psinfo.group.up");
    assertThat(((CompositeData) up.getUserData()).get("restarts")).isEqualTo(2L);
    clock.addAndGet(Duration.ofMinutes(1).toNanos()); // the same two: nothing changes
    assertThat(g.getRestarts()).isEqualTo(2);
    assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    assertThat(g.polling()).isTrue();
    g.stop();
    assertThat(g.polling()).isFalse();
  }

  @Test
  void withoutAnExpectationAGroupIsAlwaysUpAndItsBeanSaysWhatItSends() throws Exception {
    ProcessGroup g = new ProcessGroup(sampler(ProcessFilter.ALL), UserPattern.compile("^nginx$"));
    assertThat(g.getExpected()).isZero();
    assertThat(g.isUp()).isTrue();
    assertThat(g.getDownSinceMillis()).isEqualTo(-1);
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName("psinfo:type=ProcessGroup,name=group");
    server.registerMBean(DescribedEmitterMBean.of(g), name);
    assertThat(server.isInstanceOf(name, NotificationEmitter.class.getName())).isTrue();
    assertThat(server.getMBeanInfo(name).getNotifications()[0].getNotifTypes())
        .containsExactly("psinfo.group.down", "psinfo.group.up");
    assertThat(server.getAttribute(name, "Up")).isEqualTo(true);
    NotificationListener l = (n, hb) -> {};
    server.addNotificationListener(name, l, null, null);
    assertThat(g.polling()).isTrue();
    server.unregisterMBean(name);
    assertThat(g.polling()).as("stopped with its bean").isFalse();
  }

  @Test
  void aStartTimeReadInWholeSecondsOfBootTimeStillCountsButAnOldProcessDoesNot() {
    long t0 = 1_700_000_000_000L;
    FakeProbe steps =
        new FakeProbe()
            .then(1000, List.of(web(10, t0 - 60_000)))
            // 11 started just after the first snapshot but reads 0.9 s before it (btime is in
            // whole seconds); 12 has run for an hour and only now matches: no restart
            .then(1000, List.of(web(11, t0 + 100), web(12, t0 - 3_600_000)));
    AtomicLong clock = new AtomicLong(1);
    ProcessGroup g =
        group(
            new ProcessSampler(steps, ProcessFilter.ALL, null, Duration.ofSeconds(30), clock::get),
            "web",
            UserPattern.compile("nginx"),
            1,
            Duration.ofHours(1));
    assertThat(g.getRestarts()).isZero();
    clock.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(g.getRestarts()).isEqualTo(1);
  }

  /** The bean of a group {@code name} with {@code expected}, as the host makes it. */
  private static ProcessGroup group(
      ProcessSampler sampler, String name, UserPattern regex, int expected, Duration interval) {
    return new ProcessGroup(
        new HostGroups(sampler, Map.of(name, regex), n -> expected, false, interval).get(name));
  }
}
