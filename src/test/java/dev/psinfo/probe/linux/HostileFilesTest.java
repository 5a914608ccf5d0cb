package dev.psinfo.probe.linux;

import static dev.psinfo.probe.linux.LinuxProcessProbeTest.mkfifo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.support.UserNames;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, finding 5: the files outside the per-process reader. In a fake {@code procRoot} a user
 * can write, {@code loadavg} as a FIFO blocked every scan for good, {@code self/mountinfo} as a
 * FIFO hung {@code ps --proc-root}, {@code meminfo} linked to {@code /dev/zero} ran a SystemInfo
 * read out of memory, and a 1 GB sparse {@code passwdFile} did so on every read. Each now answers
 * at once with "unknown" for that file. (The deadlines only catch a hang: a FIFO blocks for good.)
 */
class HostileFilesTest {
  private static final Duration HANG = Duration.ofSeconds(60);

  @TempDir Path root;

  private Path tree() throws Exception {
    Path dir = Files.createDirectories(root.resolve("proc/9466"));
    for (String f : new String[] {"stat", "status", "cmdline"}) {
      Files.write(dir.resolve(f), Fixtures.bytes("paren-name/" + f));
    }
    Files.createDirectories(root.resolve("proc/self"));
    return root.resolve("proc");
  }

  @Test
  void aFifoAsLoadavgDoesNotBlockTheScan() throws Exception {
    Path proc = tree();
    mkfifo(proc.resolve("loadavg"));
    ProcessScan scan =
        assertTimeoutPreemptively(
            HANG,
            () ->
                new LinuxProcessProbe(
                        proc,
                        new UserNames(Path.of("/etc/passwd")),
                        new LinuxKernelFacts(100, 4096, 1795674063_000L))
                    .scan());
    assertThat(scan.processes()).hasSize(1);
    assertThat(scan.visibility().kernelTasks()).isEqualTo(-1);
  }

  @Test
  void aFifoAsMountinfoDoesNotBlockTheProbe() throws Exception {
    Path proc = tree();
    mkfifo(proc.resolve("self/mountinfo"));
    mkfifo(proc.resolve("self/status"));
    assertTimeoutPreemptively(HANG, () -> LinuxVisibility.read(proc));
  }

  @Test
  void systemFilesThatAreFifosOrLinksToDevicesAreNotRead() throws Exception {
    Path proc = tree();
    Files.createSymbolicLink(proc.resolve("meminfo"), Path.of("/dev/zero"));
    mkfifo(proc.resolve("uptime"));
    mkfifo(proc.resolve("stat"));
    Files.createSymbolicLink(proc.resolve("loadavg"), Path.of("/dev/urandom"));
    LinuxSystemProbe probe =
        new LinuxSystemProbe(proc, root.resolve("cgroup"), root.resolve("os-release"), () -> 0L);
    SystemLoad load = assertTimeoutPreemptively(HANG, probe::load);
    assertThat(load.freeMemoryBytes()).isEqualTo(-1);
    assertThat(load.uptimeSeconds()).isEqualTo(-1);
    assertThat(assertTimeoutPreemptively(HANG, probe::facts).hostname()).isEmpty();
    assertThat(assertTimeoutPreemptively(HANG, () -> LinuxKernelFacts.read(proc)).bootTimeMillis())
        .isEqualTo(-1);
  }

  /** Issue 21, finding 8 on Linux: a scan run by an interrupted thread is whole. */
  @Test
  void aScanOnAnInterruptedThreadReadsEveryProcess() throws Exception {
    Path proc = tree();
    Thread.currentThread().interrupt();
    ProcessScan scan;
    try {
      scan =
          new LinuxProcessProbe(
                  proc,
                  new UserNames(Path.of("/etc/passwd")),
                  new LinuxKernelFacts(100, 4096, 1795674063_000L))
              .scan();
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(scan.processes()).hasSize(1);
    assertThat(scan.stats().corrupt()).isZero();
  }

  @Test
  void aHugeSparsePasswdFileIsNotRead() throws Exception {
    Path passwd = root.resolve("passwd");
    try (RandomAccessFile f = new RandomAccessFile(passwd.toFile(), "rw")) {
      f.setLength(1L << 30); // 1 GB of NULs, no disk
    }
    UserNames names = new UserNames(passwd);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThat(names.nameOf(0, null)).isEqualTo("0");
    // before: the whole gigabyte was read into the heap (and again as a String) on every change
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(64L << 20);
  }

  @Test
  void aFifoAsPasswdFileIsNotOpened() throws Exception {
    Path passwd = root.resolve("passwd");
    mkfifo(passwd);
    UserNames names = new UserNames(passwd);
    assertThat(assertTimeoutPreemptively(HANG, () -> names.nameOf(0, null))).isEqualTo("0");
  }
}
