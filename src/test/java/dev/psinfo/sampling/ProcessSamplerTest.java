package dev.psinfo.sampling;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.UserPattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private ProcessSampler sampler(FakeProbe probe, ProcessFilter filter) {
    return new ProcessSampler(
        probe, filter, new ArgsScrubber(List.of()), Duration.ofSeconds(2), clock::get);
  }

  @Test
  void firstScanReportsLifetimeAverageThenRecentUse() {
    FakeProbe probe =
        new FakeProbe()
            .then(0, List.of(process(10, 1, "root", "a", "a", 1_000, 1)))
            .then(2_000, List.of(process(10, 1, "root", "a", "a", 2_000, 1)));
    ProcessSampler sampler = sampler(probe, ProcessFilter.ALL);
    ProcessSample first = sampler.snapshot().byPid(10);
    long lifetime = probe.wallMillis() - (1_600_000_000_000L + 10);
    assertThat(first.cpuPercent())
        .isCloseTo(100.0 * 1_000 / lifetime, org.assertj.core.data.Offset.offset(0.01));
    clock.addAndGet(2_000_000_000L);
    // 1000 ms of CPU over 2000 ms of wall time: half a CPU
    assertThat(sampler.snapshot().byPid(10).cpuPercent()).isEqualTo(50.0);
  }

  @Test
  void recentCpuIsMatchedByPidAlsoWhenAProbeListsPidsOutOfOrder() {
    FakeProbe probe =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(30, 1, "root", "c", "c", 3_000, 1),
                    process(10, 1, "root", "a", "a", 1_000, 1),
                    process(20, 1, "root", "b", "b", 2_000, 1)))
            .then(
                2_000,
                List.of(
                    process(20, 1, "root", "b", "b", 2_200, 1),
                    process(10, 1, "root", "a", "a", 1_000, 1),
                    process(30, 1, "root", "c", "c", 4_000, 1)))
            .then(
                2_000,
                List.of(
                    process(10, 1, "root", "a", "a", 1_400, 1),
                    process(20, 1, "root", "b", "b", 2_200, 1),
                    process(30, 1, "root", "c", "c", 4_000, 1)));
    ProcessSampler sampler = sampler(probe, ProcessFilter.ALL);
    sampler.snapshot();
    clock.addAndGet(2_000_000_000L);
    Snapshot second = sampler.snapshot();
    assertThat(cpuOf(second, 10)).isEqualTo(0.0);
    assertThat(cpuOf(second, 20)).isEqualTo(10.0);
    assertThat(cpuOf(second, 30)).isEqualTo(50.0);
    clock.addAndGet(2_000_000_000L);
    Snapshot third = sampler.snapshot();
    assertThat(cpuOf(third, 10)).isEqualTo(20.0);
    assertThat(cpuOf(third, 20)).isEqualTo(0.0);
    assertThat(cpuOf(third, 30)).isEqualTo(0.0);
  }

  /** Looked up without {@link Snapshot#byPid}, which expects pids in order. */
  private static double cpuOf(Snapshot s, long pid) {
    return s.samples().stream()
        .filter(x -> x.info().pid() == pid)
        .findFirst()
        .orElseThrow()
        .cpuPercent();
  }

  @Test
  void anUnchangedCommandLineIsScrubbedOnceAndAChangedOneAgain() {
    String secret = "app --password hunter2";
    FakeProbe probe =
        new FakeProbe()
            .then(0, List.of(process(10, 1, "root", "app", secret, 1_000, 1)))
            .then(2_000, List.of(process(10, 1, "root", "app", secret, 1_000, 1)))
            .then(2_000, List.of(process(10, 1, "root", "app", "app --token abc", 1_000, 1)));
    ProcessSampler sampler = sampler(probe, ProcessFilter.ALL);
    String first = sampler.snapshot().byPid(10).info().args();
    clock.addAndGet(2_000_000_000L);
    String second = sampler.snapshot().byPid(10).info().args();
    assertThat(first).isEqualTo("app --password ***");
    assertThat(second).isSameAs(first);
    clock.addAndGet(2_000_000_000L);
    assertThat(sampler.snapshot().byPid(10).info().args()).isEqualTo("app --token ***");
  }

  @Test
  void aReusedPidDoesNotInheritTheOldProcessesCpu() {
    var old = process(10, 1, "root", "old", "old", 50_000, 1);
    FakeProbe probe = new FakeProbe().then(0, List.of(old));
    ProcessSampler sampler = sampler(probe, ProcessFilter.ALL);
    sampler.snapshot();
    long now = probe.wallMillis() + 2_000;
    var reused =
        dev.psinfo.probe.ProcessInfo.builder(10)
            .set(USER, "root")
            .set(NAME, "new")
            .set(ARGS, "new")
            .set(CPU_TIME_MILLIS, 100)
            .set(START_TIME_MILLIS, now - 1_000)
            .build();
    probe.then(2_000, List.of(reused));
    clock.addAndGet(2_000_000_000L);
    // without the start-time check this would be a negative delta; with it, 100 ms over 1 s
    assertThat(sampler.snapshot().byPid(10).cpuPercent()).isEqualTo(10.0);
  }

  @Test
  void scrubsBeforeFilteringAndCountsScanStats() {
    FakeProbe probe =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(1, 0, "root", "init", "/sbin/init", 5, 1),
                    process(2, 1, "alice", "java", "java -Dpassword=hunter2 -jar app.jar", 5, 1),
                    process(3, 1, "bob", "sshd", "sshd: bob", 5, 1)));
    ProcessSampler sampler =
        sampler(probe, new ProcessFilter(UserPattern.compile("java|hunter2"), null, Set.of()));
    Snapshot s = sampler.snapshot();
    assertThat(s.samples()).extracting(x -> x.info().pid()).containsExactly(2L);
    assertThat(s.samples().get(0).info().args()).isEqualTo("java -Dpassword=*** -jar app.jar");
    assertThat(s.scan().processes()).hasSize(3);
    // one copy per row is kept: the scrubbed one (the secret was retained twice before)
    assertThat(s.scan().processes().get(1)).isSameAs(s.samples().get(0).info());
    assertThat(s.scan().processes()).noneMatch(p -> p.args().contains("hunter2"));
    SamplerStats stats = sampler.stats();
    assertThat(stats.scans()).isEqualTo(1);
    assertThat(stats.gone()).isEqualTo(2);
    assertThat(stats.denied()).isEqualTo(3);
    assertThat(stats.corrupt()).isEqualTo(4);
    assertThat(stats.lastRows()).isEqualTo(1);
    assertThat(stats.lastProcesses()).isEqualTo(3);
  }

  @Test
  void aFailedScanServesTheLastSnapshotAndIsCounted() {
    FakeProbe probe =
        new FakeProbe()
            .then(0, List.of(process(1, 0, "root", "init", "init", 5, 1)))
            .thenFail("EIO");
    ProcessSampler sampler = sampler(probe, ProcessFilter.ALL);
    Snapshot first = sampler.snapshot();
    clock.addAndGet(3_000_000_000L);
    assertThat(sampler.snapshot()).isSameAs(first);
    assertThat(sampler.stats().failedScans()).isEqualTo(1);
    assertThat(sampler.stats().lastError()).isEqualTo("IOException: EIO");
  }

  @Test
  void snapshotQueries() {
    FakeProbe probe =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(1, 0, "root", "init", "init", 10, 100),
                    process(5, 1, "alice", "bash", "bash", 30, 300),
                    process(7, 5, "alice", "vim", "vim notes.txt", 20, 500),
                    process(9, 7, "alice", "sh", "sh -c make", 0, 50),
                    process(11, 1, "bob", "top", "top", 40, 10)));
    Snapshot s = sampler(probe, ProcessFilter.ALL).snapshot();
    assertThat(s.topByMemory(2)).extracting(x -> x.info().pid()).containsExactly(7L, 5L);
    assertThat(s.byUser("alice")).hasSize(3);
    assertThat(s.byUser("1000")).hasSize(4);
    assertThat(s.find(UserPattern.compile("notes"), java.time.Duration.ofSeconds(5)))
        .extracting(x -> x.info().pid())
        .containsExactly(7L);
    assertThat(s.byPid(11).info().name()).isEqualTo("top");
    assertThat(s.byPid(12)).isNull();
  }

  @Test
  void aLargeLegalPatternOverLongArgumentsIsAbandonedAtTheTimeLimit() {
    List<dev.psinfo.probe.ProcessInfo> many = new java.util.ArrayList<>();
    for (int pid = 1; pid <= 16; pid++) {
      many.add(process(pid, 0, "nobody", "x", "x".repeat(64 * 1024), 0, 0));
    }
    Snapshot s = sampler(new FakeProbe().then(0, many), ProcessFilter.ALL).snapshot();
    // linear in the text, but about 1,000 steps per character: seconds per process
    UserPattern big = UserPattern.compile("(.{1,100}){10}!");
    assertThatThrownBy(() -> s.find(big, Duration.ofMillis(20)))
        .isInstanceOf(RegexTooExpensiveException.class)
        .hasMessageContaining("took more than 20 ms");
  }
}
