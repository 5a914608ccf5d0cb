package dev.psinfo.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void prefixNeverKeepsHalfASurrogatePair() {
    String s = "ab\uD83D\uDE00cd"; // a, b, an emoji (two chars), c, d
    assertThat(Printable.prefix(s, 3)).isEqualTo("ab");
    assertThat(Printable.prefix(s, 4)).isEqualTo("ab\uD83D\uDE00");
    assertThat(Printable.prefix(s, 6)).isSameAs(s);
    assertThat(Printable.prefix(s, 0)).isEmpty();
  }

  @Test
  void plainTextIsTheSameInstance() {
    String s = "java -Dx=ü C:\\dir 日本";
    assertThat(Printable.escape(s)).isSameAs(s);
    assertThat(Printable.question(s)).isSameAs(s);
  }

  @Test
  void terminalSequencesAreVisible() {
    assertThat(Printable.escape("\u001b]0;PWN\u0007\u001b[2J"))
        .isEqualTo("\\u001b]0;PWN\\u0007\\u001b[2J");
    assertThat(Printable.escape("a\tb\nc\rd")).isEqualTo("a\\tb\\nc\\rd");
    // 8-bit CSI and OSC (UTF-8 C2 9B, C2 9D), DEL
    assertThat(Printable.escape("x\u009b2Jy\u009dz\u007f")).isEqualTo("x\\u009b2Jy\\u009dz\\u007f");
  }

  @Test
  void bidiAndInvisibleCharactersAreVisible() {
    assertThat(Printable.escape("bidi\u202Egnp.exe")).isEqualTo("bidi\\u202egnp.exe");
    assertThat(Printable.escape("\u2066a\u2069\u200e\u200f\u061c\u200b\ufeff\u2028"))
        .isEqualTo("\\u2066a\\u2069\\u200e\\u200f\\u061c\\u200b\\ufeff\\u2028");
    assertThat(Printable.question("bidi\u202Egnp\u001b.exe")).isEqualTo("bidi?gnp?.exe");
  }

  @Test
  void nothingUnsafeSurvives() {
    Random random = new Random(42);
    for (int n = 0; n < 10_000; n++) {
      char[] chars = new char[random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (random.nextBoolean() ? random.nextInt(0x300) : random.nextInt(0x10000));
      }
      assertSafe(new String(chars));
    }
  }

  private static void assertSafe(String s) {
    assertThat(Printable.firstUnsafe(Printable.escape(s))).isEqualTo(-1);
    assertThat(Printable.firstUnsafe(Printable.question(s))).isEqualTo(-1);
    assertThat(Printable.question(s)).hasSameSizeAs(s);
  }
}
