package dev.psinfo.jmx;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The declarations the bean's attributes, their reads and the client's reads are derived from. */
class TableAttributeTest {
  private final FakeProbe probe =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  process(5, 1, "alice", "bash", "-bash", 30, 300)));
  private final ProcessTable table =
      new ProcessTable(
          new ProcessSampler(
              probe, ProcessFilter.ALL, null, Duration.ofSeconds(30), System::nanoTime),
          0,
          ExportOrder.CPU);

  @Test
  void eachAttributeIsDeclaredOnceAndListedInItsOrder() {
    assertThat(TableAttribute.ALL).extracting(TableAttribute::name).doesNotHaveDuplicates();
    for (TableAttribute<?> a : TableAttribute.ALL) {
      assertThat(TableAttribute.find(a.name())).isSameAs(a);
    }
    // JMX names are case-sensitive
    assertThat(TableAttribute.find("processes")).isNull();
    assertThat(TableAttribute.find(null)).isNull();
    assertThat(Arrays.stream(table.getMBeanInfo().getAttributes()).map(MBeanAttributeInfo::getName))
        .containsExactlyElementsOf(TableAttribute.ALL.stream().map(TableAttribute::name).toList());
  }

  @Test
  void anUnknownAttributeIsNamedWithTheOnesThereAre() {
    assertThatThrownBy(() -> table.getAttribute("ProcessCuont"))
        .isInstanceOf(AttributeNotFoundException.class)
        .hasMessage(
            "no attribute ProcessCuont; psinfo:type=ProcessTable has Processes, ProcessMetrics,"
                + " Users, ProcessCount, SnapshotTimeMillis, DroppedNotifications");
    assertThatThrownBy(() -> table.getAttribute(null))
        .isInstanceOf(AttributeNotFoundException.class)
        .hasMessage("attribute name is null");
    assertThatThrownBy(() -> table.setAttribute(new Attribute("ProcessCount", 3)))
        .isInstanceOf(AttributeNotFoundException.class)
        .hasMessage("every attribute of psinfo:type=ProcessTable is read-only: ProcessCount");
    assertThatThrownBy(() -> table.setAttribute(new Attribute("Nope", 3)))
        .isInstanceOf(AttributeNotFoundException.class)
        .hasMessageStartingWith("no attribute Nope; psinfo:type=ProcessTable has Processes");
  }

  /** Its description says so; {@code getAttributes} used to take a snapshot on entry for it. */
  @Test
  void droppedNotificationsNeverScansNotEvenInGetAttributes() throws Exception {
    assertThat(table.getAttribute("DroppedNotifications")).isEqualTo(0L);
    AttributeList list = table.getAttributes(new String[] {"DroppedNotifications", "Nope", null});
    assertThat(list.asList())
        .extracting(Attribute::getName)
        .containsExactly("DroppedNotifications");
    assertThat(probe.scans()).isZero();
    AttributeList all =
        table.getAttributes(
            TableAttribute.ALL.stream().map(TableAttribute::name).toArray(String[]::new));
    assertThat(all.asList()).hasSize(TableAttribute.ALL.size());
    assertThat(probe.scans()).isEqualTo(1);
    assertThat(table.getAttributes(null)).isEmpty();
  }

  @Test
  void theClientReadsEveryAttributeByItsDeclaration() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = ProcessTableClient.NAME;
    server.registerMBean(table, name);
    ProcessTableClient client = new ProcessTableClient(server);
    for (TableAttribute<?> a : TableAttribute.ALL) {
      Object read = client.read(a);
      assertThat(read).as(a.name()).isEqualTo(server.getAttribute(name, a.name()));
      assertThat(a.type().isValue(read)).as("%s is a value of its open type", a.name()).isTrue();
      assertThat(table.read(a)).as(a.name()).isEqualTo(read);
    }
    assertThat(client.processCount()).isEqualTo(2);
    assertThat(client.snapshotTimeMillis()).isEqualTo(table.snapshotTimeMillis());
    TabularData users = client.read(TableAttribute.USERS);
    assertThat(users.size()).isEqualTo(2);
    assertThat(probe.scans()).isEqualTo(1);
  }

  @Test
  void aValueOfAnotherTypeIsAClearError() {
    assertThatThrownBy(() -> TableAttribute.PROCESS_COUNT.cast("12"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ProcessCount is a java.lang.String, not a java.lang.Integer");
    assertThat(TableAttribute.PROCESS_COUNT.cast(12)).isEqualTo(12);
  }
}
