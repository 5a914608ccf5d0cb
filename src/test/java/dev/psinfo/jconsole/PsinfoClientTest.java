package dev.psinfo.jconsole;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.sampling.ArgsScrubber;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/**
 * The plugin's reads against the agent's real ProcessTable MBean (whatever shape it serves today),
 * so a change of the MBean that the plugin cannot read fails here, not in a user's JConsole.
 */
class PsinfoClientTest {
  @Test
  void readsTheRealMBean() throws Exception {
    FakeProbe probe =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(1, 0, "root", "init", "/sbin/init", 10, 100),
                    process(5, 1, "alice", "java", "java -jar app.jar", 30, 9_834_496)));
    ProcessSampler sampler =
        new ProcessSampler(
            probe,
            ProcessFilter.ALL,
            new ArgsScrubber(List.of()),
            Duration.ofSeconds(30),
            System::nanoTime);
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    PsinfoClient psinfo = new PsinfoClient(server, java.time.ZoneOffset.UTC);
    assertThat(psinfo.present()).isFalse();
    PsinfoViews.Update absent = PsinfoViews.read(psinfo, 77);
    assertThat(absent.present()).isFalse();
    assertThat(absent.pid()).isEqualTo(77);

    server.registerMBean(new ProcessTable(sampler, 0, ExportOrder.CPU), PsinfoClient.PROCESS_TABLE);
    PsinfoViews.Update u = PsinfoViews.read(psinfo, 77);
    assertThat(u.present()).isTrue();
    assertThat(u.processesError()).isNull();
    assertThat(u.processes().processCount()).isEqualTo(2);
    // the per-user totals come from the same getAttributes call
    assertThat(u.processes().users())
        .extracting(cells -> cells[UsersPanel.Column.USER.ordinal()].text())
        .containsExactlyInAnyOrder("root", "alice");
    // no Coverage bean here: the System tab says so instead of failing
    assertThat(u.coverage()).isNull();
    assertThat(u.groups()).isEmpty();
    assertThat(u.processes().snapshotTimeMillis()).isEqualTo(probe.wallMillis());
    ProcessEntry java =
        u.processes().rows().stream().filter(e -> e.pid() == 5).findFirst().orElseThrow();
    assertThat(java.text("user")).isEqualTo("alice");
    assertThat(java.text("name")).isEqualTo("java");
    assertThat(java.ppid()).isEqualTo(1);
    assertThat(java.number("rssBytes", -1)).isEqualTo(9_834_496);
    assertThat(java.items().keySet()).startsWith("pid", "ppid").contains("cpuPercent", "state");
    // no SystemInfo here: that half fails on its own with a clear reason
    assertThat(u.systemError()).contains("psinfo:type=SystemInfo");
  }
}
