package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LinuxSystemProbeTest {
  static final Path SYSTEM =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "linux/system");

  static LinuxSystemProbe fixtureProbe(String name) {
    Path root = SYSTEM.resolve(name);
    return new LinuxSystemProbe(
        root.resolve("proc"),
        root.resolve("sys/fs/cgroup"),
        root.resolve("etc/os-release"),
        () -> 1_795_700_000_000L);
  }

  @Test
  void factsFromTheFixtureTree() {
    SystemFacts f = fixtureProbe("debian12-epyc-vm").facts();
    assertThat(f.hostname()).isEqualTo("vm");
    assertThat(f.kernelVersion()).isEqualTo("6.18.44-fc-v669");
    assertThat(f.osVersion()).isEqualTo("12");
    assertThat(f.cpuModel()).isEqualTo("AMD EPYC");
    assertThat(f.logicalProcessors()).isEqualTo(2);
    assertThat(f.physicalCores()).isEqualTo(2);
    assertThat(f.cpuClockMhz()).isEqualTo(2596);
    assertThat(f.totalMemoryBytes()).isEqualTo(24684084L * 1024);
    assertThat(f.bootTimeMillis()).isEqualTo(1795674063000L);
    assertThat(f.platform())
        .containsEntry("distribution", "Debian GNU/Linux 12 (bookworm)")
        .containsEntry("distributionId", "debian");
  }

  @Test
  void loadFromTheFixtureTree() {
    SystemLoad l = fixtureProbe("debian12-epyc-vm").load();
    assertThat(l.freeMemoryBytes()).isEqualTo(24359036L * 1024);
    assertThat(l.availableMemoryBytes()).isEqualTo(24343140L * 1024);
    assertThat(l.totalSwapBytes()).isZero();
    assertThat(l.freeSwapBytes()).isZero();
    assertThat(l.loadAverage1m()).isEqualTo(0.61);
    assertThat(l.loadAverage5m()).isEqualTo(0.29);
    assertThat(l.loadAverage15m()).isEqualTo(0.13);
    assertThat(l.uptimeSeconds()).isEqualTo(1887);
    // cgroup v1, memory cgroup without a limit, no CFS quota
    assertThat(l.platform()).containsOnly(Map.entry("cgroupVersion", "1"));
  }

  @Test
  void cgroupV2LimitsTakeTheTightestAncestor() {
    SystemLoad l = fixtureProbe("cgroup-v2-limited").load();
    assertThat(l.platform())
        .containsOnly(
            Map.entry("cgroupVersion", "2"),
            Map.entry("cgroupMemoryLimitBytes", "805306368"),
            Map.entry("cgroupCpuQuotaCores", "1.50"),
            Map.entry("cgroupCpuQuotaMicros", "150000"),
            Map.entry("cgroupCpuPeriodMicros", "100000"));
    assertThat(fixtureProbe("cgroup-v2-container").load().platform())
        .containsOnly(Map.entry("cgroupVersion", "2"));
  }

  @Test
  void anEmptyTreeGivesSentinelsNotExceptions(@TempDir Path empty) {
    LinuxSystemProbe probe =
        new LinuxSystemProbe(
            empty.resolve("proc"), empty.resolve("cgroup"), empty.resolve("os-release"), () -> 0);
    SystemFacts f = probe.facts();
    assertThat(f.hostname()).isEmpty();
    assertThat(f.totalMemoryBytes()).isEqualTo(-1);
    assertThat(f.bootTimeMillis()).isEqualTo(-1);
    assertThat(f.logicalProcessors()).isEqualTo(-1);
    assertThat(probe.load()).isEqualTo(SystemLoad.UNKNOWN);
  }

  @Test
  void uptimeFallsBackToBootTime(@TempDir Path dir) throws IOException {
    Path proc = Files.createDirectories(dir.resolve("proc"));
    Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1000\n");
    LinuxSystemProbe probe =
        new LinuxSystemProbe(proc, dir.resolve("cg"), dir.resolve("os"), () -> 1_060_000);
    assertThat(probe.load().uptimeSeconds()).isEqualTo(60);
  }

  @Test
  void staticFactsAreReadOnce(@TempDir Path dir) throws IOException {
    Path proc = Files.createDirectories(dir.resolve("proc/sys/kernel"));
    Files.writeString(proc.resolve("hostname"), "first\n");
    LinuxSystemProbe probe =
        new LinuxSystemProbe(dir.resolve("proc"), dir.resolve("cg"), dir.resolve("os"), () -> 0);
    SystemFacts first = probe.facts();
    Files.writeString(proc.resolve("hostname"), "second\n");
    assertThat(probe.facts()).isSameAs(first);
    assertThat(first.hostname()).isEqualTo("first");
  }

  // ---- against this machine ----

  @Test
  @EnabledOnOs(OS.LINUX)
  void agreesWithThisMachine() throws Exception {
    LinuxSystemProbe probe = new LinuxSystemProbe(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    SystemFacts f = probe.facts();
    assertThat(f.hostname()).isEqualTo(run("hostname"));
    assertThat(f.kernelVersion()).isEqualTo(run("uname", "-r"));
    assertThat(f.osName()).isEqualTo("Linux");
    assertThat(f.architecture()).isEqualTo(System.getProperty("os.arch"));
    assertThat(f.logicalProcessors()).isEqualTo(Integer.parseInt(run("nproc", "--all")));
    long memTotalKb =
        Long.parseLong(
            Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .findFirst()
                .orElseThrow()
                .replaceAll("[^0-9]", ""));
    assertThat(f.totalMemoryBytes()).isEqualTo(memTotalKb * 1024);
    long btime =
        Long.parseLong(
            Files.readAllLines(Path.of("/proc/stat")).stream()
                .filter(l -> l.startsWith("btime "))
                .findFirst()
                .orElseThrow()
                .substring(6)
                .trim());
    assertThat(f.bootTimeMillis()).isEqualTo(btime * 1000);

    SystemLoad l = probe.load();
    String[] loadavg =
        Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
    assertThat(l.loadAverage1m()).isCloseTo(Double.parseDouble(loadavg[0]), within(0.5));
    assertThat(l.loadAverage5m()).isCloseTo(Double.parseDouble(loadavg[1]), within(0.2));
    assertThat(l.loadAverage15m()).isCloseTo(Double.parseDouble(loadavg[2]), within(0.1));
    long expectedUptime = System.currentTimeMillis() / 1000 - btime;
    assertThat(l.uptimeSeconds()).isCloseTo(expectedUptime, within(5L));
    assertThat(l.freeMemoryBytes()).isBetween(0L, f.totalMemoryBytes());
    assertThat(l.availableMemoryBytes()).isBetween(0L, f.totalMemoryBytes());
  }

  static String run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s exit status", String.join(" ", argv)).isZero();
    return out;
  }
}
