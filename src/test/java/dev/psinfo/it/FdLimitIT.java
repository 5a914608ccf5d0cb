package dev.psinfo.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code fdLimit} and {@code WorstFdRatio} of a real child JVM, read over a real JMX connector: the
 * agent's own JVM gets a soft descriptor limit no other process here has ({@code prlimit --pid}
 * while it runs), and its row and its group must say what its {@code /proc/<pid>/limits} and {@code
 * /proc/<pid>/fd} say.
 */
@EnabledOnOs(OS.LINUX)
class FdLimitIT {
  /** A soft limit nothing else on the machine has by default (its hard limit stays). */
  private static final long SOFT_LIMIT = 777;

  @Test
  void theAgentsOwnJvmReadsItsLimitsFileAndItsGroupTheRatio() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit not installed");
    String marker = "fdit-" + UUID.randomUUID().toString().substring(0, 8);
    // "[f]dit-…" matches the child's -D option, not the group option that names it
    String options = "ttl=10m,group.self=[f]" + marker.substring(1);
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                "-javaagent:" + ChildJvm.agentJar() + "=" + options, "-Dfdit.marker=" + marker))) {
      long pid = child.pid();
      Process prlimit =
          Spawned.start(
              new ProcessBuilder(
                      "/usr/bin/prlimit",
                      "--pid",
                      Long.toString(pid),
                      "--nofile=" + SOFT_LIMIT + ":")
                  .redirectErrorStream(true));
      String out = new String(prlimit.getInputStream().readAllBytes(), UTF_8);
      assertThat(prlimit.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(prlimit.exitValue()).as(out).isZero();
      assertThat(softLimit(pid)).isEqualTo(SOFT_LIMIT);

      MBeanServerConnection jmx = child.jmx();
      jmx.invoke(ChildJvmNames.TABLE, "refresh", new Object[0], new String[0]);
      CompositeData row =
          (CompositeData)
              jmx.invoke(
                  ChildJvmNames.TABLE,
                  "process",
                  new Object[] {pid},
                  new String[] {long.class.getName()});
      ObjectName group = new ObjectName("psinfo:type=ProcessGroup,name=self");
      double worst = (Double) jmx.getAttribute(group, "WorstFdRatio");
      long[] members = (long[]) jmx.getAttribute(group, "Pids");

      assertThat(row.get("fdLimit")).isEqualTo(softLimit(pid)).isEqualTo(SOFT_LIMIT);
      long openFds = (Long) row.get("openFds");
      // the JVM opens and closes descriptors (the JMX connection among them): close, not equal
      assertThat(openFds).isBetween(openFds(pid) - 16, openFds(pid) + 16).isPositive();
      assertThat(members).containsExactly(pid);
      // the row and the group come from the same snapshot (ttl=10m, one refresh)
      assertThat(worst).isCloseTo((double) openFds / SOFT_LIMIT, within(1e-9));
      assertThat(worst).isCloseTo((double) openFds(pid) / softLimit(pid), within(16.0 / 777));
      assertThat(child.stop()).isZero();
    }
  }

  /** The soft {@code Max open files} of {@code /proc/<pid>/limits}, read here the plain way. */
  static long softLimit(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"), UTF_8)) {
      if (line.startsWith("Max open files ")) {
        String soft = line.substring("Max open files ".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
      }
    }
    throw new AssertionError("no Max open files in /proc/" + pid + "/limits");
  }

  /** The entries of {@code /proc/<pid>/fd}. */
  static long openFds(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    }
  }

  /** The largest openFds/fdLimit over {@code pids}, from {@code /proc}; -1 when none is known. */
  static double worstFdRatio(List<Long> pids) throws IOException {
    double worst = -1;
    for (long pid : pids) {
      worst = Math.max(worst, (double) openFds(pid) / Math.max(1, softLimit(pid)));
    }
    return worst;
  }
}
