package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AttachCommandTest {
  private static final Path JAR = Path.of("/root/tools/psinfo-jmx-agent.jar");
  private static final String NOT_FOUND =
      "AgentLoadException: Agent JAR not found or no Agent-Class attribute";

  @Test
  void aJarTheTargetsUserCannotReadIsNamedWithThatUser() {
    // the review's case: root attaches to a JVM of user 'app' with a jar under /root (mode 700)
    assertThat(AttachCommand.jarHint(NOT_FOUND, 4242, "app", "root", JAR))
        .isEqualTo(
            " (pid 4242 runs as app, not root: that user opens the jar itself and must be able to"
                + " read /root/tools/psinfo-jmx-agent.jar and enter every directory above it;"
                + " copy the jar to a place it can read, e.g. /tmp)");
  }

  @Test
  void theSameOrAnUnknownUserGetsTheGeneralHint() {
    assertThat(AttachCommand.jarHint(NOT_FOUND, 4242, "root", "root", JAR))
        .startsWith(" (the JVM opens the jar itself and must be able to read " + JAR);
    assertThat(AttachCommand.jarHint(NOT_FOUND, 4242, "", "root", JAR))
        .startsWith(" (the JVM opens the jar itself");
  }

  @Test
  void otherFailuresGetNoHint() {
    assertThat(
            AttachCommand.jarHint(
                "AgentInitializationException: Agent JAR loaded but agent failed to initialize",
                4242,
                "app",
                "root",
                JAR))
        .isEmpty();
  }
}
