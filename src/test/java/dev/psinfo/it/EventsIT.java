package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Start and exit notifications of a real child JVM's process table, heard over its real remote JMX
 * connector (the JDK's own {@code com.sun.management.jmxremote} on a loopback port).
 */
@EnabledOnOs(OS.LINUX)
class EventsIT {
  private static final String POLLER = "psinfo-jmx-events";

  @Test
  void aRemoteListenerHearsAShortLivedProcessStartAndExitWithItsRow() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> jvm =
        List.of(
            "-javaagent:" + ChildJvm.agentJar() + "=ttl=500ms,eventInterval=1s",
            "-Dcom.sun.management.jmxremote.port=" + port,
            "-Dcom.sun.management.jmxremote.host=127.0.0.1",
            "-Dcom.sun.management.jmxremote.rmi.port=" + port,
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false");
    try (ChildJvm child = ChildJvm.start(jvm)) {
      // a second connection that never listens: it watches the child's threads
      MBeanServerConnection watcher = child.jmx();
      ThreadMXBean threads =
          JMX.newMXBeanProxy(
              watcher, new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME), ThreadMXBean.class);
      assertThat(hasThread(threads, POLLER)).isFalse();

      BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
      NotificationListener listener = (n, handback) -> heard.add(n);
      JMXServiceURL url =
          new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
      List<String> warned = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.logging.Logger clientLog =
          java.util.logging.Logger.getLogger("javax.management.remote.misc");
      java.util.logging.Handler warnings =
          new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
              if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                warned.add(r.getMessage());
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      clientLog.addHandler(warnings);
      try (JMXConnector remote = JMXConnectorFactory.connect(url);
          MarkedProcesses shortLived = new MarkedProcesses()) {
        MBeanServerConnection jmx = remote.getMBeanServerConnection();
        jmx.addNotificationListener(ChildJvmNames.TABLE, listener, null, null);
        assertThat(hasThread(threads, POLLER)).isTrue();
        // the first poll learns the table; a process started after it is new
        awaitScans(watcher, 1);
        shortLived.start(1, 4);
        long pid = shortLived.pids().get(0);
        Notification started = awaitFor(heard, "psinfo.process.started", pid);
        CompositeData row = (CompositeData) started.getUserData();
        assertThat(row.get("name")).isEqualTo("sh");
        assertThat((String) row.get("args")).contains(shortLived.marker);
        assertThat(row.get("user")).isEqualTo(System.getProperty("user.name"));
        assertThat(row.getCompositeType().keySet()).contains("rssBytes", "startTimeMillis");
        assertThat(started.getMessage())
            .isEqualTo(
                "started pid " + pid + " (sh, user " + System.getProperty("user.name") + ")");
        assertThat(started.getSource()).isEqualTo(ChildJvmNames.TABLE);

        shortLived.processes().get(0).waitFor(30, TimeUnit.SECONDS);
        Notification exited = awaitFor(heard, "psinfo.process.exited", pid);
        assertThat(((CompositeData) exited.getUserData()).get("startTimeMillis"))
            .isEqualTo(row.get("startTimeMillis"));
        assertThat(exited.getMessage()).startsWith("exited pid " + pid + " (sh, user ");

        // a process with a 64 KB argument: its notifications carry 1,024 characters of it
        Process longArgs =
            Spawned.start(
                new ProcessBuilder(
                        "/bin/sh", "-c", "sleep 4; true", shortLived.marker + "x".repeat(64 * 1024))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD));
        try {
          Notification longStarted = awaitFor(heard, "psinfo.process.started", longArgs.pid());
          CompositeData longRow = (CompositeData) longStarted.getUserData();
          assertThat((String) longRow.get("args")).hasSize(1024).contains(shortLived.marker);
          assertThat(longRow.get("argsTruncated")).isEqualTo(true);
          assertThat(longArgs.waitFor(60, TimeUnit.SECONDS)).isTrue();
          awaitFor(heard, "psinfo.process.exited", longArgs.pid());
        } finally {
          Spawned.killTree(longArgs);
        }
        jmx.removeNotificationListener(ChildJvmNames.TABLE, listener);
      } finally {
        clientLog.removeHandler(warnings);
      }
      // the JDK's client says "Failed to deserialize a notification" when it skips one
      assertThat(warned).as("the JMX client's warnings").isEmpty();
      // The JDK's connector server listens to every emitter for all its clients until it stops:
      // stop it (jcmd ManagementAgent.stop) and the poller ends with it.
      Process jcmd =
          Spawned.start(
              new ProcessBuilder(
                      java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd")
                          .toString(),
                      Long.toString(child.pid()),
                      "ManagementAgent.stop")
                  .redirectErrorStream(true));
      String said =
          new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(jcmd.exitValue()).as(said).isZero();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (hasThread(threads, POLLER) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(hasThread(threads, POLLER)).as("poller thread after the last listener").isFalse();
      assertThat(child.stop()).isZero();
    }
  }

  private static Notification awaitFor(BlockingQueue<Notification> heard, String type, long pid)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Notification n = heard.poll(1, TimeUnit.SECONDS);
      if (n != null
          && n.getType().equals(type)
          && ((CompositeData) n.getUserData()).get("pid").equals(pid)) {
        return n;
      }
    }
    throw new AssertionError("no " + type + " for pid " + pid);
  }

  private static void awaitScans(MBeanServerConnection jmx, long scans) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((Long) jmx.getAttribute(ChildJvmNames.AGENT, "Scans") < scans
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static boolean hasThread(ThreadMXBean threads, String name) {
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .anyMatch(t -> t != null && t.getThreadName().equals(name));
  }
}
