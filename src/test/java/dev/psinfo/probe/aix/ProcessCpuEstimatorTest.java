package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.CpuLoad;
import dev.psinfo.probe.ProcessCpuEstimator;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AIX host CPU estimate from the process times of a fake AIX {@code /proc} tree. */
class ProcessCpuEstimatorTest {
  private static final long BOOT_SECONDS = 1740060607L; // PsinfoBytes' default start
  private static final long BOOT_MILLIS = BOOT_SECONDS * 1000;
  private static final int CPUS = 4;

  @TempDir Path proc;

  private void write(long pid, long ppid, String name, long startSec, long userMs, long sysMs)
      throws IOException {
    long cpu = userMs + sysMs;
    FakeAixProc.writeProcess(
        proc,
        PsinfoBytes.process(pid)
            .ppid(ppid)
            .fname(name)
            .start(startSec, 0)
            .time(cpu / 1000, (int) (cpu % 1000) * 1_000_000),
        PstatusBytes.process(pid)
            .utime(userMs / 1000, (int) (userMs % 1000) * 1_000_000)
            .stime(sysMs / 1000, (int) (sysMs % 1000) * 1_000_000));
  }

  /** A scan of the tree, stamped at a chosen instant (the interval must not be the test's pace). */
  private ProcessScan scanAt(long wallMillis, long monotonicMillis) throws IOException {
    Path passwd = Files.writeString(proc.resolveSibling(proc.getFileName() + ".passwd"), "");
    ProcessScan s = new AixProcessProbe(proc, new UserNames(passwd)).scan();
    return new ProcessScan(
        s.processes(), wallMillis, monotonicMillis * 1_000_000, s.durationNanos(), s.stats());
  }

  @Test
  void sinceBootThenSinceThePreviousScan() throws IOException {
    ProcessCpuEstimator estimator = new ProcessCpuEstimator();
    write(1, 0, "init", BOOT_SECONDS, 3_000, 4_000);
    write(8196, 0, "wait", BOOT_SECONDS, 0, 3_000_000); // the idle loop: not busy time
    write(300, 1, "db", BOOT_SECONDS + 100, 8_000, 2_000);

    // 1000 s after boot: 17 s busy of 4 x 1000 s
    CpuLoad first = estimator.update(scanAt(BOOT_MILLIS + 1_000_000, 0), CPUS, BOOT_MILLIS);
    assertThat(first).isEqualTo(new CpuLoad(0.43, 0.28, 0.15, 99.58, -1, 1_000_000, "boot"));

    // 10 s later: init +0.5 s, db +9 s, a new process 6 s; one that was running before the
    // previous scan but was not in it is not counted (its share of the interval is unknown)
    write(1, 0, "init", BOOT_SECONDS, 3_200, 4_300);
    write(8196, 0, "wait", BOOT_SECONDS, 0, 3_025_000);
    write(300, 1, "db", BOOT_SECONDS + 100, 16_500, 2_500);
    write(400, 1, "batch", BOOT_SECONDS + 1_005, 5_000, 1_000);
    write(500, 1, "old", BOOT_SECONDS + 500, 90_000, 10_000);
    CpuLoad second = estimator.update(scanAt(BOOT_MILLIS + 1_010_000, 10_000), CPUS, BOOT_MILLIS);
    // 15.5 s busy of 4 x 10 s: user 13.7 s, system 1.8 s
    assertThat(second).isEqualTo(new CpuLoad(38.75, 34.25, 4.5, 61.25, -1, 10_000, "previous"));

    // without batch's status the split is unknown, the busy total is not
    write(300, 1, "db", BOOT_SECONDS + 100, 18_500, 2_500);
    write(400, 1, "batch", BOOT_SECONDS + 1_005, 7_000, 1_000);
    Files.delete(proc.resolve("400/status"));
    CpuLoad third = estimator.update(scanAt(BOOT_MILLIS + 1_020_000, 20_000), CPUS, BOOT_MILLIS);
    assertThat(third).isEqualTo(new CpuLoad(10, -1, -1, 90, -1, 10_000, "previous"));
  }

  @Test
  void busierThanTheProcessorsClampsIdleToZero() {
    assertThat(ProcessCpuEstimator.estimate(50_000, 40_000, 10_000, 10_000, CPUS, "previous"))
        .isEqualTo(new CpuLoad(100, 80, 20, 0, -1, 10_000, "previous"));
  }

  @Test
  void unknownWithoutProcessorsOrBootTime() throws IOException {
    write(1, 0, "init", BOOT_SECONDS, 3_000, 4_000);
    assertThat(new ProcessCpuEstimator().update(scanAt(BOOT_MILLIS + 1000, 0), 0, BOOT_MILLIS))
        .isEqualTo(CpuLoad.UNKNOWN);
    assertThat(new ProcessCpuEstimator().update(scanAt(BOOT_MILLIS + 1000, 0), CPUS, -1))
        .isEqualTo(CpuLoad.UNKNOWN);
  }
}
