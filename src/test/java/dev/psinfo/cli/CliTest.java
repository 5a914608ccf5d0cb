package dev.psinfo.cli;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.JAVA_MAIN;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.NICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command in-process: help, output formats, and every bad-input path. */
class CliTest {
  static final Path AIX_PROC =
      Path.of(System.getProperty("psinfo.testdata", "testdata")).resolve("aix/proc");

  @TempDir Path tmp;

  @Test
  void globalHelpListsEveryCommand() {
    CliRun r = CliRun.of("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ps", "top", "info", "attach", "capture", "jmx", "Exit codes");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void noCommandPrintsTheHelpOnStderrWithExitCode2() {
    CliRun r = CliRun.of();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Commands:");
  }

  @Test
  void versionIsOneLine() {
    CliRun r = CliRun.of("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("psinfo-jmx \\S+\\R");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ps", "top", "info", "attach", "capture", "jmx"})
  void everyCommandHasHelp(String command) {
    CliRun r = CliRun.of(command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: java -jar psinfo-jmx-agent.jar ").contains(command);
    assertThat(r.err()).isEmpty();
    assertThat(CliRun.of("help", command).out()).isEqualTo(r.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "frobnicate|unknown command 'frobnicate'",
        "--frob|unknown option '--frob'",
        "ps --frob|ps: unknown option '--frob' (see: ps --help)",
        "ps --sort|ps: option --sort needs a value",
        "ps --sort size|ps: bad value for --sort: 'size' (expected cpu, rss, pid)",
        "ps --format xml|ps: bad value for --format: 'xml' (expected table, csv, json)",
        "ps -n 0|ps: bad value for -n: '0' (expected a whole number >= 1)",
        "ps -n x|ps: bad value for -n: 'x' (expected a whole number >= 1)",
        "ps --match (|ps: bad value for --match: '(' is not a valid regex",
        "ps --probe solaris|ps: bad value for --probe: 'solaris' (expected auto, linux, aix)",
        "ps --proc-root /no/such/dir|ps: bad value for --proc-root: '/no/such/dir' is not a"
            + " directory",
        "ps --passwd-file /no/such/file|ps: bad value for --passwd-file: '/no/such/file' is not a"
            + " readable file",
        "ps --interval 0s|ps: bad value for --interval: '0s' (expected a duration",
        "ps --sort cpu --sort rss|ps: option --sort is given twice",
        "ps extra|ps: unexpected argument 'extra'",
        "top --interval 2|top: bad value for --interval: '2'",
        "top --iterations -1|top: bad value for --iterations: '-1'",
        "top --sort pid|top: bad value for --sort: 'pid' (expected cpu, rss)",
        "info --format yaml|info: bad value for --format: 'yaml' (expected text, json)",
        "attach|attach: missing PID",
        "attach abc|attach: bad PID 'abc'",
        "attach 0|attach: bad PID '0'",
        "attach 1 ttl=forever|attach: bad value for ttl: 'forever'",
        "attach 1 nosuchkey=1|attach: unknown option 'nosuchkey'",
        "attach 1 ttl=1s extra|attach: unexpected argument 'extra'",
        "capture|capture: missing DIR or FILE.tar.gz",
        "capture --probe hpux x|capture: bad value for --probe: 'hpux'",
        "jmx|jmx: missing HOST:PORT and view",
        "jmx localhost|jmx: bad address 'localhost' (expected HOST:PORT",
        "jmx localhost:99999 ps|jmx: bad address 'localhost:99999'",
        "jmx localhost:9010|jmx: missing view after localhost:9010",
        "jmx localhost:9010 df|jmx: unknown view 'df' (expected ps, top or info)",
        "jmx localhost:9010 ps --proc-root /proc|ps: unknown option '--proc-root'",
        "jmx localhost:9010 top --probe aix|top: unknown option '--probe'",
      })
  void aBadCommandLineIsOneLineOnStderrAndExitCode2(String args, String message) {
    CliRun r = CliRun.of(args.split(" "));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("psinfo-jmx: ").contains(message);
  }

  @Test
  void aNiceThatIsNotAvailableShowsAsADashAndMinusOneAsItself() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RowsView.table(
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        List.of(
            new ProcessSample(ProcessInfo.builder(7).set(NAME, "zombie").build(), -1),
            new ProcessSample(ProcessInfo.builder(8).set(NAME, "niced").set(NICE, -1).build(), -1)),
        0,
        ZoneOffset.UTC,
        200);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).contains("THR NI S");
    assertThat(lines.get(1)).matches(" *7 +- +- +- +- +- +- +- +- +- +- zombie");
    assertThat(lines.get(2)).matches(" *8 +- +- +- +- +- +- +-1 +- +- +- niced");
  }

