package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The footprint gate: the agent jar is loaded into someone else's JVM, so its size is held to a
 * budget (sizes are deterministic for the same sources and dependencies). The shade plugin's {@code
 * minimizeJar} keeps only the dependency classes our classes reach; a dependency added or a
 * minimizing step dropped shows up here.
 */
class JarSizeIT {
  /**
   * Bytes. Measured 1,581,008 (1,011 entries) with minimizeJar; 3,372,997 (2,221 entries) before.
   * The goal of issue 12 is 1 MB: about 1.0 MB of the jar is the part of jmxutils' internal Guava
   * that its {@code MBeanExporter} links to (see docs/PERFORMANCE.md). With the shaded RE2/J (issue
   * 17's linear-time regexes): 1,809,199 bytes. Issue 21 (our own classes, no dependency): the
   * plugin's HTML and size guards 1,852,189; the bounded reader ({@code dev.psinfo.io}) and the
   * byte budgets of arguments 1,866,182; with the {@code javaMain} row item 1,872,628. Issue 26
   * (the plugin's System dashboard with Java2D charts and its Users tab; the jconsole package is
   * 91,976 bytes of the jar, loaded only by JConsole and VisualVM): 1,895,235 measured on a
   * slightly older main. Issue 22 (the exporter's {@code ProcessMetrics} view and one snapshot per
   * answer) with issue 25's expected counts: 1,920,118. Issue 24/25 round (options declared once
   * with their README descriptions in config.Option, +8.7 KB compressed; groupChildren's
   * GroupMembers, +2.4 KB; the host package, the table's declared operations, the view package,
   * fdLimit): 1,956,780. Issue 24's second round (our own classes only; 1,969,560 at its start):
   * the table's declared attributes +4.2 KB, the CLI's plain host readings (host.Reading and the
   * declared system and coverage attributes) +12.7 KB, the builder derived from ProcessField +2.6
   * KB, then (+9.0 KB in all) mostly majorFaults, the declared ProcessMetrics items, the JFR thread
   * and the beans derived from the attribute declarations: 1,998,302 at a12d157 (the old budget was
   * crossed at 236e99a). Room left, not taken: compiling our classes with {@code -g:lines,source}
   * (no local variable tables, as the JDK's own classes ship) makes the jar 61.7 KB smaller
   * (1,999,119 -> 1,937,402 at 1df1937), but jmxutils reads the names of a {@code @Managed}
   * operation's parameters from those tables (its shaded {@code BytecodeReadingParanamer}), so
   * {@code Agent.applyOptions(options)} would lose its parameter's name in JConsole unless that
   * bean named it another way.
   */
  static final long BUDGET_BYTES = 2_015_000;

  @Test
  void theAgentJarStaysInItsBudget() throws Exception {
    Path jar = ChildJvm.agentJar();
    long size = Files.size(jar);
    int entries;
    try (JarFile j = new JarFile(jar.toFile())) {
      entries = j.size();
      // what only a reflective or service lookup reaches must survive minimizing
      assertThat(j.getEntry("META-INF/services/com.sun.tools.jconsole.JConsolePlugin")).isNotNull();
      assertThat(j.getEntry("dev/psinfo/jconsole/PsinfoPlugin.class")).isNotNull();
      assertThat(j.getEntry("dev/psinfo/shaded/org/weakref/jmx/MBeanExporter.class")).isNotNull();
    }
    assertThat(size).as("bytes of %s (%d entries)", jar, entries).isLessThanOrEqualTo(BUDGET_BYTES);
  }
}
