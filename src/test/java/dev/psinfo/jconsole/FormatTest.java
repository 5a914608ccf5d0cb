package dev.psinfo.jconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The plugin's own formats: instants to the second and the detail view's items. */
class FormatTest {
  static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void instantsToTheSecond() {
    assertThat(Format.localTime(0, UTC)).isEqualTo("1970-01-01 00:00:00");
    assertThat(Format.localTime(-1, UTC)).isEqualTo("-");
  }

  @Test
  void everyItemReadablyWithItsExactValue() {
    assertThat(Format.item("rssBytes", 9_834_496L, UTC)).isEqualTo("9.4M (9,834,496 bytes)");
    assertThat(Format.item("rssBytes", 100L, UTC)).isEqualTo("100 bytes");
    assertThat(Format.item("readBytes", -1L, UTC)).isEqualTo("-");
    assertThat(Format.item("startTimeMillis", 1_795_950_196_130L, UTC))
        .isEqualTo("2026-11-29 11:03:16");
    // TIME as ps writes it, and the exact milliseconds
    assertThat(Format.item("cpuTimeMillis", 65_430L, UTC)).isEqualTo("1:05 (65,430 ms)");
    assertThat(Format.item("cpuTimeMillis", 3_723_000L, UTC)).isEqualTo("1:02:03 (3,723,000 ms)");
    assertThat(Format.item("cpuPercent", 12.345, UTC)).isEqualTo("12.3 % of one CPU");
    assertThat(Format.item("argsTruncated", true, UTC)).isEqualTo("yes");
    assertThat(Format.item("nice", -5, UTC)).isEqualTo("-5");
    assertThat(Format.item("nice", Integer.MIN_VALUE, UTC)).isEqualTo("-");
    assertThat(Format.item("pid", 123456L, UTC)).isEqualTo("123456");
    assertThat(Format.item("wparId", 12, UTC)).isEqualTo("12");
    assertThat(Format.item("voluntaryCtxSwitches", 1234567L, UTC)).isEqualTo("1,234,567");
    assertThat(Format.item("state", "RUNNING", UTC)).isEqualTo("RUNNING");
  }
}
