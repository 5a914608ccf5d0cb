package dev.psinfo.bench;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.OptionsParser;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.platform.Platforms;
import dev.psinfo.sampling.ProcessSampler;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Heap that start/exit notifications cost while processes with 64 KB arguments churn (about 40
 * starts and 40 exits a second), with {@code eventInterval=1s}: mode {@code slow}, one in-process
 * listener that takes 200 ms per notification; mode {@code remote}, a remote client that subscribes
 * over an RMI connector and leaves (the JDK's connector server then listens on for good). Prints
 * the used heap after a full GC every 10 s, the dropped count and whether the agent's threads live.
 *
 * <pre>
 * java -Xmx256m -cp target/classes:$(cat /tmp/cp.txt) \
 *     benchmarks/src/main/java/dev/psinfo/bench/NotificationChurn.java slow 60
 * </pre>
 */
public final class NotificationChurn {
  private static final AtomicLong WARNINGS = new AtomicLong();
  private static final java.util.Set<Long> EXITED = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final java.util.Set<Long> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final java.util.Set<Long> OURS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private NotificationChurn() {}

  public static void main(String[] a) throws Exception {
    String mode = a.length > 0 ? a[0] : "slow";
    int seconds = a.length > 1 ? Integer.parseInt(a[1]) : 60;
    var options = OptionsParser.parse("ttl=500ms");
    ProcessSampler sampler = ProcessSampler.of(Platforms.of(options).processProbe(), options);
    ProcessTable table = new ProcessTable(sampler, 0, ExportOrder.CPU, null, Duration.ofSeconds(1));
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName("psinfo:type=ProcessTable");
    server.registerMBean(table, name);
    AtomicLong heard = new AtomicLong();
    JMXConnectorServer connectorServer = null;
    long before = used();
    if (mode.equals("slow")) {
      server.addNotificationListener(
          name,
          (n, h) -> {
            heard.incrementAndGet();
            try {
              Thread.sleep(200);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          },
          null,
          null);
    } else if (mode.equals("remote-stay")) {
      // a remote client that stays: counts the exits of the processes started here and every
      // warning the JDK's client logs (e.g. "Failed to deserialize a notification")
      java.util.logging.Logger jmxLog = java.util.logging.Logger.getLogger("javax.management.remote.misc");
      jmxLog.addHandler(
          new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
              if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                WARNINGS.incrementAndGet();
                System.out.println("client warning: " + r.getMessage());
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
      connectorServer =
          JMXConnectorServerFactory.newJMXConnectorServer(
              new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, server);
      connectorServer.start();
      JMXConnector c = JMXConnectorFactory.connect(connectorServer.getAddress());
      c.getMBeanServerConnection()
          .addNotificationListener(
              name,
              (n, h) -> {
                heard.incrementAndGet();
                Long pid = (Long) ((javax.management.openmbean.CompositeData) n.getUserData()).get("pid");
                (n.getType().endsWith("exited") ? EXITED : STARTED).add(pid);
              },
              null,
              null);
    } else {
      connectorServer =
          JMXConnectorServerFactory.newJMXConnectorServer(
              new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, server);
      connectorServer.start();
      try (JMXConnector c = JMXConnectorFactory.connect(connectorServer.getAddress())) {
        javax.management.NotificationListener l = (n, h) -> heard.incrementAndGet();
        c.getMBeanServerConnection().addNotificationListener(name, l, null, null);
        Thread.sleep(2000);
        c.getMBeanServerConnection().removeNotificationListener(name, l);
      }
    }
    String arg = "x".repeat(64 * 1024);
    Deque<Process> running = new ArrayDeque<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long nextReport = System.nanoTime() + 10_000_000_000L;
    long started = 0;
    System.out.printf("mode %s, heap before %.1f MB%n", mode, before / 1e6);
    while (System.nanoTime() < end) {
      Process p = new ProcessBuilder(List.of("sh", "-c", "sleep 1", arg)).start();
      OURS.add(p.pid());
      running.add(p);
      started++;
      while (running.size() > 40) {
        running.poll().waitFor();
      }
      Thread.sleep(25);
      if (System.nanoTime() > nextReport) {
        nextReport += 10_000_000_000L;
        System.out.printf(
            "started %d, heard %d, dropped %d, heap %.1f MB, poller %b, dispatch %b%n",
            started,
            heard.get(),
            dropped(server, name),
            used() / 1e6,
            thread("psinfo-jmx-events"),
            thread("psinfo-jmx-notify"));
      }
    }
    for (Process p : running) {
      p.waitFor();
    }
    if (mode.equals("remote-stay")) {
      Thread.sleep(5000); // two polls and a fetch after the last exit
      long seen = OURS.stream().filter(STARTED::contains).count();
      long missed = OURS.stream().filter(STARTED::contains).filter(pid -> !EXITED.contains(pid)).count();
      System.out.printf(
          "our processes %d, starts heard %d, their exits missed %d, client warnings %d, heap %.1f"
              + " MB%n",
          OURS.size(), seen, missed, WARNINGS.get(), used() / 1e6);
    }
    if (connectorServer != null) {
      connectorServer.stop();
    }
  }

  static long dropped(MBeanServer server, ObjectName name) {
    try {
      return (Long) server.getAttribute(name, "DroppedNotifications");
    } catch (Exception e) {
      return -1; // before the attribute existed
    }
  }

  static boolean thread(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  static long used() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
