package dev.psinfo.probe.linux;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.support.ProcDirectory;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walker on a fake {@code /proc} built from the captured fixtures. */
class LinuxProcessProbeTest {
  private static final long BOOT_MILLIS = 1795674063_000L;

  @TempDir Path root;
  private UserNames users;

  @BeforeEach
  void passwd(@TempDir Path etc) throws IOException {
    Path passwd = etc.resolve("passwd");
    Files.writeString(
        passwd, "root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/usr/sbin/nologin\n");
    users = new UserNames(passwd);
  }

  private void process(long pid, String fixture, int fds) throws IOException {
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
  }

  private static Map<Long, ProcessInfo> byPid(ProcessScan scan) {
    return scan.processes().stream()
        .collect(Collectors.toMap(ProcessInfo::pid, Function.identity()));
  }

  private LinuxProcessProbe probe() {
    return new LinuxProcessProbe(root, users, new LinuxKernelFacts(100, 4096, BOOT_MILLIS));
  }

  @Test
  void normalRowsWithEveryField() throws Exception {
    process(9466, "paren-name", 3);
    process(2, "kthread", 0);
    process(9470, "zombie", 0);
    process(9512, "nobody", 4);
    process(2380, "bash", 4);
    ProcessScan scan = probe().scan();

    assertThat(scan.processes())
        .extracting(ProcessInfo::pid)
        .containsExactly(2L, 2380L, 9466L, 9470L, 9512L);
    assertThat(scan.stats()).isEqualTo(new ScanStats(5, 0, 0, 0));
    Map<Long, ProcessInfo> rows = byPid(scan);

    ProcessInfo p = rows.get(9466L);
    assertThat(p.name()).isEqualTo("a) (b");
    assertThat(p.args()).isEqualTo("/tmp/a) (b 60");
    assertThat(p.argsTruncated()).isFalse();
    assertThat(p.ppid()).isEqualTo(9462);
    assertThat(p.pgid()).isEqualTo(9462);
    assertThat(p.sid()).isEqualTo(2380);
    assertThat(p.uid()).isZero();
    assertThat(p.euid()).isZero();
    assertThat(p.gid()).isZero();
    assertThat(p.egid()).isZero();
    assertThat(p.user()).isEqualTo("root");
    assertThat(p.state()).isEqualTo(ProcessState.SLEEPING);
    assertThat(p.stateCode()).isEqualTo("S");
    assertThat(p.threads()).isEqualTo(1);
    assertThat(p.priority()).isEqualTo(20);
    assertThat(p.nice()).isZero();
    assertThat(p.rssBytes()).isEqualTo(421L * 4096);
    assertThat(p.vszBytes()).isEqualTo(2990080);
    assertThat(p.startTimeMillis()).isEqualTo(BOOT_MILLIS + 2_190_100);
    assertThat(p.voluntaryCtxSwitches()).isEqualTo(1);
    assertThat(p.involuntaryCtxSwitches()).isZero();
    assertThat(p.openFds()).isEqualTo(3);
    assertThat(p.readBytes()).isZero();
    assertThat(p.writeBytes()).isZero();

    ProcessInfo bash = rows.get(2380L);
    assertThat(bash.userTimeMillis()).isEqualTo(10);
    assertThat(bash.systemTimeMillis()).isEqualTo(70);
    assertThat(bash.cpuTimeMillis()).isEqualTo(80);
    assertThat(bash.majorFaults()).isEqualTo(2);
    assertThat(rows.get(2L).majorFaults()).isZero();

    assertThat(rows.get(2L).args()).isEqualTo("[kthreadd]");
    assertThat(rows.get(2L).openFds()).isZero();
    assertThat(rows.get(9470L).state()).isEqualTo(ProcessState.ZOMBIE);
    assertThat(rows.get(9470L).stateCode()).isEqualTo("Z");
    assertThat(rows.get(9470L).args()).isEqualTo("[sleep]");
    assertThat(rows.get(9512L).user()).isEqualTo("nobody");
    assertThat(rows.get(9512L).euid()).isEqualTo(65534);

    // limits where the fixture has one
    assertThat(bash.fdLimit()).isEqualTo(20000);
    assertThat(rows.get(2L).fdLimit()).isEqualTo(1024);
    assertThat(rows.get(9512L).fdLimit()).isEqualTo(20000);
    assertThat(p.fdLimit()).isEqualTo(-1);
  }

