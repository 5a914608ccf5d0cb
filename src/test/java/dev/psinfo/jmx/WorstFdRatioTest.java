package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.FD_LIMIT;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.OPEN_FDS;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A group's {@code WorstFdRatio}: the largest openFds/fdLimit of its members, -1 when unknown. */
class WorstFdRatioTest {
  private static ProcessInfo p(long pid, String name, long openFds, long fdLimit) {
    return ProcessInfo.builder(pid)
        .set(PPID, 1)
        .set(USER, "app")
        .set(NAME, name)
        .set(ARGS, name)
        .set(OPEN_FDS, openFds)
        .set(FD_LIMIT, fdLimit)
        .build();
  }

  private static ProcessGroup group(String regex, ProcessInfo... rows) {
    FakeProbe probe = new FakeProbe().then(0, List.of(rows));
    ProcessSampler sampler =
        new ProcessSampler(
            probe, ProcessFilter.ALL, null, Duration.ofSeconds(30), System::nanoTime);
    return new ProcessGroup(sampler, UserPattern.compile(regex));
  }

  @Test
  void theLargestRatioOfTheMembersWhoseBothValuesAreKnown() {
    ProcessGroup g =
        group(
            "^web",
            p(10, "web-a", 100, 1024),
            p(11, "web-b", 973, 1024), // the worst
            p(12, "web-c", 5000, -1), // limit not known: left out
            p(13, "web-d", -1, 256), // descriptors not counted: left out
            p(14, "db", 4000, 4096)); // not a member
    assertThat(g.getWorstFdRatio()).isCloseTo(973.0 / 1024, within(1e-12));
  }

  @Test
  void minusOneWhenNoMemberHasBothAndForAnEmptyGroup() {
    assertThat(group("^web", p(10, "web-a", -1, 1024), p(11, "web-b", 3, -1)).getWorstFdRatio())
        .isEqualTo(-1);
    assertThat(group("^nothing$", p(10, "web-a", 3, 1024)).getWorstFdRatio()).isEqualTo(-1);
    assertThat(ProcessTotals.EMPTY.worstFdRatio()).isEqualTo(-1);
  }

  @Test
  void unlimitedIsAboutZeroAndAZeroLimitCountsAsOne() {
    assertThat(group("^web", p(10, "web-a", 50, Long.MAX_VALUE)).getWorstFdRatio())
        .isCloseTo(0, within(1e-12));
    // descriptors kept open after the limit was lowered to 0: at or over the limit, finite
    assertThat(group("^web", p(10, "web-a", 3, 0)).getWorstFdRatio()).isEqualTo(3);
    assertThat(group("^web", p(10, "web-a", 0, 0)).getWorstFdRatio()).isZero();
    // over the limit (descriptors opened before the limit was lowered): above 1
    assertThat(group("^web", p(10, "web-a", 2048, 1024)).getWorstFdRatio()).isEqualTo(2);
  }
}
