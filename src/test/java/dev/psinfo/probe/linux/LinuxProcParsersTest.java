package dev.psinfo.probe.linux;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.CorruptRecordException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinuxProcParsersTest {
  private static LinuxStat stat(String fixture) throws CorruptRecordException {
    byte[] b = Fixtures.bytes(fixture + "/stat");
    return LinuxProcParsers.parseStat(b, b.length);
  }

  private static LinuxStatus status(String fixture) throws CorruptRecordException {
    byte[] b = Fixtures.bytes(fixture + "/status");
    return LinuxProcParsers.parseStatus(b, b.length);
  }

  private static String cmdline(String fixture, String name) {
    byte[] b = Fixtures.bytes(fixture + "/cmdline");
    return LinuxProcParsers.parseCmdline(b, b.length, name);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void nameWithSpacesAndParenthesesRunsToTheLastParenthesis() throws Exception {
    LinuxStat s = stat("paren-name");
    assertThat(s.name()).isEqualTo("a) (b");
    assertThat(s.pid()).isEqualTo(9466);
    assertThat(s.stateCode()).isEqualTo('S');
    assertThat(s.ppid()).isEqualTo(9462);
    assertThat(s.pgrp()).isEqualTo(9462);
    assertThat(s.session()).isEqualTo(2380);
    assertThat(s.priority()).isEqualTo(20);
    assertThat(s.nice()).isZero();
    assertThat(s.threads()).isEqualTo(1);
    assertThat(s.startTicks()).isEqualTo(219010);
    assertThat(s.vsizeBytes()).isEqualTo(2990080);
    assertThat(s.rssPages()).isEqualTo(421);
    assertThat(cmdline("paren-name", s.name())).isEqualTo("/tmp/a) (b 60");
  }

  @Test
  void cpuTicksAndSession() throws Exception {
    LinuxStat s = stat("bash");
    assertThat(s.userTicks()).isEqualTo(1);
    assertThat(s.systemTicks()).isEqualTo(7);
    assertThat(s.session()).isEqualTo(2380);
  }

  /** Field 12 is the process's own major faults; 13 ({@code cmajflt}) is its children's. */
  @Test
  void majorFaultsAreField12NotTheChildrens() throws Exception {
    assertThat(stat("bash").majorFaults()).isEqualTo(2); // cmajflt 59
    assertThat(stat("kthread").majorFaults()).isZero();
    byte[] b =
        ascii(
            "7 (db) D 1 7 7 0 -1 0 5 0 123456789012 0 1 2 0 0 20 0 1 0 25 4096 1"
                + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
    assertThat(LinuxProcParsers.parseStat(b, b.length).majorFaults()).isEqualTo(123456789012L);
    byte[] negative =
        ascii(
            "7 (db) D 1 7 7 0 -1 0 5 0 -3 0 1 2 0 0 20 0 1 0 25 4096 1"
                + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
    assertThatThrownBy(() -> LinuxProcParsers.parseStat(negative, negative.length))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void kernelThreadHasNoCommandLineAndShowsItsNameInBrackets() throws Exception {
    LinuxStat s = stat("kthread");
    assertThat(s.pid()).isEqualTo(2);
    assertThat(s.name()).isEqualTo("kthreadd");
    assertThat(s.ppid()).isZero();
    assertThat(s.vsizeBytes()).isZero();
    assertThat(s.rssPages()).isZero();
    assertThat(cmdline("kthread", s.name())).isEqualTo("[kthreadd]");
  }

  @Test
  void idleKernelWorkerWithNiceMinus20() throws Exception {
    LinuxStat s = stat("kworker-nice-20");
    assertThat(s.name()).isEqualTo("kworker/R-rcu_gp");
    assertThat(s.stateCode()).isEqualTo('I');
    assertThat(s.nice()).isEqualTo(-20);
    assertThat(s.priority()).isZero();
  }

  @Test
  void negativeNice() throws Exception {
    LinuxStat s = stat("negative-nice");
    assertThat(s.nice()).isEqualTo(-5);
    assertThat(s.priority()).isEqualTo(15);
    assertThat(cmdline("negative-nice", s.name())).isEqualTo("sleep 60");
  }

  @Test
  void zombie() throws Exception {
    LinuxStat s = stat("zombie");
    assertThat(s.stateCode()).isEqualTo('Z');
    assertThat(s.name()).isEqualTo("sleep");
    assertThat(s.vsizeBytes()).isZero();
    assertThat(s.rssPages()).isZero();
    assertThat(cmdline("zombie", s.name())).isEqualTo("[sleep]");
    assertThat(status("zombie").threads()).isEqualTo(1);
  }

  @Test
  void hugeCommandLineIsKeptWhole() {
    String args = cmdline("huge-cmdline", "bash");
    assertThat(args).hasSize(202_023 - 1).startsWith("bash -c sleep 60; true arg0000-xxx");
    assertThat(args).endsWith("arg1999-" + "x".repeat(92)).doesNotContain("\0");
    assertThat(args.split(" ").length).isEqualTo(5 + 2000);
  }

  @Test
  void commandLineJoinsArgumentsAndDropsTrailingNuls() {
    assertThat(LinuxProcParsers.parseCmdline(ascii("a\0b c\0d\0"), 8, "x")).isEqualTo("a b c d");
    assertThat(LinuxProcParsers.parseCmdline(ascii("a\0b"), 3, "x")).isEqualTo("a b");
    assertThat(LinuxProcParsers.parseCmdline(ascii("title\0\0\0\0"), 9, "x")).isEqualTo("title");
    assertThat(LinuxProcParsers.parseCmdline(ascii("\0\0"), 2, "x")).isEqualTo("[x]");
    assertThat(LinuxProcParsers.parseCmdline(new byte[16], 0, "kthreadd")).isEqualTo("[kthreadd]");
    assertThat(LinuxProcParsers.parseCmdline(ascii("caf\u00e9\0"), 6, "x")).isEqualTo("caf\u00e9");
  }

  @Test
  void statusIdsThreadsAndContextSwitches() throws Exception {
    LinuxStatus s = status("nobody");
    assertThat(s.uid()).isEqualTo(65534);
    assertThat(s.euid()).isEqualTo(65534);
    assertThat(s.gid()).isEqualTo(65534);
    assertThat(s.egid()).isEqualTo(65534);
    assertThat(s.threads()).isEqualTo(1);
    assertThat(s.voluntaryCtxSwitches()).isEqualTo(2);
    assertThat(s.involuntaryCtxSwitches()).isEqualTo(1);
  }

  @Test
  void statusSeparatesRealAndEffectiveIds() throws Exception {
    LinuxStatus s = status("setuid");
    assertThat(s.uid()).isEqualTo(1000);
    assertThat(s.euid()).isZero();
    assertThat(s.gid()).isEqualTo(1000);
    assertThat(s.egid()).isZero();
  }

  @Test
  void statusAcceptsTheLargestIdAndMissingOptionalLines() throws Exception {
    byte[] b = ascii("Name:\tx\nUid:\t4294967295\t4294967294\t0\t0\nGid: 1 2 3 4\n");
    LinuxStatus s = LinuxProcParsers.parseStatus(b, b.length);
    assertThat(s.uid()).isEqualTo(4294967295L);
    assertThat(s.euid()).isEqualTo(4294967294L);
    assertThat(s.gid()).isEqualTo(1);
    assertThat(s.egid()).isEqualTo(2);
    assertThat(s.threads()).isEqualTo(-1);
    assertThat(s.voluntaryCtxSwitches()).isEqualTo(-1);
    assertThat(s.involuntaryCtxSwitches()).isEqualTo(-1);
  }

  @Test
  void io() throws Exception {
    byte[] b = Fixtures.bytes("negative-nice/io");
    LinuxIo io = LinuxProcParsers.parseIo(b, b.length);
    assertThat(io.readBytes()).isEqualTo(57344);
    assertThat(io.writeBytes()).isEqualTo(4096);
  }

  @Test
  void parsesOnlyTheGivenLengthOfALargerBuffer() throws Exception {
    byte[] file = Fixtures.bytes("paren-name/stat");
    byte[] buffer = Arrays.copyOf(file, file.length + 100);
    Arrays.fill(buffer, file.length, buffer.length, (byte) ')');
    assertThat(LinuxProcParsers.parseStat(buffer, file.length).name()).isEqualTo("a) (b");
    assertThatThrownBy(() -> LinuxProcParsers.parseStat(file, file.length + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidStatIsCorrupt() {
    String good = new String(Fixtures.bytes("bash/stat"), UTF_8);
    String[] bad = {
      "",
      "\n",
      "garbage",
      "2380 bash S 1 2 3",
      "2380 (bash S 1 2 3",
      "2380(bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 3",
      "x380 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 3",
      "2380 (bash) 5 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 3",
      "2380 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2",
      "2380 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 x 7 6435 2876 20 0 1 0 1 2 3",
      "2380 (bash) S 2379  2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 3",
      "2380 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 -3",
      "2380 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 42 1 0 1 2 3",
      "2380 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 "
          + "99999999999999999999",
      // found by ParserFuzzTest: a negative pid used to escape as IllegalArgumentException
      "-1 (bash) S 2379 2380 2380 0 -1 4194560 9220 1246024 2 59 1 7 6435 2876 20 0 1 0 1 2 3",
      good.substring(0, good.indexOf(" 18446744073709551615") - 5),
    };
    for (String s : bad) {
      byte[] b = ascii(s);
      assertThatThrownBy(() -> LinuxProcParsers.parseStat(b, b.length))
          .as("stat %s", s)
          .isInstanceOf(CorruptRecordException.class)
          .satisfies(e -> assertThat(((CorruptRecordException) e).byteCount()).isEqualTo(b.length));
    }
  }

  @Test
  void invalidStatusAndIoAreCorrupt() {
    String[] badStatus = {
      "",
      "Name:\tx\n",
      "Uid:\t0\t0\t0\t0\n",
      "Uid:\t0\nGid:\t0\t0\n",
      "Uid:\tx\t0\nGid:\t0\t0\n",
      "Uid:\t4294967296\t0\nGid:\t0\t0\n",
      "Uid:\t-1\t0\nGid:\t0\t0\n",
      "Uid:\t0\t0\nGid:\t0\t0\nThreads:\tmany\n",
      "Uid:\t0\t0\nGid:\t0\t0\nThreads:\n",
    };
    for (String s : badStatus) {
      byte[] b = ascii(s);
      assertThatThrownBy(() -> LinuxProcParsers.parseStatus(b, b.length))
          .as("status %s", s)
          .isInstanceOf(CorruptRecordException.class);
    }
    String[] badIo = {"", "rchar: 1\n", "read_bytes: 1\n", "read_bytes: 1\nwrite_bytes: -4\n"};
    for (String s : badIo) {
      byte[] b = ascii(s);
      assertThatThrownBy(() -> LinuxProcParsers.parseIo(b, b.length))
          .as("io %s", s)
          .isInstanceOf(CorruptRecordException.class);
    }
  }

  /** Every prefix of every fixture, and random bytes, parse or fail as corrupt: nothing else. */
  @Test
  void truncatedOrRandomInputNeverThrowsAnythingElse() {
    String[] fixtures = {
      "paren-name", "zombie", "negative-nice", "kthread", "kworker-nice-20", "bash", "nobody"
    };
    for (String f : fixtures) {
      for (String file : new String[] {"stat", "status", "io"}) {
        byte[] b = Fixtures.bytes(f + "/" + file);
        for (int len = 0; len <= b.length; len++) {
          assertOnlyCorrupt(file, b, len);
        }
      }
    }
    Random random = new Random(42);
    byte[] alphabet = ascii("0123456789 ()-\n\t:SRZUidGhrea_bytesThrds");
    for (int i = 0; i < 5000; i++) {
      byte[] b = new byte[random.nextInt(400)];
      for (int j = 0; j < b.length; j++) {
        b[j] =
            random.nextBoolean()
                ? alphabet[random.nextInt(alphabet.length)]
                : (byte) random.nextInt(256);
      }
      for (String file : new String[] {"stat", "status", "io"}) {
        assertOnlyCorrupt(file, b, b.length);
      }
    }
  }

  private static void assertOnlyCorrupt(String file, byte[] b, int len) {
    try {
      switch (file) {
        case "stat" -> LinuxProcParsers.parseStat(b, len);
        case "status" -> LinuxProcParsers.parseStatus(b, len);
        default -> LinuxProcParsers.parseIo(b, len);
      }
    } catch (CorruptRecordException e) {
      assertThat(e.byteCount()).isEqualTo(len);
    }
  }

  @Test
  void truncatedStatBeforeField24IsCorrupt() {
    byte[] b = Fixtures.bytes("bash/stat");
    String text = new String(b, UTF_8);
    int field23End = text.indexOf(" 1004 18446744073709551615"); // vsize ends here, rss follows
    for (int len = 0; len <= field23End + 1; len++) {
      int n = len;
      assertThatThrownBy(() -> LinuxProcParsers.parseStat(b, n))
          .as("first %d bytes", n)
          .isInstanceOf(CorruptRecordException.class);
    }
  }

  @Test
  void cmdlineEqualsSaysWhatParseCmdlineWouldMake() {
    byte[] b = "java\0-jar\0app.jar\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(LinuxProcParsers.cmdlineEquals(b, b.length, "java", "java -jar app.jar")).isTrue();
    assertThat(LinuxProcParsers.cmdlineEquals(b, b.length, "java", "java -jar app.jaR")).isFalse();
    assertThat(LinuxProcParsers.cmdlineEquals(b, b.length, "java", "java -jar app.jar ")).isFalse();
    assertThat(LinuxProcParsers.cmdlineEquals(b, 0, "kworker/0:1", "[kworker/0:1]")).isTrue();
    assertThat(LinuxProcParsers.cmdlineEquals(b, 0, "kworker/0:1", "[kworker/0:2]")).isFalse();
    assertThat(LinuxProcParsers.cmdlineEquals(b, 0, "", "")).isTrue();
    assertThat(LinuxProcParsers.cmdlineEquals(b, 0, "", "[]")).isFalse();
    byte[] u = "caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(LinuxProcParsers.cmdlineEquals(u, u.length, "x", "caf\u00e9")).isFalse();
    assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8)).contains("\0");
  }

  @Test
  void javaMainSplitsAtNulsAndKeepsSpacesInsideArguments() {
    byte[] zk =
        ascii(
            "/usr/bin/java\0-XX:OnOutOfMemoryError=kill -9 %p\0-cp\0/opt/zk/lib/*\0"
                + "org.apache.zookeeper.server.quorum.QuorumPeerMain\0/opt/zk/conf/zoo.cfg\0");
    byte[] copy = zk.clone();
    assertThat(LinuxProcParsers.javaMain(zk, zk.length, false))
        .isEqualTo("org.apache.zookeeper.server.quorum.QuorumPeerMain");
    assertThat(zk).as("not changed").isEqualTo(copy);
    assertThat(LinuxProcParsers.isJavaLauncher(zk, zk.length)).isTrue();
    // a line cut inside the class name (the byte limit) gives nothing, one cut after it the class
    assertThat(LinuxProcParsers.javaMain(zk, 100, true)).isEmpty();
    assertThat(LinuxProcParsers.javaMain(zk, 115, true)).isEmpty();
    assertThat(LinuxProcParsers.javaMain(zk, 116, true))
        .isEqualTo("org.apache.zookeeper.server.quorum.QuorumPeerMain");
    byte[] jar = ascii("java\0-jar\0/opt/app/app-2.1.jar\0");
    assertThat(LinuxProcParsers.javaMain(jar, jar.length, false)).isEqualTo("app-2.1.jar");
    assertThat(LinuxProcParsers.javaMain(jar, jar.length, true))
        .as("cut right after a NUL: the jar's name is whole")
        .isEqualTo("app-2.1.jar");
    byte[] shell = ascii("/bin/sh\0-c\0java -cp x a.B\0");
    assertThat(LinuxProcParsers.isJavaLauncher(shell, shell.length)).isFalse();
    assertThat(LinuxProcParsers.javaMain(shell, shell.length, false)).isEmpty();
    // a process that wrote its title over its arguments: one word, no launcher
    byte[] title = ascii("/usr/bin/java -cp x a.B\0\0\0");
    assertThat(LinuxProcParsers.javaMain(title, title.length, false)).isEmpty();
    assertThat(LinuxProcParsers.javaMain(new byte[4], 0, false)).isEmpty();
    byte[] utf8 = "javaw\0-cp\0x\0caf\u00e9.Main\0".getBytes(UTF_8);
    assertThat(LinuxProcParsers.javaMain(utf8, utf8.length, false)).isEqualTo("caf\u00e9.Main");
  }
}
