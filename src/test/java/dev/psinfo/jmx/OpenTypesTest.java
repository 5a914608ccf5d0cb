package dev.psinfo.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.Test;

/**
 * The open types of the small rows, pinned with every item's description and type: {@code Users}'
 * rows, the exporter's {@code ProcessMetrics} rows and a group's notification totals, against
 * {@code testdata/jmx/open-row-types.txt} (captured from the hand-written types before their items
 * were declared once, with the escaped labels of 41c2175). The process row's items are {@code
 * probe.ProcessField}'s and pinned by {@code ProcessRowDocsTest}. A change to one of these
 * contracts changes that file in the same commit; the actual dump of a failed run is left in {@code
 * target/open-row-types.actual.txt}.
 */
class OpenTypesTest {
  private static final Path EXPECTED =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "jmx/open-row-types.txt");

  @Test
  void theSmallRowTypesAreThePinnedOnes() throws IOException {
    StringBuilder out = new StringBuilder();
    dump(out, UserTotals.TABLE_TYPE);
    dump(out, ProcessMetricRows.TABLE_TYPE);
    dump(out, ProcessGroup.TOTALS_TYPE);
    String actual = out.toString();
    String expected = Files.readString(EXPECTED, StandardCharsets.UTF_8);
    if (!actual.equals(expected)) {
      Path file = Path.of("target/open-row-types.actual.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("open types against %s", EXPECTED).isEqualTo(expected);
  }

  /**
   * An exporter row holds each field's value as its item's type (checked by the standard class it
   * is serialised as), and a value not available is absent.
   */
  @Test
  void anExporterRowHasItsFieldsValuesAndNoMinusOne() {
    ProcessInfo p = FakeProbe.process(42, 1, "alice", "java", "java Main", 1234, 5678);
    CompositeData row = ((LightRow) ProcessMetricRows.row(new ProcessSample(p, 1.5))).toStandard();
    assertThat(row.get("pid")).isEqualTo(42L);
    assertThat(row.get("name")).isEqualTo("java");
    assertThat(row.get("user")).isEqualTo("alice");
    assertThat(row.get("rssBytes")).isEqualTo(5678L);
    assertThat(row.get("cpuTimeMillis")).isEqualTo(1234L);
    assertThat(row.get("threads")).isEqualTo(2);
    assertThat(row.get("startTimeMillis")).isEqualTo(1_600_000_000_042L);
    assertThat(p.vszBytes()).isEqualTo(-1);
    assertThat(row.get("vszBytes")).isNull();
  }

  private static void dump(StringBuilder out, TabularType t) {
    out.append("table ").append(t.getTypeName()).append('\n');
    out.append("  description ").append(t.getDescription()).append('\n');
    out.append("  index ").append(t.getIndexNames()).append('\n');
    dump(out, t.getRowType());
  }

  /** Items in the type's own (name) order: the order every client sees. */
  private static void dump(StringBuilder out, CompositeType c) {
    out.append("row ").append(c.getTypeName()).append('\n');
    out.append("  description ").append(c.getDescription()).append('\n');
    for (String item : c.keySet()) {
      OpenType<?> type = c.getType(item);
      out.append("  item ").append(item).append(' ').append(type.getTypeName()).append('\n');
      out.append("    description ").append(c.getDescription(item)).append('\n');
    }
  }
}