  @Test
  void theJavaColumnTellsJvmsApartAndShowsNoControlCharacter() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RowsView.table(
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        List.of(
            new ProcessSample(
                ProcessInfo.builder(7)
                    .set(NAME, "java")
                    .set(ARGS, "java -cp x kafka.Kafka")
                    .set(JAVA_MAIN, "kafka.Kafka")
                    .build(),
                -1),
            new ProcessSample(
                ProcessInfo.builder(8)
                    .set(NAME, "java")
                    .set(ARGS, "java -jar a")
                    .set(JAVA_MAIN, "a\u001b[2J")
                    .build(),
                -1),
            new ProcessSample(
                ProcessInfo.builder(9).set(NAME, "sleep").set(ARGS, "sleep 9").build(), -1)),
        0,
        ZoneOffset.UTC,
        0,
        true);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).endsWith(" TIME JAVA        COMMAND");
    assertThat(lines.get(1)).endsWith(" kafka.Kafka java -cp x kafka.Kafka");
    assertThat(lines.get(2)).endsWith(" a?[2J       java -jar a");
    assertThat(lines.get(3)).endsWith(" -           sleep 9");
    CliRun r = CliRun.of("ps", "--java", "--probe", "aix", "--proc-root", AIX_PROC.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.outLines().get(0)).endsWith(" TIME JAVA COMMAND");
  }

  @Test
  void psReadsTheAixSamplesAsATable() {
    CliRun r = CliRun.of("ps", "--probe", "aix", "--proc-root", AIX_PROC.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.outLines();
    assertThat(lines.get(0))
        .matches(" +PID +PPID USER +%CPU +RSS +VSZ THR +NI S START +TIME COMMAND");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .matches(" +1 +0 root +\\S+ +852K +836K +1 +20 S +\\S+ +0:07 /etc/init");
    assertThat(lines.get(2))
        .matches("5767616 +1 root +\\S+ +1.2M +1.1M +1 +20 S +\\S+ +0:00 /usr/sbin/cron");
  }

  @Test
  void psSortsFiltersAndLimits() {
    String root = AIX_PROC.toString();
    CliRun rss = CliRun.of("ps", "--probe", "aix", "--proc-root", root, "--sort", "rss", "-n", "1");
    assertThat(rss.outLines()).hasSize(2);
    assertThat(rss.outLines().get(1)).contains("/usr/sbin/cron");
    CliRun match = CliRun.of("ps", "--probe", "aix", "--proc-root", root, "--match", "^init$");
    assertThat(match.outLines()).hasSize(2);
    assertThat(match.outLines().get(1)).contains("/etc/init");
    CliRun user = CliRun.of("ps", "--probe", "aix", "--proc-root", root, "--user", "nobody");
    assertThat(user.code()).isZero();
    assertThat(user.outLines()).hasSize(1);
    CliRun byUid = CliRun.of("ps", "--probe", "aix", "--proc-root", root, "--user", "0");
    assertThat(byUid.outLines()).hasSize(3);
  }

  @Test
  void psAndTopSayWhenTheUserNameIsUnknownAndExit1() throws Exception {
    String root = AIX_PROC.toString();
    Path passwd =
        Files.writeString(tmp.resolve("passwd"), "root:x:0:0::/:/bin/sh\nalice:x:1000:1000::/:\n");
    String unknown = "nosuchuser-psinfo";
    CliRun ps =
        CliRun.of(
            "ps",
            "--probe",
            "aix",
            "--proc-root",
            root,
            "--passwd-file",
            passwd.toString(),
            "--user",
            unknown);
    assertThat(ps.code()).as(ps.out()).isEqualTo(Main.FAILED);
    assertThat(ps.out()).isEmpty();
    assertThat(ps.err())
        .isEqualTo(
            "psinfo-jmx: ps: no user named '"
                + unknown
                + "' (no process runs as it, and neither "
                + passwd
                + " nor the name service knows it)"
                + System.lineSeparator());
    CliRun top =
        CliRun.of(
            "top",
            "--probe",
            "aix",
            "--proc-root",
            root,
            "--passwd-file",
            passwd.toString(),
            "--user",
            unknown,
            "--iterations",
            "1",
            "--interval",
            "10ms");
    assertThat(top.code()).isEqualTo(Main.FAILED);
    assertThat(top.err()).startsWith("psinfo-jmx: top: no user named '" + unknown + "'");
    // a known user without processes, or any uid: an empty answer, exit 0, nothing on stderr
    for (String known : List.of("alice", "4242")) {
      CliRun r =
          CliRun.of(
              "ps",
              "--probe",
              "aix",
              "--proc-root",
              root,
              "--passwd-file",
              passwd.toString(),
              "--user",
              known);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.outLines()).hasSize(1);
    }
    // a user with processes: listed as before
    CliRun byRows =
        CliRun.of(
            "ps",
            "--probe",
            "aix",
            "--proc-root",
            root,
            "--passwd-file",
            passwd.toString(),
            "--user",
            "root");
    assertThat(byRows.code()).isZero();
    assertThat(byRows.outLines()).hasSize(3);
  }

  @Test
  void psCsvHasEveryFieldWithExactNumbers() {
    CliRun r =
        CliRun.of("ps", "--probe", "aix", "--proc-root", AIX_PROC.toString(), "--format", "csv");
    assertThat(r.code()).isZero();
    List<String> lines = r.outLines();
    assertThat(lines.get(0))
        .startsWith("pid,ppid,pgid,sid,uid,euid,gid,egid,user,name,args,argsTruncated,state,")
        .contains(",rssBytes,vszBytes,cpuTimeMillis,", ",cpuPercent,startTimeMillis,");
    assertThat(lines.get(1))
        .startsWith("1,0,0,0,0,0,0,0,root,init,/etc/init,false,SLEEPING,S,1,")
        .contains(",872448,856064,7155,", ",1740060607000,");
  }

  @Test
  void psJsonIsAnArrayOfObjectsWithExactNumbers() {
    CliRun r =
        CliRun.of("ps", "--probe", "aix", "--proc-root", AIX_PROC.toString(), "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).startsWith("[").endsWith("]");
    assertThat(r.out())
        .contains(
            "{\"pid\": 1, \"ppid\": 0,",
            "\"user\": \"root\"",
            "\"args\": \"/etc/init\"",
            "\"argsTruncated\": false",
            "\"rssBytes\": 872448",
            "\"startTimeMillis\": 1740060607000",
            "\"pid\": 5767616");
  }

  @Test
  void psWithNoMatchingRowsPrintsAHeaderOrAnEmptyArray() {
    String root = AIX_PROC.toString();
    assertThat(CliRun.of("ps", "--probe", "aix", "--proc-root", root, "--match", "zzz").outLines())
        .hasSize(1);
    assertThat(
            CliRun.of(
                    "ps",
                    "--probe",
                    "aix",
                    "--proc-root",
                    root,
                    "--match",
                    "zzz",
                    "--format",
                    "json")
                .out())
        .isEqualTo("[]" + System.lineSeparator());
  }

  @Test
  void psOnAnEmptyDirectoryShowsNoRows() throws Exception {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    CliRun r = CliRun.of("ps", "--probe", "aix", "--proc-root", empty.toString());
    assertThat(r.code()).isZero();
    assertThat(r.outLines()).hasSize(1);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void psOnThisMachineShowsThisJvmWithRecentCpu() {
    long me = ProcessHandle.current().pid();
    CliRun r = CliRun.of("ps", "--sort", "cpu", "--interval", "100ms", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.outLines()).anyMatch(l -> l.startsWith(me + ","));
  }

  @Test
  void infoShowsTheSystemFactsAsTextAndJson() {
    CliRun text = CliRun.of("info");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Hostname", "OsName", "TotalMemoryBytes", "LoadAverage1m", "Platform.probe");
    if (text.outLines().stream().anyMatch(l -> l.matches("CpuSource +counters"))) {
      // one info is one reading: its CPU use is the average since boot, and says so
      assertThat(text.outLines())
          .anyMatch(l -> l.matches("CpuBusyPercent +[0-9.]+ % \\(since boot\\)"));
    }
    assertThat(text.outLines())
        .anyMatch(
            l -> l.matches("UptimeSeconds +[0-9]+ \\(([0-9]+d )?([0-9]+h )?[0-9]+m( [0-9]+s)?\\)"));
    CliRun json = CliRun.of("info", "--format", "json");
    assertThat(json.code()).isZero();
    assertThat(json.out().strip()).startsWith("{").endsWith("}");
    assertThat(json.out())
        .contains("\"hostname\": \"", "\"logicalProcessors\": ", "\"platform\": {\"");
  }

  @Test
  void topWithoutATerminalPrintsPlainFrames() {
    CliRun r =
        CliRun.of(
            "top",
            "--probe",
            "aix",
            "--proc-root",
            AIX_PROC.toString(),
            "--iterations",
            "2",
            "--interval",
            "10ms",
            "-n",
            "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("\033");
    assertThat(r.outLines().stream().filter(l -> l.startsWith("psinfo-jmx top - "))).hasSize(2);
    assertThat(
            r.outLines().stream()
                .filter(l -> l.matches(" +PID USER +%CPU +RSS THR S +TIME COMMAND")))
        .hasSize(2);
    assertThat(r.out()).contains("Processes: 2 shown", "/etc/init", "/usr/sbin/cron");
    // the samples do not change between scans, so their recent CPU use is zero
    assertThat(r.outLines()).anyMatch(l -> l.matches(" +1 root +0.0 .*/etc/init"));
  }

  @Test
  void topOnATerminalClearsTheScreenAndRestoresTheCursor() {
    Terminal fake =
        new Terminal() {
          @Override
          int columns() {
            return 40;
          }

          @Override
          int rows() {
            return 24;
          }
        };
    CliRun r =
        CliRun.with(
            () -> fake,
            () -> null,
            "top",
            "--probe",
            "aix",
            "--proc-root",
            AIX_PROC.toString(),
            "--iterations",
            "1",
            "--interval",
            "10ms");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(TopCommand.HIDE_CURSOR + TopCommand.CLEAR)
        .endsWith(TopCommand.SHOW_CURSOR)
        .contains("q quits");
    assertThat(r.out().replaceAll("\033\\[[?0-9;]*[A-Za-z]", "").lines())
        .allMatch(l -> l.length() <= 40);
  }

  /**
   * A frame of the default {@code -n} fills the terminal's height exactly: a newline after its last
   * line would scroll it by one, and the load-average line would be lost every frame.
   */
  @ParameterizedTest
  @ValueSource(ints = {24, 8, 7})
  @EnabledOnOs(OS.LINUX)
  void topOnATerminalNeverScrollsItsFirstLineAway(int rows) {
    Terminal fake =
        new Terminal() {
          @Override
          int columns() {
            return 80;
          }

          @Override
          int rows() {
            return rows;
          }
        };
    CliRun r =
        CliRun.with(() -> fake, () -> null, "top", "--iterations", "1", "--interval", "10ms");
    assertThat(r.code()).as(r.err()).isZero();
    String frame =
        r.out()
            .substring(
                r.out().lastIndexOf(TopCommand.CLEAR) + TopCommand.CLEAR.length(),
                r.out().lastIndexOf(TopCommand.SHOW_CURSOR));
    assertThat(frame).startsWith("psinfo-jmx top - ").contains("load average: ");
    // a header of 6 lines, then as many processes as fit (this host has more than 18); on a
    // terminal of 8 rows or fewer top printed 20 processes and scrolled its header away
    assertThat(frame.lines().count()).isEqualTo(rows);
    assertThat(frame.chars().filter(c -> c == '\n').count()).isEqualTo(rows - 1);
  }

  @Test
  void infoOnAnAixCaptureReadsTheCommandsTheCaptureHolds() throws Exception {
    // a capture as `capture` lays it out, its command outputs from the AIX fixtures
    Path cap = tmp.resolve("aixcap");
    Path commands = Files.createDirectories(cap.resolve("commands"));
    Path fixtures = AIX_PROC.getParent().resolve("commands");
    Files.copy(fixtures.resolve("prtconf.txt"), commands.resolve("prtconf.txt"));
    Files.copy(
        fixtures.resolve("svmon-G-O-unit-KB.gopsutil-test-partial.txt"),
        commands.resolve("svmon-G-O-unit_KB.txt"));
    Files.copy(fixtures.resolve("oslevel-s.ohai.txt"), commands.resolve("oslevel-s.txt"));
    Files.writeString(cap.resolve("README.txt"), "psinfo-jmx capture\n\nprobe:      aix\n");
    for (String f : List.of("1/psinfo", "1/status", "5767616/psinfo", "5767616/status")) {
      Path to = cap.resolve("proc").resolve(f);
      Files.createDirectories(to.getParent());
      Files.copy(AIX_PROC.resolve(f), to);
    }
    CliRun r =
        CliRun.of(
            "info",
            "--probe",
            "aix",
            "--proc-root",
            cap.resolve("proc").toString(),
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "\"hostname\": \"aix72-dylan\"", // prtconf's Host Name: hostname is not captured
            "\"cpuModel\": \"PowerPC_POWER8\"",
            "\"kernelVersion\": \"7200-00-01-1543\"",
            "\"totalMemoryBytes\": " + 4096L * 1024 * 1024,
            "\"freeMemoryBytes\": " + 2016456L * 1024,
            "\"lparName\": \"aix_7200-04-02-2027\"");
  }

  @Test
  void captureIntoADirectoryReadsBackWithPsOnTheAixSamples() throws Exception {
    Path dir = tmp.resolve("cap");
    CliRun c =
        CliRun.of("capture", dir.toString(), "--probe", "aix", "--proc-root", AIX_PROC.toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("captured 2 processes", "--proc-root " + dir + "/proc");
    assertThat(dir.resolve("proc/1/psinfo")).hasSameBinaryContentAs(AIX_PROC.resolve("1/psinfo"));
    assertThat(dir.resolve("proc/1/status")).hasSameBinaryContentAs(AIX_PROC.resolve("1/status"));
    assertThat(dir.resolve("proc/1/lwp/65539/lwpsinfo"))
        .hasSameBinaryContentAs(AIX_PROC.resolve("1/lwp/65539/lwpsinfo"));
    assertThat(dir.resolve("proc/1/lwp/65539/lwpstatus")).doesNotExist();
    assertThat(Files.readString(dir.resolve("README.txt")))
        .contains("psinfo-jmx capture", "created:", "host:", "probe:      aix", "processes:  2");

    CliRun original =
        CliRun.of("ps", "--probe", "aix", "--proc-root", AIX_PROC.toString(), "--format", "csv");
    CliRun back =
        CliRun.of(
            "ps",
            "--probe",
            "aix",
            "--proc-root",
            dir.resolve("proc").toString(),
            "--format",
            "csv");
    assertThat(back.code()).isZero();
    assertThat(withoutCpuPercent(back.out())).isEqualTo(withoutCpuPercent(original.out()));
  }

  @Test
  void captureRefusesANonEmptyDirectoryAndAnExistingArchive() throws Exception {
    Files.writeString(tmp.resolve("x"), "x");
    CliRun dir = CliRun.of("capture", tmp.toString());
    assertThat(dir.code()).isEqualTo(2);
    assertThat(dir.err()).contains("exists and is not an empty directory");
    Path archive = Files.writeString(tmp.resolve("a.tar.gz"), "");
    CliRun tar = CliRun.of("capture", archive.toString());
    assertThat(tar.code()).isEqualTo(2);
    assertThat(tar.err()).contains("already exists");
  }

  @Test
  void captureCopiesOsReleaseAndInfoOnTheCaptureReadsIt() throws Exception {
    Path proc = tmp.resolve("src/proc");
    Files.createDirectories(proc.resolve("sys/kernel"));
    Files.writeString(proc.resolve("sys/kernel/osrelease"), "6.1.0-test\n");
    Path etc = Files.createDirectories(tmp.resolve("src/etc"));
    Files.writeString(
        etc.resolve("os-release"),
        "PRETTY_NAME=\"Test Linux 12\"\nID=testlinux\nVERSION_ID=\"12\"\n");
    Path capture = tmp.resolve("cap");
    CliRun c =
        CliRun.of(
            "capture", capture.toString(), "--probe", "linux", "--proc-root", proc.toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(capture.resolve("etc/os-release"))
        .hasSameTextualContentAs(etc.resolve("os-release"));
    CliRun info =
        CliRun.of(
            "info",
            "--probe",
            "linux",
            "--proc-root",
            capture.resolve("proc").toString(),
            "--format",
            "json");
    assertThat(info.code()).as(info.err()).isZero();
    assertThat(info.out()).contains("\"osVersion\": \"12\"", "Test Linux 12");
  }

  @Test
  void captureIntoAPathThatCannotBeADirectoryNamesItInOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Path under = file.resolve("sub");
    CliRun r =
        CliRun.of(
            "capture", under.toString(), "--probe", "aix", "--proc-root", AIX_PROC.toString());
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err())
        .startsWith("psinfo-jmx: capture: cannot create '" + under + "': ")
        .doesNotContain("java.", "Exception");
    if (OS.LINUX.isCurrentOs() && Files.isDirectory(Path.of("/proc/self"))) {
      // procfs refuses new directories with ENOENT
      CliRun proc =
          CliRun.of("capture", "/proc/x", "--probe", "aix", "--proc-root", AIX_PROC.toString());
      assertThat(proc.code()).isEqualTo(Main.FAILED);
      assertThat(proc.err())
          .isEqualTo(
              "psinfo-jmx: capture: cannot create '/proc/x': no such file or directory"
                  + System.lineSeparator());
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void captureOfThisMachineIntoATarGzUnpacksWithTarAndReadsBack() throws Exception {
    Path archive = tmp.resolve("host.tar.gz");
    CliRun c = CliRun.of("capture", archive.toString());
    assertThat(c.code()).as(c.err()).isZero();
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", tmp.toString())
            .redirectErrorStream(true)
            .start();
    String tarOutput = new String(tar.getInputStream().readAllBytes());
    assertThat(tar.waitFor()).as(tarOutput).isZero();
    Path proc = tmp.resolve("host/proc");
    long me = ProcessHandle.current().pid();
    assertThat(proc.resolve(me + "/stat")).exists();
    assertThat(proc.resolve(me + "/cmdline")).exists();
    assertThat(proc.resolve("self/auxv")).exists();
    assertThat(tmp.resolve("host/commands/uname-a.txt")).exists();
    assertThat(Files.readString(tmp.resolve("host/README.txt"))).contains("probe:      linux");

    CliRun back = CliRun.of("ps", "--proc-root", proc.toString(), "--format", "csv");
    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.err()).isEmpty();
    String mine =
        back.outLines().stream().filter(l -> l.startsWith(me + ",")).findFirst().orElseThrow();
    assertThat(mine).contains(",java,");
  }

  @Test
  void attachExplainsWhenThePidIsNoAttachableJvm() throws Exception {
    CliRun self =
        CliRun.with(
            () -> null,
            () -> Path.of("agent.jar"),
            "attach",
            Long.toString(ProcessHandle.current().pid()));
    assertThat(self.code()).isEqualTo(1);
    assertThat(self.err()).contains("is this command itself");

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    CliRun noSuch =
        CliRun.with(() -> null, () -> Path.of("agent.jar"), "attach", Long.toString(gone.pid()));
    assertThat(noSuch.code()).isEqualTo(1);
    assertThat(noSuch.err()).contains("no process with pid " + gone.pid());

    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      CliRun notJvm =
          CliRun.with(
              () -> null, () -> Path.of("agent.jar"), "attach", Long.toString(sleeper.pid()));
      assertThat(notJvm.code()).isEqualTo(1);
      assertThat(notJvm.err()).contains("is not a Java VM", "nothing was sent to it");
      assertThat(sleeper.isAlive()).isTrue();
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void attachNeedsTheAgentJar() {
    CliRun r = CliRun.of("attach", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("attach needs the agent jar");
  }

  @Test
  void jmxToAClosedPortFailsWithExitCode1() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun r = CliRun.of("jmx", "127.0.0.1:" + port, "ps");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("psinfo-jmx: cannot connect to 127.0.0.1:" + port);
  }

  private static String withoutCpuPercent(String csv) {
    // cpuPercent is a lifetime average against the wall clock, so it drifts between two runs
    return csv.replaceAll(",[0-9.]+,(1740060[0-9]{6})", ",X,$1");
  }
}
