package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.aix.AixConfigParsers.LparstatInfo;
import dev.psinfo.probe.aix.AixConfigParsers.Prtconf;
import dev.psinfo.probe.aix.AixConfigParsers.UnameL;
import dev.psinfo.probe.aix.AixLoadParsers.SarU;
import dev.psinfo.probe.aix.AixLoadParsers.Uptime;
import dev.psinfo.probe.aix.AixMemoryParsers.LspsS;
import dev.psinfo.probe.aix.AixMemoryParsers.SvmonG;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AIX command-output parsers: {@link AixConfigParsers}, {@link AixMemoryParsers}, {@link
 * AixLoadParsers}.
 */
class AixCommandOutputParsersTest {
  static final Path COMMANDS =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "aix/commands");
  static final long MB = 1024L * 1024;

  static String fixture(String name) throws Exception {
    return Files.readString(COMMANDS.resolve(name));
  }

  @Test
  void prtconfOfTheQemuLpar() throws Exception {
    assertThat(AixConfigParsers.parsePrtconf(fixture("prtconf.txt")))
        .isEqualTo(
            new Prtconf(
                "IBM pSeries (emulated by qemu)",
                "",
                "PowerPC_POWER8",
                "POWER 8",
                4,
                1000,
                "64-bit",
                0,
                "aix_7200-04-02-2027",
                4096 * MB,
                "aix72-dylan",
                512 * MB));
  }

  @Test
  void prtconfExcerptAndJunk() throws Exception {
    Prtconf p =
        AixConfigParsers.parsePrtconf(fixture("prtconf-grep-Processor.younsl-aix72-power8.txt"));
    assertThat(p.processorType()).isEqualTo("PowerPC_POWER8");
    assertThat(p.processors()).isEqualTo(2);
    assertThat(p.clockMhz()).isEqualTo(3891);
    assertThat(p.memoryBytes()).isEqualTo(-1);
    assertThat(p.lparNumber()).isEqualTo(-1);
    assertThat(p.lparName()).isEmpty();
    assertThat(AixConfigParsers.parsePrtconf("prtconf: not found\n"))
        .isEqualTo(new Prtconf("", "", "", "", -1, -1, "", -1, "", -1, "", -1));
  }

  @Test
  void lparstatDedicated() throws Exception {
    LparstatInfo l =
        AixConfigParsers.parseLparstatI(fixture("lparstat-i.younsl-aix72-power8-dedicated.txt"));
    assertThat(l.nodeName()).isEqualTo("devserver");
    assertThat(l.partitionName()).isEqualTo("dev1");
    assertThat(l.partitionNumber()).isEqualTo(1);
    assertThat(l.type()).isEqualTo("Dedicated-SMT-4");
    assertThat(l.sharing()).isEqualTo("Dedicated");
    assertThat(l.smtThreads()).isEqualTo(4);
    assertThat(l.mode()).isEqualTo("Capped");
    assertThat(l.entitledCapacity()).isEqualTo(2.0);
    assertThat(l.onlineVirtualCpus()).isEqualTo(2);
    assertThat(l.onlineMemoryBytes()).isEqualTo(61696 * MB);
    assertThat(l.memoryMode()).isEqualTo("Dedicated");
    assertThat(l.fields())
        .containsEntry("Shared Pool ID", "-")
        .containsEntry("Unallocated Variable Memory Capacity Weight", "-")
        .hasSize(44);
  }

  @Test
  void lparstatSharedUncappedWithMemoryExpansion() throws Exception {
    LparstatInfo l =
        AixConfigParsers.parseLparstatI(fixture("lparstat-i.htdavis-shared-uncapped-ame.txt"));
    assertThat(l.nodeName()).isEqualTo("nodeDemo1");
    assertThat(l.partitionNumber()).isEqualTo(13);
    assertThat(l.type()).isEqualTo("Shared-SMT-4");
    assertThat(l.sharing()).isEqualTo("Shared");
    assertThat(l.smtThreads()).isEqualTo(4);
    assertThat(l.mode()).isEqualTo("Uncapped");
    assertThat(l.entitledCapacity()).isEqualTo(0.30);
    assertThat(l.onlineVirtualCpus()).isEqualTo(2);
    assertThat(l.onlineMemoryBytes()).isEqualTo(12288 * MB);
    assertThat(l.memoryMode()).isEqualTo("Dedicated-Expanded");
    assertThat(l.fields()).containsEntry("Target Memory Expansion Factor", "1.70");
  }

  @Test
  void lparstatTypesWithoutSmt() {
    assertThat(AixConfigParsers.parseLparstatI("Type : Dedicated\n").smtThreads()).isEqualTo(1);
    assertThat(AixConfigParsers.parseLparstatI("Type : Shared-SMT\n").smtThreads()).isEqualTo(2);
    assertThat(AixConfigParsers.parseLparstatI("").smtThreads()).isEqualTo(-1);
  }

  @Test
  void oslevelAndUnameL() throws Exception {
    String level = AixConfigParsers.parseOslevel(fixture("oslevel-s.ohai.txt"));
    assertThat(level).isEqualTo("7200-00-01-1543");
    assertThat(AixConfigParsers.versionOfOslevel(level)).isEqualTo("7.2");
    assertThat(AixConfigParsers.versionOfOslevel("7300-02")).isEqualTo("7.3");
    assertThat(AixConfigParsers.parseOslevel("oslevel: not found")).isEmpty();
    assertThat(AixConfigParsers.versionOfOslevel("")).isEmpty();

    assertThat(AixConfigParsers.parseUnameL(fixture("uname-L.ohai.txt")))
        .isEqualTo(new UnameL(29, "l273pp027"));
    assertThat(AixConfigParsers.parseUnameL("-1 NULL\n")).isEqualTo(new UnameL(-1, ""));
    assertThat(AixConfigParsers.parseUnameL("")).isEqualTo(new UnameL(-1, ""));
  }

  @Test
  void svmonDefaultFormatIsIn4kPages() throws Exception {
    assertThat(AixMemoryParsers.parseSvmonG(fixture("svmon-G.facter.txt")))
        .isEqualTo(
            new SvmonG(
                2097152L * 4096,
                884743L * 4096,
                1212409L * 4096,
                381480L * 4096,
                454093L * 4096,
                -1,
                131072L * 4096,
                2737L * 4096));
    SvmonG salt = AixMemoryParsers.parseSvmonG(fixture("svmon-G.salt-comment.txt"));
    assertThat(salt.sizeBytes()).isEqualTo(1048576L * 4096);
    assertThat(salt.freeBytes()).isEqualTo(8836L * 4096);
    assertThat(salt.pagingSpaceBytes()).isEqualTo(917504L * 4096);
    assertThat(salt.pagingSpaceInuseBytes()).isEqualTo(2574L * 4096);
  }

  @Test
  void svmonInKilobytes() throws Exception {
    assertThat(AixMemoryParsers.parseSvmonG(fixture("svmon-G-O-unit-KB.gopsutil-test-partial.txt")))
        .isEqualTo(
            new SvmonG(
                4194304L * 1024,
                2177848L * 1024,
                2016456L * 1024,
                1534220L * 1024,
                1700132L * 1024,
                2126476L * 1024,
                524288L * 1024,
                14576L * 1024));
    assertThat(
            AixMemoryParsers.parseSvmonG(fixture("svmon-G-O-unit-KB-summary-longreal.sysmon.txt")))
        .isEqualTo(
            new SvmonG(
                4194304L * 1024,
                4065060L * 1024,
                129244L * 1024,
                1878240L * 1024,
                2784988L * 1024,
                1058012L * 1024,
                524288L * 1024,
                -1));
    assertThat(AixMemoryParsers.parseSvmonG("svmon: permission denied\n"))
        .isEqualTo(new SvmonG(-1, -1, -1, -1, -1, -1, -1, -1));
  }

  @Test
  void svmonUnderASvmonrcWithDecimals() throws Exception {
    // MB with two decimals: rounded to the nearest byte
    assertThat(AixMemoryParsers.parseSvmonG(fixture("svmon-G-O-unit-MB.ibm-doc-format.txt")))
        .isEqualTo(
            new SvmonG(
                4096 * MB,
                Math.round(2126.80 * MB),
                Math.round(1969.20 * MB),
                Math.round(1498.26 * MB),
                Math.round(1660.29 * MB),
                Math.round(2076.64 * MB),
                512 * MB,
                Math.round(14.23 * MB)));
    SvmonG gb = AixMemoryParsers.parseSvmonG(fixture("svmon-G-O-unit-GB.ibm-doc-format.txt"));
    assertThat(gb.sizeBytes()).isEqualTo(4096 * MB);
    assertThat(gb.freeBytes()).isEqualTo(Math.round(1.92 * 1024 * MB));
    assertThat(gb.pagingSpaceBytes()).isEqualTo(512 * MB);
    assertThat(gb.pagingSpaceInuseBytes()).isEqualTo(Math.round(0.01 * 1024 * MB));
    SvmonG auto = AixMemoryParsers.parseSvmonG(fixture("svmon-G-O-unit-auto.ibm-doc-format.txt"));
    assertThat(auto.sizeBytes()).isEqualTo(4096 * MB);
    assertThat(auto.availableBytes()).isEqualTo(Math.round(2.03 * 1024 * MB));
    assertThat(auto.pagingSpaceBytes()).isEqualTo(512 * MB);
    assertThat(auto.pagingSpaceInuseBytes()).isEqualTo(Math.round(14.23 * MB));
    SvmonG longreal =
        AixMemoryParsers.parseSvmonG(
            fixture("svmon-G-O-unit-MB-summary-longreal.ibm-doc-format.txt"));
    assertThat(longreal.sizeBytes()).isEqualTo(4096 * MB);
    assertThat(longreal.freeBytes()).isEqualTo(Math.round(126.21 * MB));
    assertThat(longreal.pagingSpaceBytes()).isEqualTo(512 * MB);
    assertThat(longreal.pagingSpaceInuseBytes()).isEqualTo(-1);
  }

  @Test
  void svmonFigures() {
    assertThat(AixMemoryParsers.svmonBytes("2177848", 1024)).isEqualTo(2177848L * 1024);
    assertThat(AixMemoryParsers.svmonBytes("0.5", 1024)).isEqualTo(512);
    assertThat(AixMemoryParsers.svmonBytes("1.5K", 0)).isEqualTo(1536);
    assertThat(AixMemoryParsers.svmonBytes("2GB", 0)).isEqualTo(2048 * MB);
    assertThat(AixMemoryParsers.svmonBytes("1T", 4096)).isEqualTo(1024 * 1024 * MB);
    // a figure without a suffix under "auto" names no unit: only 0 is known
    assertThat(AixMemoryParsers.svmonBytes("0", 0)).isZero();
    assertThat(AixMemoryParsers.svmonBytes("12", 0)).isEqualTo(-1);
    assertThat(AixMemoryParsers.svmonBytes("Ded", 1024)).isEqualTo(-1);
    assertThat(AixMemoryParsers.svmonBytes("-", 1024)).isEqualTo(-1);
    assertThat(AixMemoryParsers.svmonBytes("-5", 1024)).isEqualTo(-1);
    assertThat(AixMemoryParsers.svmonBytes("1e300", 1024)).isEqualTo(-1);
    assertThat(AixMemoryParsers.svmonBytes("99999999999999999999G", 0)).isEqualTo(-1);
  }

  @Test
  void prtconfOfAMachineThatIsNotPartitioned() throws Exception {
    Prtconf p = AixConfigParsers.parsePrtconf(fixture("prtconf-unpartitioned.ibm-doc-format.txt"));
    assertThat(p.lparNumber()).isEqualTo(-1);
    assertThat(p.lparName()).isEmpty();
    assertThat(p.processors()).isEqualTo(2);
    assertThat(p.memoryBytes()).isEqualTo(7936 * MB);
    assertThat(p.pagingSpaceBytes()).isEqualTo(2048 * MB);
    assertThat(AixConfigParsers.parsePrtconf("LPAR Info: 3 NULL\n").lparName()).isEmpty();
    assertThat(AixConfigParsers.parsePrtconf("LPAR Info: 3 lp3\n").lparNumber()).isEqualTo(3);
  }

  @Test
  void lparstatKeysWithIrregularSpacing() throws Exception {
    LparstatInfo l =
        AixConfigParsers.parseLparstatI(fixture("lparstat-i.irregular-spacing.ibm-doc-format.txt"));
    assertThat(l.partitionName()).isEqualTo("dev1");
    assertThat(l.entitledCapacity()).isEqualTo(0.50);
    assertThat(l.onlineVirtualCpus()).isEqualTo(2);
    assertThat(l.onlineMemoryBytes()).isEqualTo(8192 * MB);
    assertThat(l.memoryMode()).isEqualTo("Dedicated");
    assertThat(l.smtThreads()).isEqualTo(4);
    assertThat(l.fields())
        .containsEntry("Unallocated Variable Memory Capacity Weight", "-")
        .containsEntry("Target Memory Expansion Factor", "-");
  }

  @Test
  void lspsWithoutThePercentageColumn() throws Exception {
    LspsS s = AixMemoryParsers.parseLspsS(fixture("lsps-s-no-percent.ibm-doc-format.txt"));
    assertThat(s).isEqualTo(new LspsS(512 * MB, -1));
    assertThat(s.freeBytes()).isEqualTo(-1);
    assertThat(AixMemoryParsers.parseLspsS("Total Paging Space\n 2GB\n"))
        .isEqualTo(new LspsS(2048 * MB, -1));
  }

  @Test
  void lpsp() throws Exception {
    LspsS s = AixMemoryParsers.parseLspsS(fixture("lsps-s.ibm-doc-format.txt"));
    assertThat(s).isEqualTo(new LspsS(512 * MB, 1));
    assertThat(s.freeBytes()).isEqualTo(512 * MB / 100 * 99);
    assertThat(AixMemoryParsers.parseLspsS("Total Paging Space   Percent Used\n"))
        .isEqualTo(new LspsS(-1, -1));
    assertThat(AixMemoryParsers.parseLspsS("x\n   25760MB\t             0%\n"))
        .isEqualTo(new LspsS(25760 * MB, 0));
  }

  @Test
  void sar() throws Exception {
    assertThat(AixLoadParsers.parseSarU(fixture("sar-u-1-01.txt")))
        .isEqualTo(new SarU(4, 4.0, "Capped", 0, 3, 0, 96, 4.0, 100.0));
  }

  @Test
  void systemConfigurationLines() throws Exception {
    assertThat(
            AixLoadParsers.parseSystemConfiguration(
                fixture("lparstat-1-1.sysmon-shared-uncapped.txt")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "type",
                "Shared",
                "mode",
                "Uncapped",
                "smt",
                "8",
                "lcpu",
                "8",
                "mem",
                "4096MB",
                "psize",
                "19",
                "ent",
                "0.50"));
    assertThat(
            AixLoadParsers.parseSystemConfiguration(
                fixture("lparstat-1-1.sysmon-dedicated-donating.txt")))
        .containsEntry("mode", "Donating")
        .containsEntry("smt", "8");
    assertThat(
            AixLoadParsers.parseSystemConfiguration(
                fixture("lparstat-1-1.sysmon-dedicated-capped.txt")))
        .containsEntry("lcpu", "12");
    assertThat(AixLoadParsers.parseSystemConfiguration(fixture("vmstat-w-1-1.sysmon.txt")))
        .containsOnly(Map.entry("lcpu", "8"), Map.entry("mem", "4096MB"));
  }

  @Test
  void uptimeSamples() throws Exception {
    List<String> lines = Files.readAllLines(COMMANDS.resolve("uptime.gopsutil-samples.txt"));
    assertThat(lines.stream().map(AixLoadParsers::parseUptime).toList())
        .containsExactly(
            new Uptime(13 * 60, 2.78, 2.62, 1.79),
            new Uptime(3600, 2.47, 2.85, 2.83),
            new Uptime(5 * 3600, 3.27, 2.91, 2.72),
            new Uptime(83 * 86400 + 18 * 3600 + 29 * 60, 0.16, 0.03, 0.01),
            new Uptime(2 * 86400 + 20 * 3600, 2.47, 2.17, 2.17),
            new Uptime(4 * 86400 + 29 * 60, 2.29, 2.31, 2.21));
    assertThat(AixLoadParsers.parseUptime("")).isEqualTo(new Uptime(-1, -1, -1, -1));
  }

  @Test
  void whoB() throws Exception {
    ZonedDateTime march2025 = ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    assertThat(AixLoadParsers.parseWhoB(fixture("who-b.oshi-aix73.txt"), march2025))
        .isEqualTo(Instant.parse("2025-02-13T23:31:00Z").toEpochMilli());
    // a date later in the year than "now" was last year
    ZonedDateTime january2025 = ZonedDateTime.of(2025, 1, 10, 0, 0, 0, 0, ZoneOffset.UTC);
    assertThat(AixLoadParsers.parseWhoB(fixture("who-b.oshi-aix73.txt"), january2025))
        .isEqualTo(Instant.parse("2024-02-13T23:31:00Z").toEpochMilli());
    ZonedDateTime aug2014 = ZonedDateTime.of(2014, 8, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5));
    assertThat(AixLoadParsers.parseWhoB(fixture("who-b.ohai-2.txt"), aug2014))
        .isEqualTo(Instant.parse("2014-07-09T22:51:00Z").toEpochMilli());
    assertThat(AixLoadParsers.parseWhoB("", march2025)).isEqualTo(-1);
    assertThat(AixLoadParsers.parseWhoB("   .   system boot Feb 30 10:00", march2025))
        .isEqualTo(-1);
  }

  @Test
  void lsattrAndBindprocessor() throws Exception {
    assertThat(AixConfigParsers.parseLsattr(fixture("lsattr-El-proc0.ohai.txt")))
        .containsEntry("frequency", "1654344000")
        .containsEntry("type", "PowerPC_POWER5")
        .containsEntry("smt_threads", "2")
        .hasSize(5);
    assertThat(AixConfigParsers.parseLsattr(fixture("lsattr-El-sys0.oshi-excerpt.txt")))
        .containsEntry("modelname", "IBM,9114-275")
        .containsEntry("systemid", "IBM,0110ACFDE");
    assertThat(AixConfigParsers.parseLsattr(fixture("lsattr-El-sys0-a-realmem.ibm-doc-format.txt")))
        .containsOnly(Map.entry("realmem", "4194304"));
    assertThat(
            AixConfigParsers.parseBindprocessorQ(
                fixture("bindprocessor-q.younsl-aix72-power8.txt")))
        .isEqualTo(8);
    assertThat(AixConfigParsers.parseBindprocessorQ("")).isEqualTo(-1);
  }
}
