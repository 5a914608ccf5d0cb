package dev.psinfo.jconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {
  static final ZoneId UTC = ZoneOffset.UTC;

  @ParameterizedTest
  @CsvSource({
    "-1, —",
    "0, 0 B",
    "1023, 1023 B",
    "1024, 1.0 KiB",
    "9834496, 9.4 MiB",
    "10485760, 10 MiB",
    "1073741823, 1.0 GiB",
    "1073741824, 1.0 GiB",
    "9223372036854775807, 8.0 EiB"
  })
  void bytesInBinaryUnits(long bytes, String expected) {
    assertThat(Format.bytes(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "-1, —",
    "0, 0:00.00",
    "8040, 0:08.04",
    "61500, 1:01.50",
    "3723000, 1:02:03",
    "93784000, 1-02:03:04"
  })
  void cpuTimeAsPsWritesIt(long millis, String expected) {
    assertThat(Format.cpuTime(millis)).isEqualTo(expected);
  }

  @Test
  void durationsAndTimes() {
    assertThat(Format.duration(59)).isEqualTo("00:00:59");
    assertThat(Format.duration(86_400 + 3_600 * 4 + 5)).isEqualTo("1 day 04:00:05");
    assertThat(Format.duration(3 * 86_400)).isEqualTo("3 days 00:00:00");
    assertThat(Format.localTime(0, UTC)).isEqualTo("1970-01-01 00:00:00");
    long noon = 1_795_950_000_000L; // 2026-11-29T11:00Z
    assertThat(Format.startTime(noon, noon + 3_600_000, UTC)).isEqualTo("11:00:00");
    assertThat(Format.startTime(noon, noon + 86_400_000, UTC)).isEqualTo("2026-11-29 11:00");
    assertThat(Format.startTime(-1, noon, UTC)).isEqualTo("—");
  }

  @Test
  void sentinelsAreNotAvailableButRealNegativeNicesAre() {
    assertThat(Format.available("rssBytes", -1L)).isFalse();
    assertThat(Format.available("rssBytes", 0L)).isTrue();
    assertThat(Format.available("threads", -1)).isFalse();
    assertThat(Format.available("cpuPercent", -1.0)).isFalse();
    assertThat(Format.available("cpuPercent", 0.0)).isTrue();
    assertThat(Format.available("user", "")).isFalse();
    assertThat(Format.available("openFds", null)).isFalse();
    assertThat(Format.available("nice", -1)).isTrue();
    assertThat(Format.available("nice", -20)).isTrue();
    assertThat(Format.available("nice", (int) Format.SIGNED_NOT_AVAILABLE)).isFalse();
    assertThat(Format.available("priority", Format.SIGNED_NOT_AVAILABLE)).isFalse();
  }

  @Test
  void everyItemReadably() {
    assertThat(Format.item("rssBytes", 9_834_496L, UTC)).isEqualTo("9.4 MiB (9,834,496 bytes)");
    assertThat(Format.item("rssBytes", 100L, UTC)).isEqualTo("100 B");
    assertThat(Format.item("readBytes", -1L, UTC)).isEqualTo("—");
    assertThat(Format.item("startTimeMillis", 1_795_950_196_130L, UTC))
        .isEqualTo("2026-11-29 11:03:16");
    assertThat(Format.item("cpuTimeMillis", 3_723_000L, UTC)).isEqualTo("1:02:03");
    assertThat(Format.item("cpuPercent", 12.345, UTC)).isEqualTo("12.3 % of one CPU");
    assertThat(Format.item("argsTruncated", true, UTC)).isEqualTo("yes");
    assertThat(Format.item("nice", -5, UTC)).isEqualTo("-5");
    assertThat(Format.item("pid", 123456L, UTC)).isEqualTo("123456");
    assertThat(Format.item("voluntaryCtxSwitches", 1234567L, UTC)).isEqualTo("1,234,567");
    assertThat(Format.item("state", "RUNNING", UTC)).isEqualTo("RUNNING");
  }

  @Test
  void labelsForPeople() {
    assertThat(Format.label("rssBytes")).isEqualTo("Resident (RSS)");
    assertThat(Format.label("cgroupMemoryLimitBytes")).isEqualTo("Cgroup memory limit bytes");
    assertThat(Format.label("threads")).isEqualTo("Threads");
  }
}
