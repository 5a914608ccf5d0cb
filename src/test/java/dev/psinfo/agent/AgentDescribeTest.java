package dev.psinfo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.AccessControlException;
import org.junit.jupiter.api.Test;

/** The one stderr line the agent prints when it cannot start says why. */
class AgentDescribeTest {
  @Test
  @SuppressWarnings("removal")
  void aWrapperWithoutAMessageNamesItsRootCause() {
    Throwable t =
        new ExceptionInInitializerError(
            new IllegalStateException(
                "wrapped", new AccessControlException("access denied (\"x\" \"y\")")));
    assertThat(Agent.describe(t))
        .isEqualTo(
            "java.lang.ExceptionInInitializerError (cause:"
                + " java.security.AccessControlException: access denied (\"x\" \"y\"))");
  }

  @Test
  void aPlainExceptionIsTypeAndMessageOnOneLine() {
    assertThat(Agent.describe(new IllegalStateException("two\nlines")))
        .isEqualTo("java.lang.IllegalStateException: two lines");
    assertThat(Agent.describe(new OutOfMemoryError())).isEqualTo("java.lang.OutOfMemoryError");
  }
}
