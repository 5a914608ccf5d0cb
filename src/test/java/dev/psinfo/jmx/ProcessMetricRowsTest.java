package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** The exporter's narrow row: its index items become Prometheus labels that people read. */
class ProcessMetricRowsTest {
  private static CompositeData row(String name, String user) {
    return ProcessMetricRows.row(
        new ProcessSample(
            ProcessInfo.builder(42)
                .set(NAME, name)
                .set(USER, user)
                .set(RSS_BYTES, 4096)
                .set(THREADS, 1)
                .build(),
            0));
  }

  @Test
  void aHostileNameBecomesAVisibleEscapeNotATerminalSequence() {
    // a local user's process named like this reached `curl …/metrics` as raw ESC and RLO
    CompositeData r = row("\u001b]0;PWN\u0007\u202e", "app\u200b");
    assertThat((String) r.get("name")).isEqualTo("\\u001b]0;PWN\\u0007\\u202e");
    assertThat((String) r.get("user")).isEqualTo("app\\u200b");
    assertThat(r.get("pid")).isEqualTo(42L);
    assertThat(r.get("rssBytes")).isEqualTo(4096L);
  }

  @Test
  void anOrdinaryNameIsUnchanged() {
    // no label of an ordinary process moves: {name="java"} still selects what it did
    CompositeData r = row("a b,\"c\"(d)=e>f", "root");
    assertThat((String) r.get("name")).isEqualTo("a b,\"c\"(d)=e>f");
    assertThat((String) r.get("user")).isEqualTo("root");
    assertThat(r.get("vszBytes")).isNull();
  }
}
