package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Named process groups in a real child JVM, read over a real JMX connector. */
@EnabledOnOs(OS.LINUX)
class GroupsIT {
  @Test
  void aGroupOfFiveMarkedProcessesAddsUpTheirRows() throws Exception {
    try (MarkedProcesses marked = new MarkedProcesses().start(5, 300)) {
      ObjectName group = new ObjectName("psinfo:type=ProcessGroup,name=marked");
      ObjectName empty = new ObjectName("psinfo:type=ProcessGroup,name=none-here");
      // "[p]sinfo-mark-…" matches the shells but not the child JVM's own command line
      String options =
          "ttl=10m,maxRows=1,group.marked=[p]"
              + marked.marker.substring(1)
              + ",group.none-here=^no-such-process-name$";
      try (ChildJvm child =
          ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + options))) {
        MBeanServerConnection jmx = child.jmx();
        assertThat(jmx.queryNames(new ObjectName("psinfo:type=ProcessGroup,*"), null))
            .containsExactlyInAnyOrder(group, empty);
        assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Scans")).isEqualTo(0L);

        // maxRows=1 cuts the table, not the group
        assertThat(jmx.getAttribute(group, "ProcessCount")).isEqualTo(5);
        long[] pids = (long[]) jmx.getAttribute(group, "Pids");
        assertThat(Arrays.stream(pids).boxed()).containsExactlyInAnyOrderElementsOf(marked.pids());
        // read each member's row by pid (maxRows=1 cuts Processes)
        long rssSum = 0;
        long threadSum = 0;
        long cpuSum = 0;
        long oldest = Long.MAX_VALUE;
        for (long pid : pids) {
          CompositeData row =
              (CompositeData)
                  jmx.invoke(
                      ChildJvmNames.TABLE,
                      "process",
                      new Object[] {pid},
                      new String[] {long.class.getName()});
          long rss = (Long) row.get("rssBytes");
          assertThat(rss).isPositive();
          rssSum += rss;
          threadSum += ((Number) row.get("threads")).longValue();
          cpuSum += (Long) row.get("cpuTimeMillis");
          oldest = Math.min(oldest, (Long) row.get("startTimeMillis"));
        }
        assertThat(jmx.getAttribute(group, "RssBytes")).isEqualTo(rssSum);
        assertThat(jmx.getAttribute(group, "ThreadCount")).isEqualTo(threadSum);
        assertThat(jmx.getAttribute(group, "CpuTimeMillis")).isEqualTo(cpuSum);
        assertThat(jmx.getAttribute(group, "OldestStartTimeMillis")).isEqualTo(oldest);
        assertThat((Long) jmx.getAttribute(group, "VszBytes")).isGreaterThan(rssSum);
        assertThat(jmx.getAttribute(group, "SnapshotTimeMillis"))
            .isEqualTo(jmx.getAttribute(ChildJvmNames.TABLE, "SnapshotTimeMillis"));
        // one scan served the table and both groups
        assertThat(jmx.getAttribute(empty, "ProcessCount")).isEqualTo(0);
        assertThat(jmx.getAttribute(empty, "OldestStartTimeMillis")).isEqualTo(-1L);
        assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Scans")).isEqualTo(1L);

        // a member that exits leaves the group at the next scan
        marked.kill(0);
        // refresh() scans at most once per min(ttl, 1 s): ask until the next scan has run
        long scans = (Long) jmx.getAttribute(ChildJvmNames.AGENT, "Scans");
        for (int i = 0;
            i < 100 && (Long) jmx.getAttribute(ChildJvmNames.AGENT, "Scans") == scans;
            i++) {
          jmx.invoke(ChildJvmNames.TABLE, "refresh", new Object[0], new String[0]);
          Thread.sleep(100);
        }
        assertThat(jmx.getAttribute(group, "ProcessCount")).isEqualTo(4);
        assertThat(Arrays.stream((long[]) jmx.getAttribute(group, "Pids")).boxed())
            .doesNotContain(marked.pids().get(0));
        assertThat(child.stop()).isZero();
      }
    }
  }

  /**
   * README's {@code group.web=nginx} on a host without nginx counts 0, with two JVMs running psinfo
   * with that option (one from a renamed copy of the jar, recognised by its manifest), while their
   * {@code -D} flags and jar names are still matched, and {@code exclude}/{@code pin} ignore psinfo
   * options too.
   */
  @Test
  void groupsAndFiltersNeverMatchPsinfosOwnOptions(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        ProcessHandle.allProcesses()
            .noneMatch(p -> p.info().command().orElse("").contains("nginx")),
        "this host runs nginx");
    String token = "tok" + UUID.randomUUID().toString().replace("-", "");
    String role = "role" + UUID.randomUUID().toString().replace("-", "");
    Path renamed = Files.copy(ChildJvm.agentJar(), dir.resolve("monitor.jar"));
    String aOptions =
        "ttl=10m,group.web=nginx,group.mine="
            + token
            + ",group.role="
            + role
            + ",group.jar="
            + dir.getFileName()
            + "/monitor\\.jar";
    String bOptions = "ttl=10m,log=info,group.web=nginx,exclude=" + token + ",pin=" + token;
    try (ChildJvm a =
            ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + aOptions));
        ChildJvm b =
            ChildJvm.start(
                List.of("-javaagent:" + renamed + "=" + bOptions, "-Dpsinfo.it.role=" + role))) {
      b.awaitAgentOutcome(60);
      ObjectName web = new ObjectName("psinfo:type=ProcessGroup,name=web");
      for (ChildJvm c : List.of(a, b)) {
        assertThat(c.jmx().getAttribute(web, "ProcessCount")).as("web in %s", c.pid()).isEqualTo(0);
        assertThat((long[]) c.jmx().getAttribute(web, "Pids")).isEmpty();
      }
      MBeanServerConnection ja = a.jmx();
      // the token is only in psinfo options (a's group, b's exclude and pin): no process matches
      assertThat(ja.getAttribute(group("mine"), "ProcessCount")).isEqualTo(0);
      // b's -D flag and the renamed jar's name in b's -javaagent are matched as before
      assertThat((long[]) ja.getAttribute(group("role"), "Pids")).containsExactly(b.pid());
      assertThat((long[]) ja.getAttribute(group("jar"), "Pids")).containsExactly(b.pid());
      // b's exclude=TOKEN hides neither JVM, though both carry the token in their options
      TabularData shown = (TabularData) b.jmx().getAttribute(ChildJvmNames.TABLE, "Processes");
      assertThat(shown.values().stream().map(r -> (Long) ((CompositeData) r).get("pid")).toList())
          .contains(a.pid(), b.pid());
      assertThat(a.stop()).isZero();
      assertThat(b.stop()).isZero();
    }
  }

  /**
   * {@code expect.web=2} with one member: down, with {@code psinfo.group.down} to a remote
   * listener; the member killed and started again counts a restart; a second member brings it up
   * with {@code psinfo.group.up}.
   */
  @Test
  void aGroupThatExpectsTwoIsDownWithOneCountsARestartAndComesBackUp() throws Exception {
    try (MarkedProcesses marked = new MarkedProcesses().start(1, 300)) {
      ObjectName web = group("web");
      String options =
          "ttl=1s,eventInterval=1s,expect.web=2,group.web=[p]" + marked.marker.substring(1);
      try (ChildJvm child =
          ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + options))) {
        MBeanServerConnection jmx = child.jmx();
        BlockingQueue<Notification> got = new LinkedBlockingQueue<>();
        jmx.addNotificationListener(web, (n, hb) -> got.add(n), null, null);
        Notification down = got.poll(120, TimeUnit.SECONDS);
        assertThat(down).as("psinfo.group.down within 2 minutes").isNotNull();
        assertThat(down.getType()).isEqualTo("psinfo.group.down");
        CompositeData totals = (CompositeData) down.getUserData();
        assertThat(totals.get("group")).isEqualTo("web");
        assertThat(totals.get("processCount")).isEqualTo(1);
        assertThat(totals.get("expected")).isEqualTo(2);
        assertThat(jmx.getAttribute(web, "Expected")).isEqualTo(2);
        assertThat(jmx.getAttribute(web, "Up")).isEqualTo(false);
        assertThat((Long) jmx.getAttribute(web, "DownSinceMillis")).isPositive();
        assertThat(jmx.getAttribute(web, "Restarts")).isEqualTo(0L);

        // the member dies and is started again: a restart, still down
        marked.kill(0);
        marked.start(1, 300);
        long newPid = marked.pids().get(1);
        for (int i = 0; i < 600 && (Long) jmx.getAttribute(web, "Restarts") < 1; i++) {
          Thread.sleep(200);
        }
        assertThat((Long) jmx.getAttribute(web, "Restarts")).isGreaterThanOrEqualTo(1L);
        assertThat((long[]) jmx.getAttribute(web, "Pids")).containsExactly(newPid);
        long started =
            ProcessHandle.of(newPid)
                .orElseThrow()
                .info()
                .startInstant()
                .orElseThrow()
                .toEpochMilli();
        assertThat((Long) jmx.getAttribute(web, "LastStartMillis"))
            .isCloseTo(started, org.assertj.core.data.Offset.offset(1000L));
        assertThat(got).as("no change while down").isEmpty();

        // a second member: up again
        marked.start(1, 300);
        Notification up = got.poll(120, TimeUnit.SECONDS);
        assertThat(up).as("psinfo.group.up within 2 minutes").isNotNull();
        assertThat(up.getType()).isEqualTo("psinfo.group.up");
        assertThat(((CompositeData) up.getUserData()).get("processCount")).isEqualTo(2);
        assertThat(jmx.getAttribute(web, "Up")).isEqualTo(true);
        assertThat(jmx.getAttribute(web, "DownSinceMillis")).isEqualTo(-1L);
        assertThat(child.stop()).isZero();
      }
    }
  }

  private static ObjectName group(String name) throws Exception {
    return new ObjectName("psinfo:type=ProcessGroup,name=" + name);
  }

  @Test
  void usersShowsTheTestUsersTotalsOfTheSameSnapshot() throws Exception {
    String me = System.getProperty("user.name");
    try (MarkedProcesses marked = new MarkedProcesses().start(3, 300);
        ChildJvm child =
            ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=ttl=10m"))) {
      MBeanServerConnection jmx = child.jmx();
      TabularData users = (TabularData) jmx.getAttribute(ChildJvmNames.TABLE, "Users");
      TabularData processes = (TabularData) jmx.getAttribute(ChildJvmNames.TABLE, "Processes");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Scans")).isEqualTo(1L);
      CompositeData mine = users.get(new Object[] {me});
      int count = 0;
      long rss = 0;
      long threads = 0;
      long cpu = 0;
      for (Object o : processes.values()) {
        CompositeData row = (CompositeData) o;
        if (row.get("user").equals(me)) {
          count++;
          rss += Math.max(0, (Long) row.get("rssBytes"));
          threads += Math.max(0, ((Number) row.get("threads")).longValue());
          cpu += Math.max(0, (Long) row.get("cpuTimeMillis"));
        }
      }
      assertThat(count).isGreaterThanOrEqualTo(5); // this JVM, the child and the 3 shells
      for (long pid : marked.pids()) {
        assertThat(
                processes.values().stream()
                    .anyMatch(r -> ((CompositeData) r).get("pid").equals(pid)))
            .isTrue();
      }
      assertThat(mine.get("processCount")).isEqualTo(count);
      assertThat(mine.get("rssBytes")).isEqualTo(rss);
      assertThat(mine.get("threadCount")).isEqualTo(threads);
      assertThat(mine.get("cpuTimeMillis")).isEqualTo(cpu);
      int all = 0;
      for (Object o : users.values()) {
        all += (Integer) ((CompositeData) o).get("processCount");
      }
      assertThat(all).isEqualTo(processes.size());
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void aBadGroupIsOneLineNamingTheKeyAndTheHostRunsOn() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=group.web=(nginx"), "3")) {
      assertThat(child.jmx().isRegistered(ChildJvmNames.TABLE)).isFalse();
      assertThat(child.stop()).isEqualTo(3);
      assertThat(child.stderr()).hasSize(1);
      assertThat(child.stderr().get(0))
          .startsWith("psinfo-jmx: agent not started: bad value for group.web: '(nginx'");
    }
  }
}
