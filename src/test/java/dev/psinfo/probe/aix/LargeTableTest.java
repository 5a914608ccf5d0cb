package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.sampling.ArgsScrubber;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.support.UserNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake AIX tree of 20,000 processes: scanned whole, served whole, and cut by maxRows. */
class LargeTableTest {
  private static final int PROCESSES = 20_000;

  @TempDir static Path root;
  static Path passwd;

  @BeforeAll
  static void tree(@TempDir Path etc) throws Exception {
    // psinfo only (no status files): half the files to write, the same rows minus the CPU split
    for (int pid = 1; pid <= PROCESSES; pid++) {
      FakeAixProc.writeProcess(
          root,
          PsinfoBytes.process(pid)
              .fname("p" + pid)
              .psargs("/usr/bin/p" + pid + " --id " + (pid - 1))
              .rssizeKb(pid));
    }
    passwd = Files.writeString(etc.resolve("passwd"), "root:x:0:0::/:/bin/sh\n");
  }

  private static ProcessSampler sampler() {
    return new ProcessSampler(
        new AixProcessProbe(root, new UserNames(passwd)),
        ProcessFilter.ALL,
        new ArgsScrubber(List.of()),
        Duration.ofMinutes(1),
        System::nanoTime);
  }

  private static MBeanServer register(ProcessTable table, ObjectName name) throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(table, name);
    return server;
  }

  @Test
  void twentyThousandProcessesAreScannedAndServed() throws Exception {
    AixProcessProbe probe = new AixProcessProbe(root, new UserNames(passwd));
    ProcessScan scan = probe.scan();
    assertThat(scan.processes()).hasSize(PROCESSES);
    assertThat(scan.stats()).isEqualTo(new ScanStats(PROCESSES, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
    assertThat(probe.scan().processes()).hasSize(PROCESSES); // again, with the path cache

    ObjectName name = new ObjectName("psinfo:type=ProcessTable");
    MBeanServer server = register(new ProcessTable(sampler(), 0, ExportOrder.CPU), name);
    TabularData rows = (TabularData) server.getAttribute(name, "Processes");
    assertThat(rows.size()).isEqualTo(PROCESSES);
    assertThat(server.getAttribute(name, "ProcessCount")).isEqualTo(PROCESSES);
    CompositeData[] found =
        (CompositeData[])
            server.invoke(
                name, "find", new Object[] {"--id 1999$"}, new String[] {"java.lang.String"});
    assertThat(found).hasSize(1);
    assertThat(found[0].get("pid")).isEqualTo(2000L);
  }

  @Test
  void maxRowsBoundsWhatOneReadReturns() throws Exception {
    ObjectName name = new ObjectName("psinfo:type=ProcessTable");
    MBeanServer server = register(new ProcessTable(sampler(), 100, ExportOrder.MEMORY), name);
    assertThat(((TabularData) server.getAttribute(name, "Processes")).size()).isEqualTo(100);
    // the count says how many there are; the lists say at most maxRows of them
    assertThat(server.getAttribute(name, "ProcessCount")).isEqualTo(PROCESSES);
    String[] text = {"java.lang.String"};
    String[] integer = {"int"};
    assertThat((CompositeData[]) server.invoke(name, "find", new Object[] {"."}, text))
        .hasSize(100);
    assertThat((CompositeData[]) server.invoke(name, "byUser", new Object[] {"root"}, text))
        .hasSize(100);
    assertThat((CompositeData[]) server.invoke(name, "topByCpu", new Object[] {5000}, integer))
        .hasSize(100);
    assertThat((CompositeData[]) server.invoke(name, "topByMemory", new Object[] {3}, integer))
        .hasSize(3);
    assertThat(
            (CompositeData[])
                server.invoke(name, "children", new Object[] {1L}, new String[] {"long"}))
        .hasSize(100);
  }
}
