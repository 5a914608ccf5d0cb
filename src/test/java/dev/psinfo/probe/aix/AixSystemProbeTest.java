package dev.psinfo.probe.aix;

import static dev.psinfo.probe.aix.AixSystemProbe.BINDPROCESSOR_Q;
import static dev.psinfo.probe.aix.AixSystemProbe.LPARSTAT_I;
import static dev.psinfo.probe.aix.AixSystemProbe.LSATTR_PROC0;
import static dev.psinfo.probe.aix.AixSystemProbe.LSATTR_SYS0;
import static dev.psinfo.probe.aix.AixSystemProbe.LSPS_S;
import static dev.psinfo.probe.aix.AixSystemProbe.OSLEVEL_S;
import static dev.psinfo.probe.aix.AixSystemProbe.PRTCONF;
import static dev.psinfo.probe.aix.AixSystemProbe.SAR_U;
import static dev.psinfo.probe.aix.AixSystemProbe.SVMON_G;
import static dev.psinfo.probe.aix.AixSystemProbe.SVMON_G_PLAIN;
import static dev.psinfo.probe.aix.AixSystemProbe.UNAME_L;
import static dev.psinfo.probe.aix.AixSystemProbe.UPTIME;
import static dev.psinfo.probe.aix.AixSystemProbe.WHO_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.support.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AixSystemProbeTest {
  static final long MB = 1024L * 1024;
  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  static final long PID1_START = Instant.parse("2025-02-20T14:10:07Z").toEpochMilli();

  static AixSystemProbe.Environment env() {
    return new AixSystemProbe.Environment(
        "ppc64",
        "7.2",
        3,
        Clock.fixed(NOW, ZoneOffset.UTC),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5));
  }

  /** The POWER8 dedicated LPAR of the younsl samples. */
  static FixtureCommandRunner dedicatedPower8() {
    return new FixtureCommandRunner()
        .serve(LPARSTAT_I, "lparstat-i.younsl-aix72-power8-dedicated.txt")
        .serve(PRTCONF, "prtconf-grep-Processor.younsl-aix72-power8.txt")
        .serve(BINDPROCESSOR_Q, "bindprocessor-q.younsl-aix72-power8.txt")
        .serve(OSLEVEL_S, "oslevel-s.ohai.txt")
        .serve(SVMON_G, "svmon-G-O-unit-KB.gopsutil-test-partial.txt")
        .serve(UPTIME, "uptime.gopsutil-samples.txt");
  }

  @Test
  void dedicatedLparFromFixtures() {
    FixtureCommandRunner runner = dedicatedPower8();
    AixSystemProbe probe = new AixSystemProbe(runner, () -> PID1_START, env());
    SystemFacts f = probe.facts();
    assertThat(f.hostname()).isEqualTo("devserver"); // lparstat's Node Name: no hostname command
    assertThat(f.osName()).isEqualTo("AIX");
    assertThat(f.osVersion()).isEqualTo("7.2");
    assertThat(f.kernelVersion()).isEqualTo("7200-00-01-1543");
    assertThat(f.architecture()).isEqualTo("ppc64");
    assertThat(f.cpuModel()).isEqualTo("PowerPC_POWER8");
    assertThat(f.logicalProcessors()).isEqualTo(8); // 2 virtual CPUs x SMT-4
    assertThat(f.physicalCores()).isEqualTo(2);
    assertThat(f.cpuClockMhz()).isEqualTo(3891);
    assertThat(f.totalMemoryBytes()).isEqualTo(61696 * MB); // lparstat: the excerpt has no memory
    assertThat(f.bootTimeMillis()).isEqualTo(PID1_START);
    assertThat(f.platform())
        .containsOnly(
            Map.entry("lparName", "dev1"),
            Map.entry("lparNumber", "1"),
            Map.entry("oslevel", "7200-00-01-1543"),
            Map.entry("nodeName", "devserver"),
            Map.entry("partitionType", "Dedicated-SMT-4"),
            Map.entry("sharingMode", "Dedicated"),
            Map.entry("capacityMode", "Capped"),
            Map.entry("memoryMode", "Dedicated"),
            Map.entry("smtThreads", "4"),
            Map.entry("onlineVirtualCpus", "2"),
            Map.entry("entitledCapacity", "2.00"),
            Map.entry("processorMode", "POWER 8"));
    // the product of lparstat made bindprocessor unnecessary
    assertThat(runner.calls(BINDPROCESSOR_Q)).isZero();

    SystemLoad l = probe.load();
    assertThat(l.freeMemoryBytes()).isEqualTo(2016456L * 1024);
    assertThat(l.availableMemoryBytes()).isEqualTo(2126476L * 1024);
    assertThat(l.totalSwapBytes()).isEqualTo(524288L * 1024);
    assertThat(l.freeSwapBytes()).isEqualTo((524288L - 14576) * 1024);
    assertThat(l.loadAverage1m()).isEqualTo(2.78);
    assertThat(l.loadAverage5m()).isEqualTo(2.62);
    assertThat(l.loadAverage15m()).isEqualTo(1.79);
    assertThat(l.uptimeSeconds()).isEqualTo((NOW.toEpochMilli() - PID1_START) / 1000);
    assertThat(runner.calls(LSPS_S)).isZero();
  }

  @Test
  void sharedUncappedLparWithUnameL() {
    FixtureCommandRunner runner =
        new FixtureCommandRunner()
            .serve(LPARSTAT_I, "lparstat-i.htdavis-shared-uncapped-ame.txt")
            .serve(UNAME_L, "uname-L.ohai.txt");
    SystemFacts f = new AixSystemProbe(runner, () -> -1, env()).facts();
    assertThat(f.totalMemoryBytes()).isEqualTo(12288 * MB);
    assertThat(f.logicalProcessors()).isEqualTo(8);
    assertThat(f.physicalCores()).isEqualTo(2);
    assertThat(f.kernelVersion()).isEmpty();
    assertThat(f.osVersion()).isEqualTo("7.2"); // the JVM's os.version: oslevel failed
    assertThat(f.bootTimeMillis()).isEqualTo(-1);
    assertThat(f.platform())
        .containsEntry("lparName", "l273pp027") // uname -L wins over lparstat
        .containsEntry("lparNumber", "29")
        .containsEntry("partitionType", "Shared-SMT-4")
        .containsEntry("sharingMode", "Shared")
        .containsEntry("capacityMode", "Uncapped")
        .containsEntry("entitledCapacity", "0.30")
        .containsEntry("smtThreads", "4")
        .containsEntry("memoryMode", "Dedicated-Expanded")
        .containsEntry("memoryExpansionFactor", "1.70");
  }

  @Test
  void qemuLparFromPrtconfAndSar() {
    FixtureCommandRunner runner =
        new FixtureCommandRunner()
            .serve(PRTCONF, "prtconf.txt")
            .serve(SAR_U, "sar-u-1-01.txt")
            .serve(LSPS_S, "lsps-s.ibm-doc-format.txt")
            .serve(WHO_B, "who-b.oshi-aix73.txt");
    AixSystemProbe probe = new AixSystemProbe(runner, () -> -1, env());
    SystemFacts f = probe.facts();
    assertThat(f.hostname()).isEqualTo("aix72-dylan");
    assertThat(f.cpuModel()).isEqualTo("PowerPC_POWER8");
    assertThat(f.logicalProcessors()).isEqualTo(4); // sar's lcpu: lparstat failed
    assertThat(f.physicalCores()).isEqualTo(4);
    assertThat(f.cpuClockMhz()).isEqualTo(1000);
    assertThat(f.totalMemoryBytes()).isEqualTo(4096 * MB);
    assertThat(f.bootTimeMillis()) // who -b, no pid 1 from the scan
        .isEqualTo(Instant.parse("2025-02-13T23:31:00Z").toEpochMilli());
    assertThat(f.platform())
        .containsOnly(
            Map.entry("lparName", "aix_7200-04-02-2027"),
            Map.entry("lparNumber", "0"),
            Map.entry("entitledCapacity", "4.00"),
            Map.entry("capacityMode", "Capped"),
            Map.entry("systemModel", "IBM pSeries (emulated by qemu)"),
            Map.entry("processorMode", "POWER 8"),
            Map.entry("kernelType", "64-bit"));

    SystemLoad l = probe.load();
    // svmon failed: lsps -s gives the paging space; no free memory, no load averages
    assertThat(l.totalSwapBytes()).isEqualTo(512 * MB);
    assertThat(l.freeSwapBytes()).isEqualTo(512 * MB / 100 * 99);
    assertThat(l.freeMemoryBytes()).isEqualTo(-1);
    assertThat(l.loadAverage1m()).isEqualTo(-1);
    assertThat(l.uptimeSeconds())
        .isEqualTo(
            (NOW.toEpochMilli() - Instant.parse("2025-02-13T23:31:00Z").toEpochMilli()) / 1000);
  }

  @Test
  void svmonLongrealHasNoPagingSpaceInUseSoLspsAddsIt() {
    FixtureCommandRunner longreal =
        new FixtureCommandRunner()
            .serve(SVMON_G, "svmon-G-O-unit-KB-summary-longreal.sysmon.txt")
            .serve(LSPS_S, "lsps-s.ibm-doc-format.txt");
    SystemLoad l = new AixSystemProbe(longreal, () -> -1, env()).load();
    assertThat(l.freeMemoryBytes()).isEqualTo(129244L * 1024);
    assertThat(l.availableMemoryBytes()).isEqualTo(1058012L * 1024);
    assertThat(l.totalSwapBytes()).isEqualTo(512 * MB);
    assertThat(l.freeSwapBytes()).isEqualTo(512 * MB / 100 * 99);

    // without lsps, svmon's paging space size stays; what is free is unknown
    FixtureCommandRunner svmonOnly =
        new FixtureCommandRunner().serve(SVMON_G, "svmon-G-O-unit-KB-summary-longreal.sysmon.txt");
    SystemLoad alone = new AixSystemProbe(svmonOnly, () -> -1, env()).load();
    assertThat(alone.totalSwapBytes()).isEqualTo(524288L * 1024);
    assertThat(alone.freeSwapBytes()).isEqualTo(-1);
  }

  @Test
  void unpartitionedMachinePublishesNoLpar() {
    FixtureCommandRunner runner =
        new FixtureCommandRunner().serve(PRTCONF, "prtconf-unpartitioned.ibm-doc-format.txt");
    SystemFacts f = new AixSystemProbe(runner, () -> -1, env()).facts();
    assertThat(f.platform()).doesNotContainKeys("lparName", "lparNumber");
    assertThat(f.platform()).containsEntry("systemModel", "IBM,9115-505");
    assertThat(f.totalMemoryBytes()).isEqualTo(7936 * MB);
  }

  @Test
  void svmonAsksForKilobytesAndReadsWhatASvmonrcMadeOfIt() {
    // the command line asks for KB; should a .svmonrc still win, the MB figures are read too
    FixtureCommandRunner runner =
        new FixtureCommandRunner().serve(SVMON_G, "svmon-G-O-unit-MB.ibm-doc-format.txt");
    AixSystemProbe probe = new AixSystemProbe(runner, () -> -1, env());
    SystemLoad l = probe.load();
    assertThat(l.freeMemoryBytes()).isEqualTo(Math.round(1969.20 * MB));
    assertThat(l.availableMemoryBytes()).isEqualTo(Math.round(2076.64 * MB));
    assertThat(l.totalSwapBytes()).isEqualTo(512 * MB);
    assertThat(l.freeSwapBytes()).isEqualTo(512 * MB - Math.round(14.23 * MB));
    assertThat(runner.calls(SVMON_G_PLAIN)).isZero();
  }

  @Test
  void svmonWithoutOptionsIsTriedOnceTheOptionsFailed() {
    // AIX 5.3: svmon has no -O and fails; the plain report in 4 KB pages serves from then on
    FixtureCommandRunner runner =
        new FixtureCommandRunner().serve(SVMON_G_PLAIN, "svmon-G.facter.txt");
    AixSystemProbe probe = new AixSystemProbe(runner, () -> -1, env());
    assertThat(probe.load().freeMemoryBytes()).isEqualTo(1212409L * 4096);
    assertThat(probe.load().freeMemoryBytes()).isEqualTo(1212409L * 4096);
    assertThat(runner.calls(SVMON_G)).isEqualTo(1);
    assertThat(runner.calls(SVMON_G_PLAIN)).isEqualTo(2);
  }

  @Test
  void lsattrFillsWhatPrtconfAndLparstatCouldNot() {
    FixtureCommandRunner runner =
        new FixtureCommandRunner()
            .serve(LSATTR_PROC0, "lsattr-El-proc0.ohai.txt")
            .serve(LSATTR_SYS0, "lsattr-El-sys0-a-realmem.ibm-doc-format.txt")
            .serve(BINDPROCESSOR_Q, "bindprocessor-q.younsl-aix72-power8.txt");
    SystemFacts f = new AixSystemProbe(runner, () -> -1, env()).facts();
    assertThat(f.cpuModel()).isEqualTo("PowerPC_POWER5");
    assertThat(f.cpuClockMhz()).isEqualTo(1654);
    assertThat(f.totalMemoryBytes()).isEqualTo(4194304L * 1024);
    assertThat(f.logicalProcessors()).isEqualTo(8);
    assertThat(f.physicalCores()).isEqualTo(-1);
  }

  @Test
  void nothingWorksAndNothingThrows() {
    for (CommandRunner broken :
        List.<CommandRunner>of(
            (argv, timeout) -> CommandRunner.Result.failed("no such file"),
            (argv, timeout) -> {
              throw new IllegalStateException("bug in a runner");
            },
            (argv, timeout) -> null)) {
      AixSystemProbe probe =
          new AixSystemProbe(
              broken,
              () -> {
                throw new IllegalStateException("scan failed");
              },
              env());
      assertThat(probe.facts())
          .isEqualTo(
              new SystemFacts("", "AIX", "7.2", "", "ppc64", "", 3, -1, -1, -1, -1, Map.of()));
      assertThat(probe.load()).isEqualTo(SystemLoad.UNKNOWN);
    }
  }

  @Test
  void staticCommandsRunOnceDynamicOnesPerCall() {
    FixtureCommandRunner runner = dedicatedPower8();
    AixSystemProbe probe = new AixSystemProbe(runner, () -> PID1_START, env());
    SystemFacts first = probe.facts();
    assertThat(probe.facts()).isSameAs(first);
    probe.load();
    probe.load();
    assertThat(runner.calls(PRTCONF)).isEqualTo(1);
    assertThat(runner.calls(LPARSTAT_I)).isEqualTo(1);
    assertThat(runner.calls(OSLEVEL_S)).isEqualTo(1);
    assertThat(runner.calls(SVMON_G)).isEqualTo(2);
    assertThat(runner.calls(UPTIME)).isEqualTo(2);
  }

  @Test
  void bootTimeIsAskedAgainUntilTheScanKnowsIt() {
    AtomicLong pid1 = new AtomicLong(-1);
    FixtureCommandRunner runner = dedicatedPower8().serve(WHO_B, "who-b.oshi-aix73.txt");
    AixSystemProbe probe = new AixSystemProbe(runner, pid1::get, env());
    assertThat(probe.facts().bootTimeMillis())
        .isEqualTo(Instant.parse("2025-02-13T23:31:00Z").toEpochMilli());
    pid1.set(PID1_START);
    assertThat(probe.facts().bootTimeMillis()).isEqualTo(PID1_START);
    pid1.set(-1);
    assertThat(probe.facts().bootTimeMillis()).isEqualTo(PID1_START);
    assertThat(runner.calls(PRTCONF)).isEqualTo(1);
    assertThat(runner.calls(WHO_B)).isEqualTo(1);
  }

  @Test
  void bootTimeIsTheStartOfPid1ReadFromItsOwnPsinfo(@TempDir Path tmp) throws Exception {
    Path proc = Path.of(System.getProperty("psinfo.testdata", "testdata"), "aix/proc");
    assertThat(AixSystemProbe.pid1StartTimeMillis(proc)).isEqualTo(PID1_START);
    // no pid 1, or not a psinfo of pid 1: unknown, never a guess
    assertThat(AixSystemProbe.pid1StartTimeMillis(tmp)).isEqualTo(-1);
    Files.createDirectories(tmp.resolve("1"));
    Files.copy(proc.resolve("5767616/psinfo"), tmp.resolve("1/psinfo"));
    assertThat(AixSystemProbe.pid1StartTimeMillis(tmp)).isEqualTo(-1);
    Files.write(
        tmp.resolve("1/psinfo"), new byte[100], java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(AixSystemProbe.pid1StartTimeMillis(tmp)).isEqualTo(-1);
  }
}
