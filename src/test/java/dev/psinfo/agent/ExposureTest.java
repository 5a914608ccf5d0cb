package dev.psinfo.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.OptionsParser;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The agent's beans as it registers them: read-only but for the live options. No attribute is
 * writable (and writing one fails), every operation is a query ({@code INFO}) except {@code
 * refresh} ({@code ACTION_INFO}: it renews the cache) and the Agent bean's {@code applyOptions}
 * ({@code ACTION}: log, ttl, eventInterval), and invoking every query changes no attribute but the
 * cache's.
 */
@EnabledOnOs(OS.LINUX)
class ExposureTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @AfterEach
  void uninstall() {
    Installation.uninstall();
  }

  @Test
  void everyBeanIsReadOnly() throws Exception {
    assertThat(Installation.install(OptionsParser.parse("ttl=1m"), false)).isTrue();
    Set<ObjectName> names = server.queryNames(new ObjectName("psinfo:*"), null);
    assertThat(names)
        .extracting(ObjectName::toString)
        .containsExactlyInAnyOrder(
            Registration.PROCESS_TABLE.toString(),
            Registration.SYSTEM_INFO.toString(),
            Registration.COVERAGE.toString(),
            Registration.AGENT.toString());
    List<String> operations = new ArrayList<>();
    for (ObjectName name : names) {
      MBeanInfo info = server.getMBeanInfo(name);
      for (MBeanAttributeInfo a : info.getAttributes()) {
        assertThat(a.isWritable()).as("%s %s writable", name, a.getName()).isFalse();
        assertThat(a.isReadable()).isTrue();
        assertThatThrownBy(
                () ->
                    server.setAttribute(
                        name, new Attribute(a.getName(), server.getAttribute(name, a.getName()))))
            .as("setting %s %s", name, a.getName())
            .isInstanceOf(JMException.class);
      }
      for (MBeanOperationInfo op : info.getOperations()) {
        operations.add(name.getKeyProperty("type") + "." + op.getName());
        int expected =
            switch (op.getName()) {
              case "refresh" -> MBeanOperationInfo.ACTION_INFO;
              case "applyOptions" -> MBeanOperationInfo.ACTION;
              default -> MBeanOperationInfo.INFO;
            };
        assertThat(op.getImpact()).as("impact of %s", op.getName()).isEqualTo(expected);
      }
    }
    assertThat(operations)
        .containsExactlyInAnyOrder(
            "ProcessTable.topByCpu",
            "ProcessTable.topByMemory",
            "ProcessTable.process",
            "ProcessTable.find",
            "ProcessTable.byUser",
            "ProcessTable.children",
            "ProcessTable.ancestors",
            "ProcessTable.psText",
            "ProcessTable.refresh",
            "Agent.applyOptions");
  }

  @Test
  void operationsChangeNothingButTheCache() throws Exception {
    assertThat(Installation.install(OptionsParser.parse("ttl=1m,maxRows=50"), false)).isTrue();
    ObjectName table = Registration.PROCESS_TABLE;
    ObjectName agent = Registration.AGENT;
    Object options = server.getAttribute(agent, "Options");
    long me = ProcessHandle.current().pid();
    String[] text = {"java.lang.String"};
    server.invoke(table, "topByCpu", new Object[] {3}, new String[] {"int"});
    server.invoke(table, "topByMemory", new Object[] {3}, new String[] {"int"});
    server.invoke(table, "process", new Object[] {me}, new String[] {"long"});
    server.invoke(table, "find", new Object[] {"java"}, text);
    server.invoke(table, "byUser", new Object[] {System.getProperty("user.name")}, text);
    server.invoke(table, "children", new Object[] {me}, new String[] {"long"});
    // one scan served all of the above; only refresh scans again, at most once a second
    assertThat(server.getAttribute(agent, "Scans")).isEqualTo(1L);
    Thread.sleep(dev.psinfo.sampling.TtlCache.REFRESH_FLOOR.toMillis() + 50);
    server.invoke(table, "refresh", new Object[0], new String[0]);
    assertThat(server.getAttribute(agent, "Scans")).isEqualTo(2L);
    assertThat(server.getAttribute(agent, "Options")).isEqualTo(options);
    assertThat(server.queryNames(new ObjectName("psinfo:*"), null)).hasSize(4);
  }

  @Test
  void onlyAGroupWithAnExpectationSendsNotifications() throws Exception {
    assertThat(
            Installation.install(
                OptionsParser.parse("ttl=1m,group.a=^no-such-a$,group.b=^no-such-b$,expect.b=1"),
                false))
        .isTrue();
    ObjectName a = new ObjectName("psinfo:type=ProcessGroup,name=a");
    ObjectName b = new ObjectName("psinfo:type=ProcessGroup,name=b");
    String emitter = javax.management.NotificationEmitter.class.getName();
    assertThat(server.isInstanceOf(a, emitter)).isFalse();
    assertThat(server.getMBeanInfo(a).getNotifications()).isEmpty();
    assertThat(server.isInstanceOf(b, emitter)).isTrue();
    assertThat(server.getMBeanInfo(b).getNotifications()[0].getNotifTypes())
        .containsExactly("psinfo.group.down", "psinfo.group.up");
    assertThat(server.getAttribute(b, "Up")).isEqualTo(false);
    assertThat(server.getAttribute(a, "Up")).isEqualTo(true);
  }
}
