package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.HostCoverage;
import dev.psinfo.host.HostSystem;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.jmx.Coverage;
import dev.psinfo.jmx.CoverageMXBean;
import dev.psinfo.jmx.DescribedMBean;
import dev.psinfo.jmx.SystemInfo;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteSource#reading}, the one conversion of a remote agent's beans into the readings a
 * local source gives: against the agent's real beans (every attribute, the same values as the
 * host's own reading), an older agent's bean that lacks attributes, and a server that answers
 * values of the wrong type.
 */
public class RemoteReadingTest {
  static final ObjectName SYSTEM = RemoteSource.SYSTEM;
  static final ObjectName COVERAGE = RemoteSource.COVERAGE;

  final MBeanServer server = MBeanServerFactory.newMBeanServer();

  static final SystemFacts FACTS =
      new SystemFacts(
          "host1",
          "AIX",
          "7.2",
          "7200-04-02-2027",
          "ppc64",
          "PowerPC_POWER8",
          8,
          2,
          3891,
          4096L << 20,
          1_740_060_607_000L,
          Map.of("lparName", "dev1"));
  static final SystemLoad LOAD =
      new SystemLoad(1L << 30, 2L << 30, 512L << 20, 500L << 20, 0.5, 0.25, 0.125, 3600, Map.of());

  static final ProcessScan SCAN =
      new ProcessScan(
          List.of(ProcessInfo.builder(1).build(), ProcessInfo.builder(2).build()),
          1_800_000_000_000L,
          0,
          0,
          new ScanStats(2, 1, 1, 0));

  static final SystemProbe PROBE =
      new SystemProbe() {
        @Override
        public String name() {
          return "fake";
        }

        @Override
        public SystemFacts facts() {
          return FACTS;
        }

        @Override
        public SystemLoad load() {
          return LOAD;
        }
      };

  @Test
  void theAgentsRealBeansGiveEveryAttributeWithTheHostsOwnValues() throws Exception {
    HostSystem system = new HostSystem(PROBE, () -> SCAN, Duration.ofMinutes(1), System::nanoTime);
    HostCoverage coverage = new HostCoverage(() -> SCAN, 1, false);
    server.registerMBean(
        new DescribedMBean<>(SystemInfo.of(system), SystemInfoMXBean.class), SYSTEM);
    server.registerMBean(
        new DescribedMBean<>(Coverage.of(coverage), CoverageMXBean.class), COVERAGE);

    Reading<SystemAttribute> remote =
        RemoteSource.reading(server, SYSTEM, SystemAttribute.class, "test");
    Reading<SystemAttribute> local = system.reading();
    assertThat(remote.attributes()).containsExactly(SystemAttribute.values());
    for (SystemAttribute a : SystemAttribute.values()) {
      assertThat(remote.get(a)).as(a.attributeName()).isEqualTo(local.get(a));
    }
    assertThat(remote.map(SystemAttribute.PLATFORM))
        .isEqualTo(Map.of("lparName", "dev1", "probe", "fake"));
    assertThat(remote.number(SystemAttribute.PROCESS_COUNT)).isEqualTo(2);

    Reading<CoverageAttribute> remoteCoverage =
        RemoteSource.reading(server, COVERAGE, CoverageAttribute.class, "test");
    Reading<CoverageAttribute> localCoverage = coverage.reading();
    assertThat(remoteCoverage.attributes()).containsExactly(CoverageAttribute.values());
    for (CoverageAttribute a : CoverageAttribute.values()) {
      assertThat(remoteCoverage.get(a)).as(a.attributeName()).isEqualTo(localCoverage.get(a));
    }
    assertThat(remoteCoverage.number(CoverageAttribute.GONE_PROCESSES)).isEqualTo(1);
  }

  /** The beans' interfaces and the readings' attributes are one list: same names, same types. */
  @Test
  void theBeanInterfacesHaveExactlyTheReadingsAttributes() throws Exception {
    HostSystem system = new HostSystem(PROBE, () -> SCAN, Duration.ofMinutes(1), System::nanoTime);
    assertThat(attributeNames(new DescribedMBean<>(SystemInfo.of(system), SystemInfoMXBean.class)))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(SystemAttribute.values()).map(SystemAttribute::attributeName).toList());
    HostCoverage coverage = new HostCoverage(() -> SCAN, 1, false);
    assertThat(attributeNames(new DescribedMBean<>(Coverage.of(coverage), CoverageMXBean.class)))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CoverageAttribute.values())
                .map(CoverageAttribute::attributeName)
                .toList());
  }

  private static List<String> attributeNames(StandardMBean bean) {
    return Arrays.stream(bean.getMBeanInfo().getAttributes())
        .map(MBeanAttributeInfo::getName)
        .toList();
  }

  /** An agent of an earlier version: no CPU source, no counts, no load. */
  public interface OlderSystemInfoMXBean {
    String getHostname();

    long getUptimeSeconds();

    long getTotalMemoryBytes();

    Map<String, String> getPlatform();
  }

  @Test
  void anOlderAgentsReadingSaysWhichAttributeItLacksWhenThatIsRead() throws Exception {
    OlderSystemInfoMXBean older =
        new OlderSystemInfoMXBean() {
          @Override
          public String getHostname() {
            return "old";
          }

          @Override
          public long getUptimeSeconds() {
            return 60;
          }

          @Override
          public long getTotalMemoryBytes() {
            return 1L << 30;
          }

          @Override
          public Map<String, String> getPlatform() {
            return Map.of("probe", "linux");
          }
        };
    server.registerMBean(new StandardMBean(older, OlderSystemInfoMXBean.class, true), SYSTEM);

    Reading<SystemAttribute> r =
        RemoteSource.reading(
            server, SYSTEM, SystemAttribute.class, "jmx old:9010 psinfo:type=SystemInfo");

    // what it has is there, typed: top's header needs no more than this
    assertThat(r.attributes())
        .containsExactly(
            SystemAttribute.HOSTNAME,
            SystemAttribute.TOTAL_MEMORY_BYTES,
            SystemAttribute.UPTIME_SECONDS,
            SystemAttribute.PLATFORM);
    assertThat(r.text(SystemAttribute.HOSTNAME)).isEqualTo("old");
    assertThat(r.number(SystemAttribute.UPTIME_SECONDS)).isEqualTo(60);
    assertThat(r.map(SystemAttribute.PLATFORM)).isEqualTo(Map.of("probe", "linux"));
    // what it lacks is an error that names it and the agent
    assertThatThrownBy(() -> r.text(SystemAttribute.CPU_SOURCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "jmx old:9010 psinfo:type=SystemInfo has no attribute CpuSource: that agent is older"
                + " than this command; read it with the command of the agent's version");
  }

  /** A server whose bean has the name but not the type. */
  public interface OddSystemInfoMXBean {
    int getHostname();
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() throws Exception {
    OddSystemInfoMXBean odd = () -> 7;
    server.registerMBean(new StandardMBean(odd, OddSystemInfoMXBean.class, true), SYSTEM);
    assertThatThrownBy(() -> RemoteSource.reading(server, SYSTEM, SystemAttribute.class, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Hostname must be a String: Integer");
  }
}
