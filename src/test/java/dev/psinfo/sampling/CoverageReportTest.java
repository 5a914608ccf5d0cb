package dev.psinfo.sampling;

import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.THREADS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.Visibility;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
  private static final Visibility HOST = new Visibility(0, "host", "test", -1);

  private static ProcessScan scan(int processes, long euid, Visibility v, ScanStats stats) {
    List<ProcessInfo> rows = new ArrayList<>();
    for (int pid = 1; pid <= processes; pid++) {
      rows.add(ProcessInfo.builder(pid).set(EUID, pid == 1 ? 0 : euid).set(THREADS, 2).build());
    }
    return new ProcessScan(rows, 1_000, 0, 0, stats, v);
  }

  @Test
  void everythingVisibleIsComplete() {
    CoverageReport r =
        CoverageReport.of(scan(50, 1000, HOST.withKernelTasks(104), ScanStats.EMPTY), 7);
    assertThat(r.summary()).isEqualTo("complete");
    assertThat(r.complete()).isTrue();
    assertThat(r.visibleProcesses()).isEqualTo(50);
    assertThat(r.visibleTasks()).isEqualTo(100);
    assertThat(r.hiddenTasks()).isEqualTo(4); // churn between the two counts, tolerated
    assertThat(r.agentEffectiveUid()).isEqualTo(1000);
    assertThat(r.otherUsersProcesses()).isEqualTo(1);
    assertThat(r.snapshotTimeMillis()).isEqualTo(1_000);
  }

  @Test
  void hidepidTwoNamesTheOnlyVisibleUser() {
    Visibility v = new Visibility(2, "host", "test", 310);
    List<ProcessInfo> rows = new ArrayList<>();
    for (int pid = 100; pid < 112; pid++) {
      rows.add(ProcessInfo.builder(pid).set(EUID, 1001).set(THREADS, 1).build());
    }
    CoverageReport r =
        CoverageReport.of(new ProcessScan(rows, 0, 0, 0, new ScanStats(12, 0, 0, 0), v), 100);
    assertThat(r.summary())
        .isEqualTo("hidepid=2: only processes of uid 1001 are visible (12 of ~310 tasks)");
    assertThat(r.complete()).isFalse();
    assertThat(r.hiddenTasks()).isEqualTo(298);
    assertThat(r.otherUsersProcesses()).isZero();
  }

  @Test
  void aContainerAndAnUnknownCause() {
    ProcessScan container =
        scan(5, 0, new Visibility(0, "container", "test", 900), ScanStats.EMPTY);
    assertThat(CoverageReport.of(container, 1).summary())
        .isEqualTo(
            "container pid namespace: only its own processes are visible (10 of ~900 tasks)");
    ProcessScan unknown = scan(5, 3, new Visibility(0, "unknown", "test", 900), ScanStats.EMPTY);
    assertThat(CoverageReport.of(unknown, 1).summary())
        .isEqualTo("incomplete: processes are missing for an unknown reason (10 of ~900 tasks)");
  }

  @Test
  void deniedFieldsAndTruncationAreDetails() {
    ScanStats stats = new ScanStats(50, 3, 0, 0, 0, 0, 1, 2, 0, 4, 5);
    CoverageReport r = CoverageReport.of(scan(50, 0, HOST.withKernelTasks(100), stats), 1);
    assertThat(r.summary())
        .isEqualTo(
            "complete (unreadable: io of 1 process, fd of 2 processes, limits of 5 processes; 4"
                + " command lines truncated)");
    assertThat(r.complete()).isTrue();

    ScanStats closed = new ScanStats(50, 0, 40, 1, 40, 40, 40, 40, 0, 0, 0);
    CoverageReport noaccess =
        CoverageReport.of(scan(50, 0, new Visibility(1, "host", "t", 100), closed), 1);
    assertThat(noaccess.summary())
        .startsWith(
            "hidepid=1: other users' processes are listed but their files are closed (40 of 50"
                + " processes incomplete) (unreadable: status of 40 processes")
        .endsWith("; 1 entry corrupt)");
    assertThat(noaccess.complete()).isFalse();
  }

  @Test
  void aixHasNoKernelCount() {
    ScanStats stats = new ScanStats(3, 0, 2, 0, 2, 0, 0, 0, 1, 0, -1);
    CoverageReport r = CoverageReport.of(scan(3, 0, Visibility.UNKNOWN, stats), 99);
    assertThat(r.hiddenTasks()).isEqualTo(-1);
    assertThat(r.agentEffectiveUid()).isEqualTo(-1);
    assertThat(r.otherUsersProcesses()).isEqualTo(-1);
    assertThat(r.summary())
        .isEqualTo(
            "incomplete: 2 of 3 processes could not be fully read (unreadable: status of 2"
                + " processes, as of 1 process)");
  }
}
