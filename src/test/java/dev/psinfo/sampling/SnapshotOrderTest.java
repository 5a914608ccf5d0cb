package dev.psinfo.sampling;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bean's {@code topByCpu}/{@code topByMemory} (and {@code exportTop}) and the command line's
 * {@code ps --sort}/{@code top} order rows one way: by {@link PsText.Sort}, ties by pid.
 */
class SnapshotOrderTest {
  @Test
  void theTopQueriesOrderRowsAsPsAndTopDo() {
    List<ProcessSample> samples =
        List.of(
            new ProcessSample(process(3, 1, "root", "a", "a", 10, 4096), 5.0),
            new ProcessSample(process(5, 1, "root", "b", "b", 10, 8192), 5.0),
            new ProcessSample(process(7, 1, "root", "c", "c", 10, 4096), 9.0),
            new ProcessSample(process(9, 1, "root", "d", "d", 10, 8192), 1.0));
    Snapshot s = new Snapshot(new ProcessScan(List.of(), 0, 0, 0, ScanStats.EMPTY), samples, 1);
    for (int n = 1; n <= samples.size(); n++) {
      assertThat(s.topByCpu(n)).isEqualTo(PsText.sortAndLimit(samples, PsText.Sort.CPU, n));
      assertThat(s.topByMemory(n)).isEqualTo(PsText.sortAndLimit(samples, PsText.Sort.RSS, n));
    }
    assertThat(s.topByCpu(3)).extracting(x -> x.info().pid()).containsExactly(7L, 3L, 5L);
    assertThat(s.topByMemory(3)).extracting(x -> x.info().pid()).containsExactly(5L, 9L, 3L);
  }
}
