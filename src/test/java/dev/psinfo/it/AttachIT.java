package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
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
              "psinfo:type=Agent",
              "open them with: jconsole -pluginpath "
                  + ChildJvm.agentJar().toAbsolutePath()
                  + " "
                  + pid)
          .doesNotContain("local JMX connector");
      assertThat(NoListeningPortIT.listening(child.pid())).isEqualTo(before);

      CliIT.Result again = CliIT.cli("attach", pid, "ttl=5s");
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.out())
          .contains("already registered in pid " + pid + "; applied ttl=5s", "psinfo:type=Agent");
      assertThat(NoListeningPortIT.listening(child.pid())).isEqualTo(before);

      // the beans are there for a client that brings its own connector
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Options")).isEqualTo("ttl=0");
      assertThat(child.stop()).isZero();
    }
  }

  /**
   * {@code attach PID OPTIONS} into a JVM whose agent runs (from {@code -javaagent}, at the default
   * {@code log=warn}) applies the live options, names the rest in one line, and the Agent bean does
   * the same through {@code applyOptions}.
   */
  @Test
  void attachIntoARunningAgentAppliesTheLiveOptionsAndNamesTheRest() throws Exception {
    try (ChildJvm child =
        ChildJvm.startAsGiven(
            List.of("-javaagent:" + ChildJvm.agentJar() + "=ttl=10m"), List.of())) {
      String pid = Long.toString(child.pid());
      MBeanServerConnection jmx = child.jmx();
      // premain registers on a daemon thread, silently at log=warn: wait until it has
      for (int i = 0; i < 600 && !jmx.isRegistered(ChildJvmNames.AGENT); i++) {
        Thread.sleep(100);
      }
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "TtlMillis")).isEqualTo(600_000L);
      assertThat(child.stderr()).isEmpty(); // log=warn: a healthy agent is silent

      CliIT.Result r = CliIT.cli("attach", pid, "log=debug,maxRows=5,ttl=3s,group.web=nginx");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .contains(
              "psinfo-jmx is already registered in pid "
                  + pid
                  + "; applied log=debug, ttl=3s; need a restart (not applied): maxRows,"
                  + " group.web (live: log, ttl, eventInterval)",
              "psinfo:type=Agent");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "TtlMillis")).isEqualTo(3_000L);
      assertThat((String) jmx.getAttribute(ChildJvmNames.AGENT, "LiveOptions"))
          .startsWith("log=debug, ttl=3000ms");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Options")).isEqualTo("ttl=10m");
      // the running agent's level changed: at log=warn it would have said nothing
      child.awaitAgentOutcome(30);
      assertThat(child.stderr())
          .anyMatch(l -> l.contains("INFO") && l.contains("applied log=debug, ttl=3s"));
      assertThat(jmx.queryNames(new ObjectName("psinfo:*"), null)).hasSize(4);

      // the Agent bean does the same
      Object line =
          jmx.invoke(
              ChildJvmNames.AGENT,
              "applyOptions",
              new Object[] {"log=warn,eventInterval=2s,probe=aix"},
              new String[] {String.class.getName()});
      assertThat(line)
          .isEqualTo(
              "applied log=warn, eventInterval=2s; need a restart (not applied): probe"
                  + " (live: log, ttl, eventInterval)");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "LiveOptions"))
          .isEqualTo("log=warn, ttl=3000ms, eventInterval=2000ms");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "LastOptionsChange")).isEqualTo(line);
      assertThatThrownBy(
              () ->
                  jmx.invoke(
                      ChildJvmNames.AGENT,
                      "applyOptions",
                      new Object[] {"ttl=banana"},
                      new String[] {String.class.getName()}))
          .hasStackTraceContaining("bad value for ttl: 'banana'");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "TtlMillis")).isEqualTo(3_000L);
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
