package dev.psinfo.cli;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.STATE_CODE;
import static dev.psinfo.probe.ProcessField.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowsViewCsvTest {
  @Test
  void csvReplacesControlCharactersAsTheTableDoes() {
    // a process may put ESC, BEL, CR and LF in its name and arguments
    ProcessSample row =
        new ProcessSample(
            ProcessInfo.builder(42)
                .set(USER, "alice")
                .set(NAME, "evil\u0007")
                .set(ARGS, "x \u001b]0;owned\u0007 \u001b[2J,a\rb\nc \"q\"")
                .build(),
            0.5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RowsView.csv(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(row));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2); // header and one row: no line break from the arguments
    assertThat(lines.get(1)).contains(",evil?,", ",\"x ?]0;owned? ?[2J,a?b?c \"\"q\"\"\",");
  }

  @Test
  void csvTextThatASpreadsheetWouldRunStartsWithAQuoteAndNumbersKeepTheirSign() {
    // a local user names a process and its argv[0] so that a spreadsheet runs them as formulas
    ProcessSample row =
        new ProcessSample(
            ProcessInfo.builder(44)
                .set(USER, "@evil")
                .set(NAME, "=1+2")
                .set(ARGS, "=HYPERLINK(\"http://127.0.0.1:9/x\",\"click\") -x")
                .build(),
            0.5);
    String out = print(o -> RowsView.csv(o, List.of(row)));
    String line = out.lines().toList().get(1);

    assertThat(line)
        .contains(
            ",'@evil,",
            ",'=1+2,",
            ",\"'=HYPERLINK(\"\"http://127.0.0.1:9/x\"\",\"\"click\"\") -x\",")
        .doesNotContain(",=", ",@", ",\"=");
    // "not available" numbers stay -1, not '-1
    assertThat(line).contains(",-1,").doesNotContain("'-1");
    assertThat(Text.csvText("-bash")).isEqualTo("'-bash");
    assertThat(Text.csvText("+x")).isEqualTo("'+x");
    assertThat(Text.csvText("java")).isEqualTo("java");
    assertThat(Text.csvText("")).isEmpty();
  }

  /** The issue's strings: OSC title, the 8-bit CSI and OSC, a right-to-left override. */
  private static final String HOSTILE = "\u001b]0;PWN\u0007 \u009b2J \u009d0;x bidi\u202Egnp.exe";

  private static ProcessSample hostile() {
    return new ProcessSample(
        ProcessInfo.builder(43)
            .set(USER, "bidi\u202Egnp.exe")
            .set(NAME, "\u009b6n")
            .set(ARGS, HOSTILE)
            .set(STATE_CODE, "S")
            .build(),
        0.5);
  }

  private static String print(java.util.function.Consumer<PrintStream> view) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    view.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyViewForPeopleEscapesC1AndBidiControls() {
    List<ProcessSample> rows = List.of(hostile());
    String csv = print(out -> RowsView.csv(out, rows));
    String json = print(out -> RowsView.json(out, rows));
    String table = print(out -> RowsView.table(out, rows, 0, java.time.ZoneOffset.UTC, 0));
    String top = print(out -> RowsView.topTable(out, rows, 0));
    for (String out : List.of(csv, json, table, top)) {
      assertThat(
              out.replace("\n", "")
                  .chars()
                  .filter(c -> dev.psinfo.text.Printable.isUnsafe((char) c)))
          .as(out)
          .isEmpty();
    }
    assertThat(csv).contains(",?]0;PWN? ?2J ?0;x bidi?gnp.exe,");
    assertThat(table).contains("bidi?gnp.exe").contains("?]0;PWN? ?2J ?0;x bidi?gnp.exe");
    assertThat(top).contains("?]0;PWN? ?2J ?0;x bidi?gnp.exe");
    // JSON keeps the exact text for a parser
    com.google.gson.JsonObject o =
        com.google.gson.JsonParser.parseString(json).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(o.get("args").getAsString()).isEqualTo(HOSTILE);
    assertThat(o.get("user").getAsString()).isEqualTo("bidi\u202Egnp.exe");
  }

  /** CSV and JSON carry the JMX row's items: the same names, in its order, with its values. */
  @Test
  void csvAndJsonItemsAreTheJmxRowsItems() {
    assertThat(dev.psinfo.view.Items.ORDER).isEqualTo(dev.psinfo.jmx.ProcessRows.ITEM_NAMES);
    ProcessSample s = hostile();
    javax.management.openmbean.CompositeData row = dev.psinfo.jmx.ProcessRows.row(s);
    for (String item : dev.psinfo.view.Items.ORDER) {
      assertThat(RowsView.item(s, item)).as(item).isEqualTo(row.get(item));
    }
  }
}
