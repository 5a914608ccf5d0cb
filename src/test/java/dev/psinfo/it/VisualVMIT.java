package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real VisualVM ({@code /usr/bin/visualvm}, Debian's 2.1.5 on JDK 17 in CI) under Xvfb with the
 * plugin built by {@code package} ({@code visualvm/target/psinfo-visualvm.nbm}) installed offline:
 * the .nbm's {@code netbeans/} tree is unpacked into a fresh user directory (a NetBeans user
 * directory is a module cluster, which is what Tools → Plugins → Downloaded writes too), and its
 * {@code var/license_accepted} marks the licence as accepted so no dialog comes first. VisualVM
 * then opens a child JVM ({@code visualvm --openpid PID}, handed to the running instance), its
 * window's Processes and System tabs are clicked with xdotool where the views' own trace ({@code
 * -J-Dpsinfo.jconsole.trace=FILE}) says their headers are, and photographed into {@code
 * target/visualvm-it/}. Fails on any exception of ours in VisualVM's log.
 */
@EnabledOnOs(OS.LINUX)
class VisualVMIT extends GuiHarness {
  static final Path SHOTS = Path.of("target", "visualvm-it");

  private Process visualvm;
  private Path userdir;

  VisualVMIT() {
    super(SHOTS);
  }

  @BeforeEach
  void start() throws Exception {
    // a developer's machine without VisualVM or a display stack skips this test; CI never does
    requireTools(
        missingTools("visualvm"),
        "apt-get install visualvm default-jdk-headless xvfb xdotool imagemagick");
    Path nbm = nbm();
    assertThat(nbm).as("the VisualVM plugin, built by package").isRegularFile();
    startXvfb();
    userdir = SHOTS.resolve("userdir-" + System.nanoTime()).toAbsolutePath();
    install(nbm, userdir);
  }

  @AfterEach
  void stop() {
    if (visualvm != null) {
      // the launcher is a shell script: VisualVM's JVM is its child
      visualvm.descendants().forEach(ProcessHandle::destroy);
      visualvm.destroy();
      try {
        visualvm.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      visualvm.descendants().forEach(ProcessHandle::destroyForcibly);
      visualvm.destroyForcibly();
    }
  }

  @Test
  void processesAndSystemViewsOfAJvmWithTheAgent() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
      startVisualVM();
      open(child.pid(), "psinfo-jconsole: visualvm view Processes made for pid " + child.pid());
      // VisualVM makes the views one after the other
      awaitLine(
          l -> l.equals("psinfo-jconsole: visualvm view System made for pid " + child.pid()), 60);
      assertThat(trace())
          .contains("psinfo-jconsole: visualvm: pid " + child.pid() + " carries the psinfo MBeans")
          .noneMatch(l -> l.startsWith("psinfo-jconsole: visualvm view psinfo "));

      int[] processes = header("Processes");
      click(processes[0], processes[1]);
      String shown =
          awaitLine(
              l ->
                  l.matches(
                      "psinfo-jconsole: Processes tab (shown|updated): [1-9]\\d* rows, selected"
                          + " pid "
                          + child.pid()
                          + ", [1-9]\\d* fields, \\d+ descendants"),
              60);
      assertThat(shown).contains("selected pid " + child.pid());
      // the filter box: keep the JVMs (the child, VisualVM, the build)
      int from = trace().size();
      String filterAt =
          awaitLine(from, l -> l.startsWith("psinfo-jconsole: filter at "), 60)
              .replaceAll(".* at ", "");
      String[] xy = filterAt.split(",");
      click(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
      xdotool("type", "--delay", "60", "java");
      String filtered =
          awaitLine(l -> l.startsWith("psinfo-jconsole: Processes tab filtered 'java': "), 120);
      assertThat(Integer.parseInt(filtered.replaceAll(".*: (\\d+) rows", "$1"))).isPositive();
      // a later update keeps the child selected under the filter
      int before = trace().size();
      awaitLine(
          before,
          l ->
              l.matches(
                  "psinfo-jconsole: Processes tab updated: .*selected pid " + child.pid() + ",.*"),
          60);
      Thread.sleep(1_500); // let the table paint
      screenshot("processes.png");

      int[] system = header("System");
      click(system[0], system[1]);
      String facts =
          awaitLine(
              l -> l.matches("psinfo-jconsole: System tab (shown|updated): 8 groups, host .+"), 60);
      assertThat(facts).doesNotEndWith("host null");
      Thread.sleep(1_500);
      screenshot("system.png");
      assertNoExceptionsOfOurs();
    }
  }

  @Test
  void aJvmWithoutTheAgentGetsAViewThatSaysHowToAttachIt() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      startVisualVM();
      open(child.pid(), "psinfo-jconsole: visualvm view psinfo made for pid " + child.pid());
      assertThat(trace())
          .contains("psinfo-jconsole: visualvm: pid " + child.pid() + " has no psinfo MBeans")
          .noneMatch(l -> l.startsWith("psinfo-jconsole: visualvm view Processes "));
      int[] tab = header("psinfo");
      click(tab[0], tab[1]);
      awaitLine(l -> l.equals("psinfo-jconsole: psinfo tab: absent, " + child.pid()), 60);
      Thread.sleep(1_500);
      screenshot("absent.png");

