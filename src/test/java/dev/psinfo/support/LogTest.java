package dev.psinfo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogTest {
  private final PrintStream realErr = System.err;

  @AfterEach
  void restore() {
    System.setErr(realErr);
    Log.setLevel(Log.Level.WARN);
  }

  @Test
  void controlCharactersCannotForgeALine() {
    assertThat(Log.printable("plain text, \\ and é")).isEqualTo("plain text, \\ and é");
    assertThat(Log.printable("a\nINFO forged\r\tb\u0007\u001b[31m\u0085\u2028"))
        .isEqualTo("a\\nINFO forged\\r\\tb\\u0007\\u001b[31m\\u0085\\u2028");
  }

  @Test
  void placeholdersTakeTheArgumentsInOrder() {
    assertThat(Log.format("pid {} in {}: {}", 42, "/proc", "gone"))
        .isEqualTo("pid 42 in /proc: gone");
    assertThat(Log.format("no placeholder", 1)).isEqualTo("no placeholder");
    assertThat(Log.format("{} and {}", "one")).isEqualTo("one and {}");
  }

  @Test
  void theLevelDecidesWhatIsPrintedOneLineEach() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Log log = Log.of(LogTest.class);
    log.info("not at warn");
    log.debug("not at warn");
    log.warn("name {}", "evil\nINFO forged");
    Log.setLevel(Log.Level.OFF);
    log.warn("not when off");
    Log.setLevel(Log.Level.DEBUG);
    log.debug("details");
    assertThat(err.toString(StandardCharsets.UTF_8).split("\n", -1))
        .containsExactly(
            "psinfo-jmx WARN [LogTest]: name evil\\nINFO forged",
            "psinfo-jmx DEBUG [LogTest]: details",
            "");
  }
}
