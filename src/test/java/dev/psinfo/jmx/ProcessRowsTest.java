package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.JAVA_MAIN;
import static dev.psinfo.probe.ProcessField.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import org.junit.jupiter.api.Test;

class ProcessRowsTest {

  /** The row as an agent without {@code item} sends it (its row type simply lacks the item). */
  private static CompositeData without(CompositeData row, String item) throws Exception {
    CompositeType t = row.getCompositeType();
    List<String> names = new ArrayList<>();
    List<OpenType<?>> types = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String k : t.keySet()) {
      if (!k.equals(item)) {
        names.add(k);
        types.add(t.getType(k));
        values.add(row.get(k));
      }
    }
    String[] n = names.toArray(String[]::new);
    CompositeType older =
        new CompositeType(
            t.getTypeName(), t.getDescription(), n, n, types.toArray(OpenType[]::new));
    return new CompositeDataSupport(older, n, values.toArray());
  }

  @Test
  void aRowOfAnOlderAgentReadsTheNewItemAsNotAvailable() throws Exception {
    ProcessInfo p =
        ProcessInfo.builder(42)
            .set(NAME, "java")
            .set(ARGS, "java -jar a.jar")
            .set(JAVA_MAIN, "a.jar")
            .build();
    CompositeData row = ProcessRows.row(new ProcessSample(p, 1.5));
    assertThat(ProcessRows.sample(row).info()).isEqualTo(p);
    ProcessSample old = ProcessRows.sample(without(row, "javaMain"));
    assertThat(old.info().javaMain()).isEmpty();
    assertThat(old.info().args()).isEqualTo("java -jar a.jar");
    assertThat(old.cpuPercent()).isEqualTo(1.5);
    assertThatThrownBy(() -> ProcessRows.sample(without(row, "pid")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a psinfo process row");
  }
}
