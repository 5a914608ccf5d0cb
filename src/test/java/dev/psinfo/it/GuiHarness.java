package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;

/**
 * What the GUI tests of the plugin (JConsole's and VisualVM's) share: a private X display (Xvfb,
 * {@code -displayfd}, so parallel builds never clash), xdotool to find, move and click windows,
 * ImageMagick's {@code import} for pictures, and the views' trace file ({@code
 * -Dpsinfo.jconsole.trace=FILE}), which says where the tab headers are on the screen and what each
 * view showed. Each test gets its own display, started by {@link #startXvfb} and stopped after the
 * test (after the subclass's own {@code @AfterEach} has stopped its application).
 */
abstract class GuiHarness {
  private static final Pattern HEADER =
      Pattern.compile("psinfo-jconsole: header (\\S+) at (\\d+),(\\d+)");

  /** Where the pictures, the trace and any other files of the test go. */
  final Path shots;

  /** What the application's launcher wrote (pumped by the subclass). */
  final List<String> launcherOut = Collections.synchronizedList(new ArrayList<>());

  /** The X display, {@code :N}; null until {@link #startXvfb}. */
  String display;

  /** The views' trace file (absolute: the application runs in another directory). */
  Path traceFile;

  private Process xvfb;

  GuiHarness(Path shots) {
    this.shots = shots;
  }

  /**
   * Skips the test on a developer's machine where a tool is missing, and fails it in CI ({@code
   * CI=true}), which never skips; {@code install} says how to get them.
   */
  static void requireTools(List<String> missing, String install) {
    String why = "missing " + missing + ": " + install + " (.ci/run does)";
    assumeTrue(missing.isEmpty() || "true".equals(System.getenv("CI")), why);
    assertThat(missing).as(why).isEmpty();
  }

  /** Those of {@code tools} (and Xvfb, xdotool, import) that are not on the PATH. */
  static List<String> missingTools(String... tools) {
    List<String> missing = new ArrayList<>();
    List<String> all = new ArrayList<>(List.of(tools));
    all.addAll(List.of("Xvfb", "xdotool", "import"));
    for (String tool : all) {
      if (!onPath(tool)) {
        missing.add(tool);
      }
    }
    return missing;
  }

  /** Starts this test's X display and names its trace file. */
  void startXvfb() throws IOException {
    Files.createDirectories(shots);
    traceFile = shots.resolve("trace-" + System.nanoTime() + ".log").toAbsolutePath();
    xvfb =
        Spawned.start(
            new ProcessBuilder(
                    "Xvfb", "-displayfd", "1", "-screen", "0", "1280x860x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD));
    BufferedReader r =
        new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
    String number = r.readLine();
    assertThat(number).as("Xvfb did not say its display").isNotNull().matches("\\d+");
    display = ":" + number;
  }

  @AfterEach
  void stopXvfb() {
    if (xvfb != null) {
      xvfb.destroy();
    }
  }

  /** The views' trace lines so far. */
  List<String> trace() throws IOException {
    return traceFile != null && Files.exists(traceFile)
        ? Files.readAllLines(traceFile, StandardCharsets.UTF_8)
        : List.of();
  }

  /** True when a trace line so far matches. */
  boolean seen(Predicate<String> match) throws IOException {
    return trace().stream().anyMatch(match);
  }

  /** The latest trace line that matches, waiting up to {@code seconds} for one. */
  String awaitLine(Predicate<String> match, int seconds) throws Exception {
    return awaitLine(0, match, seconds);
  }

  /**
   * The latest trace line from line {@code from} on that matches, waiting up to {@code seconds} for
   * one; else a picture of the screen ({@code timeout.png}) and an error with the whole trace.
   */
  String awaitLine(int from, Predicate<String> match, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      List<String> lines = trace();
      for (int i = lines.size() - 1; i >= from; i--) {
        if (match.test(lines.get(i))) {
          return lines.get(i);
        }
      }
      Thread.sleep(100);
    }
    if (display != null) {
      screenshot("timeout.png");
    }
    throw new AssertionError(
        "the views never traced the expected line; they traced "
            + trace()
            + "; the launcher said "
            + List.copyOf(launcherOut));
  }

  /** The latest screen position of a tab header, as the views traced it on their next update. */
  int[] header(String title) throws Exception {
    int from = trace().size();
    String line =
        awaitLine(from, l -> l.startsWith("psinfo-jconsole: header " + title + " at "), 120);
    Matcher m = HEADER.matcher(line);
    assertThat(m.find()).isTrue();
    return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  /** A window's x, y, width and height, as xdotool reports them. */
  int[] geometry(String window) throws Exception {
    String out = xdotool("getwindowgeometry", window);
    Matcher p = Pattern.compile("Position: (-?\\d+),(-?\\d+)").matcher(out);
    Matcher g = Pattern.compile("Geometry: (\\d+)x(\\d+)").matcher(out);
    assertThat(p.find() && g.find()).as(out).isTrue();
    return new int[] {
      Integer.parseInt(p.group(1)),
      Integer.parseInt(p.group(2)),
      Integer.parseInt(g.group(1)),
      Integer.parseInt(g.group(2))
    };
  }

  void click(int x, int y) throws Exception {
    xdotool("mousemove", Integer.toString(x), Integer.toString(y), "click", "1");
  }

  /** A picture of the whole screen into {@link #shots}. */
  void screenshot(String name) throws Exception {
    screenshotWindow("root", name);
  }

  /** A picture of one window alone, at the size it has, into {@link #shots}. */
  void screenshotWindow(String window, String name) throws Exception {
    run(List.of("import", "-window", window, shots.resolve(name).toString()));
  }

  String xdotool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("xdotool");
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  /** Runs {@code cmd} on this display; its output (standard error included); fails unless 0. */
  String run(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    Process p = Spawned.start(pb);
    p.getOutputStream().close();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      Spawned.killTree(p);
      throw new AssertionError("timed out: " + cmd);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s said %s", cmd, text).isZero();
    return text;
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
