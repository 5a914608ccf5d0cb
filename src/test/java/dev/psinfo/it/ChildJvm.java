package dev.psinfo.it;

import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** A real child JVM running {@link HostApp}, with its output captured, for end-to-end tests. */
public final class ChildJvm implements Closeable {
  private final Process process;
  private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
  private final Thread outReader;
  private final Thread errReader;
  private JMXConnector connector;

  private ChildJvm(Process process) {
    this.process = process;
    this.outReader = pump(process.getInputStream(), stdout);
    this.errReader = pump(process.getErrorStream(), stderr);
  }

  /** The agent jar built by {@code package}. */
  public static Path agentJar() {
    return Path.of(System.getProperty("psinfo.agentJar", "target/psinfo-jmx-agent.jar"));
  }

  /** Where the dependency plugin put the external clients (jmx_exporter, jmxterm). */
  public static Path clients() {
    return Path.of(System.getProperty("psinfo.clients", "target/it-clients"));
  }

  /** Starts {@link HostApp} with these JVM options and app arguments; waits for READY. */
  public static ChildJvm start(List<String> jvmOptions, String... appArgs)
      throws IOException, InterruptedException {
    return start(jvmOptions, List.of(), appArgs);
  }

  /**
   * As {@link #start(List, String...)}, with more jars on the application's class path. Our agent's
   * {@code -javaagent} options get {@code log=info} unless they set {@code log=}, so that the agent
   * says when it has registered: the harness waits for that line, as a client would wait.
   */
  public static ChildJvm start(List<String> jvmOptions, List<Path> classPath, String... appArgs)
      throws IOException, InterruptedException {
    String agent = "-javaagent:" + agentJar();
    List<String> options = new ArrayList<>();
    for (String o : jvmOptions) {
      if (o.equals(agent)) {
        o = o + "=log=info";
      } else if (o.startsWith(agent + "=") && !o.contains("log=")) {
        o = o + ",log=info";
      }
      options.add(o);
    }
    ChildJvm child = startAsGiven(options, classPath, appArgs);
    boolean delayed = options.stream().anyMatch(o -> o.contains("registerDelay="));
    if (!delayed && options.stream().anyMatch(o -> o.startsWith(agent))) {
      // premain registers on a daemon thread: wait for its outcome, as a client would
      child.awaitAgentOutcome(60);
    }
    return child;
  }

  /**
   * Starts {@link HostApp} with exactly these JVM options (the agent's at their defaults, so
   * silent) and waits for READY only.
   */
  public static ChildJvm startAsGiven(
      List<String> jvmOptions, List<Path> classPath, String... appArgs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx64m");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    StringBuilder cp = new StringBuilder(Path.of("target", "test-classes").toString());
    for (Path p : classPath) {
      cp.append(java.io.File.pathSeparatorChar).append(p);
    }
    cmd.add(cp.toString());
    cmd.add(HostApp.class.getName());
    cmd.addAll(List.of(appArgs));
    ChildJvm child = new ChildJvm(Spawned.start(new ProcessBuilder(cmd)));
    child.awaitStdout("READY ", 60);
    return child;
  }

  public long pid() {
    return process.pid();
  }

  public List<String> stdout() {
    return List.copyOf(stdout);
  }

  public List<String> stderr() {
    return List.copyOf(stderr);
  }

  /** Waits until a stdout line starts with {@code prefix}; returns it. */
  public String awaitStdout(String prefix, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      synchronized (stdout) {
        for (String line : stdout) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
      }
      if (!process.isAlive() && !outReader.isAlive()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "child never printed '" + prefix + "'; stdout " + stdout + ", stderr " + stderr);
  }

  /**
   * Waits until the agent has said on stderr that it registered, was registered already, or stayed
   * off.
   */
  public void awaitAgentOutcome(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      synchronized (stderr) {
        for (String line : stderr) {
          if (line.contains("registered psinfo:type=ProcessTable")
              || line.contains("already registered")
              || line.contains("psinfo-jmx: agent not started")) {
            return;
          }
        }
      }
      if (!process.isAlive() && !errReader.isAlive()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the agent never reported its outcome; stderr " + stderr);
  }

  /** A JMX connection through the Attach API's local management agent (no port needed). */
  public MBeanServerConnection jmx() throws Exception {
    if (connector == null) {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid()));
      try {
        String address = vm.startLocalManagementAgent();
        connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      } finally {
        vm.detach();
      }
    }
    return connector.getMBeanServerConnection();
  }

  /** Loads the agent into the running child, as {@code attach} does. */
  public void loadAgent(String options) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid()));
    try {
      vm.loadAgent(agentJar().toAbsolutePath().toString(), options);
    } finally {
      vm.detach();
    }
  }

  /** Closes stdin so the app exits; returns its exit code. */
  public int stop() throws Exception {
    if (connector != null) {
      connector.close();
      connector = null;
    }
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      Spawned.killTree(process);
      throw new AssertionError("child did not exit");
    }
    outReader.join(5_000);
    errReader.join(5_000);
    return process.exitValue();
  }

  @Override
  public void close() {
    try {
      if (connector != null) {
        connector.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    Spawned.killTree(process);
  }

  /** Copies the stream's lines into {@code sink} on a daemon thread until it ends. */
  static Thread pump(java.io.InputStream in, List<String> sink) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  sink.add(line);
                }
              } catch (IOException e) {
                // the child went away
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
