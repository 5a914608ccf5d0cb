package dev.psinfo.jmx;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.psinfo.config.ExportOrder;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ArgsScrubber;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.TtlCache;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bean through a real RMI connector on loopback, read with the typed client and generically.
 */
class ProcessTableJmxTest {
  private static final ObjectName NAME = name("psinfo:type=ProcessTable");

  private MBeanServer server;
  private JMXConnectorServer connectorServer;
  private JMXConnector connector;
  private MBeanServerConnection connection;
  private FakeProbe probe;
  private final java.util.concurrent.atomic.AtomicLong clock =
      new java.util.concurrent.atomic.AtomicLong();

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
            clock::get);
    server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(new ProcessTable(sampler, 0, ExportOrder.CPU), NAME);
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
  void typedClientReadsTheTableThroughTheConnector() throws Exception {
    ProcessTableClient client = new ProcessTableClient(connection);
    List<ProcessSample> table = client.processes();
    assertThat(table).extracting(s -> s.info().pid()).containsExactly(1L, 5L, 7L, 9L, 11L);
    ProcessInfo java = table.get(2).info();
    assertThat(java.ppid()).isEqualTo(5);
    assertThat(java.args()).isEqualTo("java -Dpassword=*** Main");
    assertThat(java.rssBytes()).isEqualTo(500);
    assertThat(java.vszBytes()).isEqualTo(-1);
    assertThat(java.nice()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);
    assertThat(client.processCount()).isEqualTo(5);
    assertThat(client.topByMemory(2)).extracting(s -> s.info().pid()).containsExactly(7L, 5L);
    assertThat(client.children(5)).extracting(s -> s.info().pid()).containsExactly(7L, 9L);
    assertThat(client.call(TableOperation.ANCESTORS, 9L))
        .extracting(s -> s.info().pid())
        .containsExactly(7L, 5L, 1L);
    assertThat(client.byUser("bob")).extracting(s -> s.info().name()).containsExactly("top");
    assertThat(client.find("make")).extracting(s -> s.info().pid()).containsExactly(9L);
    assertThat(client.process(11).info().user()).isEqualTo("bob");
    assertThat(client.topByCpu(1)).hasSize(1);
    // all of the above came from one scan
    assertThat(probe.scans()).isEqualTo(1);
    // refresh() right after a scan serves it: no client can keep the host scanning back to back
    assertThat(client.refresh()).isEqualTo(5);
    assertThat(probe.scans()).isEqualTo(1);
    clock.addAndGet(TtlCache.REFRESH_FLOOR.toNanos());
    assertThat(client.refresh()).isEqualTo(5);
    assertThat(probe.scans()).isEqualTo(2);
  }

  @Test
  void genericClientsGetFlatRowsByPidNameAndUser() throws Exception {
    Object attribute = connection.getAttribute(NAME, "Processes");
    // the remote client receives the standard classes, not the agent's light ones
    assertThat(attribute).isExactlyInstanceOf(TabularDataSupport.class);
    TabularData table = (TabularData) attribute;
    assertThat(table.getTabularType().getIndexNames()).containsExactly("pid", "name", "user");
    CompositeData row = table.get(new Object[] {7L, "java", "alice"});
    assertThat(row).isExactlyInstanceOf(CompositeDataSupport.class);
    assertThat(row.get("name")).isEqualTo("java");
    assertThat(row.get("state")).isEqualTo("OTHER");
    assertThat(row.get("rssBytes")).isEqualTo(500L);
    assertThat(row.get("cpuPercent")).isInstanceOf(Double.class);
    assertThat(row.get("nice")).isEqualTo(Integer.MIN_VALUE);
    assertThat(table.get(new Object[] {7L, "java", "bob"})).isNull();
    // the contract other code is written against: today's item names, flat
    assertThat(row.getCompositeType().keySet())
        .containsExactlyInAnyOrder(
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
            "startTimeMillis",
            "voluntaryCtxSwitches",
            "involuntaryCtxSwitches",
            "openFds",
            "readBytes",
            "writeBytes",
            "wparId",
            "wpar",
            "javaMain",
            "fdLimit",
            "majorFaults");
    CompositeData[] top =
        (CompositeData[])
            connection.invoke(NAME, "topByCpu", new Object[] {3}, new String[] {"int"});
    assertThat(top).hasSize(3);
    assertThat(top[0].getCompositeType()).isEqualTo(table.getTabularType().getRowType());
    CompositeData one =
        (CompositeData)
            connection.invoke(NAME, "process", new Object[] {7L}, new String[] {"long"});
    assertThat(one).isEqualTo(row);
    assertThat(one.getCompositeType()).isEqualTo(row.getCompositeType());
  }

  @Test
  void inTheAgentsJvmTheLightRowsEqualTheStandardOnes() throws Exception {
    TabularData local = (TabularData) server.getAttribute(NAME, "Processes");
    TabularData remote = (TabularData) connection.getAttribute(NAME, "Processes");
    assertThat(local).isNotInstanceOf(TabularDataSupport.class);
    assertThat(local).isEqualTo(remote);
    assertThat(remote).isEqualTo(local);
    assertThat(local.hashCode()).isEqualTo(remote.hashCode());
    CompositeData localRow = local.get(new Object[] {5L, "bash", "alice"});
    CompositeData remoteRow = remote.get(new Object[] {5L, "bash", "alice"});
    assertThat(localRow).isEqualTo(remoteRow);
    assertThat(remoteRow).isEqualTo(localRow);
    assertThat(localRow.hashCode()).isEqualTo(remoteRow.hashCode());
    assertThat(localRow.toString()).isEqualTo(remoteRow.toString());
    assertThat(local.keySet()).isEqualTo(remote.keySet());
    assertThat(List.copyOf(localRow.values())).isEqualTo(List.copyOf(remoteRow.values()));
    assertThat(local.containsKey(new Object[] {5L, "bash", "alice"})).isTrue();
    assertThat(local.containsKey(new Object[] {5L, "bash"})).isFalse();
    assertThatThrownBy(() -> local.get(new Object[] {5, "bash", "alice"}))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> localRow.get("key")).isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> local.remove(new Object[] {5L, "bash", "alice"}))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSnapshotsOpenDataIsBuiltOnceAndServedToEveryRead() throws Exception {
    List<ProcessInfo> thousand = new ArrayList<>();
    for (int pid = 1; pid <= 1000; pid++) {
      thousand.add(process(pid, 1, "alice", "p" + pid, "p" + pid + " --flag", pid, 4096L * pid));
    }
    FakeProbe big = new FakeProbe().then(0, thousand);
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(
        new ProcessTable(
            new ProcessSampler(
                big,
                ProcessFilter.ALL,
                new ArgsScrubber(List.of()),
                Duration.ofSeconds(30),
                now::get),
            0,
            ExportOrder.CPU),
        NAME);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    // warm up the classes on a throw-away scan, then start a new snapshot
    readAll(server);
    now.addAndGet(TtlCache.REFRESH_FLOOR.toNanos()); // refresh scans at most once per floor
    server.invoke(NAME, "refresh", new Object[0], new String[0]);

    long before = threads.getThreadAllocatedBytes(tid);
    TabularData first = readAll(server);
    long firstBytes = threads.getThreadAllocatedBytes(tid) - before;
    before = threads.getThreadAllocatedBytes(tid);
    TabularData second = readAll(server);
    long secondBytes = threads.getThreadAllocatedBytes(tid) - before;

    assertThat(second).isSameAs(first);
    assertThat(big.scans()).isEqualTo(2);
    assertThat(secondBytes)
        .as("second read %d bytes, first %d", secondBytes, firstBytes)
        .isLessThanOrEqualTo(firstBytes / 20);
  }

  private static final String[] ITEMS = ProcessRows.ITEM_NAMES.toArray(new String[0]);

  /** One read of Processes, every item of every row looked at (the loop allocates nothing). */
  private static TabularData readAll(MBeanServer server) throws Exception {
    TabularData t = (TabularData) server.getAttribute(NAME, "Processes");
    long sum = 0;
    for (Object v : t.values()) {
      CompositeData row = (CompositeData) v;
      for (String item : ITEMS) {
        sum += row.get(item).hashCode();
      }
    }
    assertThat(sum).isNotZero();
    return t;
  }

  @Test
  void psTextIsTheTableAsPsPrintsIt() throws Exception {
    String text =
        (String)
            connection.invoke(
                NAME, "psText", new Object[] {"rss", 2}, new String[] {"java.lang.String", "int"});
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).trim().split(" +"))
        .containsExactly(
            "PID", "PPID", "USER", "%CPU", "RSS", "VSZ", "THR", "NI", "S", "START", "TIME",
            "COMMAND");
    assertThat(lines.get(1).trim().split(" +", 2)[0]).isEqualTo("7");
    assertThat(lines.get(1)).contains(" alice ").endsWith(" java -Dpassword=*** Main");
    assertThat(lines.get(2).trim().split(" +", 2)[0]).isEqualTo("5");
    ProcessTableClient client = new ProcessTableClient(connection);
    assertThat(client.psText("PID", 0).lines().skip(1).map(l -> l.trim().split(" +", 2)[0]))
        .containsExactly("1", "5", "7", "9", "11");
    assertThat(client.psText("memory", 1).lines().toList().get(1)).contains(" java ");
    assertThatThrownBy(() -> client.psText("colour", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sortBy must be cpu, rss or pid: 'colour'");
    assertThatThrownBy(() -> client.psText("cpu", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be 0 (all) or more: -1");
  }

  @Test
  void badArgumentsGetClearMessages() {
    ProcessTableClient client = new ProcessTableClient(connection);
    assertThatThrownBy(() -> client.topByCpu(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be 1 or more: 0");
    assertThatThrownBy(() -> client.find("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'(unclosed' is not a valid regex");
    // backtracks without reading a character: ran for minutes with java.util.regex
    assertThatThrownBy(() -> client.find("(?:^|^)".repeat(24) + "(?!)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a valid regex (invalid or unsupported Perl syntax");
    assertThatThrownBy(() -> client.find("x".repeat(300_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regex of 300000 characters is longer than the maximum of 4096");
    assertThatThrownBy(() -> client.find("((a{1000}){1000}){1000}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large once its repeats are expanded");
    assertThatThrownBy(() -> client.process(4242))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no process with pid 4242");
    assertThatThrownBy(() -> client.children(4242))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no process with pid 4242");
    assertThatThrownBy(() -> client.call(TableOperation.ANCESTORS, 4242L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no process with pid 4242 in the snapshot");
    assertThatThrownBy(() -> client.call(TableOperation.ANCESTORS, "7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pid must be a long: 7");
    assertThatThrownBy(() -> client.byUser(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user must be");
    assertThatThrownBy(
            () -> connection.invoke(NAME, "topByCpu", new Object[] {"x"}, new String[] {"int"}))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("n must be an int: x");
    assertThatThrownBy(() -> connection.invoke(NAME, "nope", new Object[0], new String[0]))
        .isInstanceOf(ReflectionException.class);
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
    assertThat(processes.getDescription()).contains(Integer.toString(Integer.MIN_VALUE));
    TabularType type = (TabularType) processes.getDescriptor().getFieldValue("openType");
    assertThat(type).isEqualTo(ProcessRows.TABLE_TYPE);
    CompositeType row = type.getRowType();
    for (String item : row.keySet()) {
      assertThat(row.getDescription(item)).as(item).isNotBlank().isNotEqualTo(item);
    }
    assertThat(row.getDescription("rssBytes")).contains("bytes");
    assertThat(row.getDescription("nice")).contains(Integer.toString(Integer.MIN_VALUE));
    MBeanOperationInfo top =
        Arrays.stream(info.getOperations())
            .filter(o -> o.getName().equals("topByCpu"))
            .findFirst()
            .orElseThrow();
    assertThat(top.getDescription()).contains("percent of one CPU");
    assertThat(top.getSignature()[0].getName()).isEqualTo("n");
    assertThat(top.getSignature()[0].getDescription()).isEqualTo("how many rows, 1 or more");
    assertThat(top.getImpact()).isEqualTo(MBeanOperationInfo.INFO);
    for (MBeanOperationInfo op : info.getOperations()) {
      assertThat(op.getDescription()).as(op.getName()).isNotBlank();
      for (var p : op.getSignature()) {
        assertThat(p.getDescription()).as(op.getName() + " " + p.getName()).isNotBlank();
      }
      OpenType<?> returns = (OpenType<?>) op.getDescriptor().getFieldValue("openType");
      if (op.getName().equals("psText")) {
        assertThat(returns).isEqualTo(SimpleType.STRING);
      } else if (!op.getName().equals("refresh")) {
        assertThat(returns.toString()).as(op.getName()).contains("psinfo.ProcessRow");
      }
    }
  }

  @Test
  void maxRowsKeepsTheTopRowsByTheChosenOrder() throws Exception {
    ProcessSampler sampler =
        new ProcessSampler(
            probe, ProcessFilter.ALL, null, Duration.ofSeconds(30), System::nanoTime);
    ProcessTable capped = new ProcessTable(sampler, 2, ExportOrder.MEMORY);
    assertThat(capped.processes()).extracting(s -> s.info().pid()).containsExactly(5L, 7L);
    TabularData open = (TabularData) capped.getAttribute("Processes");
    assertThat(open.size()).isEqualTo(2);
    assertThat(open.get(new Object[] {7L, "java", "alice"})).isNotNull();
    assertThat(capped.processCount()).isEqualTo(5);
    assertThat(capped.find(".")).hasSize(2);
    assertThat(capped.topByCpu(10)).hasSize(2);
    assertThat(capped.process(7).info().args()).contains("hunter2"); // scrubbing off
  }

  @Test
  void pinnedRowsStayInProcessesWhenMaxRowsCuts() throws Exception {
    ProcessSampler sampler =
        new ProcessSampler(
            probe, ProcessFilter.ALL, null, Duration.ofSeconds(30), System::nanoTime);
    ProcessTable pinned =
        new ProcessTable(
            sampler, 2, ExportOrder.MEMORY, dev.psinfo.config.UserPattern.compile("^top$|init"));
    // top 2 by memory (7, 5) plus the pinned init (1) and top (11), in pid order
    assertThat(pinned.processes()).extracting(s -> s.info().pid()).containsExactly(1L, 5L, 7L, 11L);
    TabularData open = (TabularData) pinned.getAttribute("Processes");
    assertThat(open.size()).isEqualTo(4);
    assertThat(open.get(new Object[] {11L, "top", "bob"})).isNotNull();
    // a pinned row that is in the top already is not repeated; operations stay cut
    ProcessTable both =
        new ProcessTable(
            sampler, 2, ExportOrder.MEMORY, dev.psinfo.config.UserPattern.compile("java"));
    assertThat(both.processes()).extracting(s -> s.info().pid()).containsExactly(5L, 7L);
    assertThat(pinned.topByCpu(10)).hasSize(2);
    assertThat(pinned.processCount()).isEqualTo(5);
  }

  @Test
  void patternsThatBacktrackForeverAnswerQuicklyWithRows() throws Exception {
    FakeProbe victims =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(1, 0, "root", "init", "/sbin/init", 10, 100),
                    process(13, 1, "nobody", "victim", "victim " + "a".repeat(100_000), 0, 10)));
    ProcessSampler sampler =
        new ProcessSampler(
            victims, ProcessFilter.ALL, null, Duration.ofSeconds(30), System::nanoTime);
    server.unregisterMBean(NAME);
    server.registerMBean(new ProcessTable(sampler, 0, ExportOrder.CPU), NAME);
    ProcessTableClient client = new ProcessTableClient(connection);
    // java.util.regex: StackOverflowError, wrapped as RuntimeErrorException
    assertThat(client.find("(a|aa)+$")).extracting(s -> s.info().pid()).containsExactly(13L);
    // the same nested empty alternatives, now valid: 27 s in-JVM for 22 groups before
    assertThat(client.find("(?:^|^)".repeat(24) + "victim"))
        .extracting(s -> s.info().pid())
        .containsExactly(13L);
    assertThat(client.find("(a*)*z")).isEmpty();
  }

  private static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
