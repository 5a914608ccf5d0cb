package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.support.UserNames;
import dev.psinfo.text.Printable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** This machine's {@code /proc} against {@code ps}. */
@EnabledOnOs(OS.LINUX)
class LinuxProcessProbeLiveTest {
  private final LinuxProcessProbe probe =
      new LinuxProcessProbe(Path.of("/proc"), new UserNames(Path.of("/etc/passwd")));

  /** One line of {@code ps -eo pid,ppid,euid,euser,rss,vsz,nlwp,stat,comm}. */
  private record PsRow(
      long pid,
      long ppid,
      long euid,
      String euser,
      long rssKib,
      long vszKib,
      int threads,
      String stat,
      String comm) {}

  private static Map<Long, PsRow> ps() throws IOException, InterruptedException {
    ProcessBuilder b =
        new ProcessBuilder(
                "ps", "-eo", "pid,ppid,euid,euser,rss,vsz,nlwp,stat,comm", "--no-headers")
            .redirectErrorStream(true);
    // the locale decides how ps writes a name: in C.UTF-8 a control character or a byte that is
    // not UTF-8 is '?', a printable UTF-8 character is itself (in plain C controls become '.')
    b.environment().put("LC_ALL", "C.UTF-8");
    Process ps = b.start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ps.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ps.exitValue()).as(out).isZero();
    Map<Long, PsRow> rows = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+", 9);
      if (f.length < 9) {
        continue;
      }
      rows.put(
          Long.parseLong(f[0]),
          new PsRow(
              Long.parseLong(f[0]),
              Long.parseLong(f[1]),
              Long.parseLong(f[2]),
              f[3],
              Long.parseLong(f[4]),
              Long.parseLong(f[5]),
              Integer.parseInt(f[6]),
              f[7],
              f[8]));
    }
    return rows;
  }

  /**
   * The kernel renames its workqueue workers as they pick up work ({@code kworker/0:1-events} →
   * {@code kworker/0:1-mm_percpu_wq}) between our read and ps's: for kernel threads (children of
   * kthreadd, pid 2) only the part before the first {@code -} is stable.
   */
  private static boolean sameName(ProcessInfo p, String psComm) {
    String ours = asPsPrintsIt(p.name());
    if (ours.equals(psComm)) {
      return true;
    }
    if (ascii(ours).equals(ascii(psComm)) && (!isAscii(ours) || !isAscii(psComm))) {
      // a character ps counts differently (an invisible or a format character: one '?' per
      // byte, or itself, by version): the rest of the name must agree
      return true;
    }
    return p.ppid() == 2 && stem(ours).equals(stem(psComm));
  }

  /**
   * A name as {@code ps} prints it in a UTF-8 locale: every control character, and every byte that
   * was not UTF-8 (we read it as U+FFFD), as {@code ?} ({@link Printable#question}); a column ends
   * at no blank, but {@code ps}'s line is trimmed, so trailing blanks go too.
   */
  static String asPsPrintsIt(String name) {
    return Printable.question(name).replace('\uFFFD', '?').stripTrailing();
  }

  private static String ascii(String s) {
    return s.replaceAll("[^\\x21-\\x3e\\x40-\\x7e]", "");
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /** A kernel worker's name without what it works for: {@code -wq} when idle, {@code +wq} busy. */
  private static String stem(String name) {
    int cut = name.replaceAll("[+]", "-").indexOf('-');
    return cut < 0 ? name : name.substring(0, cut);
  }

  /**
   * Every process in our scan and in {@code ps}'s agrees with {@code ps} on what both read. On a
   * busy host a process changes between two reads (it execs a new name, becomes a zombie, is
   * reparented): {@code ps} runs before and after our scan, and a row agrees when it agrees with
   * either.
   */
  @Test
  void agreesWithPsOnEveryPidInBoth() throws Exception {
    Map<Long, PsRow> ps = ps();
    ProcessScan scan = probe.scan();
    Map<Long, PsRow> psAfter = ps();
    assertThat(scan.stats().corrupt()).isZero();
    assertThat(scan.processes()).hasSizeGreaterThan(1);
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (ProcessInfo p : scan.processes()) {
      PsRow r = ps.get(p.pid());
      if (r == null) {
        continue; // started after ps ran, or ps itself
      }
      compared++;
      List<String> before = rowProblems(scan, p, r);
      PsRow after = psAfter.get(p.pid());
      if (!before.isEmpty() && (after == null || !rowProblems(scan, p, after).isEmpty())) {
        problems.addAll(before);
      }
      assertThat(p.args()).as("args of %d", p.pid()).isNotEmpty();
      assertThat(p.startTimeMillis()).isPositive();
      assertThat(p.cpuTimeMillis()).isEqualTo(p.userTimeMillis() + p.systemTimeMillis());
    }
    assertThat(problems).isEmpty();
    assertThat(compared).isGreaterThan(ps.size() / 2);
  }

  /** What {@code ps}'s row {@code r} says otherwise than our {@code p}. */
  private static List<String> rowProblems(ProcessScan scan, ProcessInfo p, PsRow r) {
    List<String> problems = new ArrayList<>();
    // a process whose parent exits between the two reads is reparented (to init or a subreaper)
    boolean parentGone = scan.processes().stream().noneMatch(q -> q.pid() == r.ppid());
    check(problems, p, "ppid " + p.ppid(), p.ppid() == r.ppid() || parentGone, r.ppid());
    check(problems, p, "euid", p.euid() == r.euid(), r.euid());
    boolean userMatches =
        p.user().equals(r.euser())
            || (r.euser().endsWith("+")
                && p.user().startsWith(r.euser().substring(0, r.euser().length() - 1)))
            || r.euser().equals(Long.toString(p.euid()));
    check(problems, p, "user " + p.user(), userMatches, r.euser());
    check(problems, p, "comm " + p.name(), sameName(p, r.comm()), r.comm());
    // these move between the two reads: loose bounds; a process still starting up (a JVM of
    // another build on this machine) may grow by gigabytes in between: not compared
    boolean settled = scan.wallTimeMillis() - p.startTimeMillis() > 10_000;
    long rssKib = settled ? p.rssBytes() / 1024 : r.rssKib();
    check(
        problems,
        p,
        "rss KiB " + rssKib,
        Math.abs(rssKib - r.rssKib()) <= Math.max(8 * 1024, r.rssKib() / 2),
        r.rssKib());
    long vszKib = settled ? p.vszBytes() / 1024 : r.vszKib();
    check(
        problems,
        p,
        "vsz KiB " + vszKib,
        Math.abs(vszKib - r.vszKib()) <= Math.max(64 * 1024, r.vszKib() / 2),
        r.vszKib());
    check(
        problems,
        p,
        "threads " + p.threads(),
        !settled || Math.abs(p.threads() - r.threads()) <= Math.max(4, r.threads() / 2),
        r.threads());
    char psState = r.stat().charAt(0);
    char ours = p.stateCode().charAt(0);
    // running, sleeping, disk wait and idle (kernel threads) change between the two reads
    // and any process may exit (a zombie, Z, or dead, X) after ps read it
    boolean stateAgrees =
        psState == ours
            || ("RSDI".indexOf(psState) >= 0 && "RSDI".indexOf(ours) >= 0)
            || ours == 'Z'
            || ours == 'X';
    check(problems, p, "state " + ours, stateAgrees, r.stat());
    return problems;
  }

  private static void check(
      List<String> problems, ProcessInfo p, String what, boolean ok, Object psValue) {
    if (!ok) {
      problems.add(p.pid() + " (" + p.name() + "): ours " + what + ", ps " + psValue);
    }
  }

  @Test
  void ownRow() throws Exception {
    ProcessHandle me = ProcessHandle.current();
    ProcessInfo row =
        probe.scan().processes().stream()
            .filter(p -> p.pid() == me.pid())
            .findFirst()
            .orElseThrow();
    Instant started = me.info().startInstant().orElseThrow();
    assertThat(row.startTimeMillis()).isCloseTo(started.toEpochMilli(), within(1000));
    assertThat(row.threads()).isGreaterThan(1);
    assertThat(row.args()).contains("java");
    String command = me.info().command().orElseThrow();
    assertThat(row.args()).contains(command.substring(command.lastIndexOf('/') + 1));
    me.info().arguments().ifPresent(a -> assertThat(row.args()).contains(a[a.length - 1]));
    assertThat(row.ppid()).isEqualTo(me.parent().map(ProcessHandle::pid).orElse(0L));
    // our own files are always readable
    assertThat(row.openFds()).isGreaterThanOrEqualTo(3);
    assertThat(row.readBytes()).isGreaterThanOrEqualTo(0);
    assertThat(row.voluntaryCtxSwitches()).isGreaterThan(0);
    assertThat(row.majorFaults()).isGreaterThanOrEqualTo(0);
    assertThat(row.rssBytes()).isGreaterThan(1024 * 1024);
  }

  private static org.assertj.core.data.Offset<Long> within(long millis) {
    return org.assertj.core.data.Offset.offset(millis);
  }
}
