package dev.psinfo.jmx;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.sampling.ArgsScrubber;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bean through a real RMI connector on loopback, read with a typed proxy and generically. */
class ProcessTableJmxTest {
  private static final ObjectName NAME = name("psinfo:type=ProcessTable");

  private MBeanServer server;
  private JMXConnectorServer connectorServer;
  private JMXConnector connector;
  private MBeanServerConnection connection;
  private FakeProbe probe;

  @BeforeEach
  void start() throws Exception {
    probe =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(1, 0, "root", "init", "/sbin/init", 10, 100),
                    process(5, 1, "alice", "bash", "-bash", 30, 300),
                    process(7, 5, "alice", "java", "java -Dpassword=hunter2 Main", 20, 500),
                    process(9, 7, "alice", "sh", "sh -c make", 0, 50),
                    process(11, 1, "bob", "top", "top " + "a".repeat(40), 40, 10)));
    ProcessSampler sampler =
        new ProcessSampler(
            probe,
            ProcessFilter.ALL,
            new ArgsScrubber(List.of()),
            Duration.ofSeconds(30),
            System::nanoTime);
    server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(
        new DescribedMBean<>(
            new ProcessTable(sampler, 0, ExportOrder.CPU), ProcessTableMXBean.class),
        NAME);
    connectorServer =
        JMXConnectorServerFactory.newJMXConnectorServer(
            new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, server);
    connectorServer.start();
    connector = JMXConnectorFactory.connect(connectorServer.getAddress());
    connection = connector.getMBeanServerConnection();
  }

  @AfterEach
  void stop() throws Exception {
    connector.close();
    connectorServer.stop();
  }

  @Test
  void typedProxyReadsTheTable() {
    ProcessTableMXBean proxy = JMX.newMXBeanProxy(connection, NAME, ProcessTableMXBean.class);
    Map<ProcessKey, ProcessRow> table = proxy.getProcesses();
    assertThat(table).hasSize(5);
    ProcessRow java = table.get(new ProcessKey(7, "java", "alice"));
    assertThat(java.ppid()).isEqualTo(5);
    assertThat(java.args()).isEqualTo("java -Dpassword=*** Main");
    assertThat(java.rssBytes()).isEqualTo(500);
    assertThat(java.vszBytes()).isEqualTo(-1);
    assertThat(proxy.getProcessCount()).isEqualTo(5);
    assertThat(proxy.topByMemory(2)).extracting(ProcessRow::pid).containsExactly(7L, 5L);
    assertThat(proxy.children(5)).extracting(ProcessRow::pid).containsExactly(7L, 9L);
    assertThat(proxy.byUser("bob")).extracting(ProcessRow::name).containsExactly("top");
    assertThat(proxy.find("make")).extracting(ProcessRow::pid).containsExactly(9L);
    assertThat(proxy.process(11).user()).isEqualTo("bob");
    assertThat(proxy.topByCpu(1)).hasSize(1);
    // all of the above came from one scan
    assertThat(probe.scans()).isEqualTo(1);
    assertThat(proxy.refresh()).isEqualTo(5);
    assertThat(probe.scans()).isEqualTo(2);
  }

  @Test
  void genericClientsSeeTabularDataIndexedByPidNameAndUser() throws Exception {
    TabularData table = (TabularData) connection.getAttribute(NAME, "Processes");
    assertThat(table.getTabularType().getIndexNames()).containsExactly("key");
    CompositeData row = table.get(new Object[] {keyOf(table, 7)});
    CompositeData value = (CompositeData) row.get("value");
    assertThat(value.get("name")).isEqualTo("java");
    assertThat(value.get("state")).isEqualTo("OTHER");
    assertThat(value.getCompositeType().keySet())
        .contains(
            "pid",
            "ppid",
            "pgid",
            "sid",
            "uid",
            "euid",
            "gid",
            "egid",
            "user",
            "name",
            "args",
            "argsTruncated",
            "state",
            "stateCode",
            "threads",
            "priority",
            "nice",
            "rssBytes",
            "vszBytes",
            "cpuTimeMillis",
            "userTimeMillis",
            "systemTimeMillis",
            "cpuPercent",
            "startTimeMillis");
    CompositeData[] top =
        (CompositeData[])
            connection.invoke(NAME, "topByCpu", new Object[] {3}, new String[] {"int"});
    assertThat(top).hasSize(3);
  }

  @Test
  void badArgumentsGetClearMessages() {
    ProcessTableMXBean proxy = JMX.newMXBeanProxy(connection, NAME, ProcessTableMXBean.class);
    assertThatThrownBy(() -> proxy.topByCpu(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be 1 or more: 0");
    assertThatThrownBy(() -> proxy.find("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid regex '(unclosed'");
    assertThatThrownBy(() -> proxy.find("(.*a){12}b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("regex '(.*a){12}b' took more than 5000 ms");
    assertThatThrownBy(() -> proxy.process(4242))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no process with pid 4242");
    assertThatThrownBy(() -> proxy.children(4242))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no process with pid 4242");
    assertThatThrownBy(() -> proxy.byUser(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user must be");
  }

  @Test
  void descriptionsSayWhatAndInWhatUnit() throws Exception {
    MBeanInfo info = connection.getMBeanInfo(NAME);
    assertThat(info.getDescription()).contains("process table");
    MBeanAttributeInfo processes =
        Arrays.stream(info.getAttributes())
            .filter(a -> a.getName().equals("Processes"))
            .findFirst()
            .orElseThrow();
    assertThat(processes.getDescription()).contains("One row per process");
    MBeanOperationInfo top =
        Arrays.stream(info.getOperations())
            .filter(o -> o.getName().equals("topByCpu"))
            .findFirst()
            .orElseThrow();
    assertThat(top.getDescription()).contains("percent of one CPU");
    assertThat(top.getSignature()[0].getName()).isEqualTo("n");
    assertThat(top.getSignature()[0].getDescription()).isEqualTo("how many rows, 1 or more");
  }

  @Test
  void maxRowsKeepsTheTopRowsByTheChosenOrder() throws Exception {
    ProcessSampler sampler =
        new ProcessSampler(
            probe, ProcessFilter.ALL, null, Duration.ofSeconds(30), System::nanoTime);
    ProcessTable capped = new ProcessTable(sampler, 2, ExportOrder.MEMORY);
    assertThat(capped.getProcesses().keySet()).extracting(ProcessKey::pid).containsExactly(7L, 5L);
    assertThat(capped.getProcessCount()).isEqualTo(5);
    assertThat(capped.find(".")).hasSize(2);
    assertThat(capped.topByCpu(10)).hasSize(2);
    assertThat(capped.process(7).args()).contains("hunter2"); // scrubbing off: null scrubber
  }

  @Test
  void theInterfaceIsACompliantMxBean() {
    assertThat(JMX.isMXBeanInterface(ProcessTableMXBean.class)).isTrue();
    assertThat(ManagementFactory.getPlatformMBeanServer()).isNotNull();
  }

  private static Object keyOf(TabularData table, long pid) {
    for (Object v : table.values()) {
      CompositeData row = (CompositeData) v;
      CompositeData key = (CompositeData) row.get("key");
      if ((Long) key.get("pid") == pid) {
        return key;
      }
    }
    throw new AssertionError("no row for pid " + pid);
  }

  private static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