  @Test
  void fdLimitIsReadOnlyWhereDescriptorsAreCountedAndBoundedOtherwise() throws Exception {
    process(2380, "bash", 2);
    process(9512, "nobody", 0);
    Files.delete(root.resolve("9512/fd")); // openFds unknown: limits is not read
    process(2, "kthread", 0);
    // hostile limits files: garbage, the line past the read limit, a directory, "unlimited"
    Files.writeString(root.resolve("2/limits"), "garbage\n");
    process(9466, "paren-name", 1);
    Files.writeString(
        root.resolve("9466/limits"),
        "x".repeat(LinuxProcessProbe.MAX_LIMITS_BYTES) + "\nMax open files 5 5 files\n");
    process(9468, "negative-nice", 1);
    Files.createDirectories(root.resolve("9468/limits"));
    process(9470, "zombie", 1);
    Files.writeString(
        root.resolve("9470/limits"),
        new String(Fixtures.bytes("bash/limits"), UTF_8)
            .replace("20000                20000", "unlimited            unlimited"));

    ProcessScan scan = probe().scan();
    Map<Long, ProcessInfo> rows = byPid(scan);
    assertThat(rows).hasSize(6);
    assertThat(rows.get(2380L).fdLimit()).isEqualTo(20000);
    assertThat(rows.get(2380L).openFds()).isEqualTo(2);
    assertThat(rows.get(9512L).openFds()).isEqualTo(-1);
    assertThat(rows.get(9512L).fdLimit()).isEqualTo(-1);
    assertThat(rows.get(2L).fdLimit()).isEqualTo(-1);
    assertThat(rows.get(9466L).fdLimit()).isEqualTo(-1);
    assertThat(rows.get(9468L).fdLimit()).isEqualTo(-1);
    assertThat(rows.get(9470L).fdLimit()).isEqualTo(Long.MAX_VALUE);
    // corrupt limits only warn; a limits that cannot be opened (here a directory) is a denial
    assertThat(scan.stats().fdLimitDenied()).isEqualTo(1);
    assertThat(scan.stats().corrupt()).isZero();
    assertThat(scan.stats().denied()).isZero();
  }

  @Test
  void goneCorruptAndNonNumericEntries() throws Exception {
    process(9466, "paren-name", 1);
    Files.createDirectories(root.resolve("888")); // exited: its files are gone
    process(889, "bash", 0);
    Files.write(root.resolve("889/stat"), new byte[0]); // exited during the read
    process(777, "bash", 0);
    Files.writeString(root.resolve("777/stat"), "777 (x) S garbage");
    process(999, "bash", 0); // stat names pid 2380
    process(2380, "bash", 0); // its status has no Uid/Gid
    Files.writeString(root.resolve("2380/status"), "Name:\tbash\n");
    for (String junk : new String[] {"self", "sys", "0123", "12a", "-5"}) {
      Files.createDirectories(root.resolve(junk));
    }
    Files.writeString(root.resolve("4242x"), "");

    ProcessScan scan = probe().scan();
    assertThat(scan.processes()).extracting(ProcessInfo::pid).containsExactly(9466L);
    assertThat(scan.stats()).isEqualTo(new ScanStats(6, 2, 0, 3));
    assertThat(scan.durationNanos()).isPositive();
  }

  @Test
  void missingOptionalFilesLeaveTheirFieldsUnavailable() throws Exception {
    process(9466, "paren-name", 0);
    Files.delete(root.resolve("9466/io"));
    Files.delete(root.resolve("9466/fd"));
    ProcessInfo p = probe().scan().processes().get(0);
    assertThat(p.readBytes()).isEqualTo(-1);
    assertThat(p.writeBytes()).isEqualTo(-1);
    assertThat(p.openFds()).isEqualTo(-1);
    assertThat(p.name()).isEqualTo("a) (b");
  }

