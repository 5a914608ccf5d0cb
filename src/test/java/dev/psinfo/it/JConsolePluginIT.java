package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real JConsole ({@code jconsole -pluginpath target/psinfo-jmx-agent.jar PID}) under Xvfb
 * against a child JVM: its tabs are selected with xdotool and photographed (into {@code
 * target/jconsole-it/}), and the test fails on any exception JConsole prints. Where to click comes
 * from the plugin's own trace ({@code -J-Dpsinfo.jconsole.trace=true}: the tab headers' screen
 * positions), and what each tab showed is read from the same trace. Needs Xvfb, xdotool and
 * ImageMagick's {@code import} ({@code .ci/run} installs them) and a JDK with {@code jconsole}.
 */
@EnabledOnOs(OS.LINUX)
class JConsolePluginIT extends GuiHarness {
  static final Path SHOTS = Path.of("target", "jconsole-it");

  private Process jconsole;

  JConsolePluginIT() {
    super(SHOTS);
  }

  @BeforeEach
  void start() throws Exception {
    List<String> missing = missingTools();
    if (!Files.isExecutable(jconsoleBinary())) {
      missing.add("jconsole (a full JDK)");
    }
    // a developer's machine without a display stack skips this test and says why; CI never does
    requireTools(missing, "apt-get install openjdk-17-jdk xvfb xdotool imagemagick");
    startXvfb();
  }

