package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host that installs its own {@code java.util.logging} manager after start-up, as WildFly does
 * through jboss-modules: by default the agent waits for it, so the host's manager is the one in
 * effect and the MBeans are registered; {@code registerDelay=0} (the old default) shows the break.
 */
@Timeout(120)
class HostLoggingIT {
  private static final String HOSTS = "org.jboss.modules.Main";
  private static final String HOST_MANAGER = HOSTS + "$HostLogManager";

  @Test
  void theHostsLogManagerIsInEffectAndTheBeansAreRegistered() throws Exception {
    List<String> err = new ArrayList<>();
    List<String> out = run("log=info", "300", err);
    assertThat(out).contains("LOGMANAGER " + HOST_MANAGER);
    assertThat(err)
        .anyMatch(l -> l.contains("waits for the host's java.util.logging"))
        .anyMatch(l -> l.contains("registered psinfo:type=ProcessTable"));
  }

  @Test
  void registeringAtOnceBreaksSuchAHost() throws Exception {
    // the explicit knob still means what it says; the host waits long enough to lose the race
    List<String> err = new ArrayList<>();
    List<String> out = run("log=info,registerDelay=0", "3000", err);
    assertThat(out).contains("LOGMANAGER java.util.logging.LogManager");
  }

  /** Runs the host until READY and the agent's outcome, then closes it; returns its stdout. */
  private static List<String> run(String agentOptions, String hostDelayMillis, List<String> err)
      throws Exception {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-javaagent:" + ChildJvm.agentJar() + "=" + agentOptions,
            "-cp",
            Path.of("target", "test-classes").toString(),
            HOSTS,
            hostDelayMillis);
    Process p = Spawned.start(new ProcessBuilder(cmd));
    List<String> out = new ArrayList<>();
    Thread errReader = drain(p, err, true);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
        if (line.startsWith("READY ")) {
          break;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && !outcome(err)) {
        Thread.sleep(20);
      }
    } finally {
      p.getOutputStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        Spawned.killTree(p);
      }
      errReader.join(5000);
    }
    return out;
  }

  private static boolean outcome(List<String> err) {
    synchronized (err) {
      return err.stream().anyMatch(l -> l.contains("registered psinfo:type=ProcessTable"));
    }
  }

  private static Thread drain(Process p, List<String> lines, boolean stderr) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(
                          stderr ? p.getErrorStream() : p.getInputStream(),
                          StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            },
            "host-logging-it-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
