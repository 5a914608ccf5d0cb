package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code groupChildren}: a real shell that matches a group starts a child and a shell with a child
 * of its own; with {@code groupChildren=true} the group counts the shell and its three descendants,
 * with the default ({@code false}) the shell alone.
 */
@EnabledOnOs(OS.LINUX)
class GroupChildrenIT {
  private static final ObjectName GROUP = name("psinfo:type=ProcessGroup,name=kids");

  @Test
  void aGroupCountsTheDescendantsOfItsMatchesOnlyWithGroupChildren() throws Exception {
    String marker = "psinfo-kids-" + UUID.randomUUID().toString().substring(0, 8);
    // $0 is the marker; "sleep &" is a child, "sh -c … &" a child with a child of its own, each
    // exec'ed, so none has the marker in its arguments (a forked subshell "( … ) &" would keep
    // the parent's command line and match by itself)
    Process parent =
        Spawned.start(
            new ProcessBuilder(
                    "/bin/sh", "-c", "sleep 300 & /bin/sh -c 'sleep 300; true' & wait", marker)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
    try {
      List<Long> family = new ArrayList<>(List.of(parent.pid()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (parent.descendants().count() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      parent.descendants().forEach(d -> family.add(d.pid()));
      assertThat(family).hasSize(4);
      // "[p]sinfo-kids-…" matches the shell's $0, not the child JVM's own command line
      String group = "ttl=10m,group.kids=[p]" + marker.substring(1);

      try (ChildJvm child =
          ChildJvm.start(
              List.of("-javaagent:" + ChildJvm.agentJar() + "=" + group + ",groupChildren=true"))) {
        MBeanServerConnection jmx = child.jmx();
        assertThat(jmx.getAttribute(GROUP, "ProcessCount")).isEqualTo(4);
        assertThat(Arrays.stream((long[]) jmx.getAttribute(GROUP, "Pids")).boxed())
            .containsExactlyInAnyOrderElementsOf(family);
        assertThat(child.stop()).isZero();
      }
      try (ChildJvm child =
          ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + group))) {
        MBeanServerConnection jmx = child.jmx();
        assertThat(jmx.getAttribute(GROUP, "ProcessCount")).isEqualTo(1);
        assertThat((long[]) jmx.getAttribute(GROUP, "Pids")).containsExactly(parent.pid());
        assertThat(child.stop()).isZero();
      }
    } finally {
      Spawned.killTree(parent);
    }
  }

  private static ObjectName name(String text) {
    try {
      return new ObjectName(text);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
