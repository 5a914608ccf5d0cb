package dev.psinfo.jmx;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users totals and start/exit notifications, locally and through a real RMI connector. */
class ProcessEventsTest {
  private static final ObjectName NAME = name("psinfo:type=ProcessTable");

  private final FakeProbe probe =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  process(5, 1, "alice", "java", "java -jar a.jar", 30, 300),
                  process(7, 5, "alice", "db", "db", 20, 500)))
          .then(
              1000,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  process(5, 1, "alice", "java", "java -jar a.jar", 30, 300),
                  process(9, 5, "bob", "make", "make all", 0, 50)));
  private JMXConnectorServer connectorServer;

  private ProcessTable table(ProcessFilter filter, int maxRows) {
    // ttl 0: every poll scans, taking the next table of the script
    ProcessSampler sampler =
        new ProcessSampler(probe, filter, null, Duration.ZERO, System::nanoTime);
    return new ProcessTable(sampler, maxRows, ExportOrder.CPU, null, Duration.ofMillis(20));
  }

  @AfterEach
  void stop() throws Exception {
    if (connectorServer != null) {
      connectorServer.stop();
    }
  }

  @Test
  void usersAddUpTheShownRowsBeforeMaxRows() throws Exception {
    ProcessTable t = table(ProcessFilter.ALL, 1);
    TabularData users = (TabularData) t.getAttribute("Users");
    assertThat(users.getTabularType().getIndexNames()).containsExactly("user");
    CompositeData alice = users.get(new Object[] {"alice"});
    assertThat(alice.get("processCount")).isEqualTo(2);
    assertThat(alice.get("rssBytes")).isEqualTo(800L);
    assertThat(alice.get("cpuTimeMillis")).isEqualTo(50L);
    assertThat(alice.get("threadCount")).isEqualTo(4L);
    assertThat(users.get(new Object[] {"root"}).get("processCount")).isEqualTo(1);
    assertThat(users.size()).isEqualTo(2);
    assertThat(((TabularData) t.getAttribute("Processes")).size()).isEqualTo(1);
    // the filter applies
    ProcessTable rootOnly = table(new ProcessFilter(null, null, Set.of("root")), 0);
    assertThat(((TabularData) rootOnly.getAttribute("Users")).size()).isEqualTo(1);
  }

  @Test
  void theInfoDescribesBothNotifications() {
    MBeanNotificationInfo[] infos = table(ProcessFilter.ALL, 0).getMBeanInfo().getNotifications();
    assertThat(infos).hasSize(1);
    assertThat(infos[0].getNotifTypes())
        .containsExactly("psinfo.process.started", "psinfo.process.exited");
  }

  @Test
  void aListenerHearsStartAndExitWithTheRowsAndThePollerRunsOnlyWhileSomeoneListens()
      throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ProcessTable t = table(ProcessFilter.ALL, 0);
    server.registerMBean(t, NAME);
    assertThat(t.polling()).isFalse();
    assertThat(probe.scans()).isZero();
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    NotificationListener listener = (n, handback) -> heard.add(n);
    server.addNotificationListener(NAME, listener, null, null);
    assertThat(t.polling()).isTrue();
    Notification first = heard.poll(30, TimeUnit.SECONDS);
    Notification second = heard.poll(30, TimeUnit.SECONDS);
    assertThat(List.of(first, second))
        .extracting(Notification::getType)
        .containsExactlyInAnyOrder("psinfo.process.started", "psinfo.process.exited");
    Notification started = first.getType().endsWith("started") ? first : second;
    Notification exited = first == started ? second : first;
    assertThat(started.getMessage()).isEqualTo("started pid 9 (make, user bob)");
    assertThat(exited.getMessage()).isEqualTo("exited pid 7 (db, user alice)");
    assertThat(started.getSource()).isEqualTo(NAME);
    CompositeData row = (CompositeData) started.getUserData();
    assertThat(row.getCompositeType()).isEqualTo(ProcessRows.ROW_TYPE);
    assertThat(row.get("args")).isEqualTo("make all");
    assertThat(((CompositeData) exited.getUserData()).get("rssBytes")).isEqualTo(500L);
    assertThat(exited.getSequenceNumber()).isNotEqualTo(started.getSequenceNumber());

    server.removeNotificationListener(NAME, listener);
    assertThat(t.polling()).isFalse();
    awaitNoThread(ProcessEvents.POLLER_NAME);
    int scans = probe.scans();
    Thread.sleep(200); // ten intervals: nobody listens, nothing is scanned
    assertThat(probe.scans()).isEqualTo(scans);
  }

  @Test
  void aRemoteListenerOverRmi() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    // pid 9 starts and exits again and again: the JDK's client only hears notifications sent after
    // its first fetch, which on a busy host may come after the first start
    List<dev.psinfo.probe.ProcessInfo> without =
        List.of(process(1, 0, "root", "init", "/sbin/init", 10, 100));
    List<dev.psinfo.probe.ProcessInfo> with =
        List.of(
            process(1, 0, "root", "init", "/sbin/init", 10, 100),
            process(9, 1, "bob", "make", "make all", 0, 50));
    FakeProbe churn = new FakeProbe();
    for (int i = 0; i < 5_000; i++) {
      churn.then(1000, i % 2 == 0 ? without : with);
    }
    ProcessTable t =
        new ProcessTable(
            new ProcessSampler(churn, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime),
            0,
            ExportOrder.CPU,
            null,
            Duration.ofMillis(20));
    server.registerMBean(t, NAME);
    connectorServer =
        JMXConnectorServerFactory.newJMXConnectorServer(
            new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, server);
    connectorServer.start();
    CountDownLatch started = new CountDownLatch(1);
    NotificationListener listener =
        (n, handback) -> {
          if (n.getType().equals("psinfo.process.started")
              && ((CompositeData) n.getUserData()).get("pid").equals(9L)) {
            started.countDown();
          }
        };
    try (JMXConnector c = JMXConnectorFactory.connect(connectorServer.getAddress())) {
      MBeanServerConnection remote = c.getMBeanServerConnection();
      remote.addNotificationListener(NAME, listener, null, null);
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
      remote.removeNotificationListener(NAME, listener);
    }
    // the JDK's connector server listens to every emitter on behalf of all its clients from the
    // first remote subscription until it stops, so the poller runs on until then
    assertThat(t.polling()).isTrue();
    connectorServer.stop();
    connectorServer = null;
    awaitNoThread(ProcessEvents.POLLER_NAME);
    assertThat(t.polling()).isFalse();
  }

  @Test
  void unregisteringStopsThePoller() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ProcessTable t = table(ProcessFilter.ALL, 0);
    server.registerMBean(t, NAME);
    server.addNotificationListener(NAME, (n, h) -> {}, null, null);
    assertThat(t.polling()).isTrue();
    server.unregisterMBean(NAME);
    assertThat(t.polling()).isFalse();
    awaitNoThread(ProcessEvents.POLLER_NAME);
  }

  @Test
  void everyNotificationSerialisesWithAnObjectNameSourceEvenBeforeRegistration() throws Exception {
    // a listener added on the object itself: the source was the ProcessTable, not serialisable
    ProcessTable t = table(ProcessFilter.ALL, 0);
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    t.addNotificationListener((n, handback) -> heard.add(n), null, null);
    List<Notification> both =
        List.of(heard.poll(30, TimeUnit.SECONDS), heard.poll(30, TimeUnit.SECONDS));
    t.postDeregister();
    assertThat(both).doesNotContainNull();
    for (Notification n : both) {
      Notification back = (Notification) deserialise(serialise(n));
      assertThat(back.getType()).isEqualTo(n.getType());
      assertThat(back.getSource()).isEqualTo(NAME);
      assertThat(back.getMessage()).isEqualTo(n.getMessage());
      assertThat(back.getUserData()).isEqualTo(n.getUserData());
      assertThat(back.getUserData().getClass())
          .isEqualTo(javax.management.openmbean.CompositeDataSupport.class);
    }
  }

  @Test
  void aNotificationIsBoundedInBytesAndItsMessageIsEscaped() throws Exception {
    String huge = "java -cp " + "x".repeat(64 * 1024);
    FakeProbe churn =
        new FakeProbe()
            .then(0, List.of(process(1, 0, "root", "init", "/sbin/init", 10, 100)))
            .then(
                1000,
                List.of(
                    process(1, 0, "root", "init", "/sbin/init", 10, 100),
                    process(
                        2,
                        1,
                        "root\u202Egnp.exe",
                        "\u001b]0;PWN\u0007\u009b2J\u009d",
                        huge,
                        1,
                        1)));
    ProcessTable t =
        new ProcessTable(
            new ProcessSampler(churn, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime),
            0,
            ExportOrder.CPU,
            null,
            Duration.ofMillis(20));
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    t.addNotificationListener((n, handback) -> heard.add(n), null, null);
    Notification started = heard.poll(30, TimeUnit.SECONDS);
    t.postDeregister();
    assertThat(started).isNotNull();
    CompositeData row = (CompositeData) started.getUserData();
    assertThat((String) row.get("args")).hasSize(ProcessEvents.ARGS_CHARS).startsWith("java -cp x");
    assertThat(row.get("argsTruncated")).isEqualTo(true);
    assertThat(row.get("pid")).isEqualTo(2L);
    // the bean's own rows stay exact
    assertThat(((CompositeData) t.invoke("process", new Object[] {2L}, null)).get("args"))
        .isEqualTo(huge);
    assertThat(serialise(started).length).as("serialised bytes").isLessThan(8 * 1024);
    assertThat(started.getMessage())
        .isEqualTo("started pid 2 (\\u001b]0;PWN\\u0007\\u009b2J\\u009d, user root\\u202egnp.exe)");
    assertThat(dev.psinfo.text.Printable.firstUnsafe(started.getMessage())).isEqualTo(-1);
  }

  @Test
  void aSlowListenerKeepsABoundedQueueAndTheDroppedCountSaysSo() throws Exception {
    // every scan replaces 200 processes with 64 KB arguments: 400 notifications a poll
    String args = "x".repeat(64 * 1024); // one instance, so the test itself stays small
    FakeProbe churn = new FakeProbe();
    for (int scan = 0; scan < 40; scan++) {
      List<dev.psinfo.probe.ProcessInfo> table = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        table.add(process(scan * 1000 + i + 1, 1, "u", "p", args, 0, 0));
      }
      churn.then(1000, table);
    }
    ProcessTable t =
        new ProcessTable(
            new ProcessSampler(churn, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime),
            0,
            ExportOrder.CPU,
            null,
            Duration.ofMillis(100));
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(t, NAME);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicLong slowHeard = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong fastHeard = new java.util.concurrent.atomic.AtomicLong();
    NotificationListener slow =
        (n, handback) -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          slowHeard.incrementAndGet();
        };
    server.addNotificationListener(NAME, slow, null, null);
    server.addNotificationListener(NAME, (n, h) -> fastHeard.incrementAndGet(), null, null);
    long maxQueued = 0;
    while (churn.scans() < 40) {
      maxQueued = Math.max(maxQueued, t.events().queuedBytes());
      Thread.sleep(5);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (fastHeard.get() < 39 * 400 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // the fast listener heard everything: the slow one held up neither it nor the poller
    assertThat(fastHeard.get()).isEqualTo(39 * 400);
    assertThat(maxQueued).isLessThanOrEqualTo(2 * ProcessEvents.QUEUE_BYTES);
    long dropped = (Long) server.getAttribute(NAME, "DroppedNotifications");
    assertThat(dropped).isPositive();
    release.countDown();
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (slowHeard.get() + dropped < 39 * 400 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // what the slow listener did not get was dropped and counted, nothing else was lost
    assertThat(slowHeard.get() + dropped).isEqualTo(39 * 400);
    assertThat(slowHeard.get() * (1024 + 2 * 1024)).isLessThan(2 * ProcessEvents.QUEUE_BYTES);
    server.unregisterMBean(NAME);
  }

  @Test
  void aThrowingListenerOrAnOutOfMemoryPollPrintsOneLineAndTheThreadsGoOn() throws Exception {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    java.util.concurrent.atomic.AtomicInteger polls =
        new java.util.concurrent.atomic.AtomicInteger();
    CompositeData a =
        ProcessRows.row(
            new dev.psinfo.sampling.ProcessSample(process(1, 0, "r", "a", "a", 0, 0), 0));
    CompositeData b =
        ProcessRows.row(
            new dev.psinfo.sampling.ProcessSample(process(2, 0, "r", "b", "b", 0, 0), 0));
    ProcessEvents events =
        new ProcessEvents(
            () -> {
              int i = polls.incrementAndGet();
              if (i == 2 || i == 4) {
                throw new OutOfMemoryError("Java heap space (test)");
              }
              return i % 2 == 1 ? new CompositeData[] {a} : new CompositeData[] {a, b};
            },
            Duration.ofMillis(10),
            () -> NAME);
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      events.add(
          (n, h) -> {
            throw new OutOfMemoryError("listener (test)");
          },
          null,
          null);
      events.add((n, h) -> heard.add(n), null, null);
      Notification n = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (n == null && System.nanoTime() < deadline) {
        n = heard.poll(100, TimeUnit.MILLISECONDS);
      }
      assertThat(n).as("a notification after two failed polls").isNotNull();
      assertThat(events.polling()).isTrue();
    } finally {
      events.stop();
      System.setErr(old);
    }
    String printed = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(printed).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(printed.lines()).allMatch(l -> l.startsWith("psinfo-jmx WARN [ProcessEvents]"));
    assertThat(printed.lines().count()).isBetween(1L, 2L);
  }

  private static byte[] serialise(Object o) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static Object deserialise(byte[] bytes) throws Exception {
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  static void awaitNoThread(String name) throws InterruptedException {
    for (int i = 0; i < 500 && threadNamed(name); i++) {
      Thread.sleep(20);
    }
    assertThat(threadNamed(name)).as("thread " + name + " still running").isFalse();
  }

  private static boolean threadNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  private static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
