package dev.psinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package table of docs/design.md: reads every main source file's imports (and fully
 * qualified references) and fails on any that its package must not depend on.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/psinfo");
  private static final Pattern REF =
      Pattern.compile(
          "\\b(dev\\.psinfo\\.[a-z.]+[a-z]|javax\\.management|java\\.lang\\.management)\\b");

  private static final String JMX = "javax.management";
  private static final String MANAGEMENT = "java.lang.management";
  private static final String AGENT = "dev.psinfo.agent";
  private static final String CONFIG = "dev.psinfo.config";
  private static final String PLATFORM = "dev.psinfo.platform";
  private static final String PROBE = "dev.psinfo.probe";
  private static final String AIX = "dev.psinfo.probe.aix";
  private static final String LINUX = "dev.psinfo.probe.linux";
  private static final String SAMPLING = "dev.psinfo.sampling";
  private static final String BEANS = "dev.psinfo.jmx";
  private static final String CLI = "dev.psinfo.cli";
  private static final String JCONSOLE = "dev.psinfo.jconsole";
  private static final String JFR = "dev.psinfo.jfr";
  private static final String TEXT = "dev.psinfo.text";
  private static final String IO = "dev.psinfo.io";
  private static final String SUPPORT = "dev.psinfo.support";
  private static final String HOST = "dev.psinfo.host";

  /**
   * The public types of {@code dev.psinfo.probe}: its API (the platform, the probes, the records of
   * a scan and of the system, the field list, the CPU computations, the javaMain parser that
   * defines that field, the error). Support code shared by several packages (the log, lazy values,
   * the command runners, the proc directory, user names, the argument budget) lives in {@code
   * dev.psinfo.support}; code only one package uses stays package-private there. A new public type
   * in {@code probe} is a decision: add it here.
   */
  private static final Set<String> PROBE_API =
      Set.of(
          "CapturePlan",
          "CorruptRecordException",
          "CpuLoad",
          "CpuLoadTracker",
          "CpuTimes",
          "JavaMain",
          "Platform",
          "ProcessCpuEstimator",
          "ProcessField",
          "ProcessInfo",
          "ProcessProbe",
          "ProcessScan",
          "ProcessState",
          "ScanStats",
          "SystemFacts",
          "SystemLoad",
          "SystemProbe",
          "Visibility");

  private static final String VIEW = "dev.psinfo.view";

  /**
   * The only types of {@code probe} the view package may name: the row's contract (its fields,
   * their record and the state), no probe's code.
   */
  private static final List<String> VIEW_MAY_USE_OF_PROBE =
      List.of(
          "dev.psinfo.probe.ProcessField",
          "dev.psinfo.probe.ProcessInfo",
          "dev.psinfo.probe.ProcessState");

  /**
   * Package → packages it must not reference (their sub-packages included): the table of
   * docs/design.md, with no exceptions.
   */
  private static final Map<String, List<String>> FORBIDDEN =
      Map.ofEntries(
          Map.entry(AGENT, List.of(CLI)),
          // the one escaping of host text for people, used by every view, the plugin included
          Map.entry(
              TEXT,
              List.of(
                  JMX,
                  MANAGEMENT,
                  AGENT,
                  CONFIG,
                  PLATFORM,
                  PROBE,
                  SAMPLING,
                  BEANS,
                  CLI,
                  JCONSOLE,
                  JFR,
                  IO,
                  SUPPORT,
                  VIEW,
                  HOST)),
          // the one bounded reader of files, used by config, probes and the CLI
          Map.entry(
              IO,
              List.of(
                  JMX,
                  MANAGEMENT,
                  AGENT,
                  CONFIG,
                  PLATFORM,
                  PROBE,
                  SAMPLING,
                  BEANS,
                  CLI,
                  JCONSOLE,
                  JFR,
                  TEXT,
                  SUPPORT,
                  VIEW,
                  HOST)),
          // support code shared by several packages: a leaf over io and text only
          Map.entry(
              SUPPORT,
              List.of(
                  JMX,
                  MANAGEMENT,
                  AGENT,
                  CONFIG,
                  PLATFORM,
                  PROBE,
                  SAMPLING,
                  BEANS,
                  CLI,
                  JCONSOLE,
                  JFR,
                  VIEW,
                  HOST)),
          // how a row is written for people, shared by the CLI, psText and the plugin: the row's
          // contract and the escaping only (no JMX, no Swing: both its users load it)
          Map.entry(
              VIEW,
              List.of(
                  JMX,
                  MANAGEMENT,
                  AGENT,
                  CONFIG,
                  PLATFORM,
                  AIX,
                  LINUX,
                  SAMPLING,
                  BEANS,
                  CLI,
                  JCONSOLE,
                  JFR,
                  IO,
                  SUPPORT,
                  HOST)),
          Map.entry(
              CONFIG, List.of(JMX, MANAGEMENT, PROBE, PLATFORM, SAMPLING, BEANS, AGENT, CLI, HOST)),
          Map.entry(PLATFORM, List.of(JMX, MANAGEMENT, SAMPLING, BEANS, AGENT, CLI, HOST)),
          Map.entry(
              PROBE,
              List.of(
                  JMX,
                  MANAGEMENT,
                  AIX,
                  LINUX,
                  CONFIG,
                  PLATFORM,
                  SAMPLING,
                  BEANS,
                  AGENT,
                  CLI,
                  VIEW,
                  HOST)),
          Map.entry(
              AIX,
              List.of(JMX, MANAGEMENT, LINUX, CONFIG, PLATFORM, SAMPLING, BEANS, AGENT, CLI, HOST)),
          Map.entry(
              LINUX,
              List.of(JMX, MANAGEMENT, AIX, CONFIG, PLATFORM, SAMPLING, BEANS, AGENT, CLI, HOST)),
          Map.entry(
              SAMPLING,
              List.of(JMX, MANAGEMENT, AIX, LINUX, PLATFORM, BEANS, AGENT, CLI, HOST, JFR)),
          // the host model: plain Java that every view (JMX, CLI, JFR) adapts
          Map.entry(
              HOST,
              List.of(JMX, MANAGEMENT, AIX, LINUX, BEANS, AGENT, CLI, JCONSOLE, JFR, PLATFORM)),
          Map.entry(BEANS, List.of(AIX, LINUX, PLATFORM, AGENT, CLI)),
          Map.entry(CLI, List.of(AIX, LINUX, AGENT)),
          // Flight Recorder events over the host; jdk.jfr stays inside this package
          Map.entry(JFR, List.of(JMX, MANAGEMENT, AIX, LINUX, CONFIG, PLATFORM, BEANS, AGENT, CLI)),
          // the JConsole plugin reads only the public MBeans, so it works on a remote JVM too; it
          // writes them with the view package, like the CLI
          Map.entry(
              JCONSOLE,
              List.of(AGENT, CONFIG, PLATFORM, PROBE, SAMPLING, BEANS, CLI, IO, SUPPORT, HOST)));

  @Test
  void packagesDependOnlyOnWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    Map<String, Integer> filesPerPackage = new java.util.HashMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        String pkg = packageOf(source);
        filesPerPackage.merge(pkg, 1, Integer::sum);
        List<String> forbidden = FORBIDDEN.getOrDefault(pkg, List.of());
        Matcher m = REF.matcher(source);
        while (m.find()) {
          String ref = m.group(1);
          for (String bad : forbidden) {
            if (ref.equals(bad) || ref.startsWith(bad + ".")) {
              violations.add(file + ": " + pkg + " must not use " + ref);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
    // the rules were checked against real code in every package they name
    assertThat(filesPerPackage.keySet()).containsAll(FORBIDDEN.keySet());
  }

  /** {@code probe} exports its API only (see {@link #PROBE_API}), no support code. */
  @Test
  void probeExportsOnlyItsApi() throws IOException {
    Pattern publicType =
        Pattern.compile(
            "(?m)^public (?:final |abstract |sealed )*(?:class|interface|record|enum) (\\w+)");
    List<String> exported = new ArrayList<>();
    try (Stream<Path> files = Files.list(MAIN.resolve("probe"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        Matcher m = publicType.matcher(read(f));
        if (m.find()) {
          exported.add(m.group(1));
        }
      }
    }
    assertThat(exported).isNotEmpty();
    assertThat(PROBE_API).containsAll(exported);
  }

  /**
   * The view package is shared by the agent's {@code psText}, the CLI and the plugin, so it knows
   * the row's contract and nothing of how the rows are read: of {@code probe} it names only {@link
   * #VIEW_MAY_USE_OF_PROBE}.
   */
  @Test
  void theViewPackageKnowsOnlyTheRowContract() throws IOException {
    List<String> offenders = new ArrayList<>();
    Pattern probe = Pattern.compile("\\bdev\\.psinfo\\.probe\\.[A-Za-z.]+");
    int viewFiles = 0;
    try (Stream<Path> files = Files.walk(MAIN.resolve("view"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        viewFiles++;
        Matcher m = probe.matcher(read(f));
        while (m.find()) {
          if (!VIEW_MAY_USE_OF_PROBE.contains(m.group())) {
            offenders.add(f + " uses " + m.group());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
    assertThat(viewFiles).isPositive();
  }

  /**
   * The agent and the CLI run where {@code jdk.jconsole} (and often {@code java.desktop}) does not
   * exist: nothing but the plugin's package may refer to it, to JConsole's API or to Swing/AWT.
   */
  @Test
  void onlyThePluginTouchesJConsoleAndSwing() throws IOException {
    Pattern gui =
        Pattern.compile(
            "\\b(dev\\.psinfo\\.jconsole|com\\.sun\\.tools\\.jconsole|javax\\.swing|java\\.awt)\\b");
    List<String> offenders = new ArrayList<>();
    int pluginFiles = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        if (f.startsWith(MAIN.resolve("jconsole"))) {
          pluginFiles++;
          continue;
        }
        Matcher m = gui.matcher(read(f));
        if (m.find()) {
          offenders.add(f + " uses " + m.group(1));
        }
      }
    }
    assertThat(offenders).isEmpty();
    assertThat(pluginFiles).isPositive();
  }

  /**
   * The VisualVM plugin embeds the views (PsinfoViews and the panels) in a runtime that need not
   * have {@code jdk.jconsole}: inside the plugin's package only its JConsole adapter, PsinfoPlugin,
   * may name JConsole's API (a panel calling a static method of PsinfoPlugin would load its
   * superclass too).
   */
  @Test
  void onlyTheJConsoleAdapterTouchesJConsole() throws IOException {
    Pattern jconsole = Pattern.compile("\\b(com\\.sun\\.tools\\.jconsole|PsinfoPlugin\\.)");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN.resolve("jconsole"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        if (f.getFileName().toString().equals("PsinfoPlugin.java")) {
          continue;
        }
        Matcher m = jconsole.matcher(read(f));
        if (m.find()) {
          offenders.add(f + " uses " + m.group(1));
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  /**
   * {@code jdk.jfr} is absent from some runtimes: only the jfr package may name it, and its entry
   * point {@code JfrEvents} must load without it.
   */
  @Test
  void onlyTheJfrPackageTouchesFlightRecorder() throws IOException {
    Pattern jfr = Pattern.compile("\\bjdk\\.jfr\\.[A-Za-z]");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        boolean inPackage = f.startsWith(MAIN.resolve("jfr"));
        boolean entryPoint = f.endsWith("jfr/JfrEvents.java");
        String code = read(f).replaceAll("(?s)/\\*.*?\\*/", "");
        if ((!inPackage || entryPoint) && jfr.matcher(code).find()) {
          offenders.add(f.toString());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  /**
   * The command line reads this host through the host model's plain readings ({@code host.Reading},
   * the sampler's rows), never through the JMX beans: only the classes that talk to a remote agent
   * over JMX ({@code RemoteSource}, which converts its beans into the same readings in one place)
   * or load the agent ({@code AttachCommand}, which reads the properties the agent sets) name JMX
   * or the beans' package.
   */
  @Test
  void onlyTheCliRemoteSideTouchesJmx() throws IOException {
    Set<String> remote = Set.of("RemoteSource.java", "AttachCommand.java");
    Pattern jmx = Pattern.compile("\\b(dev\\.psinfo\\.jmx|javax\\.management)\\b");
    List<String> offenders = new ArrayList<>();
    int cliFiles = 0;
    try (Stream<Path> files = Files.list(MAIN.resolve("cli"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        cliFiles++;
        if (!remote.contains(f.getFileName().toString()) && jmx.matcher(read(f)).find()) {
          offenders.add(f.toString());
        }
      }
    }
    assertThat(offenders).isEmpty();
    assertThat(cliFiles).isGreaterThan(remote.size());
  }

  @Test
  void nothingButTheCliMayExitTheJvm() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<Path> offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.startsWith(MAIN.resolve("cli")))
              .filter(f -> read(f).contains("System.exit(") || read(f).contains(".halt("))
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  @Test
  void binaryLayoutsNeverUseTheMachinesByteOrder() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve("probe/aix"))) {
      assertThat(files.filter(f -> read(f).contains("nativeOrder()")).toList()).isEmpty();
    }
  }

  private static String read(Path f) {
    try {
      return Files.isRegularFile(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String packageOf(String source) {
    Matcher m = Pattern.compile("(?m)^package ([a-z.]+);").matcher(source);
    return m.find() ? m.group(1) : "";
  }
}
