package dev.psinfo.jmx;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Group totals: same snapshot as the table, filters apply, sentinels, one sum per snapshot. */
class ProcessGroupTest {
  private static ProcessInfo withMemory(ProcessInfo p, long vsz, int threads) {
    return ProcessInfo.builder(p.pid())
        .ppid(p.ppid())
        .user(p.user())
        .euid(p.euid())
        .name(p.name())
        .args(p.args())
        .cpuTimeMillis(p.cpuTimeMillis())
        .rssBytes(p.rssBytes())
        .startTimeMillis(p.startTimeMillis())
        .vszBytes(vsz)
        .threads(threads)
        .build();
  }

  private final FakeProbe probe =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  withMemory(process(5, 1, "alice", "java", "java -jar a.jar", 30, 300), 3000, 7),
                  withMemory(process(7, 5, "alice", "java", "java -jar b.jar", 20, 500), -1, 3),
                  process(9, 7, "bob", "sh", "sh -c 'java -version'", 0, -1),
                  process(11, 1, "bob", "top", "top", 40, 10)));

  private ProcessSampler sampler(ProcessFilter filter) {
    return new ProcessSampler(probe, filter, null, Duration.ofSeconds(30), System::nanoTime);
  }

  @Test
  void sumsTheMatchingRowsOfOneSnapshot() {
    ProcessGroup g = new ProcessGroup(sampler(ProcessFilter.ALL), UserPattern.compile("java"));
    assertThat(g.getProcessCount()).isEqualTo(3);
    assertThat(g.getPids()).containsExactly(5, 7, 9);
    assertThat(g.getRssBytes()).isEqualTo(800); // pid 9's -1 adds nothing
    assertThat(g.getVszBytes()).isEqualTo(3000);
    assertThat(g.getThreadCount()).isEqualTo(12);
    assertThat(g.getCpuTimeMillis()).isEqualTo(50);
    assertThat(g.getOldestStartTimeMillis()).isEqualTo(1_600_000_000_005L);
    assertThat(g.getCpuPercent()).isGreaterThanOrEqualTo(0);
    assertThat(g.getRegex()).isEqualTo("java");
    assertThat(g.getSnapshotTimeMillis()).isEqualTo(probe.wallMillis());
    assertThat(probe.scans()).isEqualTo(1);
  }

  @Test
  void honoursTheFiltersAndSaysEmptyWithTheSentinel() {
    ProcessSampler aliceOnly = sampler(new ProcessFilter(null, null, Set.of("alice")));
    assertThat(new ProcessGroup(aliceOnly, UserPattern.compile("java")).getPids())
        .containsExactly(5, 7);
    ProcessGroup none = new ProcessGroup(aliceOnly, UserPattern.compile("^nginx$"));
    assertThat(none.getProcessCount()).isZero();
    assertThat(none.getPids()).isEmpty();
    assertThat(none.getRssBytes()).isZero();
    assertThat(none.getOldestStartTimeMillis()).isEqualTo(-1);
  }

  @Test
  void attributesAreSimpleOpenTypesWithDescriptions() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName("psinfo:type=ProcessGroup,name=jvm");
    server.registerMBean(
        new DescribedMBean<>(
            new ProcessGroup(sampler(ProcessFilter.ALL), UserPattern.compile("java")),
            ProcessGroupMXBean.class),
        name);
    assertThat(server.getAttribute(name, "ProcessCount")).isEqualTo(3);
    assertThat(server.getAttribute(name, "RssBytes")).isEqualTo(800L);
    assertThat((long[]) server.getAttribute(name, "Pids")).containsExactly(5, 7, 9);
    for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
      assertThat(a.getDescription()).as(a.getName()).isNotEqualTo(a.getName()).isNotBlank();
      assertThat(a.getType())
          .as(a.getName())
          .isIn("int", "long", "double", "java.lang.String", "[J");
    }
  }
}
