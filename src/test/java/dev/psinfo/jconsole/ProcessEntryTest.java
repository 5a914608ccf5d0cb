package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both shapes of the Processes table read the same, and missing items read as not available. */
class ProcessEntryTest {
  private static final List<Map<String, Object>> ROWS =
      List.of(
          process(1, 0, "root", "init", "/sbin/init", 0.5, 4096),
          process(77, 1, "alice", "java", "java -jar app.jar", 12.5, 9_834_496));

  @Test
  void theFlatRowAndTheKeyValueRowGiveTheSameEntries() throws Exception {
    List<ProcessEntry> flat = ProcessEntry.all(Rows.flat(ROWS));
    List<ProcessEntry> old = ProcessEntry.all(Rows.keyValue(ROWS));
    assertThat(flat).hasSize(2);
    assertThat(old).hasSize(2);
    for (Map<String, Object> row : ROWS) {
      long pid = (Long) row.get("pid");
      ProcessEntry a = flat.stream().filter(e -> e.pid() == pid).findFirst().orElseThrow();
      ProcessEntry b = old.stream().filter(e -> e.pid() == pid).findFirst().orElseThrow();
      assertThat(b.items()).isEqualTo(a.items()).isEqualTo(row);
    }
    ProcessEntry java = flat.stream().filter(e -> e.pid() == 77).findFirst().orElseThrow();
    assertThat(java.items().keySet()).containsExactlyElementsOf(Rows.ITEMS.keySet());
    assertThat(java.ppid()).isEqualTo(1);
    assertThat(java.text("user")).isEqualTo("alice");
    assertThat(java.number("rssBytes", -7)).isEqualTo(9_834_496);
    assertThat(java.decimal("cpuPercent")).isEqualTo(12.5);
    assertThat(java.has("openFds")).isFalse(); // the sentinel
  }

  @Test
  void itemsAPlatformLacksAreNotAvailableEverywhere() throws Exception {
    ProcessEntry aix =
        ProcessEntry.all(
                Rows.flat(ROWS, "readBytes", "writeBytes", "openFds", "voluntaryCtxSwitches"))
            .get(0);
    assertThat(aix.raw("readBytes")).isNull();
    assertThat(aix.has("readBytes")).isFalse();
    assertThat(aix.number("readBytes", -1)).isEqualTo(-1);
    assertThat(aix.decimal("readBytes")).isNaN();
    assertThat(aix.text("readBytes")).isEmpty();
    assertThat(ProcessesPanel.detailLines(aix, ZoneOffset.UTC))
        .extracting(l -> l[0])
        .doesNotContain("Read (I/O)  (readBytes)")
        .contains("Resident (RSS)  (rssBytes)");
    assertThat(ProcessTableModel.cell(aix, ProcessTableModel.Column.RSS, ZoneOffset.UTC, -1))
        .hasToString("4.0K");
  }

  @Test
  void detailShowsEveryFieldWithDashForNotAvailable() throws Exception {
    ProcessEntry e = ProcessEntry.all(Rows.flat(ROWS.subList(1, 2))).get(0);
    List<String[]> lines = ProcessesPanel.detailLines(e, ZoneOffset.UTC);
    assertThat(lines).hasSize(Rows.ITEMS.size() - 1); // the args are shown whole above them
    Map<String, String> byLabel =
        lines.stream().collect(java.util.stream.Collectors.toMap(l -> l[0], l -> l[1]));
    assertThat(byLabel)
        .containsEntry("PID  (pid)", "77")
        .containsEntry("Resident (RSS)  (rssBytes)", "9.4M (9,834,496 bytes)")
        .containsEntry("Open files  (openFds)", "-")
        .containsEntry("Nice  (nice)", "-")
        .containsEntry("Recent CPU  (cpuPercent)", "12.5 % of one CPU")
        .containsEntry("Args truncated  (argsTruncated)", "no");
  }
}
