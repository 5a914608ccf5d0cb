package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code premain} loads, counted in a child JVM that logs every class it loads ({@code
 * -Xlog:class+load}): the JVM calls premain before it loads the main class, so what is logged
 * before the main class is start-up plus premain. With {@code registerDelay=60s} the agent's
 * registration thread sleeps through the child's life, so the count is premain's alone and the same
 * on every run. Premain only parses the options and starts that thread: it must not grow into the
 * scan, the MBeanServer or a lambda (each has happened: cf4e796, f0ef73e). {@code
 * benchmarks/premain-classes.py} measures the same with the JDK's classes (docs/PERFORMANCE.md).
 */
class PremainClassesIT {
  /** The agent's own classes premain may load: 20 on 2026-12-07, room for a few more. */
  static final int MAX_OWN_CLASSES = 24;

  /** The child's main class: it returns at once; its load marks the end of premain. */
  public static final class Marker {
    private Marker() {}

    public static void main(String[] args) {
      // nothing: what was loaded before this class is what is counted
    }
  }

  @Test
  void premainLoadsOnlyTheOptionsAndTheInstallation() throws Exception {
    List<String> before = classesBeforeMain("registerDelay=60s");
    List<String> own = before.stream().filter(c -> c.startsWith("dev.psinfo.")).toList();
    assertThat(own).as("the agent's classes loaded by premain").contains("dev.psinfo.agent.Agent");
    assertThat(own)
        .as("premain loaded %d of the agent's classes (20 on 2026-12-07): %s", own.size(), own)
        .hasSizeLessThanOrEqualTo(MAX_OWN_CLASSES);
    assertThat(own).as("premain spins no lambda").noneMatch(c -> c.contains("$$Lambda"));
    assertThat(own)
        .as("premain does not reach the scan, the host model, the CLI or the plugin")
        .noneMatch(
            c ->
                c.startsWith("dev.psinfo.probe.")
                    || c.startsWith("dev.psinfo.sampling.")
                    || c.startsWith("dev.psinfo.host.")
                    || c.startsWith("dev.psinfo.cli.")
                    || c.startsWith("dev.psinfo.jconsole.")
                    || c.startsWith("dev.psinfo.shaded."));
    assertThat(before)
        .as("the platform MBeanServer is the registration thread's work, not premain's")
        .doesNotContain(
            "java.lang.management.ManagementFactory", "javax.management.MBeanServerFactory");
  }

  /** The classes a child JVM with the agent ({@code options}) loads before its main class. */
  private static List<String> classesBeforeMain(String options) throws Exception {
    Path classes =
        Path.of(Marker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xlog:class+load=info",
            "-javaagent:" + ChildJvm.agentJar() + "=" + options,
            "-cp",
            classes.toString(),
            Marker.class.getName());
    Process p = Spawned.start(new ProcessBuilder(cmd).redirectErrorStream(true));
    List<String> out;
    try {
      p.getOutputStream().close();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      Spawned.killTree(p);
    }
    assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
    List<String> before = new ArrayList<>();
    for (String line : out) {
      int at = line.indexOf("[class,load] ");
      if (at < 0) {
        continue;
      }
      String name = line.substring(at + "[class,load] ".length()).split(" ", 2)[0];
      if (name.equals(Marker.class.getName())) {
        return before;
      }
      before.add(name);
    }
    throw new AssertionError("the main class was never loaded:\n" + String.join("\n", out));
  }
}
