package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.SYSTEM_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.USER_TIME_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.psinfo.host.HostSystem;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.linux.LinuxSystemProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host CPU attributes against what the test computes itself from the same counters. */
class SystemInfoCpuTest {
  @TempDir Path proc;
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  /** user nice system idle iowait irq softirq steal of the cpu line, as the test reads them. */
  private static long[] cpuLine(String procStat) {
    String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
    return Arrays.stream(line.substring(4).trim().split("\\s+"))
        .limit(8)
        .mapToLong(Long::parseLong)
        .toArray();
  }

  /** busy, user, system, idle, iowait in percent of the sum of the eight fields. */
  private static double[] percents(long[] a, long[] b) {
    long[] d = new long[8];
    long total = 0;
    for (int i = 0; i < 8; i++) {
      d[i] = b[i] - (a == null ? 0 : a[i]);
      total += d[i];
    }
    double t = total;
    return new double[] {
      100 * (t - d[3] - d[4]) / t,
      100 * (d[0] + d[1]) / t,
      100 * (d[2] + d[5] + d[6]) / t,
      100 * d[3] / t,
      100 * d[4] / t
    };
  }

  private static void assertAttributes(SystemInfoMXBean info, double[] expected) {
    assertThat(info.getCpuBusyPercent()).isCloseTo(expected[0], within(0.006));
    assertThat(info.getCpuUserPercent()).isCloseTo(expected[1], within(0.006));
    assertThat(info.getCpuSystemPercent()).isCloseTo(expected[2], within(0.006));
    assertThat(info.getCpuIdlePercent()).isCloseTo(expected[3], within(0.006));
    assertThat(info.getCpuIowaitPercent()).isCloseTo(expected[4], within(0.006));
  }

  @Test
  void linuxFromProcStatDeltas() throws Exception {
    // two real readings of this machine's /proc/stat, served in turn from a proc root
    String first = Files.readString(Path.of("/proc/stat"));
    Files.writeString(proc.resolve("stat"), first);
    Files.writeString(proc.resolve("uptime"), "3600.25 7000.00\n");
    SystemInfoMXBean info =
        SystemInfo.of(
            new HostSystem(
                new LinuxSystemProbe(
                    proc, proc.resolve("cgroup"), proc.resolve("os-release"), () -> 0),
                () -> null,
                Duration.ZERO,
                nanos::get));

    // the first reading is since boot
    assertAttributes(info, percents(null, cpuLine(first)));
    assertThat(info.getCpuIntervalMillis()).isEqualTo(3_600_000);
    assertThat(info.getCpuSource()).isEqualTo("counters");

    // until the interval is a second long, the same reading (ttl 0 notwithstanding)
    Thread.sleep(300); // let the real counters move
    String second = Files.readString(Path.of("/proc/stat"));
    Files.writeString(proc.resolve("stat"), second);
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    assertAttributes(info, percents(null, cpuLine(first)));

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_501));
    assertAttributes(info, percents(cpuLine(first), cpuLine(second)));
    assertThat(info.getCpuIntervalMillis()).isEqualTo(2_500);
  }

  @Test
  void unreadableProcStatIsUnknown() {
    SystemInfoMXBean info =
        SystemInfo.of(
            new HostSystem(
                new LinuxSystemProbe(
                    proc, proc.resolve("cgroup"), proc.resolve("os-release"), () -> 0),
                () -> null,
                Duration.ZERO,
                nanos::get));
    assertThat(info.getCpuBusyPercent()).isEqualTo(-1);
    assertThat(info.getCpuIowaitPercent()).isEqualTo(-1);
    assertThat(info.getCpuSource()).isEmpty();
  }

  @Test
  void withoutCountersEstimatedFromProcessTimesOverVirtualProcessors() throws IOException {
    // SystemInfoTest's AIX facts: 8 logical processors, 2 virtual ones, booted at FACTS' time
    long boot = SystemInfoTest.FACTS.bootTimeMillis();
    AtomicReference<ProcessScan> scan = new AtomicReference<>();
    SystemInfoMXBean info =
        SystemInfo.of(
            new HostSystem(new SystemInfoTest.FakeProbe(), scan::get, Duration.ZERO, nanos::get));
    scan.set(scanAt(boot + 100_000, 0, 30_000, 10_000));
    // 40 s of 2 x 100 s since boot
    assertThat(info.getCpuBusyPercent()).isEqualTo(20);
    assertThat(info.getCpuUserPercent()).isEqualTo(15);
    assertThat(info.getCpuSystemPercent()).isEqualTo(5);
    assertThat(info.getCpuIowaitPercent()).isEqualTo(-1);
    assertThat(info.getCpuSource()).isEqualTo("process times");
    // 10 s later: +3 s user, +1 s system of 2 x 10 s
    scan.set(scanAt(boot + 110_000, 10_000, 33_000, 11_000));
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
    assertThat(info.getCpuBusyPercent()).isEqualTo(20);
    assertThat(info.getCpuUserPercent()).isEqualTo(15);
    assertThat(info.getCpuIdlePercent()).isEqualTo(80);
    assertThat(info.getCpuIntervalMillis()).isEqualTo(10_000);
  }

  private static ProcessScan scanAt(long wallMillis, long monotonicMillis, long user, long sys) {
    ProcessInfo p =
        ProcessInfo.builder(42)
            .set(START_TIME_MILLIS, SystemInfoTest.FACTS.bootTimeMillis() + 1_000)
            .set(USER_TIME_MILLIS, user)
            .set(SYSTEM_TIME_MILLIS, sys)
            .set(CPU_TIME_MILLIS, user + sys)
            .build();
    return new ProcessScan(List.of(p), wallMillis, monotonicMillis * 1_000_000, 0, ScanStats.EMPTY);
  }
}
