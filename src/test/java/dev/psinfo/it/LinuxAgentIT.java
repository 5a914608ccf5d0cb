package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.psinfo.config.OptionsParser;
import dev.psinfo.jmx.ProcessRows;
import dev.psinfo.probe.ProcessInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The shaded agent jar in a real child JVM on this Linux machine, read over JMX. */
@EnabledOnOs(OS.LINUX)
class LinuxAgentIT {
  static final ObjectName TABLE = ChildJvmNames.TABLE;
  static final ObjectName AGENT = ChildJvmNames.AGENT;

  @Test
  void defaultOptionsShowTheChildsOwnProcess() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
      MBeanServerConnection jmx = child.jmx();
      // the child's RSS moves while it scans and serves the table (more so with many processes
      // on the host): the row's value is read between these two of its VmRSS
      long vmRssBeforeBytes = statusKb(child.pid(), "VmRSS:") * 1024;
      // as a hand-written client reads it: the row by its index (pid, name, user)
      TabularData rows = (TabularData) jmx.getAttribute(TABLE, "Processes");
      long vmRssAfterBytes = statusKb(child.pid(), "VmRSS:") * 1024;
      assertThat(rows.getTabularType().getIndexNames()).containsExactly("pid", "name", "user");
      CompositeData row =
          rows.get(new Object[] {child.pid(), "java", System.getProperty("user.name")});
      assertThat(row).isNotNull();
      assertThat((Long) row.get("rssBytes")).isPositive();
      ProcessInfo me = ProcessRows.sample(row).info();
      assertThat(me.name()).isEqualTo("java");
      assertThat(me.args()).contains(HostApp.class.getName());
      assertThat(me.user()).isEqualTo(System.getProperty("user.name"));
      assertThat(me.ppid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(me.threads()).isGreaterThan(1);
      // within a quarter of the range (pages swapped out or given back in between), so a unit
      // mistake (KiB, pages) is still far outside
      assertThat((double) me.rssBytes())
          .isBetween(
              Math.min(vmRssBeforeBytes, vmRssAfterBytes) * 0.75,
              Math.max(vmRssBeforeBytes, vmRssAfterBytes) * 1.25);
      assertThat(me.startTimeMillis())
          .isCloseTo(
              ProcessHandle.of(child.pid())
                  .orElseThrow()
                  .info()
                  .startInstant()
                  .orElseThrow()
                  .toEpochMilli(),
              org.assertj.core.data.Offset.offset(1_000L));
      assertThat(jmx.getAttribute(AGENT, "Probe")).isEqualTo("linux");
      assertThat((Long) jmx.getAttribute(AGENT, "Scans")).isEqualTo(1L);
      assertThat(child.stderr()).anyMatch(l -> l.contains("registered psinfo:type=ProcessTable"));
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void aProcessAtNiceMinusOneShowsMinusOne() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "a negative nice needs root");
    Process niced = Spawned.start(new ProcessBuilder("nice", "-n", "-1", "sleep", "60"));
    try (ChildJvm child = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
      CompositeData row =
          (CompositeData)
              child
                  .jmx()
                  .invoke(TABLE, "process", new Object[] {niced.pid()}, new String[] {"long"});
      assertThat(row.get("name")).isEqualTo("sleep");
      assertThat(row.get("nice")).isEqualTo(-1);
      assertThat(row.get("priority")).isEqualTo(19);
      assertThat(child.stop()).isZero();
    } finally {
      niced.destroy();
    }
  }

  @Test
  void aBadOptionIsOneLineOnStderrAndTheHostRunsOn() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=colour=red,ttl=2s"), "7")) {
      assertThat(child.jmx().isRegistered(TABLE)).isFalse();
      assertThat(child.stop()).isEqualTo(7);
      assertThat(child.stderr())
          .containsExactly(
              "psinfo-jmx: agent not started: unknown option 'colour' (known keys: "
                  + String.join(", ", OptionsParser.KEYS)
                  + ")");
    }
  }

  @Test
  void aGuestNoThreadsNoWorkUntilReadNoVisibleDependencies() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
      assertThat(child.stdout()).contains("SLF4J absent", "JMXUTILS absent");
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.getAttribute(AGENT, "Scans")).isEqualTo(0L);
      // the registration thread ends once the beans are registered
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!psinfoThreads(jmx).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(psinfoThreads(jmx)).isEmpty();
      jmx.getAttribute(TABLE, "ProcessCount");
      assertThat(jmx.getAttribute(AGENT, "Scans")).isEqualTo(1L);
      assertThat(psinfoThreads(jmx)).isEmpty();
    }
  }

  @Test
  void theApplicationsOwnSlf4jAndJmxutilsAreLeftAlone() throws Exception {
    Path slf4j = ChildJvm.clients().resolve("slf4j-api.jar");
    Path jmxutils = ChildJvm.clients().resolve("jmxutils.jar");
    try (ChildJvm child =
        ChildJvm.start(
            List.of("-javaagent:" + ChildJvm.agentJar(), "-Dhostapp.ownLibraries=true"),
            List.of(slf4j, jmxutils))) {
      child.awaitStdout("OWN_BEAN", 30);
      assertThat(child.stdout())
          .contains("SLF4J visible", "JMXUTILS visible")
          .anyMatch(l -> l.startsWith("SLF4J_FROM ") && l.endsWith("slf4j-api.jar"))
          .anyMatch(l -> l.startsWith("JMXUTILS_FROM ") && l.endsWith("jmxutils.jar"))
          // slf4j 1.7 with no binding of its own: the agent's relocated provider is not seen
          .contains("SLF4J_LOGGER org.slf4j.helpers.NOPLogger");
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.getAttribute(new ObjectName("hostapp:type=Own"), "Answer")).isEqualTo(42);
      assertThat((Integer) jmx.getAttribute(TABLE, "ProcessCount")).isPositive();
      assertThat(jmx.getAttribute(AGENT, "Version")).isNotEqualTo("");
    }
  }

  @Test
  void registerDelayRegistersLaterFromADaemonThread() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=registerDelay=8s"))) {
      MBeanServerConnection jmx = child.jmx();
      // READY comes before the delay is over: the host's start-up was not held up
      boolean registeredAtReady = jmx.isRegistered(TABLE);
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (!jmx.isRegistered(TABLE) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(registeredAtReady).isFalse();
      assertThat(jmx.isRegistered(TABLE)).isTrue();
      // the child still exits normally: the registration thread was a daemon
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void coverageReadsCompleteAndHostCpuAgreesWithProcStat() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=ttl=0"))) {
      MBeanServerConnection jmx = child.jmx();
      ObjectName coverage = new ObjectName("psinfo:type=Coverage");
      // this machine: /proc without hidepid, the host's pid namespace, every process visible
      assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
          .filteredOn(l -> l.split(" ")[4].equals("/proc"))
          .isNotEmpty()
          .noneMatch(l -> l.contains("hidepid"));
      assertThat(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString())
          .isEqualTo("pid:[4026531836]");
      String summary = (String) jmx.getAttribute(coverage, "CoverageSummary");
      assertThat(summary).startsWith("complete");
      assertThat(jmx.getAttribute(coverage, "Complete")).isEqualTo(true);
      assertThat(jmx.getAttribute(coverage, "ProcHidepid")).isEqualTo(0);
      assertThat(jmx.getAttribute(coverage, "PidNamespace")).isEqualTo("host");
      assertThat((Long) jmx.getAttribute(coverage, "KernelTasks")).isPositive();
      assertThat((Long) jmx.getAttribute(coverage, "HiddenTasks")).isBetween(0L, 64L);
      assertThat(jmx.getAttribute(coverage, "AgentEffectiveUid"))
          .isEqualTo(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
      assertThat(jmx.getAttribute(coverage, "DeniedProcesses")).isEqualTo(0);

      // host CPU: the first reading is since boot; the test reads /proc/stat around each one
      ObjectName system = ChildJvmNames.SYSTEM;
      String[] cpu = {
        "CpuBusyPercent", "CpuUserPercent", "CpuSystemPercent", "CpuIdlePercent", "CpuIowaitPercent"
      };
      long[] a = cpuLine();
      double[] sinceBoot = values(jmx.getAttributes(system, cpu));
      assertThat(sinceBoot).containsExactly(percents(new long[8], a), within(0.5));
      Thread.sleep(2_000);
      long[] b = cpuLine();
      double[] recent = values(jmx.getAttributes(system, cpu));
      long[] c = cpuLine();
      // the agent's interval lies within the test's [a, c] and ends near b
      assertThat(recent).containsExactly(percents(a, b), within(3.0));
      assertThat(recent[0]).isCloseTo(percents(a, c)[0], within(3.0));
      assertThat((Long) jmx.getAttribute(system, "CpuIntervalMillis")).isBetween(1_000L, 60_000L);
      assertThat(jmx.getAttribute(system, "CpuSource")).isEqualTo("counters");
      assertThat(child.stop()).isZero();
    }
  }

  /** user nice system idle iowait irq softirq steal of /proc/stat's cpu line. */
  private static long[] cpuLine() throws Exception {
    String line =
        Files.readAllLines(Path.of("/proc/stat")).stream()
            .filter(l -> l.startsWith("cpu "))
            .findFirst()
            .orElseThrow();
    return Arrays.stream(line.substring(4).trim().split("\\s+"))
        .limit(8)
        .mapToLong(Long::parseLong)
        .toArray();
  }

  /** busy, user, system, idle, iowait in percent of the eight fields' sum, from a to b. */
  private static double[] percents(long[] a, long[] b) {
    double[] d = new double[8];
    double total = 0;
    for (int i = 0; i < 8; i++) {
      d[i] = b[i] - a[i];
      total += d[i];
    }
    return new double[] {
      100 * (total - d[3] - d[4]) / total,
      100 * (d[0] + d[1]) / total,
      100 * (d[2] + d[5] + d[6]) / total,
      100 * d[3] / total,
      100 * d[4] / total
    };
  }

  private static double[] values(javax.management.AttributeList list) {
    return list.asList().stream().mapToDouble(x -> (Double) x.getValue()).toArray();
  }

  @Test
  void attachingTwiceRegistersOnce() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      assertThat(child.jmx().isRegistered(TABLE)).isFalse();
      child.loadAgent("ttl=1s,log=info");
      child.loadAgent("ttl=5s,log=info");
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.isRegistered(TABLE)).isTrue();
      assertThat(jmx.queryNames(new ObjectName("psinfo:*"), null)).hasSize(4);
      assertThat(jmx.getAttribute(AGENT, "Options")).isEqualTo("ttl=1s,log=info");
      assertThat((Integer) jmx.getAttribute(TABLE, "ProcessCount")).isPositive();
      assertThat(child.stderr()).anyMatch(l -> l.contains("already registered"));
    }
  }

  private static List<String> psinfoThreads(MBeanServerConnection jmx) throws Exception {
    ThreadMXBean threads =
        JMX.newMXBeanProxy(jmx, new ObjectName("java.lang:type=Threading"), ThreadMXBean.class);
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(t -> t != null)
        .map(ThreadInfo::getThreadName)
        .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("psinfo"))
        .toList();
  }

  private static long statusKb(long pid, String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new AssertionError(field + " not in /proc/" + pid + "/status");
  }
}
