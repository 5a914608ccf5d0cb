package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowsViewCsvTest {
  @Test
  void csvReplacesControlCharactersAsTheTableDoes() {
    // a process may put ESC, BEL, CR and LF in its name and arguments
    ProcessSample row =
        new ProcessSample(
            ProcessInfo.builder(42)
                .user("alice")
                .name("evil\u0007")
                .args("x \u001b]0;owned\u0007 \u001b[2J,a\rb\nc \"q\"")
                .build(),
            0.5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RowsView.csv(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(row));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2); // header and one row: no line break from the arguments
    assertThat(lines.get(1)).contains(",evil?,", ",\"x ?]0;owned? ?[2J,a?b?c \"\"q\"\"\",");
  }
}
