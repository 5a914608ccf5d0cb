package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.jmx.ProcessRows;
import dev.psinfo.jmx.ProcessTableClient;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.probe.aix.FakeAixProc;
import dev.psinfo.probe.aix.PsinfoBytes;
import dev.psinfo.probe.aix.PstatusBytes;
import dev.psinfo.sampling.ProcessSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded agent jar with {@code probe=aix} in a real child JVM, over a fake AIX {@code /proc}
 * made of the real AIX 7.2 samples plus synthetic records, read over JMX field by field.
 */
class AixAgentIT {
  @TempDir Path tmp;

  @Test
  void everyFieldAsTheLayoutSays() throws Exception {
    Path proc = tmp.resolve("proc");
    copyTree(testdata().resolve("aix/proc"), proc);
    // a zombie, junk arguments, a 16-byte name, 80-byte args, 3 TB rss, unsigned uid, no status
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(4242).ppid(1).zombie());
    FakeAixProc.writeProcess(
        proc,
        PsinfoBytes.process(300)
            .ppid(1)
            .uid(4294967294L)
            .euid(4294967294L)
            .fname("averyveryverylon")
            .psargsBytes(new byte[] {1, 2, 3, 'x'})
            .rssizeKb(3L * 1024 * 1024 * 1024)
            .sname('O')
            .state(4),
        PstatusBytes.process(300).utime(1, 500_000_000).stime(0, 250_000_000));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(301).ppid(300).psargs("x".repeat(80)));
    // a corrupt entry and a non-process entry: skipped and counted, never fatal
    FakeAixProc.writeFile(proc, 302, "psinfo", new byte[100]);
    Files.createDirectories(proc.resolve("sys"));
    Path passwd =
        Files.writeString(
            tmp.resolve("passwd"),
            "root:!:0:0::/:/usr/bin/ksh\nnobody:!:4294967294:4294967294::/:\n");

    String options = "probe=aix,procRoot=" + proc + ",passwdFile=" + passwd + ",ttl=0";
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + options))) {
      MBeanServerConnection jmx = child.jmx();
      ProcessTableClient table = new ProcessTableClient(jmx);
      assertThat(table.processes())
          .extracting(s -> s.info().pid())
          .containsExactly(1L, 300L, 301L, 4242L, 5767616L);

      // a hand-written client: the row by its index (pid, name, user)
      TabularData tabular = (TabularData) jmx.getAttribute(ChildJvmNames.TABLE, "Processes");
      CompositeData initRow = tabular.get(new Object[] {1L, "init", "root"});
      assertThat(initRow).isNotNull();
      assertThat(initRow.get("rssBytes")).isEqualTo(872448L);
      ProcessSample initSample = ProcessRows.sample(initRow);
      ProcessInfo init = initSample.info();
      assertThat(init.ppid()).isZero();
      assertThat(init.pgid()).isZero();
      assertThat(init.sid()).isZero();
      assertThat(init.uid()).isZero();
      assertThat(init.euid()).isZero();
      assertThat(init.gid()).isZero();
      assertThat(init.egid()).isZero();
      assertThat(init.args()).isEqualTo("/etc/init");
      assertThat(init.argsTruncated()).isFalse();
      assertThat(init.state()).isEqualTo(ProcessState.SLEEPING);
      assertThat(init.stateCode()).isEqualTo("S");
      assertThat(init.threads()).isEqualTo(1);
      assertThat(init.priority()).isEqualTo(67);
      assertThat(init.nice()).isEqualTo(20);
      assertThat(init.vszBytes()).isEqualTo(856064);
      assertThat(init.rssBytes()).isEqualTo(872448);
      assertThat(init.startTimeMillis()).isEqualTo(1740060607000L);
      assertThat(init.cpuTimeMillis()).isEqualTo(7155);
      assertThat(init.userTimeMillis()).isEqualTo(3109);
      assertThat(init.systemTimeMillis()).isEqualTo(4045);
      assertThat(initSample.cpuPercent()).isGreaterThanOrEqualTo(0);
      assertThat(init.voluntaryCtxSwitches()).isEqualTo(-1);
      assertThat(init.openFds()).isEqualTo(-1);
      assertThat(init.readBytes()).isEqualTo(-1);

      ProcessInfo cron = table.process(5767616).info();
      assertThat(cron.name()).isEqualTo("cron");
      assertThat(cron.args()).isEqualTo("/usr/sbin/cron");
      assertThat(cron.ppid()).isEqualTo(1);
      assertThat(cron.pgid()).isEqualTo(5767616);
      assertThat(cron.sid()).isEqualTo(5767616);
      assertThat(cron.gid()).isZero();
      assertThat(cron.egid()).isEqualTo(8);
      assertThat(cron.vszBytes()).isEqualTo(1183744);
      assertThat(cron.rssBytes()).isEqualTo(1212416);
      assertThat(cron.startTimeMillis()).isEqualTo(1740060633000L);
      assertThat(cron.cpuTimeMillis()).isEqualTo(126);
      assertThat(cron.userTimeMillis()).isEqualTo(55);
      assertThat(cron.systemTimeMillis()).isEqualTo(70);

      ProcessInfo zombie = table.process(4242).info();
      assertThat(zombie.state()).isEqualTo(ProcessState.ZOMBIE);
      assertThat(zombie.stateCode()).isEqualTo("Z");
      assertThat(zombie.threads()).isZero();
      assertThat(zombie.userTimeMillis()).isEqualTo(-1);
      // a zombie has no nice: the documented sentinel, not a legal nice value
      assertThat(zombie.nice()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);
      assertThat(zombie.priority()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);

      ProcessInfo odd = table.process(300).info();
      assertThat(odd.name()).isEqualTo("averyveryverylon");
      assertThat(odd.args()).isEqualTo("[averyveryverylon]");
      assertThat(odd.uid()).isEqualTo(4294967294L);
      assertThat(odd.user()).isEqualTo("nobody");
      assertThat(odd.rssBytes()).isEqualTo(3L * 1024 * 1024 * 1024 * 1024);
      assertThat(odd.state()).isEqualTo(ProcessState.SWAPPED);
      assertThat(odd.stateCode()).isEqualTo("O");
      assertThat(odd.userTimeMillis()).isEqualTo(1500);
      assertThat(odd.systemTimeMillis()).isEqualTo(250);

      ProcessInfo longArgs = table.process(301).info();
      assertThat(longArgs.argsTruncated()).isTrue();
      assertThat(longArgs.args()).startsWith("xxxx");
      assertThat(table.children(300)).extracting(r -> r.info().pid()).containsExactly(301L);
      assertThat(table.children(1)).extracting(r -> r.info().pid()).contains(5767616L, 300L, 301L);
      assertThat(table.topByMemory(1)).extracting(r -> r.info().pid()).containsExactly(300L);
      assertThat(table.byUser("nobody")).extracting(r -> r.info().pid()).containsExactly(300L);

      // generic client view: flat rows indexed by pid, name and user
      assertThat(tabular.getTabularType().getIndexNames()).containsExactly("pid", "name", "user");
      assertThat(tabular.get(new Object[] {4242L, zombie.name(), zombie.user()}))
          .isNotNull()
          .satisfies(z -> assertThat(z.get("nice")).isEqualTo(Integer.MIN_VALUE));

      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Probe")).isEqualTo("aix");
      assertThat((Long) jmx.getAttribute(ChildJvmNames.AGENT, "CorruptEntries")).isPositive();

      SystemInfoMXBean system =
          JMX.newMXBeanProxy(jmx, ChildJvmNames.SYSTEM, SystemInfoMXBean.class);
      assertThat(system.getBootTimeMillis()).isEqualTo(1740060607000L);
      assertThat(system.getProcessCount()).isEqualTo(5);
      assertThat(child.stop()).isZero();
    }
  }

  static Path testdata() {
    return Path.of(System.getProperty("psinfo.testdata", "testdata"));
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
