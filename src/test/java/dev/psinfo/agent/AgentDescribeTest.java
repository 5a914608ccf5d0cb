package dev.psinfo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        .isEqualTo("java.lang.IllegalStateException: two\\nlines");
    assertThat(Agent.describe(new OutOfMemoryError())).isEqualTo("java.lang.OutOfMemoryError");
  }

  @Test
  void badOptionsAreOneLineThatNamesEachAndCannotForgeAnother() {
    PrintStream realErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Agent.start("ttl=banana,foo=1,include=x\npsinfo-jmx INFO forged=(", false))
          .isFalse();
    } finally {
      System.setErr(realErr);
    }
    String out = err.toString(StandardCharsets.UTF_8);
    assertThat(out).endsWith("\n").hasLineCount(1);
    assertThat(out)
        .startsWith("psinfo-jmx: agent not started: 3 bad options: ")
        .contains("bad value for ttl: 'banana'", "unknown option 'foo'")
        .contains("'x\\npsinfo-jmx INFO forged=(' is not a valid regex");
  }
}
