package dev.psinfo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsParserTest {
  @TempDir Path dir;

  @Test
  void nullAndBlankGiveTheDefaults() throws Exception {
    assertThat(OptionsParser.parse(null)).isEqualTo(AgentOptions.defaults());
    assertThat(OptionsParser.parse("  ")).isEqualTo(AgentOptions.defaults());
  }

  @Test
  void parsesEveryKey() throws Exception {
    Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/:/bin/sh\n");
    AgentOptions o =
        OptionsParser.parse(
            "probe=aix, procRoot="
                + dir
                + ",passwdFile="
                + passwd
                + ",ttl=500ms,include=java|sshd,exclude=^kworker,users=alice:0,maxRows=50,"
                + "exportTop=memory,scrubArgs=false,scrubWords=pin:otp,fullArgs=false,"
                + "registerDelay=2s,log=DEBUG");
    assertThat(o.probe()).isEqualTo(ProbeKind.AIX);
    assertThat(o.procRoot()).isEqualTo(dir);
    assertThat(o.passwdFile()).isEqualTo(passwd);
    assertThat(o.ttl()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.include().pattern()).isEqualTo("java|sshd");
    assertThat(o.exclude().pattern()).isEqualTo("^kworker");
    assertThat(o.users()).isEqualTo(Set.of("alice", "0"));
    assertThat(o.maxRows()).isEqualTo(50);
    assertThat(o.exportTop()).isEqualTo(ExportOrder.MEMORY);
    assertThat(o.scrubArgs()).isFalse();
    assertThat(o.scrubWords()).isEqualTo(List.of("pin", "otp"));
    assertThat(o.fullArgs()).isFalse();
    assertThat(AgentOptions.defaults().fullArgs()).isTrue();
    assertThat(o.registerDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.log()).isEqualTo(LogLevel.DEBUG);
    assertThat(OptionsParser.parse("").log()).isEqualTo(LogLevel.WARN);
    assertThat(OptionsParser.parse("").registerDelay()).isEqualTo(AgentOptions.REGISTER_DELAY_AUTO);
    assertThat(OptionsParser.parse("registerDelay=auto").registerDelay())
        .isEqualTo(AgentOptions.REGISTER_DELAY_AUTO);
    assertThat(OptionsParser.parse("registerDelay=0").registerDelay()).isZero();
    assertThat(OptionsParser.parse("").maxArgsBytes()).isEqualTo(64 * 1024);
    assertThat(OptionsParser.parse("maxArgsBytes=262144").maxArgsBytes()).isEqualTo(262_144);
    assertThatThrownBy(() -> OptionsParser.parse("maxArgsBytes=2000000"))
        .hasMessage(
            "bad value for maxArgsBytes: '2000000' (expected a number of bytes from 4096 to"
                + " 1048576)");
  }

  @Test
  void everyBadOptionIsNamedInOneLine() {
    assertThatThrownBy(() -> OptionsParser.parse("ttl=banana,foo=1"))
        .isInstanceOf(OptionsException.class)
        .hasMessageStartingWith("2 bad options: ")
        .hasMessageContaining("bad value for ttl: 'banana'")
        .hasMessageContaining("unknown option 'foo'")
        .hasMessageContaining("(known keys: probe, procRoot,")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(
            () -> OptionsParser.parse("log=loud,maxRows=-1,probe=hpux,exportTop=io,log2=x,ttl"))
        .hasMessageStartingWith("6 bad options: ")
        .hasMessageContaining("bad value for log: 'loud' (expected off, warn, info or debug)")
        .hasMessageContaining("bad value for maxRows: '-1'")
        .hasMessageContaining("bad value for probe: 'hpux'")
        .hasMessageContaining("bad value for exportTop: 'io'")
        .hasMessageContaining("unknown option 'log2'")
        .hasMessageContaining("option 'ttl' is not key=value");
  }

  @Test
  void aHugeKeyOrValueIsShortenedInTheMessage() {
    // a 100,000-character key was echoed whole: one 100 KB line on the host's stderr
    String key = "k".repeat(100_000);
    assertThatThrownBy(() -> OptionsParser.parse(key + "=1"))
        .hasMessageStartingWith("unknown option 'kkk")
        .hasMessageContaining("characters left out")
        .hasMessageContaining("(known keys: probe,")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1_000));
    assertThatThrownBy(() -> OptionsParser.parse("ttl=" + "9".repeat(100_000)))
        .hasMessageStartingWith("bad value for ttl: '999")
        .hasMessageEndingWith("' (expected a duration such as 500ms, 2s, 5m or 1h)")
        .satisfies(
            e ->
                assertThat(e.getMessage().length())
                    .isLessThanOrEqualTo(OptionsParser.MAX_PROBLEM_CHARS + 40));
  }

  @Test
  void thousandsOfBadOptionsAreCountedNotAllListed() {
    // 3,000 unknown keys made a 71 KB line
    StringBuilder args = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      args.append("k").append(i).append("=1,");
    }
    assertThatThrownBy(() -> OptionsParser.parse(args.toString()))
        .hasMessageStartingWith("3000 bad options: unknown option 'k1'; unknown option 'k2';")
        .hasMessageContaining("unknown option 'k10'; and 2990 more (known keys: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("'k11'"))
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1_000));
  }

  @Test
  void aShortenedProblemKeepsNoHalfOfASurrogatePair() {
    String smile = "\ud83d\ude00";
    String cut = OptionsParser.shortened(smile.repeat(1000));
    assertThat(cut).startsWith(smile.repeat(OptionsParser.KEPT_HEAD / 2) + "...(");
    assertThat(cut).endsWith(")..." + smile.repeat(OptionsParser.KEPT_TAIL / 2));
    String odd = "x" + smile.repeat(1000) + "y"; // both cuts fall inside a pair
    String oddCut = OptionsParser.shortened(odd);
    assertThat(oddCut.codePoints()).noneMatch(c -> c >= 0xd800 && c <= 0xdfff);
    assertThat(OptionsParser.shortened("short")).isEqualTo("short");
  }

  @Test
  void aKeyGivenTwiceInTheConfigFileIsRefusedLikeInline() throws Exception {
    // Properties kept the last one silently, where ttl=1s,ttl=2s inline is refused
    Path config = Files.writeString(dir.resolve("twice.properties"), "ttl=3s\nmaxRows=1\nttl=4s\n");
    assertThatThrownBy(() -> OptionsParser.parse("config=" + config))
        .isInstanceOf(OptionsException.class)
        .hasMessage("option 'ttl' is given twice in config file " + config);
    // the file's value and an inline one: inline overrides, as documented
    Path once = Files.writeString(dir.resolve("once.properties"), "ttl=3s\n");
    assertThat(OptionsParser.parse("config=" + once + ",ttl=5s").ttl())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aConfigFileAndInlineOptionsAreReportedTogether() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.properties"), "tll=10s\nmaxRows=many\n");
    assertThatThrownBy(() -> OptionsParser.parse("config=" + config + ",ttl=soon"))
        .hasMessageStartingWith("3 bad options: ")
        .hasMessageContaining("unknown option 'tll' in config file " + config)
        .hasMessageContaining("bad value for maxRows: 'many'")
        .hasMessageContaining("bad value for ttl: 'soon'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "colour=red                | unknown option 'colour'",
        "ttl                       | option 'ttl' is not key=value",
        "ttl=fast                  | bad value for ttl: 'fast' (expected a duration such as 500ms",
        "ttl=-1s                   | bad value for ttl: '-1s'",
        "ttl=2h                    | bad value for ttl: '2h' is longer than the maximum",
        "probe=solaris             | bad value for probe: 'solaris' (expected auto, linux or aix)",
        "include=(                 | bad value for include: '(' is not a valid regex",
        "exclude=                  | bad value for exclude: empty regex",
        "maxRows=-3                | bad value for maxRows: '-3'",
        "maxRows=lots              | bad value for maxRows: 'lots'",
        "exportTop=io              | bad value for exportTop: 'io' (expected cpu or memory)",
        "log=verbose               | bad value for log: 'verbose' (expected off, warn, info or debug)",
        "scrubArgs=yes             | bad value for scrubArgs: 'yes' (expected true or false)",
        "fullArgs=1                | bad value for fullArgs: '1' (expected true or false)",
        "users=::                  | bad value for users",
        "procRoot=/no/such/dir     | bad value for procRoot: '/no/such/dir' is not a directory",
        "passwdFile=/no/such/file  | bad value for passwdFile: '/no/such/file' is not a readable file",
        "config=/no/such.properties| bad value for config: cannot read '/no/such.properties'",
        "ttl=1s,ttl=2s             | option 'ttl' is given twice",
        "registerDelay=soon        | bad value for registerDelay: 'soon'",
        "group.web=(               | bad value for group.web: '(' is not a valid regex",
        "group.=java               | bad group name in 'group.'",
        "group.a b=java            | bad group name in 'group.a b'",
        "group.a.b=java            | bad group name in 'group.a.b'",
        "expect.web=2              | expect.web names no group (no group.web=REGEX)",
        "group.web=x,expect.web=two| bad value for expect.web: 'two' (expected a number of processes",
        "group.web=x,expect.web=-1 | bad value for expect.web: '-1'",
        "expect.a.b=1              | bad group name in 'expect.a.b': expected expect.NAME with NAME",
        "pin=[                     | bad value for pin: '[' is not a valid regex",
        "eventInterval=500ms       | bad value for eventInterval: '500ms' is shorter than 1s",
        "eventInterval=often       | bad value for eventInterval: 'often'",
      })
  void badInputNamesTheOptionInOneLine(String args, String message) {
    assertThatThrownBy(() -> OptionsParser.parse(args))
        .isInstanceOf(OptionsException.class)
        .hasMessageContaining(message.trim())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void configFileGivesDefaultsThatInlineOptionsOverride() throws Exception {
    Path config =
        Files.writeString(dir.resolve("psinfo.properties"), "ttl=10s\nmaxRows=7\ninclude=a,b\n");
    AgentOptions o = OptionsParser.parse("config=" + config + ",maxRows=9");
    assertThat(o.ttl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.maxRows()).isEqualTo(9);
    assertThat(o.include().pattern()).isEqualTo("a,b");
    assertThat(o.source()).contains("config " + config);
  }

  @Test
  void groupsPinAndEventIntervalInlineAndFromTheConfigFile() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("groups.properties"),
            "group.db=postgres|mysqld\ngroup.web-1=nginx,httpd\n");
    AgentOptions o =
        OptionsParser.parse(
            "config=" + config + ",group.jvm_all=java,group.db=pg,pin=sshd,eventInterval=2s");
    assertThat(o.groups().keySet()).containsExactly("db", "jvm_all", "web-1");
    assertThat(o.groups().get("db").pattern()).isEqualTo("pg");
    assertThat(o.groups().get("web-1").pattern()).isEqualTo("nginx,httpd");
    assertThat(o.pin().pattern()).isEqualTo("sshd");
    assertThat(o.eventInterval()).isEqualTo(Duration.ofSeconds(2));
    AgentOptions d = AgentOptions.defaults();
    assertThat(d.groups()).isEmpty();
    assertThat(d.pin()).isNull();
    assertThat(d.eventInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aBadGroupNameInTheConfigFileIsNamed() throws Exception {
    Path config = Files.writeString(dir.resolve("bad-group.properties"), "group.a/b=java\n");
    assertThatThrownBy(() -> OptionsParser.parse("config=" + config))
        .isInstanceOf(OptionsException.class)
        .hasMessageContaining("bad group name in 'group.a/b' in config file " + config);
  }

  @Test
  void groupsAreCappedAtTheDocumentedNumber() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < AgentOptions.MAX_GROUPS; i++) {
      many.append("group.g").append(i).append("=java").append(i).append('\n');
    }
    Path atCap = Files.writeString(dir.resolve("cap.properties"), many);
    assertThat(OptionsParser.parse("config=" + atCap).groups()).hasSize(AgentOptions.MAX_GROUPS);
    // 34,000 groups from a 1 MB file were +79 MB of idle heap before
    for (int i = AgentOptions.MAX_GROUPS; i < 34_000; i++) {
      many.append("group.g").append(i).append("=java").append(i).append('\n');
    }
    Path over = Files.writeString(dir.resolve("over.properties"), many);
    assertThatThrownBy(() -> OptionsParser.parse("config=" + over + ",maxRows=2"))
        .isInstanceOf(OptionsException.class)
        .hasMessage("too many groups: 34000 group.NAME options (at most 1000)")
        .message()
        .doesNotContain("\n");
    assertThatThrownBy(() -> OptionsParser.parse("config=" + atCap + ",group.one_more=x"))
        .hasMessage(
            "too many groups: "
                + (AgentOptions.MAX_GROUPS + 1)
                + " group.NAME options (at most"
                + " 1000)");
    assertThat(AgentOptions.MAX_GROUPS).isEqualTo(1000);
  }

  @Test
  void configFileWithAnUnknownKeyIsNamed() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.properties"), "tll=10s\n");
    assertThatThrownBy(() -> OptionsParser.parse("config=" + config))
        .hasMessageContaining("unknown option 'tll' in config file " + config);
  }

  @Test
  void durations() throws Exception {
    assertThat(Option.TTL.parse("ttl", "0")).isZero();
    assertThat(Option.TTL.parse("ttl", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Option.TTL.parse("ttl", "3m")).isEqualTo(Duration.ofMinutes(3));
    assertThat(Option.TTL.parse("ttl", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("999999999s")).isEqualTo(Duration.ofSeconds(999999999));
    for (String bad :
        new String[] {"", "s", "5", "+5s", "-5s", "5sec", "5 s", "1234567890s", "٥s"}) {
      assertThat(Durations.parse(bad)).as("'%s'", bad).isNull();
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aConfigFileThatIsAFifoOrHugeIsRefusedWithoutBlocking() throws Exception {
    // a FIFO blocked the host's main in premain forever before
    Path fifo = dir.resolve("fifo.properties");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
    assertThatThrownBy(() -> OptionsParser.parse("config=" + fifo))
        .isInstanceOf(OptionsException.class)
        .hasMessage("bad value for config: '" + fifo + "' is not a regular file");
    // a 1 GB sparse file: 16.5 s and 4.5 GB RSS before
    Path huge = dir.resolve("huge.properties");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(1L << 30);
    }
    assertThatThrownBy(() -> OptionsParser.parse("config=" + huge))
        .isInstanceOf(OptionsException.class)
        .hasMessage("bad value for config: '" + huge + "' is larger than 1024 KB");
    assertThatThrownBy(() -> OptionsParser.parse("config=/dev/zero"))
        .hasMessage("bad value for config: '/dev/zero' is not a regular file");
    // a link to a regular file is followed (configuration managers deploy links)
    Path real = Files.writeString(dir.resolve("real.properties"), "maxRows=3\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.properties"), real);
    assertThat(OptionsParser.parse("config=" + link).maxRows()).isEqualTo(3);
  }

  @Test
  void expectGivesAGroupItsCount() throws Exception {
    AgentOptions o = OptionsParser.parse("group.web=nginx,group.db=postgres,expect.web=2");
    assertThat(o.expected()).containsExactly(Map.entry("web", 2));
    assertThat(o.expectedCount("web")).isEqualTo(2);
    assertThat(o.expectedCount("db")).isZero();
    assertThat(OptionsParser.parse("").expected()).isEmpty();
  }

  @Test
  void groupChildrenIsOffByDefault() throws Exception {
    assertThat(AgentOptions.defaults().get(Option.GROUP_CHILDREN)).isFalse();
    assertThat(OptionsParser.parse("groupChildren=TRUE").get(Option.GROUP_CHILDREN)).isTrue();
    assertThatThrownBy(() -> OptionsParser.parse("groupChildren=yes"))
        .hasMessage("bad value for groupChildren: 'yes' (expected true or false)");
  }
}
