package dev.psinfo.probe.aix;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.ARGS_TRUNCATED;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.EGID;
import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.GID;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.NICE;
import static dev.psinfo.probe.ProcessField.PGID;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.PRIORITY;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.SID;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.STATE;
import static dev.psinfo.probe.ProcessField.STATE_CODE;
import static dev.psinfo.probe.ProcessField.SYSTEM_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.UID;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.probe.ProcessField.USER_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.VSZ_BYTES;
import static dev.psinfo.probe.ProcessField.WPAR;
import static dev.psinfo.probe.ProcessField.WPAR_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.support.ProcDirectory;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walker over fake /proc trees. Denied and vanishing files are simulated with an injected file
 * opener, because the tests may run as root, where {@code chmod 000} denies nothing; a {@code
 * status} that is a directory exercises a real "other I/O error" ({@code EISDIR}) as well.
 */
class AixProcessProbeTest {
  @TempDir Path tmp;
  private Path proc;
  private UserNames users;

  @BeforeEach
  void setUp() throws IOException {
    proc = Files.createDirectory(tmp.resolve("proc"));
    Path passwd = tmp.resolve("passwd");
    Files.writeString(
        passwd, "root:x:0:0:root:/:/bin/ksh\nalice:x:1000:1000::/home/alice:/bin/ksh\n");
    users = new UserNames(passwd);
  }

  @Test
  void nameIsAix() {
    assertThat(new AixProcessProbe(proc, users).name()).isEqualTo("aix");
  }

