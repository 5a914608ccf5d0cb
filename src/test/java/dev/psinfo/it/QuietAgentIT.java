package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The agent at its default {@code log=warn} is silent in the host's output: everything the child
 * JVM writes to stdout and stderr is captured, and only the application's own lines are there.
 */
@EnabledOnOs(OS.LINUX)
class QuietAgentIT {
  @Test
  void aHealthyAgentPrintsNothing() throws Exception {
    try (ChildJvm child =
        ChildJvm.startAsGiven(List.of("-javaagent:" + ChildJvm.agentJar()), List.of())) {
      MBeanServerConnection jmx = child.jmx();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!jmx.isRegistered(ChildJvmNames.TABLE) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(jmx.isRegistered(ChildJvmNames.TABLE)).isTrue();
      GuestSafetyIT.readEverything(jmx);
      jmx.invoke(ChildJvmNames.TABLE, "refresh", new Object[0], new String[0]);
      GuestSafetyIT.readEverything(jmx);
      assertThat(child.stop()).isZero();
      assertThat(child.stderr()).isEmpty();
      assertThat(child.stdout())
          .containsExactly("SLF4J absent", "JMXUTILS absent", "READY " + child.pid());
    }
  }

  @Test
  void badOptionsAreOneLineNamingEach() throws Exception {
    try (ChildJvm child =
        ChildJvm.startAsGiven(
            List.of("-javaagent:" + ChildJvm.agentJar() + "=ttl=banana,foo=1"), List.of(), "6")) {
      assertThat(child.stop()).isEqualTo(6);
      assertThat(child.stderr())
          .singleElement()
          .asString()
          .startsWith("psinfo-jmx: agent not started: 2 bad options: ")
          .contains("bad value for ttl: 'banana'", "unknown option 'foo'");
      assertThat(child.stdout())
          .containsExactly("SLF4J absent", "JMXUTILS absent", "READY " + child.pid());
    }
  }
}
