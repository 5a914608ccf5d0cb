package dev.psinfo.jconsole;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.JAVA_MAIN;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.NICE;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.STATE;
import static dev.psinfo.probe.ProcessField.STATE_CODE;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.probe.ProcessField.VSZ_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.jmx.ProcessRows;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.PsText;
import dev.psinfo.view.Items;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.openmbean.TabularDataSupport;
import org.junit.jupiter.api.Test;

/**
 * The plugin and the CLI print the same row the same way: rows built as the agent builds them go
 * through the real JMX row ({@link ProcessRows}) into the plugin's table, and each of the plugin's
 * cells equals the cell of the same column in the CLI's {@code ps --java} text.
 */
class SameAsCliTest {
  private static final ZoneId ZONE = ZoneOffset.UTC;
  private static final long NOW = 1_795_950_000_000L; // 2026-11-29T11:00Z

  private static List<ProcessSample> samples() {
    ProcessInfo jvm =
        ProcessInfo.builder(4242)
            .set(PPID, 1)
            .set(USER, "alice")
            .set(NAME, "java")
            .set(ARGS, "/usr/bin/java -Xmx1g -cp app.jar org.example.Main --port 8080")
            .set(JAVA_MAIN, "org.example.Main")
            .set(STATE, ProcessState.SLEEPING)
            .set(STATE_CODE, "S")
            .set(THREADS, 41)
            .set(NICE, 0)
            .set(RSS_BYTES, 9_834_496)
            .set(VSZ_BYTES, 3L << 30)
            .set(CPU_TIME_MILLIS, 65_430)
            .set(START_TIME_MILLIS, NOW - 3_600_000)
            .build();
    ProcessInfo kernel =
        ProcessInfo.builder(2)
            .set(PPID, 0)
            .set(USER, "root")
            .set(NAME, "kthreadd")
            .set(ARGS, "")
            .set(STATE, ProcessState.SLEEPING)
            .set(STATE_CODE, "S")
            .set(THREADS, 1)
            .set(NICE, -5)
            .set(CPU_TIME_MILLIS, 93_784_000)
            .set(START_TIME_MILLIS, NOW - 3 * 86_400_000L)
            .build();
    ProcessInfo hostile =
        ProcessInfo.builder(666)
            .set(PPID, 4242)
            .set(USER, "evil\u001b[2J")
            .set(NAME, "x\u202Egnp.exe")
            .set(ARGS, "sh -c 'echo \u009b31m red'")
            .set(STATE, ProcessState.RUNNING)
            .set(STATE_CODE, "R")
            .set(THREADS, 1)
            .set(RSS_BYTES, 1023)
            .set(VSZ_BYTES, 1024)
            .set(CPU_TIME_MILLIS, 3_723_000)
            .set(START_TIME_MILLIS, NOW - 400 * 86_400_000L)
            .build();
    ProcessInfo unknown = ProcessInfo.builder(31337).build();
    return List.of(
        new ProcessSample(jvm, 12.345),
        new ProcessSample(kernel, 0.0),
        new ProcessSample(hostile, 99.95),
        new ProcessSample(unknown, -1));
  }

  @Test
  void thePluginShowsEachCellAsPsPrintsIt() throws Exception {
    List<ProcessSample> samples = samples();
    TabularDataSupport table = new TabularDataSupport(ProcessRows.TABLE_TYPE);
    for (ProcessSample s : samples) {
      table.put(ProcessRows.row(s));
    }
    List<ProcessEntry> entries = ProcessEntry.all(table);
    Map<Long, ProcessTableModel.Row> plugin = new TreeMap<>();
    for (ProcessTableModel.Row r : ProcessTableModel.rows(entries, ZONE, NOW)) {
      plugin.put(r.key().pid(), r);
    }

    List<String> ps = PsText.ps(samples, NOW, ZONE, 0, true);
    String[] headers = ps.get(0).trim().split("\\s+");
    assertThat(headers)
        .containsExactly(
            "PID", "PPID", "USER", "%CPU", "RSS", "VSZ", "THR", "NI", "S", "START", "TIME", "JAVA",
            "COMMAND");
    int compared = 0;
    for (String line : ps.subList(1, ps.size())) {
      // every cell but the last (COMMAND) is one word; COMMAND is the rest of the line
      String[] cli = line.trim().split("\\s+", headers.length);
      ProcessTableModel.Row row = plugin.get(Long.parseLong(cli[0]));
      for (ProcessTableModel.Column c : ProcessTableModel.Column.values()) {
        int at = List.of(headers).indexOf(c.header);
        if (at < 0) {
          continue; // NAME: the plugin's own column
        }
        assertThat(row.cells()[c.ordinal()].text())
            .as("pid %s column %s", cli[0], c.header)
            .isEqualTo(cli[at]);
        compared++;
      }
    }
    // every column the plugin shares with ps, for every row
    assertThat(compared).isEqualTo(samples.size() * (ProcessTableModel.Column.values().length - 1));
    // the formats the issue names, as the plugin shows them now
    ProcessTableModel.Row jvm = plugin.get(4242L);
    assertThat(cell(jvm, ProcessTableModel.Column.TIME)).isEqualTo("1:05");
    assertThat(cell(jvm, ProcessTableModel.Column.RSS)).isEqualTo("9.4M");
    assertThat(cell(jvm, ProcessTableModel.Column.JAVA)).isEqualTo("org.example.Main");
    assertThat(cell(plugin.get(2L), ProcessTableModel.Column.JAVA)).isEqualTo("-");
    assertThat(cell(plugin.get(2L), ProcessTableModel.Column.COMMAND)).isEqualTo("kthreadd");
    ProcessTableModel.Row evil = plugin.get(666L);
    assertThat(cell(evil, ProcessTableModel.Column.USER)).isEqualTo("evil?[2J");
    // the tooltip shows what the ? stands for
    assertThat(evil.cells()[ProcessTableModel.Column.USER.ordinal()].tip())
        .isEqualTo("evil\\u001b[2J");
    assertThat(cell(plugin.get(31337L), ProcessTableModel.Column.START)).isEqualTo("-");
  }

  @Test
  void thePluginsItemOrderIsTheRowsOrder() {
    assertThat(ProcessEntry.ORDER).isEqualTo(Items.ORDER).isEqualTo(ProcessRows.ITEM_NAMES);
    assertThat(ProcessEntry.ORDER).contains("wparId", "wpar", "javaMain");
  }

  @Test
  void anOlderAgentsRowWithoutJavaMainShowsABlankCell() throws Exception {
    List<ProcessEntry> old =
        Rows.entries(List.of(Rows.process(1, 0, "root", "init", "/sbin/init", 0, 1)));
    Map<String, Object> items = new java.util.LinkedHashMap<>(old.get(0).items());
    assertThat(items).doesNotContainKey("javaMain");
    ProcessEntry e = new ProcessEntry(items);
    assertThat(ProcessTableModel.cell(e, ProcessTableModel.Column.JAVA, ZONE, NOW).text())
        .isEmpty();
    items.put("javaMain", "");
    assertThat(
            ProcessTableModel.cell(
                    new ProcessEntry(items), ProcessTableModel.Column.JAVA, ZONE, NOW)
                .text())
        .isEqualTo("-");
  }

  private static String cell(ProcessTableModel.Row row, ProcessTableModel.Column c) {
    return row.cells()[c.ordinal()].text();
  }
}
