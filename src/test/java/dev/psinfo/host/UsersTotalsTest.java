package dev.psinfo.host;

import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class UsersTotalsTest {
  @Test
  void oneEntryPerUserInNameOrderAndAnUnknownNameCountsUnderItsUid() {
    ProcessInfo nameless =
        ProcessInfo.builder(9).set(EUID, 4242).set(USER, "").set(RSS_BYTES, 7).build();
    FakeProbe probe =
        new FakeProbe()
            .then(
                0,
                List.of(
                    process(1, 0, "root", "init", "/sbin/init", 10, 100),
                    process(5, 1, "alice", "java", "java -jar a.jar", 30, 300),
                    process(7, 5, "alice", "db", "db", 20, 500),
                    nameless));
    ProcessSampler sampler =
        new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime);
    SortedMap<String, ProcessTotals> users = UsersTotals.of(sampler.snapshot());
    assertThat(users.keySet()).containsExactly("4242", "alice", "root");
    assertThat(users.get("alice").processCount()).isEqualTo(2);
    assertThat(users.get("alice").rssBytes()).isEqualTo(800);
    assertThat(users.get("alice").cpuTimeMillis()).isEqualTo(50);
    assertThat(users.get("4242").rssBytes()).isEqualTo(7);
    assertThat(users.get("4242").cpuTimeMillis()).as("not available adds nothing").isZero();
  }
}
