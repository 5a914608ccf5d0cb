package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import javax.management.MBeanServerConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code attach} leaves no listening socket in its target: the target's listening TCP (and bound
 * UDP) sockets, matched through {@code /proc/<pid>/net/tcp*} inodes against its {@code fd} links,
 * are the same before and after. With {@code --start-management-agent} it starts the JDK's local
 * JMX connector, which the same measurement sees as one more listening socket.
 */
@EnabledOnOs(OS.LINUX)
class AttachIT {
  @Test
  void attachOpensNoPortInTheTarget() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      String pid = Long.toString(child.pid());
      Set<String> before = NoListeningPortIT.listening(child.pid());
      CliIT.Result r = CliIT.cli("attach", pid, "ttl=0");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .contains(
              "loaded psinfo-jmx into pid " + pid,
              "psinfo:type=ProcessTable",
              "psinfo:type=SystemInfo",
              "psinfo:type=Agent")
          .doesNotContain("local JMX connector");
      assertThat(NoListeningPortIT.listening(child.pid())).isEqualTo(before);

      CliIT.Result again = CliIT.cli("attach", pid, "ttl=5s");
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.out()).contains("already registered in pid " + pid, "psinfo:type=Agent");
      assertThat(NoListeningPortIT.listening(child.pid())).isEqualTo(before);

      // the beans are there for a client that brings its own connector
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Options")).isEqualTo("ttl=0");
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void theOldBehaviourOnlyWhenAskedFor() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      String pid = Long.toString(child.pid());
      Set<String> before = NoListeningPortIT.listening(child.pid());
      CliIT.Result r = CliIT.cli("attach", pid, "--start-management-agent");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("local JMX connector of pid " + pid + ": service:jmx:");
      Set<String> after = NoListeningPortIT.listening(child.pid());
      assertThat(after).containsAll(before).hasSize(before.size() + 1);
      assertThat(child.stop()).isZero();
    }
  }
}
