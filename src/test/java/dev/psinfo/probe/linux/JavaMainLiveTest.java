package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs started the four ways the launcher knows ({@code -cp … class}, {@code -jar},
 * {@code -m module/class}, an {@code @argfile} holding the options), read back from this machine's
 * {@code /proc}: each row's {@code javaMain}.
 */
@EnabledOnOs(OS.LINUX)
class JavaMainLiveTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void eachWayOfStartingAJvmShowsItsMain() throws Exception {
    Path src = dir.resolve("src/demo.app");
    Files.createDirectories(src.resolve("demo/app"));
    Files.writeString(src.resolve("module-info.java"), "module demo.app { exports demo.app; }");
    Files.writeString(
        src.resolve("demo/app/Wait.java"),
        "package demo.app; public class Wait { public static void main(String[] a) throws"
            + " Exception { System.out.println(\"up\"); System.out.flush();"
            + " while (System.in.read() >= 0) {} } }");
    Path classes = dir.resolve("classes");
    int javac =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                src.resolve("module-info.java").toString(),
                src.resolve("demo/app/Wait.java").toString());
    assertThat(javac).isZero();
    Path jar = dir.resolve("wait-1.0.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.app.Wait");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("demo/app/Wait.class"));
      out.write(Files.readAllBytes(classes.resolve("demo/app/Wait.class")));
      out.closeEntry();
    }
    Path argfile = dir.resolve("options.txt");
    Files.writeString(argfile, "-Xmx24m\n-cp \"" + classes + "\"\n");

    Map<Long, String> expected = new HashMap<>();
    expected.put(
        start(JAVA, "-Xmx24m", "-Dpsinfo.test=cp", "-cp", classes.toString(), "demo.app.Wait"),
        "demo.app.Wait");
    expected.put(start(JAVA, "-Xmx24m", "-jar", jar.toString(), "extra"), "wait-1.0.jar");
    expected.put(
        start(JAVA, "-Xmx24m", "-p", classes.toString(), "-m", "demo.app/demo.app.Wait"),
        "demo.app/demo.app.Wait");
    expected.put(start(JAVA, "@" + argfile, "demo.app.Wait", "arg"), "demo.app.Wait");
    // everything in the file, as IDEs write it: the main is in the unread file, and it says so
    Path whole = dir.resolve("all.txt");
    Files.writeString(whole, "-cp \"" + classes + "\"\ndemo.app.Wait\n");
    expected.put(start(JAVA, "-Xmx24m", "@" + whole), "@" + whole);

    LinuxProcessProbe probe =
        new LinuxProcessProbe(Path.of("/proc"), new UserNames(Path.of("/etc/passwd")));
    Map<Long, String> seen = new HashMap<>();
    // twice: the second scan answers from the kept command line of each JVM
    for (int scan = 0; scan < 2; scan++) {
      for (ProcessInfo p : probe.scan().processes()) {
        if (expected.containsKey(p.pid())) {
          seen.put(p.pid(), p.javaMain());
        }
        if (p.pid() == ProcessHandle.current().pid()) {
          assertThat(p.javaMain()).as(p.args()).isNotEmpty();
        }
        if (p.name().equals("sleep") || p.name().equals("bash")) {
          assertThat(p.javaMain()).as(p.args()).isEmpty();
        }
      }
      assertThat(seen).isEqualTo(expected);
    }
  }

  /** Starts a child that prints "up" once its main runs, waits for that, and returns its pid. */
  private long start(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    children.add(p);
    byte[] up = new byte[3];
    int n = 0;
    while (n < up.length) {
      int r = p.getInputStream().read(up, n, up.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    assertThat(new String(up, 0, n, StandardCharsets.UTF_8))
        .as(String.join(" ", command))
        .isEqualTo("up\n");
    OutputStream stdin = p.getOutputStream();
    assertThat(stdin).isNotNull(); // kept open: the child waits for its end
    return p.pid();
  }
}