  @Test
  void aCoreFileThatCannotBeOpenedIsDeniedAndTheRowKept() throws Exception {
    // tests run as root here, where permissions do not deny; a directory cannot be opened either
    process(9512, "nobody", 0);
    Files.delete(root.resolve("9512/stat"));
    Files.createDirectories(root.resolve("9512/stat"));
    ScanStats stats = probe().scan().stats();
    ProcessInfo p = probe().scan().processes().get(0);
    assertThat(stats).isEqualTo(new ScanStats(1, 0, 1, 0));
    assertThat(p.name()).isEmpty();
    assertThat(p.ppid()).isEqualTo(-1);
    assertThat(p.rssBytes()).isEqualTo(-1);
    assertThat(p.euid()).isEqualTo(65534);
    assertThat(p.user()).isEqualTo("nobody");
    assertThat(p.args()).isEqualTo("sleep 60");
  }

  @Test
  void hugeCommandLineThroughTheReusedBuffer() throws Exception {
    process(9511, "huge-cmdline", 0);
    process(9466, "paren-name", 0);
    LinuxProcessProbe probe = probe();
    for (int i = 0; i < 2; i++) {
      Map<Long, ProcessInfo> rows = byPid(probe.scan());
      // 202,023 bytes on disk: the first 64 KB are kept, and the row says it was cut
      assertThat(rows.get(9511L).args())
          .hasSize(LinuxProcessProbe.MAX_ARGS_BYTES)
          .startsWith("bash -c sleep 60; true arg0000-");
      assertThat(rows.get(9511L).argsTruncated()).isTrue();
      assertThat(rows.get(9466L).args()).isEqualTo("/tmp/a) (b 60");
    }
  }

  @Test
  void documentedDefaultsWhenTheFakeTreeHasNoKernelFacts() throws Exception {
    process(9466, "paren-name", 0);
    LinuxProcessProbe probe = new LinuxProcessProbe(root, users);
    assertThat(probe.name()).isEqualTo("linux");
    assertThat(probe.facts()).isEqualTo(new LinuxKernelFacts(100, 4096, -1));
    ProcessInfo p = probe.scan().processes().get(0);
    assertThat(p.startTimeMillis()).isEqualTo(-1);
    assertThat(p.rssBytes()).isEqualTo(421L * 4096);
  }

  @Test
  void fakeKernelFactsFromAuxvAndStat() throws Exception {
    process(9466, "paren-name", 0);
    Files.createDirectories(root.resolve("self"));
    Files.write(root.resolve("self/auxv"), Fixtures.bytes("auxv"));
    Files.write(root.resolve("stat"), Fixtures.bytes("proc-stat"));
    ProcessInfo p = new LinuxProcessProbe(root, users).scan().processes().get(0);
    assertThat(p.startTimeMillis()).isEqualTo(BOOT_MILLIS + 2_190_100);
  }

  @Test
  void onlyAnUnlistableRootFailsTheScan() {
    LinuxProcessProbe probe =
        new LinuxProcessProbe(root.resolve("missing"), users, new LinuxKernelFacts(100, 4096, 0));
    assertThatThrownBy(probe::scan).isInstanceOf(IOException.class);
  }

  @Test
  void pidNames() {
    assertThat(ProcDirectory.parsePid("1", Integer.MAX_VALUE)).isEqualTo(1);
    assertThat(ProcDirectory.parsePid("4194304", Integer.MAX_VALUE)).isEqualTo(4194304);
    assertThat(ProcDirectory.parsePid("0", Integer.MAX_VALUE)).isZero();
    for (String bad : new String[] {"", "self", "01", "-1", "+1", "1a", "9999999999999999999"}) {
      assertThat(ProcDirectory.parsePid(bad, Integer.MAX_VALUE)).as(bad).isEqualTo(-1);
    }
  }

