package dev.psinfo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuLoadTest {
  @Test
  void splitsAnIntervalInPercent() {
    CpuTimes before = new CpuTimes(100, 50, 800, 40, 10);
    // +30 user, +10 system, +50 idle, +5 iowait, +5 steal = 100 ticks
    CpuTimes after = new CpuTimes(130, 60, 850, 45, 15);
    CpuLoad load = CpuLoad.between(before, after, 1000, "previous");
    assertThat(load).isEqualTo(new CpuLoad(45, 30, 10, 50, 5, 1000, "previous"));
  }

  @Test
  void unknownWhenCountersGoBackOrNothingPassed() {
    CpuTimes t = new CpuTimes(100, 50, 800, 40, 10);
    assertThat(CpuLoad.between(t, t, 0, "previous")).isEqualTo(CpuLoad.UNKNOWN);
    assertThat(CpuLoad.between(t, new CpuTimes(99, 60, 900, 40, 10), 1, "previous"))
        .isEqualTo(CpuLoad.UNKNOWN);
    assertThat(CpuLoad.between(t, new CpuTimes(-1, -1, 900, 40, 10), 1, "previous"))
        .isEqualTo(CpuLoad.UNKNOWN);
  }

  @Test
  void unsplitAndNoIowait() {
    CpuLoad load =
        CpuLoad.between(
            new CpuTimes(-1, -1, 0, -1, 0), new CpuTimes(-1, -1, 300, -1, 100), 5, "boot");
    assertThat(load).isEqualTo(new CpuLoad(25, -1, -1, 75, -1, 5, "boot"));
  }

  @Test
  void trackerFirstSinceBootThenSincePrevious() {
    CpuLoadTracker tracker = new CpuLoadTracker();
    CpuLoad first = tracker.update(new CpuTimes(20, 10, 60, 10, 0), 1_000_000_000L, 7_000);
    assertThat(first).isEqualTo(new CpuLoad(30, 20, 10, 60, 10, 7_000, "boot"));
    assertThat(tracker.update(null, 2_000_000_000L, 8_000)).isEqualTo(CpuLoad.UNKNOWN);
    CpuLoad second = tracker.update(new CpuTimes(80, 10, 100, 10, 0), 3_000_000_000L, 9_000);
    assertThat(second).isEqualTo(new CpuLoad(60, 60, 0, 40, 0, 2_000, "previous"));
    // a reset (counters back) is unknown, and the new reading the base
    assertThat(tracker.update(new CpuTimes(1, 1, 1, 1, 0), 4_000_000_000L, 1))
        .isEqualTo(CpuLoad.UNKNOWN);
    assertThat(tracker.update(new CpuTimes(2, 1, 2, 1, 0), 5_000_000_000L, 1).busyPercent())
        .isEqualTo(50);
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> new CpuTimes(1, -1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user and system");
    assertThatThrownBy(() -> new CpuTimes(1, 1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CpuLoad(101, -1, -1, -1, -1, -1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("busyPercent");
    assertThatThrownBy(() -> new CpuLoad(Double.NaN, -1, -1, -1, -1, -1, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
