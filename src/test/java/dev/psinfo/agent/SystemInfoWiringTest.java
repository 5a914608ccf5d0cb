package dev.psinfo.agent;

import static dev.psinfo.probe.aix.AixSystemProbe.LPARSTAT_I;
import static dev.psinfo.probe.aix.AixSystemProbe.OSLEVEL_S;
import static dev.psinfo.probe.aix.AixSystemProbe.PRTCONF;
import static dev.psinfo.probe.aix.AixSystemProbe.SVMON_G;
import static dev.psinfo.probe.aix.AixSystemProbe.UPTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.host.TestHosts;
import dev.psinfo.jmx.DescribedMBean;
import dev.psinfo.jmx.SystemInfo;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.probe.Platform;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.aix.AixPlatform;
import dev.psinfo.probe.aix.FixtureCommandRunner;
import dev.psinfo.probe.linux.LinuxPlatform;
import dev.psinfo.sampling.ProcessSampler;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The SystemInfo bean wired as the agent wires it (platform, host, bean), read through an MXBean
 * proxy; the process probe counts its scans.
 */
class SystemInfoWiringTest {
  static final long PID1_START = Instant.parse("2025-02-20T14:10:07Z").toEpochMilli();
  static final Path AIX_PROC =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "aix/proc");

  /** A process probe that counts its scans. */
  static final class CountingProbe implements ProcessProbe {
    final ProcessProbe delegate;
    final AtomicInteger scans = new AtomicInteger();

    CountingProbe(ProcessProbe delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public ProcessScan scan() throws IOException {
      scans.incrementAndGet();
      return delegate.scan();
    }
  }

  static SystemInfoMXBean registered(SystemInfoMXBean bean) throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName("psinfo:type=SystemInfo");
    server.registerMBean(new DescribedMBean<>(bean, SystemInfoMXBean.class), name);
    return JMX.newMXBeanProxy(server, name, SystemInfoMXBean.class);
  }

  static SystemInfoMXBean wired(Platform platform, CountingProbe probe) throws Exception {
    ProcessSampler sampler = ProcessSampler.of(probe, AgentOptions.defaults());
    return registered(SystemInfo.of(TestHosts.of(probe, platform.systemProbe(), sampler).system()));
  }

  /** What may come from a scan: the counts, and the CPU use where it is estimated from one. */
  static final Set<String> FROM_A_SCAN =
      Set.of(
          "getProcessCount",
          "getThreadCount",
          "getSnapshotTimeMillis",
          "getCpuBusyPercent",
          "getCpuUserPercent",
          "getCpuSystemPercent",
          "getCpuIdlePercent",
          "getCpuIowaitPercent",
          "getCpuIntervalMillis",
          "getCpuSource");

  /** Reads every attribute but those that may come from a scan. */
  static void readAllButCounts(SystemInfoMXBean proxy) throws Exception {
    for (Method m : SystemInfoMXBean.class.getMethods()) {
      if (m.getName().startsWith("get") && !FROM_A_SCAN.contains(m.getName())) {
        m.invoke(proxy);
      }
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void linuxBeanAgreesWithThisMachine() throws Exception {
    Platform platform = new LinuxPlatform(Path.of("/proc"), Path.of("/etc/passwd"));
    CountingProbe probe = new CountingProbe(platform.processProbe());
    SystemInfoMXBean proxy = wired(platform, probe);
    readAllButCounts(proxy);
    assertThat(probe.scans.get()).as("scans for facts and load").isZero();
    assertThat(proxy.getHostname()).isEqualTo(run("hostname"));
    assertThat(proxy.getKernelVersion()).isEqualTo(run("uname", "-r"));
    assertThat(proxy.getOsName()).isEqualTo("Linux");
    assertThat(proxy.getLogicalProcessors()).isEqualTo(Integer.parseInt(run("nproc", "--all")));
    assertThat(proxy.getPhysicalCores()).isBetween(1, proxy.getLogicalProcessors());
    assertThat(proxy.getCpuModel()).isNotEmpty();
    assertThat(proxy.getTotalMemoryBytes()).isEqualTo(meminfoKb("MemTotal") * 1024);
    assertThat(proxy.getTotalSwapBytes()).isEqualTo(meminfoKb("SwapTotal") * 1024);
    assertThat(proxy.getFreeMemoryBytes()).isBetween(0L, proxy.getTotalMemoryBytes());
    long btime = Long.parseLong(procStatLine("btime"));
    assertThat(proxy.getBootTimeMillis()).isEqualTo(btime * 1000);
    assertThat(proxy.getUptimeSeconds())
        .isCloseTo(System.currentTimeMillis() / 1000 - btime, within(5L));
    String[] loadavg = Files.readString(Path.of("/proc/loadavg")).split(" ");
    assertThat(proxy.getLoadAverage1m()).isCloseTo(Double.parseDouble(loadavg[0]), within(0.5));
    assertThat(proxy.getLoadAverage15m()).isCloseTo(Double.parseDouble(loadavg[2]), within(0.1));
    // the host CPU use comes from /proc/stat, not from a scan
    assertThat(proxy.getCpuBusyPercent()).isBetween(0.0, 100.0);
    assertThat(proxy.getCpuSource()).isEqualTo("counters");
    assertThat(probe.scans.get()).isZero();
    long procEntries;
    try (Stream<Path> s = Files.list(Path.of("/proc"))) {
      procEntries = s.filter(p -> p.getFileName().toString().matches("\\d+")).count();
    }
    assertThat((long) proxy.getProcessCount()).isCloseTo(procEntries, within(20L));
    assertThat(proxy.getThreadCount()).isGreaterThanOrEqualTo(proxy.getProcessCount());
    assertThat(probe.scans.get()).isEqualTo(1);
    assertThat(proxy.getPlatform()).containsEntry("probe", "linux").containsKey("cgroupVersion");
  }

  @Test
  void aixBeanShowsTheSampleLparAndNeverScansForItsFacts() throws Exception {
    FixtureCommandRunner runner =
        new FixtureCommandRunner()
            .serve(LPARSTAT_I, "lparstat-i.younsl-aix72-power8-dedicated.txt")
            .serve(PRTCONF, "prtconf-grep-Processor.younsl-aix72-power8.txt")
            .serve(OSLEVEL_S, "oslevel-s.ohai.txt")
            .serve(SVMON_G, "svmon-G.facter.txt")
            .serve(UPTIME, "uptime.gopsutil-samples.txt");
    Platform platform = new AixPlatform(AIX_PROC, Path.of("/nonexistent/passwd"), runner);
    CountingProbe probe = new CountingProbe(platform.processProbe());
    SystemInfoMXBean proxy = wired(platform, probe);
    readAllButCounts(proxy);
    assertThat(probe.scans.get()).as("scans for facts and load").isZero();
    assertThat(proxy.getOsName()).isEqualTo("AIX");
    assertThat(proxy.getOsVersion()).isEqualTo("7.2");
    assertThat(proxy.getKernelVersion()).isEqualTo("7200-00-01-1543");
    assertThat(proxy.getCpuModel()).isEqualTo("PowerPC_POWER8");
    assertThat(proxy.getLogicalProcessors()).isEqualTo(8);
    assertThat(proxy.getPhysicalCores()).isEqualTo(2);
    assertThat(proxy.getCpuClockMhz()).isEqualTo(3891);
    assertThat(proxy.getTotalMemoryBytes()).isEqualTo(61696L << 20);
    assertThat(proxy.getFreeMemoryBytes()).isEqualTo(1212409L * 4096);
    assertThat(proxy.getTotalSwapBytes()).isEqualTo(131072L * 4096);
    assertThat(proxy.getFreeSwapBytes()).isEqualTo((131072L - 2737) * 4096);
    assertThat(proxy.getBootTimeMillis()).isEqualTo(PID1_START);
    assertThat(proxy.getLoadAverage1m()).isEqualTo(2.78);
    assertThat(proxy.getPlatform())
        .containsEntry("probe", "aix")
        .containsEntry("lparName", "dev1")
        .containsEntry("lparNumber", "1")
        .containsEntry("entitledCapacity", "2.00")
        .containsEntry("partitionType", "Dedicated-SMT-4")
        .containsEntry("smtThreads", "4")
        .containsEntry("oslevel", "7200-00-01-1543");
    assertThat(probe.scans.get()).isZero();
    assertThat(proxy.getProcessCount()).isEqualTo(2);
    assertThat(proxy.getThreadCount()).isEqualTo(2);
    assertThat(probe.scans.get()).isEqualTo(1);
    // no CPU counters on AIX: the use is estimated from the same snapshot's process times
    assertThat(proxy.getCpuSource()).isEqualTo("process times");
    assertThat(proxy.getCpuBusyPercent()).isBetween(0.0, 100.0);
    assertThat(proxy.getCpuIowaitPercent()).isEqualTo(-1);
    assertThat(probe.scans.get()).isEqualTo(1);
  }

  static long meminfoKb(String field) throws Exception {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(l -> l.startsWith(field + ":"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElseThrow();
  }

  static String procStatLine(String key) throws Exception {
    return Files.readAllLines(Path.of("/proc/stat")).stream()
        .filter(l -> l.startsWith(key + " "))
        .map(l -> l.substring(key.length() + 1).trim())
        .findFirst()
        .orElseThrow();
  }

  static String run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