  @Test
  void stateLetters() {
    assertThat(LinuxProcessProbe.state('R')).isEqualTo(ProcessState.RUNNING);
    assertThat(LinuxProcessProbe.state('S')).isEqualTo(ProcessState.SLEEPING);
    assertThat(LinuxProcessProbe.state('D')).isEqualTo(ProcessState.SLEEPING);
    assertThat(LinuxProcessProbe.state('Z')).isEqualTo(ProcessState.ZOMBIE);
    assertThat(LinuxProcessProbe.state('T')).isEqualTo(ProcessState.STOPPED);
    assertThat(LinuxProcessProbe.state('t')).isEqualTo(ProcessState.STOPPED);
    assertThat(LinuxProcessProbe.state('I')).isEqualTo(ProcessState.IDLE);
    assertThat(LinuxProcessProbe.state('X')).isEqualTo(ProcessState.OTHER);
    assertThat(LinuxProcessProbe.state('W')).isEqualTo(ProcessState.OTHER);
    assertThat(LinuxProcessProbe.stateCode('t')).isEqualTo("t");
    assertThat(LinuxProcessProbe.stateCode('W')).isEqualTo("W");
  }

  @Test
  void anUnchangedCommandLineIsTheSameStringNextScanAndAChangedOneIsReadAgain() throws Exception {
    process(2380, "bash", 1);
    process(2, "kthread", 0);
    LinuxProcessProbe probe = probe();
    Map<Long, ProcessInfo> first = byPid(probe.scan());
    Map<Long, ProcessInfo> second = byPid(probe.scan());
    assertThat(second.get(2380L).args()).isSameAs(first.get(2380L).args());
    assertThat(second.get(2L).args()).isSameAs(first.get(2L).args()).startsWith("[");

    // setproctitle: same pid, new content
    Files.write(root.resolve("2380").resolve("cmdline"), "postgres: idle\0".getBytes(UTF_8));
    assertThat(byPid(probe.scan()).get(2380L).args()).isEqualTo("postgres: idle");
    // non-ASCII content is decoded again and still equal
    Files.write(root.resolve("2380").resolve("cmdline"), "caf\u00e9\0-x\0".getBytes(UTF_8));
    assertThat(byPid(probe.scan()).get(2380L).args()).isEqualTo("caf\u00e9 -x");
    assertThat(byPid(probe.scan()).get(2380L).args()).isEqualTo("caf\u00e9 -x");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void fifosDevicesAndLinksInAFakeTreeAreCountedCorruptWithoutBlocking() throws Exception {
    process(2380, "bash", 0);
    process(9466, "paren-name", 0);
    process(9512, "nobody", 0);
    process(9470, "zombie", 0);
    // a FIFO blocks open(2) until a writer comes: this scan hung for good before
    mkfifo(root.resolve("9466/stat"));
    mkfifo(root.resolve("9512/cmdline"));
    Path cmdline = root.resolve("9470/cmdline");
    Files.delete(cmdline);
    Files.createSymbolicLink(cmdline, Path.of("/dev/urandom"));
    ProcessScan scan = probe().scan();
    assertThat(byPid(scan)).containsOnlyKeys(2380L);
    assertThat(scan.stats().corrupt()).isEqualTo(3);
  }

  @Test
  void aScanKeepsAtMostItsArgumentBudget() throws Exception {
    // 300 processes of one user, each with a 70 KB command line: 21 MB read and kept before
    String stat = Files.readString(Fixtures.dir().resolve("bash/stat"));
    byte[] args = ("sleep 60 " + "y".repeat(70 * 1024)).replace(' ', '\0').getBytes();
    int count = 300;
    for (int pid = 1000; pid < 1000 + count; pid++) {
      Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
      Files.writeString(dir.resolve("stat"), pid + stat.substring(stat.indexOf(' ')));
      Files.write(dir.resolve("status"), Fixtures.bytes("bash/status"));
      Files.write(dir.resolve("cmdline"), args);
    }
    ProcessScan scan = probe().scan();
    assertThat(scan.processes()).hasSize(count);
    long kept = scan.processes().stream().mapToLong(p -> p.args().length()).sum();
    assertThat(kept)
        .isLessThanOrEqualTo(
            LinuxProcessProbe.SCAN_ARGS_BYTES + (long) count * LinuxProcessProbe.MIN_ARGS_BYTES);
    assertThat(scan.processes().get(0).args()).hasSize(LinuxProcessProbe.MAX_ARGS_BYTES);
    assertThat(scan.processes().get(count - 1).args()).hasSize(LinuxProcessProbe.MIN_ARGS_BYTES);
    assertThat(scan.processes()).allMatch(ProcessInfo::argsTruncated);
  }

  /**
   * Issue 21, finding 3: the budget counted raw bytes, and each invalid byte became U+FFFD (3 bytes
   * of UTF-8, 2 of heap): 24 processes with 1 MB of 0xFF each (maxArgsBytes=1 MB) kept 48 MB of
   * text (38 MB retained) against a 16 MB budget. Now what is kept is counted, after decoding.
   */
  @Test
  void theArgumentBudgetCountsDecodedBytesSoInvalidUtf8CannotMultiplyIt() throws Exception {
    String stat = Files.readString(Fixtures.dir().resolve("bash/stat"));
    byte[] args = new byte[1024 * 1024];
    java.util.Arrays.fill(args, (byte) 0xff);
    int count = 24;
    for (int pid = 1000; pid < 1000 + count; pid++) {
      Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
      Files.writeString(dir.resolve("stat"), pid + stat.substring(stat.indexOf(' ')));
      Files.write(dir.resolve("status"), Fixtures.bytes("bash/status"));
      Files.write(dir.resolve("cmdline"), args);
    }
    int max = 1024 * 1024;
    ProcessScan scan =
        new LinuxProcessProbe(root, users, new LinuxKernelFacts(100, 4096, BOOT_MILLIS), max)
            .scan();
    assertThat(scan.processes()).hasSize(count);
    long kept = 0;
    for (ProcessInfo p : scan.processes()) {
      int bytes = p.args().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertThat(bytes).isLessThanOrEqualTo(max);
      kept += bytes;
    }
    assertThat(kept)
        .isLessThanOrEqualTo(
            LinuxProcessProbe.SCAN_ARGS_BYTES + (long) count * LinuxProcessProbe.MIN_ARGS_BYTES);
    assertThat(scan.processes()).allMatch(ProcessInfo::argsTruncated);
    assertThat(scan.stats().argsTruncated()).isEqualTo(count);
    // and the default 64 KB per process holds for the text kept, not only for the bytes read
    ProcessScan defaults = probe().scan();
    assertThat(defaults.processes())
        .allMatch(
            p ->
                p.args().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    <= LinuxProcessProbe.MAX_ARGS_BYTES);
  }

  @Test
  void maxArgsBytesRaisesTheCap() throws Exception {
    process(9511, "huge-cmdline", 0);
    LinuxProcessProbe probe =
        new LinuxProcessProbe(
            root, users, new LinuxKernelFacts(100, 4096, BOOT_MILLIS), 256 * 1024);
    ProcessInfo p = probe.scan().processes().get(0);
    assertThat(p.args()).hasSize(202_022).endsWith("arg1999-" + "x".repeat(92));
    assertThat(p.argsTruncated()).isFalse();
  }

  @Test
  void aCommandLineThatNeverEndsCostsOnlyItsLimit() throws Exception {
    ProcFileReader reader = new ProcFileReader(false);
    // /dev/zero as a file that never ends: before, read until 64 MB
    assertThat(reader.read("/dev/zero", LinuxProcessProbe.MAX_ARGS_BYTES))
        .isEqualTo(LinuxProcessProbe.MAX_ARGS_BYTES);
    assertThat(reader.truncated()).isTrue();
    assertThat(reader.bytes().length).isLessThanOrEqualTo(ProcFileReader.INITIAL_BYTES);
    assertThatThrownBy(() -> new ProcFileReader(true).read("/dev/zero"))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("not a regular file but a FIFO, socket or device");
  }

  static void mkfifo(Path p) throws Exception {
    Files.deleteIfExists(p);
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
  }
}
