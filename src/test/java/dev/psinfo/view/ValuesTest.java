package dev.psinfo.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessInfo;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formats every view shares: {@code ps}'s. */
class ValuesTest {
  @Test
  void humanSizesAre1024Based() {
    assertThat(Values.size(-1)).isEqualTo("-");
    assertThat(Values.size(0)).isEqualTo("0");
    assertThat(Values.size(1023)).isEqualTo("1023");
    assertThat(Values.size(1024)).isEqualTo("1.0K");
    assertThat(Values.size(872448)).isEqualTo("852K");
    assertThat(Values.size(1212416)).isEqualTo("1.2M");
    assertThat(Values.size(1024L * 1024 * 1024 - 1)).isEqualTo("1.0G");
    assertThat(Values.size(3L << 40)).isEqualTo("3.0T");
    assertThat(Values.size(Long.MAX_VALUE)).isEqualTo("8.0E");
  }

  @Test
  void uptimeSaysItsUnits() {
    assertThat(Values.uptime(-1)).isEqualTo("-");
    assertThat(Values.uptime(1628)).isEqualTo("27m 08s"); // was "00:27": minutes or hours?
    assertThat(Values.uptime(3 * 3600 + 5 * 60 + 9)).isEqualTo("3h 05m");
    assertThat(Values.uptime(2 * 86400 + 4 * 3600 + 60)).isEqualTo("2d 4h 01m");
  }

  @ParameterizedTest
  @CsvSource({
    "-1, -",
    "0, 0:00",
    "7155, 0:07",
    // the plugin showed 1:05.43 here (issue 24): TIME has whole seconds, as ps writes it
    "65430, 1:05",
    "3723000, 1:02:03",
    "90000000, 1-01:00:00"
  })
  void cpuTimeLooksLikePs(long millis, String expected) {
    assertThat(Values.cpuTime(millis)).isEqualTo(expected);
  }

  @Test
  void startTimeIsTheClockTodayElseTheDayElseTheYear() {
    long now = 1_740_060_607_000L;
    assertThat(Values.startTime(now - 60_000, now, ZoneOffset.UTC)).isEqualTo("14:09");
    assertThat(Values.startTime(now - 3 * 86_400_000L, now, ZoneOffset.UTC)).isEqualTo("Feb17");
    assertThat(Values.startTime(now - 400 * 86_400_000L, now, ZoneOffset.UTC)).isEqualTo("2024");
    assertThat(Values.startTime(-1, now, ZoneOffset.UTC)).isEqualTo("-");
  }

  @Test
  void percentsCountsAndSignedValues() {
    assertThat(Values.percent(12.345)).isEqualTo("12.3");
    assertThat(Values.percent(-1)).isEqualTo("-");
    assertThat(Values.percent(Double.NaN)).isEqualTo("-");
    assertThat(Values.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Values.count(-1)).isEqualTo("-");
    assertThat(Values.signed(-1)).isEqualTo("-1");
    assertThat(Values.signed(ProcessInfo.UNAVAILABLE_SIGNED)).isEqualTo("-");
    assertThat(Values.text("")).isEqualTo("-");
    assertThat(Values.text("a\u001b[2Jb\u202E")).isEqualTo("a?[2Jb?");
  }

  @Test
  void sentinelsAreNotAvailableButRealNegativeNicesAre() {
    assertThat(Values.available("rssBytes", -1L)).isFalse();
    assertThat(Values.available("rssBytes", 0L)).isTrue();
    assertThat(Values.available("threads", -1)).isFalse();
    assertThat(Values.available("cpuPercent", -1.0)).isFalse();
    assertThat(Values.available("cpuPercent", 0.0)).isTrue();
    assertThat(Values.available("user", "")).isFalse();
    assertThat(Values.available("openFds", null)).isFalse();
    assertThat(Values.available("nice", -1)).isTrue();
    assertThat(Values.available("nice", -20)).isTrue();
    assertThat(Values.available("nice", Values.SIGNED_NOT_AVAILABLE)).isFalse();
    assertThat(Values.available("priority", (long) Values.SIGNED_NOT_AVAILABLE)).isFalse();
  }

  @Test
  void theSignedItemsAreTheFieldsWhoseSentinelIsTheSignedOne() {
    // every int field described with UNAVAILABLE_SIGNED, and no other
    for (ProcessField f : ProcessField.values()) {
      boolean signed =
          f.description().contains(Integer.toString(ProcessInfo.UNAVAILABLE_SIGNED) + ": not");
      assertThat(Values.SIGNED_FIELDS.contains(f)).as(f.itemName()).isEqualTo(signed);
      assertThat(Values.SIGNED_ITEMS.contains(f.itemName())).as(f.itemName()).isEqualTo(signed);
    }
  }

  @Test
  void labelsForPeople() {
    assertThat(Items.label("rssBytes")).isEqualTo("Resident (RSS)");
    assertThat(Items.label("cgroupMemoryLimitBytes")).isEqualTo("Cgroup memory limit bytes");
    assertThat(Items.label("threads")).isEqualTo("Threads");
    assertThat(Items.label("javaMain")).isEqualTo("Java main");
  }

  @Test
  void everyFieldHasItsItemAndEveryColumnItsField() {
    assertThat(Items.ORDER).hasSize(ProcessField.values().length + 1);
    for (ProcessField f : ProcessField.values()) {
      assertThat(Items.field(f.itemName())).isSameAs(f);
    }
    for (Column c : Column.values()) {
      assertThat(c == Column.CPU || Items.ORDER.contains(c.field().itemName())).isTrue();
    }
  }
}
