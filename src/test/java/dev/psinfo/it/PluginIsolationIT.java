package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The JConsole plugin lives in the agent jar, but {@code -javaagent} and {@code java -jar ... ps}
 * never load it: proved in child JVMs that log every class they load and whose runtime lacks {@code
 * jdk.jconsole} and {@code java.desktop} altogether ({@code --limit-modules}), as many do.
 */
@EnabledOnOs(OS.LINUX)
class PluginIsolationIT {
  /** What a runtime without JConsole or Swing has (plus what the test's JMX connection needs). */
  static final String SMALL_RUNTIME =
      "java.base,java.management,java.instrument,jdk.management.agent";

  private static List<String> guiClasses(List<String> classLog) {
    return classLog.stream()
        .filter(l -> l.contains("[class,load]"))
        .filter(
            l ->
                l.contains(" dev.psinfo.jconsole.")
                    || l.contains(" com.sun.tools.jconsole.")
                    || l.contains(" javax.swing.")
                    || l.contains(" java.awt."))
        .toList();
  }

  @Test
  void theJarCarriesThePluginAsAService() throws IOException {
    try (ZipFile jar = new ZipFile(ChildJvm.agentJar().toFile())) {
      var service = jar.getEntry("META-INF/services/com.sun.tools.jconsole.JConsolePlugin");
      assertThat(service).isNotNull();
      String provider =
          new String(jar.getInputStream(service).readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(provider).isEqualTo("dev.psinfo.jconsole.PsinfoPlugin");
      assertThat(jar.getEntry("dev/psinfo/jconsole/PsinfoPlugin.class")).isNotNull();
    }
  }

  @Test
  void theAgentServesTheTableWithoutLoadingThePlugin() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                "--limit-modules",
                SMALL_RUNTIME,
                "-Xlog:class+load=info",
                "-javaagent:" + ChildJvm.agentJar()))) {
      TabularData table = (TabularData) child.jmx().getAttribute(ChildJvmNames.TABLE, "Processes");
      assertThat(table.size()).isPositive();
      child.jmx().getAttribute(ChildJvmNames.SYSTEM, "Hostname");
      assertThat(child.stop()).isZero();
      List<String> log = child.stdout();
      // the log is there and names our classes: the check below can see them
      assertThat(log).anyMatch(l -> l.contains(" dev.psinfo.agent.Agent source:"));
      assertThat(log).anyMatch(l -> l.contains(" dev.psinfo.jmx.ProcessTable source:"));
      assertThat(guiClasses(log)).isEmpty();
      assertThat(child.stderr()).noneMatch(l -> l.contains("Exception"));
    }
  }

  @Test
  void psRunsWithoutLoadingThePlugin() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "--limit-modules",
            "java.base,java.management",
            "-Xlog:class+load=info",
            "-jar",
            ChildJvm.agentJar().toString(),
            "ps"));
    Process p = Spawned.start(new ProcessBuilder(cmd).redirectErrorStream(true));
    p.getOutputStream().close();
    List<String> out =
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
    assertThat(out).anyMatch(l -> l.matches("\\s*PID\\s+PPID\\s+USER.*COMMAND"));
    assertThat(out).anyMatch(l -> l.contains(" dev.psinfo.cli.Main source:"));
    assertThat(guiClasses(out)).isEmpty();
  }
}