      // attached later, the same view shows the Processes and System views on the next update
      child.loadAgent("");
      awaitLine(
          l -> l.equals("psinfo-jconsole: psinfo tab: MBeans present, showing the views"), 60);

      // the window closed (Ctrl+W) and opened again: now it gets Processes and System
      xdotool("key", "ctrl+w");
      awaitLine(l -> l.equals("psinfo-jconsole: visualvm: pid " + child.pid() + " closed"), 60);
      open(child.pid(), "psinfo-jconsole: visualvm view Processes made for pid " + child.pid());
      assertThat(trace())
          .contains("psinfo-jconsole: visualvm: pid " + child.pid() + " carries the psinfo MBeans");
      assertNoExceptionsOfOurs();
    }
  }

  /** The .nbm {@code package} made. */
  static Path nbm() {
    return Path.of(System.getProperty("psinfo.visualvmNbm", "visualvm/target/psinfo-visualvm.nbm"));
  }

  /**
   * Installs the .nbm into a new user directory without VisualVM's plugin manager: its {@code
   * netbeans/} entries (the module jar, {@code modules/ext/psinfo-jmx-agent.jar} and the module's
   * {@code config/Modules} file that enables it) are the cluster layout, so they are unpacked as
   * they are. The licence is marked accepted.
   */
  static void install(Path nbm, Path userdir) throws IOException {
    int files = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(nbm))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.isDirectory() || !e.getName().startsWith("netbeans/")) {
          continue;
        }
        Path to = userdir.resolve(e.getName().substring("netbeans/".length())).normalize();
        assertThat(to).startsWithRaw(userdir);
        Files.createDirectories(to.getParent());
        Files.copy(zip, to);
        files++;
      }
    }
    assertThat(userdir.resolve("modules/dev-psinfo-visualvm.jar")).isRegularFile();
    assertThat(userdir.resolve("modules/ext/psinfo-jmx-agent.jar")).isRegularFile();
    assertThat(userdir.resolve("config/Modules/dev-psinfo-visualvm.xml")).isRegularFile();
    assertThat(files).isGreaterThanOrEqualTo(3);
    Files.createDirectories(userdir.resolve("var"));
    Files.writeString(userdir.resolve("var/license_accepted"), "");
  }

  private void startVisualVM() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "visualvm",
                "--userdir",
                userdir.toString(),
                "-J-Dpsinfo.jconsole.trace=" + traceFile)
            .redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    visualvm = Spawned.start(pb);
    visualvm.getOutputStream().close();
    ChildJvm.pump(visualvm.getInputStream(), launcherOut);
    // the module's installer traces once VisualVM has loaded it
    awaitLine(l -> l.equals("psinfo-jconsole: visualvm module loaded"), 180);
    String window = xdotool("search", "--sync", "--onlyvisible", "--name", "^VisualVM").trim();
    placeWindow(window.lines().reduce((a, b) -> b).orElseThrow());
  }

  /**
   * Opens the JVM in VisualVM, as {@code visualvm --openpid PID} does from a shell: handed to the
   * running instance. VisualVM finds local JVMs by polling, so a JVM it has not seen yet gets a
   * "Cannot open application" message: that is closed and the command given again.
   */
  private void open(long pid, String openedLine) throws Exception {
    for (int attempt = 0; attempt < 6; attempt++) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  "visualvm", "--userdir", userdir.toString(), "--openpid", Long.toString(pid))
              .redirectErrorStream(true);
      pb.environment().put("DISPLAY", display);
      Process p = Spawned.start(pb);
      p.getOutputStream().close();
      List<String> said = Collections.synchronizedList(new ArrayList<>());
      ChildJvm.pump(p.getInputStream(), said);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("visualvm --openpid: %s", said).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        if (seen(l -> l.equals(openedLine))) {
          return;
        }
        Thread.sleep(200);
      }
      screenshot("open-attempt-" + attempt + ".png");
      xdotool("key", "Return");
      Thread.sleep(3_000);
    }
    throw new AssertionError("VisualVM never opened pid " + pid + "; the views traced " + trace());
  }

  private void placeWindow(String window) throws Exception {
    for (int i = 0; i < 40; i++) {
      xdotool("windowmove", window, "0", "0", "windowsize", window, "1280", "860");
      Thread.sleep(500);
      int[] g = geometry(window);
      if (g[0] == 0 && g[1] == 0 && g[2] == 1280 && g[3] == 860) {
        return;
      }
    }
    throw new AssertionError("VisualVM's window never took 1280x860 at 0,0");
  }

  /**
   * VisualVM logs what goes wrong in a module to {@code var/log/messages.log} in its user
   * directory; nothing there may come from our code.
   */
  private void assertNoExceptionsOfOurs() throws IOException {
    Path log = userdir.resolve("var/log/messages.log");
    assertThat(log).isRegularFile();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines)
        .as("VisualVM's log (%s)", log)
        .noneMatch(l -> l.contains("at dev.psinfo."))
        .noneMatch(l -> l.contains("dev.psinfo") && l.contains("Exception"));
    assertThat(lines)
        .as("the module is enabled")
        .anyMatch(l -> l.contains("dev.psinfo.visualvm ["));
  }
}
