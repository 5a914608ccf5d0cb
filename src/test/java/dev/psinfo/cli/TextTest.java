package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(Text.json("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(Text.json("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
    assertThat(Text.json("\u0001\u001f\u007f\u2028")).isEqualTo("\"\\u0001\\u001f\\u007f\\u2028\"");
    assertThat(Text.json("grüß 日本")).isEqualTo("\"grüß 日本\"");
  }

  @Test
  void jsonNumbersAreIntegralWhenTheyCanBe() {
    assertThat(Text.json(-1.0)).isEqualTo("-1");
    assertThat(Text.json(12.5)).isEqualTo("12.5");
    assertThat(Text.json(Double.NaN)).isEqualTo("-1");
  }

  @Test
  void csvQuotesOnlyWhenNeeded() {
    assertThat(Text.csv("plain")).isEqualTo("plain");
    assertThat(Text.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(Text.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Text.csv("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void jsonEscapesC0C1AndBidiControlsAndParsesBackToTheExactText() {
    String hostile = "\u001b]0;PWN\u0007 \u009b2J \u009d0;x bidi\u202Egnp.exe \u2028 \\ \"q\"";
    String json = Text.json(hostile);
    assertThat(json)
        .isEqualTo(
            "\"\\u001b]0;PWN\\u0007 \\u009b2J \\u009d0;x bidi\\u202egnp.exe \\u2028 \\\\"
                + " \\\"q\\\"\"");
    assertThat(dev.psinfo.text.Printable.firstUnsafe(json)).isEqualTo(-1);
    assertThat(com.google.gson.JsonParser.parseString(json).getAsString()).isEqualTo(hostile);
  }

  @Test
  void tarHeadersCarryAValidChecksumAndSplitLongNames() throws IOException {
    TarWriter tar = new TarWriter(new ByteArrayOutputStream(), 1_700_000_000L);
    byte[] h = tar.header("dir/file", 5, '0', 0644);
    assertThat(h).hasSize(512);
    assertThat(new String(h, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
    }
    assertThat(Long.parseLong(new String(h, 148, 6, StandardCharsets.US_ASCII), 8)).isEqualTo(sum);
    assertThat(new String(h, 124, 11, StandardCharsets.US_ASCII)).isEqualTo("00000000005");

    String longName = "a".repeat(90) + "/" + "b".repeat(90);
    byte[] split = tar.header(longName, 0, '0', 0644);
    assertThat(new String(split, 0, 90, StandardCharsets.US_ASCII)).isEqualTo("b".repeat(90));
    assertThat(new String(split, 345, 90, StandardCharsets.US_ASCII)).isEqualTo("a".repeat(90));
    assertThatThrownBy(() -> tar.header("c".repeat(120), 0, '0', 0644))
        .hasMessageContaining("too long");
  }
}