  @Test
  void wparIdAndName() throws Exception {
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(10).cid(0), PstatusBytes.process(10));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(11).cid(3), PstatusBytes.process(11));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(12).cid(65535), PstatusBytes.process(12));
    ProcessScan scan = new AixProcessProbe(proc, users).scan();
    assertThat(scan.processes()).extracting(ProcessInfo::wparId).containsExactly(0, 3, 65535);
    assertThat(scan.processes()).extracting(ProcessInfo::wpar).containsExactly("Global", "", "");
  }

  @Test
  void realSamplesAsATree() throws Exception {
    ProcessScan scan = new AixProcessProbe(AixTestData.procRoot(), users).scan();

    assertThat(scan.stats()).isEqualTo(new ScanStats(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
    assertThat(scan.processes()).extracting(ProcessInfo::pid).containsExactly(1L, 5767616L);

    ProcessInfo init = scan.processes().get(0);
    assertThat(init)
        .isEqualTo(
            ProcessInfo.builder(1)
                .set(PPID, 0)
                .set(PGID, 0)
                .set(SID, 0)
                .set(UID, 0)
                .set(EUID, 0)
                .set(GID, 0)
                .set(EGID, 0)
                .set(USER, "root")
                .set(NAME, "init")
                .set(ARGS, "/etc/init")
                .set(ARGS_TRUNCATED, false)
                .set(STATE, ProcessState.SLEEPING)
                .set(STATE_CODE, "S")
                .set(THREADS, 1)
                .set(PRIORITY, 67)
                .set(NICE, 20)
                .set(RSS_BYTES, 872448)
                .set(VSZ_BYTES, 856064)
                .set(CPU_TIME_MILLIS, 7155)
                .set(USER_TIME_MILLIS, 3109)
                .set(SYSTEM_TIME_MILLIS, 4045)
                .set(START_TIME_MILLIS, 1_740_060_607_000L)
                .set(WPAR_ID, 0)
                .set(WPAR, "Global")
                .build());

    // no line in the AIX probe: a field it does not read keeps its ProcessField "not available"
    assertThat(scan.processes().get(0).majorFaults()).isEqualTo(-1);

    ProcessInfo cron = scan.processes().get(1);
    assertThat(cron)
        .isEqualTo(
            ProcessInfo.builder(5767616)
                .set(PPID, 1)
                .set(PGID, 5767616)
                .set(SID, 5767616)
                .set(UID, 0)
                .set(EUID, 0)
                .set(GID, 0)
                .set(EGID, 8)
                .set(USER, "root")
                .set(NAME, "cron")
                .set(ARGS, "/usr/sbin/cron")
                .set(ARGS_TRUNCATED, false)
                .set(STATE, ProcessState.SLEEPING)
                .set(STATE_CODE, "S")
                .set(THREADS, 1)
                .set(PRIORITY, 67)
                .set(NICE, 20)
                .set(RSS_BYTES, 1212416)
                .set(VSZ_BYTES, 1183744)
                .set(CPU_TIME_MILLIS, 126)
                .set(USER_TIME_MILLIS, 55)
                .set(SYSTEM_TIME_MILLIS, 70)
                .set(START_TIME_MILLIS, 1_740_060_633_000L)
                .set(WPAR_ID, 0)
                .set(WPAR, "Global")
                .build());
  }

  @Test
  void classifiesGoneDeniedAndCorruptEntries() throws Exception {
    // ordinary processes, one with a passwd user and one with an unsigned uid nobody knows
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(100), PstatusBytes.process(100));
    FakeAixProc.writeProcess(
        proc,
        PsinfoBytes.process(101).uid(1000).euid(1000).fname("ksh").psargs("-ksh"),
        PstatusBytes.process(101).utime(2, 0).stime(0, 250_000_000));
    FakeAixProc.writeProcess(
        proc,
        PsinfoBytes.process(102).uid(4294967294L).euid(4294967294L),
        PstatusBytes.process(102));
    // not processes
    Files.createDirectory(proc.resolve("self"));
    Files.createDirectory(proc.resolve("007"));
    Files.createDirectory(proc.resolve("12a"));
    Files.createDirectory(proc.resolve("99999999999"));
    Files.writeString(proc.resolve("sys"), "x");
    // gone: no psinfo any more; ESRCH while reading
    Files.createDirectory(proc.resolve("200"));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(700));
    // denied status; status is a directory (EISDIR); denied psinfo
    // (300 has its own owner: a denied status makes the scan skip the status of the same owner)
    FakeAixProc.writeProcess(
        proc, PsinfoBytes.process(300).uid(2000).euid(2000), PstatusBytes.process(300));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(301));
    Files.createDirectory(proc.resolve("301").resolve("status"));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(600), PstatusBytes.process(600));
    // corrupt: short psinfo; psinfo of another pid
    FakeAixProc.writeFile(proc, 400, "psinfo", PsinfoBytes.process(400).truncatedTo(100));
    FakeAixProc.writeFile(proc, 500, "psinfo", PsinfoBytes.process(501).toBytes());
    // a zombie without status; a status of another pid; a short status; a longer psinfo
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(800).zombie().psargs(""));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(900), PstatusBytes.process(901));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(901));
    FakeAixProc.writeFile(proc, 901, "status", PstatusBytes.process(901).truncatedTo(200));
    byte[] longer = java.util.Arrays.copyOf(PsinfoBytes.process(902).toBytes(), 600);
    FakeAixProc.writeFile(proc, 902, "psinfo", longer);

    Map<Path, IOException> failures =
        Map.of(
            proc.resolve("300/status"), new AccessDeniedException("300/status"),
            proc.resolve("600/psinfo"), new AccessDeniedException("600/psinfo"),
            proc.resolve("700/psinfo"),
                new FileSystemException(
                    proc.resolve("700/psinfo").toString(), null, "No such process"));
    AixProcessProbe probe =
        new AixProcessProbe(
            proc,
            users,
            file -> {
              IOException failure = failures.get(file);
              if (failure != null) {
                throw failure;
              }
              return FileChannel.open(file);
            });

    long before = System.currentTimeMillis();
    ProcessScan scan = probe.scan();

    // one psinfo and one status denied: status is also counted per file
    assertThat(scan.stats()).isEqualTo(new ScanStats(14, 2, 2, 2, 1, 0, 0, 0, 0, 0, -1));
    assertThat(scan.wallTimeMillis()).isBetween(before, System.currentTimeMillis());
    assertThat(scan.durationNanos()).isPositive();
    Map<Long, ProcessInfo> rows =
        scan.processes().stream().collect(Collectors.toMap(ProcessInfo::pid, Function.identity()));
    assertThat(scan.processes())
        .extracting(ProcessInfo::pid)
        .containsExactly(100L, 101L, 102L, 300L, 301L, 600L, 800L, 900L, 901L, 902L);

    assertThat(rows.get(100L).user()).isEqualTo("root");
    assertThat(rows.get(100L).userTimeMillis()).isEqualTo(1000);
    assertThat(rows.get(100L).systemTimeMillis()).isEqualTo(500);
    assertThat(rows.get(100L).cpuTimeMillis()).isEqualTo(1500);

    ProcessInfo ksh = rows.get(101L);
    assertThat(ksh.user()).isEqualTo("alice");
    assertThat(ksh.uid()).isEqualTo(1000);
    assertThat(ksh.name()).isEqualTo("ksh");
    assertThat(ksh.args()).isEqualTo("-ksh");
    assertThat(ksh.userTimeMillis()).isEqualTo(2000);
    assertThat(ksh.systemTimeMillis()).isEqualTo(250);

    assertThat(rows.get(102L).euid()).isEqualTo(4294967294L);
    assertThat(rows.get(102L).user()).isEqualTo("4294967294");

    // status denied: the row stays, without the split
    assertThat(rows.get(300L).name()).isEqualTo("proc");
    assertThat(rows.get(300L).cpuTimeMillis()).isEqualTo(1500);
    assertThat(rows.get(300L).userTimeMillis()).isEqualTo(-1);
    assertThat(rows.get(300L).systemTimeMillis()).isEqualTo(-1);
    // status a directory: the same, not counted
    assertThat(rows.get(301L).cpuTimeMillis()).isEqualTo(1500);
    assertThat(rows.get(301L).userTimeMillis()).isEqualTo(-1);
    // psinfo denied: only the pid
    assertThat(rows.get(600L)).isEqualTo(ProcessInfo.builder(600).build());
    assertThat(rows.get(600L).user()).isEmpty();
    assertThat(rows.get(600L).rssBytes()).isEqualTo(-1);

    assertThat(rows.get(800L).state()).isEqualTo(ProcessState.ZOMBIE);
    assertThat(rows.get(800L).stateCode()).isEqualTo("Z");
    assertThat(rows.get(800L).threads()).isZero();
    assertThat(rows.get(800L).nice()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);
    assertThat(rows.get(800L).priority()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);

    // status of another pid or too short: kept without the split
    assertThat(rows.get(900L).userTimeMillis()).isEqualTo(-1);
    assertThat(rows.get(901L).userTimeMillis()).isEqualTo(-1);
    assertThat(rows.get(902L).name()).isEqualTo("proc");

    // many problems, one warning a minute
    assertThat(probe.warningsLogged()).isEqualTo(1);
    probe.scan();
    assertThat(probe.warningsLogged()).isEqualTo(1);
  }

  @Test
  void statusDeniedForAnOwnerIsNotTriedAgainInTheSameScan() throws Exception {
    for (long pid = 10; pid < 15; pid++) {
      FakeAixProc.writeProcess(proc, PsinfoBytes.process(pid), PstatusBytes.process(pid));
    }
    FakeAixProc.writeProcess(
        proc, PsinfoBytes.process(20).uid(1000).euid(1000), PstatusBytes.process(20));
    java.util.List<Path> statusOpens = new java.util.ArrayList<>();
    AixProcessProbe probe =
        new AixProcessProbe(
            proc,
            users,
            file -> {
              if (file.getFileName().toString().equals("status")) {
                statusOpens.add(file);
                if (!file.getParent().getFileName().toString().equals("20")) {
                  throw new AccessDeniedException(file.toString());
                }
              }
              return FileChannel.open(file);
            });

    ProcessScan scan = probe.scan();

    assertThat(scan.stats()).isEqualTo(new ScanStats(6, 0, 5, 0, 5, 0, 0, 0, 0, 0, -1));
    assertThat(statusOpens).containsExactly(proc.resolve("10/status"), proc.resolve("20/status"));
    assertThat(scan.processes())
        .extracting(ProcessInfo::userTimeMillis)
        .containsExactly(-1L, -1L, -1L, -1L, -1L, 1000L);
    assertThat(scan.processes()).extracting(ProcessInfo::cpuTimeMillis).containsOnly(1500L);
    assertThat(scan.processes()).extracting(ProcessInfo::user).endsWith("root", "alice");

    statusOpens.clear();
    probe.scan(); // a new scan tries again
    assertThat(statusOpens).hasSize(2);
  }

  @Test
  void successiveScansFollowTheTree() throws Exception {
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(10), PstatusBytes.process(10));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(11), PstatusBytes.process(11));
    AixProcessProbe probe = new AixProcessProbe(proc, users);
    assertThat(probe.scan().processes()).extracting(ProcessInfo::pid).containsExactly(10L, 11L);

    Files.delete(proc.resolve("10/psinfo"));
    Files.delete(proc.resolve("10/status"));
    Files.delete(proc.resolve("10"));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(12).fname("new"));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(11).fname("changed"));
    ProcessScan scan = probe.scan();
    assertThat(scan.processes()).extracting(ProcessInfo::pid).containsExactly(11L, 12L);
    assertThat(scan.processes()).extracting(ProcessInfo::name).containsExactly("changed", "new");
    assertThat(scan.stats()).isEqualTo(new ScanStats(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
  }

  @Test
  void anUnexpectedRuntimeExceptionCostsOnlyItsEntry() throws Exception {
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(10));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(11));
    AixProcessProbe probe =
        new AixProcessProbe(
            proc,
            users,
            file -> {
              if (file.startsWith(proc.resolve("10"))) {
                throw new IllegalStateException("boom");
              }
              return FileChannel.open(file);
            });
    ProcessScan scan = probe.scan();
    assertThat(scan.stats()).isEqualTo(new ScanStats(2, 0, 0, 1, 0, 0, 0, 0, 0, 0, -1));
    assertThat(scan.processes()).extracting(ProcessInfo::pid).containsExactly(11L);
  }

  @Test
  void argumentListsCutAtPsargsLengthAreCounted() throws Exception {
    FakeAixProc.writeProcess(
        proc, PsinfoBytes.process(10).psargs("/usr/bin/java " + "-Dx=1 ".repeat(20)));
    FakeAixProc.writeProcess(proc, PsinfoBytes.process(11).psargs("/usr/sbin/cron"));
    ProcessScan scan = new AixProcessProbe(proc, users).scan();
    assertThat(scan.processes())
        .extracting(ProcessInfo::argsTruncated)
        .containsExactly(true, false);
    assertThat(scan.stats()).isEqualTo(new ScanStats(2, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1));
  }

  @Test
  void emptyProcRootGivesAnEmptyScan() throws Exception {
    ProcessScan scan = new AixProcessProbe(proc, users).scan();
    assertThat(scan.processes()).isEmpty();
    // AIX reads no limits: fdLimitDenied is -1, not 0
    assertThat(scan.stats()).isEqualTo(new ScanStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
  }

  @Test
  void missingOrUnlistableProcRootThrows() throws Exception {
    AixProcessProbe missing = new AixProcessProbe(tmp.resolve("nope"), users);
    assertThatThrownBy(missing::scan).isInstanceOf(NoSuchFileException.class);
    Path file = Files.writeString(tmp.resolve("file"), "x");
    AixProcessProbe notADirectory = new AixProcessProbe(file, users);
    assertThatThrownBy(notADirectory::scan).isInstanceOf(IOException.class);
  }

  @Test
  void manyProcessesInPidOrder() throws Exception {
    FakeAixProc.writeProcesses(proc, 1, 300);
    ProcessScan scan = new AixProcessProbe(proc, users).scan();
    assertThat(scan.stats()).isEqualTo(new ScanStats(300, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
    assertThat(scan.processes()).extracting(ProcessInfo::pid).isSorted().hasSize(300);
    ProcessInfo last = scan.processes().get(299);
    assertThat(last.name()).isEqualTo("p300");
    assertThat(last.args()).isEqualTo("/usr/bin/p300 --id 299");
    assertThat(last.userTimeMillis()).isEqualTo(1000);
  }

  @Test
  void pidNames() {
    assertThat(ProcDirectory.parsePid("0", Integer.MAX_VALUE)).isEqualTo(0);
    assertThat(ProcDirectory.parsePid("1", Integer.MAX_VALUE)).isEqualTo(1);
    assertThat(ProcDirectory.parsePid("5767616", Integer.MAX_VALUE)).isEqualTo(5767616);
    assertThat(ProcDirectory.parsePid("2147483647", Integer.MAX_VALUE)).isEqualTo(2147483647L);
    assertThat(ProcDirectory.parsePid("2147483648", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("99999999999", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("007", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("-1", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("+1", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("self", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("1 ", Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcDirectory.parsePid("١", Integer.MAX_VALUE))
        .isEqualTo(-1); // Arabic-Indic digit one
  }

  @Test
  void duplicatesAreListedOnce() {
    long[] listed = {7, 3, 7, 1, 3, 3, 99, 0};
    assertThat(ProcDirectory.sortedUnique(listed, 7)).containsExactly(1, 3, 7, 99);
    assertThat(ProcDirectory.sortedUnique(new long[4], 0)).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void fifosAndLinksInAFakeTreeAreNeverOpened() throws Exception {
    FakeAixProc.writeProcessesWithLongArgs(proc, 10, 4);
    // a FIFO as psinfo blocked the scan (and every reader behind it) for good before
    mkfifo(proc.resolve("10/psinfo"));
    mkfifo(proc.resolve("11/status"));
    mkfifo(proc.resolve("12/as"));
    java.nio.file.Files.delete(proc.resolve("13/psinfo"));
    java.nio.file.Files.createSymbolicLink(proc.resolve("13/psinfo"), Path.of("/dev/zero"));
    ProcessScan scan = new AixProcessProbe(proc, users).scan();
    assertThat(scan.processes()).extracting(ProcessInfo::pid).containsExactly(11L, 12L);
    assertThat(scan.stats().corrupt()).isEqualTo(2);
    // 12's arguments stay the 79 characters of psinfo: its as is a FIFO, not read
    assertThat(scan.processes().get(1).args()).hasSizeLessThanOrEqualTo(80);
  }

  /**
   * Issue 21, finding 8: the last listener leaving mid-scan interrupts the poller thread; the AIX
   * reads (then {@code FileChannel}s) failed with {@code ClosedByInterruptException}, each counted
   * corrupt, and the partial table (108 of 500 rows) was cached for the whole ttl. The probe's
   * reads are no longer interruptible: an interrupted thread's scan reads every process, whole
   * command lines included, and the interrupt is left for its owner to see.
   */
  @Test
  void aScanOnAnInterruptedThreadReadsEveryProcess() throws Exception {
    FakeAixProc.writeProcessesWithLongArgs(proc, 10, 50);
    AixProcessProbe probe = new AixProcessProbe(proc, users);
    ProcessScan scan;
    Thread.currentThread().interrupt();
    try {
      scan = probe.scan();
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    }
    assertThat(scan.processes()).hasSize(50);
    assertThat(scan.stats().corrupt()).isZero();
    assertThat(probe.fullArgsCounts().get(AixProcessProbe.FullArgs.READ)).isEqualTo(50);
  }

  /**
   * Issue 21, finding 8: a read that fails because of an interrupt (from any opener) fails the
   * scan, so the cache keeps the last whole table instead of caching a part of one.
   */
  @Test
  void anInterruptedReadFailsTheScanAndTheCacheKeepsTheLastWholeTable() throws Exception {
    FakeAixProc.writeProcesses(proc, 10, 20);
    java.util.concurrent.atomic.AtomicBoolean interrupt =
        new java.util.concurrent.atomic.AtomicBoolean();
    AixProcessProbe probe =
        new AixProcessProbe(
            proc,
            users,
            file -> {
              if (interrupt.get() && file.equals(proc.resolve("15/psinfo"))) {
                throw new java.nio.channels.ClosedByInterruptException();
              }
              return FileChannel.open(file);
            });
    dev.psinfo.sampling.TtlCache<ProcessScan> cache =
        new dev.psinfo.sampling.TtlCache<>(java.time.Duration.ZERO, System::nanoTime, probe::scan);
    ProcessScan whole = cache.get();
    assertThat(whole.processes()).hasSize(20);
    interrupt.set(true);
    assertThatThrownBy(probe::scan)
        .isInstanceOf(java.io.InterruptedIOException.class)
        .hasMessageContaining("pid 15");
    assertThat(cache.get()).isSameAs(whole);
    assertThat(cache.failures()).isEqualTo(1);
  }

  private static void mkfifo(Path p) throws Exception {
    java.nio.file.Files.deleteIfExists(p);
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
  }
}