  @AfterEach
  void stop() {
    if (jconsole != null) {
      jconsole.destroy();
      try {
        jconsole.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      jconsole.destroyForcibly();
    }
  }

  /**
   * The daily use of the tabs at JConsole's default window size (issue 26), updated every second
   * ({@code -interval=1}): select a process, re-sort, the selection holds over 10 updates; the
   * connected JVM's whole command line in the detail pane and copied; pause holds the table; the
   * filter; the System tab's charts trace their points; the Users tab. Pictures of each tab.
   */
  @Test
  void processesSystemAndUsersTabsOfAJvmWithTheAgent() throws Exception {
    // a group that expects more HostApps than any host runs: down from its first snapshot on
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                "-javaagent:"
                    + ChildJvm.agentJar()
                    + "=group.hostapp="
                    + HostApp.class.getSimpleName()
                    + ",expect.hostapp=1000"))) {
      String window = startJConsole(child.pid(), "-interval=1");
      acceptInsecureConnection(window, "psinfo-jconsole: tabs ");
      assertThat(awaitLine(l -> l.contains("psinfo-jconsole: tabs "), 5))
          .endsWith("tabs Processes, System, Users");

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
              120);
      assertThat(shown).contains("selected pid " + child.pid());
      // the connected JVM's whole command line, as /proc has it, in the detail pane
      String cmdline =
          new String(
                  Files.readAllBytes(Path.of("/proc", Long.toString(child.pid()), "cmdline")),
                  StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .trim();
      String args = awaitLine(l -> l.startsWith("psinfo-jconsole: Processes selected args "), 120);
      assertThat(args).contains("(" + cmdline.length() + " chars) ");
      // the JAVA column: the main class of the child JVM, started as java … -cp … HostApp
      assertThat(cmdline).contains(" -cp ").contains(" " + HostApp.class.getName());
      String cells =
          awaitLine(l -> l.startsWith("psinfo-jconsole: Processes selected cells "), 120);
      assertThat(cells)
          .contains("PID " + child.pid() + " | ")
          .contains(" | JAVA " + HostApp.class.getName() + " | ")
          .contains(" | COMMAND " + cmdline.substring(0, Math.min(cmdline.length(), 100)));
      String[] buttons =
          awaitLine(l -> l.startsWith("psinfo-jconsole: Processes buttons "), 120).split(" ");
      int[] copyAt = xy(buttons[buttons.length - 1].replace("copy@", ""));
      click(copyAt[0], copyAt[1]);
      awaitLine(
          l ->
              l.equals("psinfo-jconsole: Processes tab copied " + cmdline.length() + " characters"),
          120);

      // pause, so the rows hold still, and select another process: the first row that is not
      // the connected JVM; no update while paused
      int[] pauseAt = xy(buttons[buttons.length - 2].replace("pause@", ""));
      click(pauseAt[0], pauseAt[1]);
      awaitLine(l -> l.equals("psinfo-jconsole: Processes tab paused"), 120);
      int paused = trace().size();
      String rows = awaitLine(paused, l -> l.startsWith("psinfo-jconsole: Processes rows "), 120);
      Matcher row = Pattern.compile(" (\\d+)@(\\d+),(\\d+)").matcher(rows);
      // the smallest pid shown: the longest-lived process, most likely (the host may churn)
      long picked = -1;
      int[] pickedAt = null;
      while (row.find()) {
        long pid = Long.parseLong(row.group(1));
        if (pid != child.pid() && (picked < 0 || pid < picked)) {
          picked = pid;
          pickedAt = new int[] {Integer.parseInt(row.group(2)), Integer.parseInt(row.group(3))};
        }
      }
      assertThat(picked).as(rows).isPositive();
      click(pickedAt[0], pickedAt[1]);
      long selected = picked;
      awaitLine(
          paused, l -> l.equals("psinfo-jconsole: Processes tab selected pid " + selected), 120);
      Thread.sleep(3_000); // three updates' worth at -interval=1
      assertThat(trace().subList(paused, trace().size()))
          .noneMatch(l -> l.contains("Processes tab updated: "));
      click(pauseAt[0], pauseAt[1]);
      awaitLine(l -> l.equals("psinfo-jconsole: Processes tab resumed"), 120);
      awaitLine(
          l -> l.contains("Processes tab updated: ") && l.contains("selected pid " + selected),
          120);
      // re-sort by PID, then by NAME: still selected, through 10 updates
      Matcher headers =
          Pattern.compile(" PID@(\\d+),(\\d+) .* NAME@(\\d+),(\\d+) ")
              .matcher(awaitLine(l -> l.startsWith("psinfo-jconsole: Processes headers "), 120));
      assertThat(headers.find()).isTrue();
      click(Integer.parseInt(headers.group(1)), Integer.parseInt(headers.group(2)));
      for (int i = 0; i < 10; i++) {
        if (i == 5) {
          click(Integer.parseInt(headers.group(3)), Integer.parseInt(headers.group(4)));
        }
        String update =
            awaitLine(
                trace().size(), l -> l.contains("psinfo-jconsole: Processes tab updated: "), 120);
        assertThat(update).as("update %d after re-sorting", i).contains("selected pid " + selected);
      }
      assertThat(trace())
          .noneMatch(
              l ->
                  l.startsWith("psinfo-jconsole: Processes tab selected pid ")
                      && !l.endsWith(" " + selected)
                      && !l.endsWith(" " + child.pid()));

      // the filter box: keep the connected JVM and what runs Xvfb
      int[] filter =
          xy(
              awaitLine(trace().size(), l -> l.startsWith("psinfo-jconsole: filter at "), 120)
                  .replaceAll(".* at ", ""));
      click(filter[0], filter[1]);
      xdotool("type", "--delay", "60", "HostApp|Xvfb");
      String filtered =
          awaitLine(
              l -> l.startsWith("psinfo-jconsole: Processes tab filtered 'HostApp|Xvfb': "), 120);
      assertThat(Integer.parseInt(filtered.replaceAll(".*: (\\d+) rows", "$1")))
          .as(filtered)
          .isPositive();
      // back on the connected JVM for the picture
      String jvmRow =
          awaitLine(
              trace().size(),
              l ->
                  l.startsWith("psinfo-jconsole: Processes rows ")
                      && l.contains(" " + child.pid() + "@"),
              120);
      Matcher jvm = Pattern.compile(" " + child.pid() + "@(\\d+),(\\d+)").matcher(jvmRow);
      assertThat(jvm.find()).isTrue();
      click(Integer.parseInt(jvm.group(1)), Integer.parseInt(jvm.group(2)));
      awaitLine(
          trace().size(),
          l -> l.contains("Processes tab updated: ") && l.contains("selected pid " + child.pid()),
          120);
      Thread.sleep(1_000);
      screenshotWindow(window, "processes.png");

      int[] system = header("System");
      click(system[0], system[1]);
      String facts =
          awaitLine(
              l -> l.matches("psinfo-jconsole: System tab (shown|updated): 8 groups, host .+"),
              120);
      assertThat(facts).doesNotEndWith("host null");
      // the charts have points since the connection, one per update
      String chart =
          awaitLine(
              trace().size(),
              l ->
                  l.matches(
                      "psinfo-jconsole: System chart Host CPU %: ([3-9]|\\d\\d+) points, user .*"),
              120);
      assertThat(chart).doesNotContain("user NaN").doesNotContain("user -,");
      assertThat(awaitLine(l -> l.startsWith("psinfo-jconsole: System chart Host memory: "), 120))
          .matches(".*: \\d+ points, used \\d.*, available \\d.*");
      // the group's line: its count against the expectation, down since its first snapshot
      String down =
          "psinfo-jconsole: System group hostapp: [1-9]\\d*/1,000 processes, DOWN since"
              + " \\d\\d:\\d\\d:\\d\\d, \\d+ restarts?, \\d+ threads, RSS .*";
      assertThat(awaitLine(l -> l.matches(down), 60)).contains("DOWN since");
      Thread.sleep(1_000);
      screenshotWindow(window, "system.png");

      int[] users = header("Users");
      click(users[0], users[1]);
      String usersLine =
          awaitLine(
              l -> l.matches("psinfo-jconsole: Users tab (shown|updated): [1-9]\\d* users.*"), 120);
      assertThat(usersLine).contains(" users");
      Thread.sleep(1_000);
      screenshotWindow(window, "users.png");
      assertNoExceptions();
    }
  }

  private static int[] xy(String text) {
    String[] p = text.trim().split(",");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  /**
   * Issue 21: a process whose name and arguments are HTML (any local user can start one) shows as
   * literal text, and JConsole fetches nothing: a local HTTP server counts the requests its {@code
   * <img src>} would make.
   */
  @Test
  void aProcessNamedInHtmlShowsAsTextAndFetchesNothing() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    http.start();
    Path dir = Files.createTempDirectory("psinfo-hostile");
    Process hostile = null;
    try {
      String payload =
          "<html><img src=http://127.0.0.1:"
              + http.getAddress().getPort()
              + "/b.png><h1>INJECTED</h1>";
      // the name (comm) is the executable's file name: a link called <html><h1>INJECTED
      Path link = dir.resolve("<html><h1>INJECTED");
      Files.createSymbolicLink(link, sleepBinary());
      hostile =
          Spawned.start(
              new ProcessBuilder(
                      "bash", "-c", "exec -a \"$0\" \"$1\" 600", payload, link.toString())
                  .redirectErrorStream(true));
      long hostilePid = hostile.pid();
      try (ChildJvm child = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
        String window = startJConsole(child.pid());
        acceptInsecureConnection(window, "psinfo-jconsole: tabs ");
        int[] processes = header("Processes");
        click(processes[0], processes[1]);
        awaitLine(l -> l.startsWith("psinfo-jconsole: Processes tab updated: "), 120);
        String filterAt =
            awaitLine(l -> l.startsWith("psinfo-jconsole: filter at "), 120)
                .replaceAll(".* at ", "");
        String[] xy = filterAt.split(",");
        click(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
        xdotool("type", "--delay", "60", "INJEC");
        awaitLine(l -> l.startsWith("psinfo-jconsole: Processes tab filtered 'INJEC': "), 120);
        // the next update traces where the rows are: click the hostile one
        int from = trace().size();
        String rows =
            awaitLine(
                from,
                l -> l.startsWith("psinfo-jconsole: Processes rows " + hostilePid + "@"),
                120);
        Matcher at = Pattern.compile(hostilePid + "@(\\d+),(\\d+)").matcher(rows);
        assertThat(at.find()).as(rows).isTrue();
        click(Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
        awaitLine(
            l -> l.contains("Processes tab updated: ") && l.contains("selected pid " + hostilePid),
            120);
        // a few more updates: the one that made 38 requests in 95 s made one per refresh
        for (int i = 0; i < 3; i++) {
          awaitLine(trace().size(), l -> l.contains("Processes tab updated: "), 120);
        }
        String args = awaitLine(l -> l.startsWith("psinfo-jconsole: Processes selected args "), 5);
        assertThat(args).endsWith(" chars) " + payload + " 600");
        assertThat(awaitLine(l -> l.startsWith("psinfo-jconsole: Processes html views "), 5))
            .endsWith("views 0");
        screenshotWindow(window, "hostile.png");
        assertThat(requests.get()).as("requests JConsole made to the <img src> URL").isZero();
        assertNoExceptions();
      }
    } finally {
      if (hostile != null) {
        hostile.destroyForcibly();
      }
      http.stop(0);
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static Path sleepBinary() {
    for (String candidate : List.of("/bin/sleep", "/usr/bin/sleep")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new AssertionError("no sleep binary");
  }

  @Test
  void aJvmWithoutTheAgentGetsATabThatSaysHowToAttachIt() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      String window = startJConsole(child.pid());
      acceptInsecureConnection(window, "psinfo-jconsole: tabs ");
      assertThat(awaitLine(l -> l.contains("psinfo-jconsole: tabs "), 5)).endsWith("tabs psinfo");
      int[] tab = header("psinfo");
      click(tab[0], tab[1]);
      awaitLine(l -> l.equals("psinfo-jconsole: psinfo tab: absent, " + child.pid()), 120);
      Thread.sleep(1_500);
      screenshotWindow(window, "absent.png");

      // attached later, the same tab shows the views on the next update
      child.loadAgent("");
      awaitLine(
          l -> l.equals("psinfo-jconsole: psinfo tab: MBeans present, showing the views"), 120);
      assertNoExceptions();
    }
  }

  private String startJConsole(long pid, String... options) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(jconsoleBinary().toString());
    cmd.add("-J-Dpsinfo.jconsole.trace=" + traceFile);
    cmd.addAll(List.of(options));
    cmd.add("-pluginpath");
    cmd.add(ChildJvm.agentJar().toAbsolutePath().toString());
    cmd.add(Long.toString(pid));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    jconsole = Spawned.start(pb);
    jconsole.getOutputStream().close();
    ChildJvm.pump(jconsole.getInputStream(), launcherOut);
    String window = xdotool("search", "--sync", "--name", "Java Monitoring").trim();
    return window.lines().findFirst().orElseThrow();
  }

  /**
   * A local connection through the attach mechanism first tries SSL and asks (an internal dialog,
   * centred where JConsole's default 900x750 window puts it) whether to retry without. Clicks its
   * "Insecure connection" button until the plugin says it made its tabs (for up to three minutes: a
   * JConsole that starts at load 20 on 2 cores may need more than the six tries that used to be
   * all).
   */
  private void acceptInsecureConnection(String window, String connectedLine) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (seen(l -> l.contains(connectedLine))) {
        return;
      }
      Thread.sleep(2_000);
      if (seen(l -> l.contains(connectedLine))) {
        return;
      }
      int[] origin = geometry(window);
      click(origin[0] + 363, origin[1] + 202);
      Thread.sleep(3_000);
    }
    screenshot("no-connection.png");
    throw new AssertionError("JConsole never connected; the plugin traced " + trace());
  }

  /**
   * The {@code jconsole} launcher sends everything JConsole prints (an exception's stack trace
   * above all) to a window, "JConsole: Output", that it opens on the first line; the plugin traces
   * to a file, so that window must never exist. The screenshot shows what it said.
   */
  private void assertNoExceptions() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("xdotool", "search", "--name", "JConsole: Output")
            .redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    Process p = Spawned.start(pb);
    String windows = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(30, TimeUnit.SECONDS);
    if (!windows.isEmpty()) {
      screenshot("jconsole-output.png");
    }
    assertThat(windows)
        .as("JConsole printed something (see target/jconsole-it/jconsole-output.png)")
        .isEmpty();
    assertThat(List.copyOf(launcherOut))
        .as("the jconsole launcher's own output")
        .noneMatch(l -> l.contains("Exception") || l.contains("Error") || l.startsWith("\tat "));
  }

  private static Path jconsoleBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "jconsole");
  }
}
