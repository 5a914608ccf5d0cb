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
    ProcessTable t = table(ProcessFilter.ALL, 0);
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
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
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
