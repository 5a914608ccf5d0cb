package dev.psinfo.host;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.Option;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.sampling.FakeProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One host, one sampler: every view of it reads the same scans. */
class HostTest {
  private final FakeProbe processes =
      new FakeProbe()
          .then(
              0,
              List.of(
                  process(1, 0, "root", "init", "/sbin/init", 10, 100),
                  process(5, 1, "alice", "java", "java -jar a.jar", 30, 300)));

  private final AtomicInteger loads = new AtomicInteger();

  private final SystemProbe system =
      new SystemProbe() {
        @Override
        public String name() {
          return "fake";
        }

        @Override
        public SystemFacts facts() {
          return new SystemFacts(
              "h", "Linux", "6", "6", "amd64", "cpu", 2, 2, 1000, 4096, 1, Map.of());
        }

        @Override
        public SystemLoad load() {
          loads.incrementAndGet();
          return new SystemLoad(1, 2048, 0, 0, 0.5, 0.5, 0.5, 10, Map.of());
        }
      };

  private AgentOptions options(Duration ttl) {
    return AgentOptions.builder().set(Option.TTL, ttl).build();
  }

  @Test
  void aCommandsSystemCountsAndCoverageDescribeItsLastScanWithoutScanningAgain() {
    Host host = Host.forCommand(TestHosts.platform(processes, system), options(Duration.ZERO));
    host.sampler().refresh();
    assertThat(processes.scans()).isEqualTo(1);
    assertThat(host.system().processCount()).isEqualTo(2);
    assertThat(host.system().threadCount()).isEqualTo(4);
    assertThat(host.coverage().report().visibleProcesses()).isEqualTo(2);
    assertThat(processes.scans()).as("ttl 0, yet no scan per reading").isEqualTo(1);
  }

  @Test
  void theAgentsHostReadsTheCurrentSnapshotAndItsTtlIsLive() {
    Host host = Host.of(TestHosts.platform(processes, system), options(Duration.ofHours(1)));
    assertThat(host.system().processCount()).isEqualTo(2);
    assertThat(host.coverage().report().visibleProcesses()).isEqualTo(2);
    assertThat(processes.scans()).as("one scan served to both").isEqualTo(1);
    host.system().load();
    host.system().load();
    assertThat(loads.get()).isEqualTo(1);

    host.setTtl(Duration.ZERO);
    assertThat(host.sampler().ttl()).isZero();
    host.system().load();
    host.system().processCount();
    assertThat(loads.get()).as("the system readings follow the live ttl").isEqualTo(2);
    assertThat(processes.scans()).as("the sampler follows the live ttl").isEqualTo(2);
  }

  @Test
  void asDeniedIsNotAvailableWhereTheProbeNeverReadsAs() {
    Host host = Host.of(TestHosts.platform(processes, system), options(Duration.ofHours(1)));
    assertThat(host.coverage().asDenied(host.coverage().report())).isEqualTo(-1);
  }

  @Test
  void theTablePolicyIsTheOptions() {
    AgentOptions options =
        AgentOptions.builder()
            .set(Option.MAX_ROWS, 1)
            .set(Option.EXPORT_TOP, dev.psinfo.config.ExportOrder.MEMORY)
            .set(Option.PIN, dev.psinfo.config.UserPattern.compile("^init$"))
            .build();
    Host host = Host.of(TestHosts.platform(processes, system), options);
    TablePolicy table = host.table();
    assertThat(table.maxRows()).isEqualTo(1);
    assertThat(table.exportTop()).isEqualTo(dev.psinfo.config.ExportOrder.MEMORY);
    // the top row by memory (java) plus the pinned init, from the host's own snapshot
    assertThat(table.table(host.sampler().snapshot()))
        .extracting(s -> s.info().pid())
        .containsExactly(1L, 5L);
  }
}
