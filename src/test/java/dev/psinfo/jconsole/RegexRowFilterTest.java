package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
