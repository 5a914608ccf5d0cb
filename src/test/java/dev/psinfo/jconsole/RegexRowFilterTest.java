package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegexRowFilterTest {
  @Test
  void blankMeansNoFilter() {
    assertThat(RegexRowFilter.of("")).isNull();
    assertThat(RegexRowFilter.of(null)).isNull();
    assertThat(RegexRowFilter.of(" \t")).isNull();
  }

  @Test
  void aBadRegexIsOneClearMessage() {
    assertThatThrownBy(() -> RegexRowFilter.of("[abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a valid regex: Unclosed character class near index 3");
  }

  /**
   * A loaded host keeps the event thread waiting for a core, here (sleeping) longer than the whole
   * budget between two rows: the plain regex still filters the long command lines that come after
   * (on the wall clock it gave up and let them through unfiltered).
   */
  @Test
  void aPassWhoseThreadWaitsForACoreStillFilters() throws Exception {
    assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
    RegexRowFilter filter = RegexRowFilter.of("HostApp|Xvfb");
    List<ProcessEntry> rows =
        Rows.entries(
            List.of(
                process(1, 0, "root", "bash", "-bash", 0, 0),
                process(2, 0, "root", "java", "java -cp " + "a:".repeat(2_000) + " Other", 0, 0),
                process(
                    3, 0, "root", "java", "java -cp " + "a:".repeat(2_000) + " HostApp", 0, 0)));
    assertThat(filter.matches(rows.get(0))).isFalse();
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(RegexRowFilter.BUDGET_NANOS) + 200);
    assertThat(filter.matches(rows.get(1))).isFalse();
    assertThat(filter.matches(rows.get(2))).isTrue();
    assertThat(filter.gaveUp()).isFalse();
  }

  @Test
  void aBacktrackingRegexGivesUpAndLetsRowsThrough() throws Exception {
    RegexRowFilter filter = RegexRowFilter.of("((a+)+)+c");
    ProcessEntry evil =
        Rows.entries(List.of(process(1, 0, "root", "x", "a".repeat(40), 0, 0))).get(0);
    assertThat(filter.matches(evil)).isTrue();
    assertThat(filter.gaveUp()).isTrue();
    filter.startPass();
    assertThat(filter.gaveUp()).isFalse();
    ProcessEntry plain = Rows.entries(List.of(process(2, 0, "root", "bash", "-bash", 0, 0))).get(0);
    assertThat(filter.matches(plain)).isFalse();
    assertThat(filter.gaveUp()).isFalse();
  }
}
