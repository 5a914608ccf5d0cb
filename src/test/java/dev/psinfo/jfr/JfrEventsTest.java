package dev.psinfo.jfr;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.host.TestHosts;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events in this JVM's Flight Recorder, read back from a recording file. */
class JfrEventsTest {
  private static final FakeProbe PROBE =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  process(5, 1, "alice", "java", "java -jar a.jar", 30, 300),
                  process(7, 5, "alice", "db", "db --password=x", 20, 500)));

  private static final SystemProbe SYSTEM =
      new SystemProbe() {
        @Override
        public String name() {
          return "fake";
        }

        @Override
        public SystemFacts facts() {
          return new SystemFacts(
              "h", "Linux", "6", "6", "amd64", "cpu", 2, 2, 1000, 4096, 1, Map.of());
        }

        @Override
        public SystemLoad load() {
          return new SystemLoad(1, 2048, 0, 0, 0.5, 0.5, 0.5, 10, Map.of());
        }
      };

  @TempDir Path dir;

  @BeforeAll
  static void install() {
    ProcessSampler sampler =
        new ProcessSampler(PROBE, ProcessFilter.ALL, null, Duration.ofMillis(50), System::nanoTime);
    assertThat(JfrEvents.install(TestHosts.of(PROBE, SYSTEM, sampler))).isTrue();
  }

  @Test
  void theDefaultSettingsRecordNothingAndScanNothing() throws Exception {
    int scansBefore = PROBE.scans();
    Path file = dir.resolve("default.jfr");
    try (Recording r = new Recording(Configuration.getConfiguration("default"))) {
      r.start();
      // a jdk event that the default settings record every second proves the recording ran
      List<RecordedEvent> events = List.of();
      for (int i = 0; i < 300 && events.stream().noneMatch(JfrEventsTest::isCpuLoad); i++) {
        Thread.sleep(100);
        r.dump(file);
        events = RecordingFile.readAllEvents(file);
      }
      assertThat(events).anyMatch(JfrEventsTest::isCpuLoad);
      assertThat(events).noneMatch(e -> e.getEventType().getName().startsWith("psinfo."));
    }
    assertThat(PROBE.scans()).isEqualTo(scansBefore);
  }

  @Test
  void anEnabledRecordingHasHostTotalsAndTheTopProcesses() throws Exception {
    Path file = dir.resolve("enabled.jfr");
    List<RecordedEvent> events = new ArrayList<>();
    try (Recording r = new Recording()) {
      r.enable(HostProcessesEvent.NAME).withPeriod(Duration.ofMillis(100));
      r.start();
      for (int i = 0;
          i < 300 && events.stream().noneMatch(e -> isNamed(e, "psinfo.Process"));
          i++) {
        Thread.sleep(100);
        r.dump(file);
        events = RecordingFile.readAllEvents(file);
      }
    }
    RecordedEvent host =
        events.stream().filter(e -> isNamed(e, HostProcessesEvent.NAME)).findFirst().orElseThrow();
    assertThat(host.getLong("processCount")).isEqualTo(3);
    assertThat(host.getLong("shownRssBytes")).isEqualTo(900);
    assertThat(host.getLong("totalMemoryBytes")).isEqualTo(4096);
    assertThat(host.getLong("availableMemoryBytes")).isEqualTo(2048);
    assertThat(host.getEventType().getCategoryNames()).containsExactly("psinfo", "Host");
    List<RecordedEvent> top =
        events.stream()
            .filter(e -> isNamed(e, ProcessEvent.NAME))
            .filter(e -> e.getInt("rank") <= 3)
            .limit(3)
            .toList();
    assertThat(top).extracting(e -> e.getLong("pid")).containsExactlyInAnyOrder(1L, 5L, 7L);
    RecordedEvent db = top.stream().filter(e -> e.getLong("pid") == 7).findFirst().orElseThrow();
    assertThat(db.getString("name")).isEqualTo("db");
    assertThat(db.getString("user")).isEqualTo("alice");
    assertThat(db.getLong("rssBytes")).isEqualTo(500);
    assertThat(db.getLong("ppid")).isEqualTo(5);
  }

  @Test
  void aPeriodBelowTheFloorScansAtMostOncePerSecond() {
    // ttl 0: every period that records scans; a 1 ms period gave ~80 scans a second before
    FakeProbe probe =
        new FakeProbe().then(0, List.of(process(1, 0, "root", "init", "/sbin/init", 10, 100)));
    ProcessSampler sampler =
        new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime);
    long[] now = {0};
    JfrHook hook = new JfrHook(TestHosts.of(probe, SYSTEM, sampler), () -> now[0], Runnable::run);
    hook.run();
    assertThat(probe.scans()).isEqualTo(1);
    for (int ms = 1; ms < 1000; ms++) {
      now[0] = ms * 1_000_000L;
      hook.run();
    }
    assertThat(probe.scans()).as("999 periods of 1 ms within the floor").isEqualTo(1);
    now[0] = JfrHook.MIN_PERIOD_NANOS;
    hook.run();
    assertThat(probe.scans()).isEqualTo(2);
    assertThat(JfrHook.MIN_PERIOD_NANOS).isEqualTo(1_000_000_000L);
  }

  @Test
  void hostileNamesAndArgumentsAreRecordedEscapedAndCut() throws Exception {
    // jfr print writes a string's control characters to the terminal as they are
    String name = "\u001b]0;PWN\u0007";
    String args = "x \u001b[2J\u202egnp.exe " + "a".repeat(JfrHook.MAX_ARGS);
    FakeProbe probe =
        new FakeProbe().then(0, List.of(process(9, 1, "mallory", name, args, 10, 100)));
    ProcessSampler sampler =
        new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime);
    JfrHook hook =
        new JfrHook(TestHosts.of(probe, SYSTEM, sampler), System::nanoTime, Runnable::run);
    Path file = dir.resolve("hostile.jfr");
    try (Recording r = new Recording()) {
      r.enable(ProcessEvent.NAME);
      r.start();
      hook.run();
      r.stop();
      r.dump(file);
    }
    RecordedEvent e =
        RecordingFile.readAllEvents(file).stream()
            .filter(x -> isNamed(x, ProcessEvent.NAME) && x.getLong("pid") == 9)
            .findFirst()
            .orElseThrow();
    assertThat(e.getString("name")).isEqualTo("\\u001b]0;PWN\\u0007");
    assertThat(e.getString("args"))
        .startsWith("x \\u001b[2J\\u202egnp.exe aaa")
        .doesNotContain("\u001b", "\u202e")
        .hasSize(JfrHook.MAX_ARGS + 2 * 5);
  }

  @Test
  void theScanRunsOffFlightRecordersPeriodicThread() throws Exception {
    // a scan of 5,000 processes held "JFR Periodic Tasks" for 1.4-1.9 s: jdk.CPULoad (1 s
    // period) went missing for those seconds
    FakeProbe fake =
        new FakeProbe().then(0, List.of(process(3, 1, "root", "slow", "slow --scan", 10, 100)));
    CountDownLatch scanning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    String[] scanThread = new String[1];
    ProcessProbe slow =
        new ProcessProbe() {
          @Override
          public String name() {
            return "slow";
          }

          @Override
          public ProcessScan scan() throws IOException {
            scanThread[0] = Thread.currentThread().getName();
            scanning.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return fake.scan();
          }
        };
    ProcessSampler sampler =
        new ProcessSampler(slow, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime);
    long[] now = {0};
    JfrHook hook = new JfrHook(TestHosts.of(slow, SYSTEM, sampler), () -> now[0], null);
    Path file = dir.resolve("slow.jfr");
    try (Recording r = new Recording()) {
      r.enable(ProcessEvent.NAME);
      r.start();
      // Flight Recorder's thread, here a thread of the test: it must come back while the scan it
      // started is still blocked
      Thread periodic = new Thread(hook, "JFR Periodic Tasks (test)");
      periodic.setDaemon(true); // if it hangs in the scan, the test fails and the JVM still ends
      periodic.start();
      assertThat(scanning.await(60, TimeUnit.SECONDS)).as("the period's scan started").isTrue();
      periodic.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(periodic.isAlive()).as("the periodic thread waits for the scan").isFalse();
      assertThat(scanThread[0]).isEqualTo(JfrHook.THREAD_NAME);
      now[0] = JfrHook.MIN_PERIOD_NANOS;
      hook.run(); // a period while the last one scans: discarded, not queued behind it
      release.countDown();
      List<RecordedEvent> events = List.of();
      for (int i = 0; i < 600 && events.isEmpty(); i++) {
        Thread.sleep(100);
        r.dump(file);
        events =
            RecordingFile.readAllEvents(file).stream()
                .filter(e -> isNamed(e, ProcessEvent.NAME) && e.getLong("pid") == 3)
                .toList();
      }
      assertThat(events).as("committed from our thread").hasSize(1);
      assertThat(events.get(0).getThread().getJavaName()).isEqualTo(JfrHook.THREAD_NAME);
    }
    assertThat(fake.scans()).as("the second period did not scan").isEqualTo(1);
  }

  @Test
  void aCutCommandLineKeepsNoHalfOfASurrogatePair() {
    String args = "a".repeat(JfrHook.MAX_ARGS - 1) + "\ud83d\ude00 tail";
    assertThat(JfrHook.shownArgs(args)).isEqualTo("a".repeat(JfrHook.MAX_ARGS - 1));
    assertThat(JfrHook.shownArgs("short \u0085")).isEqualTo("short \\u0085");
  }

  private static boolean isCpuLoad(RecordedEvent e) {
    return isNamed(e, "jdk.CPULoad");
  }

  private static boolean isNamed(RecordedEvent e, String name) {
    return e.getEventType().getName().equals(name);
  }
}
