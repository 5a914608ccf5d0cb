package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-file denials on a fake {@code /proc} with unreadable files, under real permissions: root
 * reads everything, so when the tests run as root (as on the build machine) the scan runs in a
 * child JVM as uid/gid 65534 ({@code setpriv --reuid=65534 --regid=65534 --clear-groups}); run as
 * another user, it runs in this JVM.
 */
class LinuxDenialsTest {
  private Path root;
  private Path work;

  @BeforeEach
  void worldReadableTree() throws IOException {
    work = Files.createTempDirectory("psinfo-denials");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    root = Files.createDirectory(work.resolve("proc"));
  }

  @AfterEach
  void cleanUp() throws IOException {
    try (Stream<Path> files = Files.walk(work)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        Files.delete(p);
      }
    }
  }

  private Path process(long pid, String fixture, int fds) throws IOException {
    Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
    for (String f : new String[] {"stat", "status", "cmdline", "io", "limits"}) {
      if (Files.exists(Fixtures.dir().resolve(fixture).resolve(f))) {
        Files.write(dir.resolve(f), Fixtures.bytes(fixture + "/" + f));
      }
    }
    Path fd = Files.createDirectories(dir.resolve("fd"));
    for (int i = 0; i < fds; i++) {
      Files.writeString(fd.resolve(Integer.toString(i)), "");
    }
    return dir;
  }

  private static void closed(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
  }

  @Test
  void eachUnreadableFileIsCountedForItsField() throws Exception {
    process(9466, "paren-name", 3);
    closed(process(9512, "nobody", 1).resolve("status"));
    Path bash = process(2380, "bash", 4);
    closed(bash.resolve("io"));
    closed(bash.resolve("limits"));
    closed(process(9468, "negative-nice", 1).resolve("cmdline"));
    Path kthread = process(2, "kthread", 2);
    closed(kthread.resolve("fd"));
    closed(kthread.resolve("limits")); // not read: its descriptors are not counted

    ScanStats stats = scanAsNonRoot();

    // status and cmdline denials keep the row but mark it denied; io, fd and limits only count per
    // file, and limits only where the descriptors were counted
    assertThat(stats).isEqualTo(new ScanStats(5, 0, 2, 0, 1, 1, 1, 1, 0, 0, 1));
  }

  @Test
  void aCommandLineCutAtTheReadLimitIsCounted() throws IOException {
    Path dir = process(2380, "bash", 1);
    process(9466, "paren-name", 1);
    try (RandomAccessFile cmdline = new RandomAccessFile(dir.resolve("cmdline").toFile(), "rw")) {
      cmdline.setLength(ProcFileReader.MAX_FILE_BYTES + 1L); // sparse: reads as NUL bytes
    }
    ProcessScan scan =
        new LinuxProcessProbe(
                root,
                new UserNames(Path.of("/etc/passwd")),
                new LinuxKernelFacts(100, 4096, 1795674063_000L))
            .scan();
    assertThat(scan.stats().argsTruncated()).isEqualTo(1);
    assertThat(scan.stats().anyFieldDenied()).isFalse();
    assertThat(scan.processes().get(0).argsTruncated()).isTrue();
  }

  private ScanStats scanAsNonRoot() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root) {
      return new LinuxProcessProbe(
              this.root,
              new UserNames(Path.of("/etc/passwd")),
              new LinuxKernelFacts(100, 4096, 1795674063_000L))
          .scan()
          .stats();
    }
    String[] out = runAsNobody(List.of(), this.root.toString());
    int[] n = Arrays.stream(out[0].split(" ")).mapToInt(Integer::parseInt).toArray();
    return new ScanStats(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10]);
  }

  /**
   * Issue 21, finding 7: on a real {@code hidepid=1} proc mount the kernel lists every pid but
   * answers EPERM for the files of other users' processes; the probe took that for "gone" (73 gone,
   * 0 denied, "missing for an unknown reason"). Now those rows are kept and counted denied, and
   * Coverage names hidepid=1. Mounts a private procfs with {@code hidepid=1} in a new mount
   * namespace ({@code unshare -m}) and scans it as uid 65534.
   */
  @Test
  void hidepid1CountsOtherUsersProcessesDeniedNotGone() throws Exception {
    assumeThat("root".equals(System.getProperty("user.name"))).as("root, to mount").isTrue();
    assumeThat(Path.of("/usr/bin/unshare")).as("unshare for a private mount").exists();
    Path mountPoint = Files.createDirectory(work.resolve("hidepid-proc"));
    Files.setPosixFilePermissions(mountPoint, PosixFilePermissions.fromString("rwxr-xr-x"));
    String[] out =
        runAsNobody(
            List.of(
                "/usr/bin/unshare",
                "-m",
                "--propagation",
                "private",
                "/bin/sh",
                "-c",
                "mount -t proc -o hidepid=1 proc \"$0\" && exec \"$@\"",
                mountPoint.toString()),
            mountPoint.toString(),
            "coverage");
    int[] n = Arrays.stream(out[0].split(" ")).mapToInt(Integer::parseInt).toArray();
    int listed = n[0];
    int gone = n[1];
    int denied = n[2];
    // root's processes alone are dozens; uid 65534 owns only the scanning JVM
    assertThat(denied).as("denied of %s listed, %s gone", listed, gone).isGreaterThan(listed / 2);
    assertThat(gone).as("gone: only processes that really exited").isLessThan(denied);
    assertThat(out[1]).startsWith("hidepid=1: other users' processes are listed");
  }

  /**
   * Runs {@link DenialScanMain} as uid/gid 65534 after {@code prefix} (which ends by exec'ing its
   * arguments), and returns its output lines.
   */
  private String[] runAsNobody(List<String> prefix, String... args) throws Exception {
    assumeThat(Path.of("/usr/bin/setpriv")).as("setpriv to drop root").exists();
    // the child reads a world-readable copy of this build's classes (the probe needs no library):
    // the checkout itself may sit below a directory uid 65534 cannot enter (mktemp -d is 0700)
    String classpath =
        String.join(
            ":",
            readableCopy(codeSource(LinuxProcessProbe.class), work.resolve("main-classes")),
            readableCopy(codeSource(DenialScanMain.class), work.resolve("test-classes")));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            "/usr/bin/setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            java,
            "-Xshare:auto",
            "-cp",
            classpath,
            DenialScanMain.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("child as uid 65534: %s", err).isZero();
    return out.split("\n");
  }

  private static Path codeSource(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Copies the class directory {@code from} to {@code to}, every entry readable by all. */
  private static String readableCopy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(p, target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    return to.toString();
  }
}
