package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.Visibility;
import dev.psinfo.sampling.CoverageReport;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage of whole Linux proc roots: a fake one with hidepid=2, and this machine's. */
class LinuxCoverageTest {
  @TempDir Path root;

  private static String fixture(String relative) {
    return new String(Fixtures.bytes(relative), StandardCharsets.ISO_8859_1);
  }

  /** {@code count} single-threaded processes of uid 1001, from the {@code nobody} capture. */
  private void processesOf1001(int firstPid, int count) throws IOException {
    String stat = fixture("nobody/stat");
    String status = fixture("nobody/status").replace("65534", "1001");
    for (int pid = firstPid; pid < firstPid + count; pid++) {
      Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
      Files.writeString(dir.resolve("stat"), pid + stat.substring(stat.indexOf(' ')));
      Files.writeString(dir.resolve("status"), status);
      Files.write(dir.resolve("cmdline"), Fixtures.bytes("nobody/cmdline"));
    }
  }

  private LinuxProcessProbe probe(Path procRoot) {
    return new LinuxProcessProbe(
        procRoot,
        new UserNames(Path.of("/etc/passwd")),
        new LinuxKernelFacts(100, 4096, 1795674063_000L));
  }

  @Test
  void hidepidTwoWithFarMoreTasksThanVisibleSaysSo() throws IOException {
    processesOf1001(4000, 12);
    Files.createDirectories(root.resolve("self"));
    // this machine's mountinfo with /proc remounted hidepid=2 (as kernels before 5.8 write it)
    Files.writeString(
        root.resolve("self/mountinfo"),
        fixture("coverage/mountinfo-host")
            .replace(
                "/proc rw,relatime - proc proc rw", "/proc rw,relatime - proc proc rw,hidepid=2"));
    Files.writeString(root.resolve("loadavg"), "0.52 0.58 0.59 3/310 27815\n");

    ProcessScan scan = probe(root).scan();

    assertThat(scan.processes()).hasSize(12);
    assertThat(scan.visibility().procHidepid()).isEqualTo(2);
    assertThat(scan.visibility().kernelTasks()).isEqualTo(310);
    assertThat(scan.visibility().pidNamespace()).isEqualTo("unknown"); // no ns links in a fake tree
    CoverageReport report = CoverageReport.of(scan, ProcessHandle.current().pid());
    assertThat(report.summary())
        .isEqualTo("hidepid=2: only processes of uid 1001 are visible (12 of ~310 tasks)");
    assertThat(report.complete()).isFalse();
    assertThat(report.hiddenTasks()).isEqualTo(298);
  }

  @Test
  void aFakeTreeWithoutTheFilesKnowsNothing() throws IOException {
    processesOf1001(4000, 2);
    assertThat(probe(root).scan().visibility())
        .isEqualTo(
            new Visibility(-1, "unknown", "no readable ns/pid link under the proc root", -1));
  }

  @Test
  void thisMachineIsCompleteAsTheKernelCountsIt() throws IOException {
    String procOptions =
        LinuxCoverageParsers.parseMountOf(
                Files.readString(Path.of("/proc/self/mountinfo")), "/proc")
            .superOptions();
    assumeThat(procOptions).as("this machine's /proc has no hidepid").doesNotContain("hidepid=");

    ProcessScan scan = probe(Path.of("/proc")).scan();
    CoverageReport report = CoverageReport.of(scan, ProcessHandle.current().pid());

    assertThat(report.visibility().procHidepid()).isZero();
    assertThat(report.visibility().kernelTasks()).isPositive();
    assertThat(report.agentEffectiveUid())
        .isEqualTo(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
    assertThat(report.summary()).as(report.toString()).startsWith("complete");
    assertThat(report.complete()).isTrue();
  }
}
