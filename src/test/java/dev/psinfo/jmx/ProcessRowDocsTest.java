package dev.psinfo.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.openmbean.CompositeType;
import org.junit.jupiter.api.Test;

/**
 * The docs follow the one list of fields: {@code docs/process-row.md} is generated from the row
 * type (run with {@code -Dpsinfo.writeDocs=true} to rewrite it), README and design.md name every
 * item in row order, and every item a jmx_exporter rule matches exists.
 */
class ProcessRowDocsTest {
  private static final Path TABLE = Path.of("docs/process-row.md");

  @Test
  void theRowTableIsGeneratedFromTheRowType() throws IOException {
    String expected = table();
    if (Boolean.getBoolean("psinfo.writeDocs")) {
      Files.writeString(TABLE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(TABLE, StandardCharsets.UTF_8))
        .as(
            "docs/process-row.md is stale: mvn test -Dtest=ProcessRowDocsTest -Dpsinfo.writeDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void readmeAndDesignNameEveryItemInRowOrder() throws IOException {
    for (String doc : List.of("README.md", "docs/design.md")) {
      String text = Files.readString(Path.of(doc), StandardCharsets.UTF_8);
      int from = text.indexOf("`pid`, `ppid`");
      assertThat(from).as(doc).isPositive();
      List<String> named = new ArrayList<>();
      Matcher m = Pattern.compile("`([a-zA-Z]+)`").matcher(text);
      m.region(from, text.length());
      while (m.find() && named.size() < ProcessRows.ITEM_NAMES.size()) {
        if (ProcessRows.ITEM_NAMES.contains(m.group(1))) {
          named.add(m.group(1));
        }
      }
      assertThat(named).as(doc).containsExactlyElementsOf(ProcessRows.ITEM_NAMES);
    }
  }

  @Test
  void everyItemTheExporterRulesMatchExists() throws IOException {
    String yaml = Files.readString(Path.of("jmx-config/psinfo.yaml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("><Processes>([a-zA-Z]+):").matcher(yaml);
    while (m.find()) {
      assertThat(ProcessRows.ITEM_NAMES).contains(m.group(1));
    }
    // the series come from the narrow view, one rule per value column it has
    m = Pattern.compile("(?m)^  - pattern: .*><ProcessMetrics>([a-zA-Z]+):").matcher(yaml);
    List<String> exported = new ArrayList<>();
    while (m.find()) {
      exported.add(m.group(1));
    }
    assertThat(exported).containsExactlyElementsOf(ProcessMetricRows.VALUES);
    for (String item : ProcessMetricRows.VALUES) {
      assertThat(ProcessRows.ITEM_NAMES).contains(item);
      assertThat(ProcessMetricRows.ROW_TYPE.getType(item))
          .isEqualTo(ProcessRows.ROW_TYPE.getType(item));
    }
    for (String index : ProcessRows.INDEX) {
      assertThat(yaml).contains(", " + index + "=");
    }
  }

  private static String table() {
    CompositeType row = ProcessRows.ROW_TYPE;
    StringBuilder b = new StringBuilder();
    b.append("# A process row\n\n")
        .append("Generated from `dev.psinfo.probe.ProcessField` (plus `cpuPercent`) by\n")
        .append("`ProcessRowDocsTest`; the same text is each item's description in JMX (JConsole\n")
        .append("shows it as a tooltip). `Processes` is indexed by `")
        .append(String.join("`, `", ProcessRows.INDEX))
        .append("`.\n\n| item | open type | meaning |\n|---|---|---|\n");
    for (String item : ProcessRows.ITEM_NAMES) {
      b.append("| `")
          .append(item)
          .append("` | ")
          .append(row.getType(item).getTypeName().replace("java.lang.", ""))
          .append(" | ")
          .append(row.getDescription(item).replace("|", "\\|"))
          .append(" |\n");
    }
    return b.toString();
  }
}
