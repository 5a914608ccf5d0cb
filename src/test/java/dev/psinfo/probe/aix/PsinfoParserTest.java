package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PsinfoParserTest {

  // ---- the real samples: every value of testdata/aix/README.md ----

  @Test
  void initSample() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(AixTestData.proc("1/psinfo"));

    assertThat(p.pid()).isEqualTo(1);
    assertThat(p.ppid()).isEqualTo(0);
    assertThat(p.pgid()).isEqualTo(0);
    assertThat(p.sid()).isEqualTo(0);
    assertThat(p.uid()).isEqualTo(0);
    assertThat(p.euid()).isEqualTo(0);
    assertThat(p.gid()).isEqualTo(0);
    assertThat(p.egid()).isEqualTo(0);
    assertThat(p.threadCount()).isEqualTo(1);
    assertThat(p.vszBytes()).isEqualTo(836L * 1024).isEqualTo(856064);
    assertThat(p.rssBytes()).isEqualTo(852L * 1024).isEqualTo(872448);
    assertThat(p.startTimeMillis()).isEqualTo(1_740_060_607_000L);
    assertThat(Instant.ofEpochMilli(p.startTimeMillis()))
        .isEqualTo(Instant.parse("2025-02-20T14:10:07Z"));
    assertThat(p.cpuTimeNanos()).isEqualTo(7_155_459_085L);
    assertThat(p.cpuTimeMillis()).isEqualTo(7155);
    assertThat(p.argc()).isEqualTo(1);
    assertThat(p.fname()).isEqualTo("init");
    assertThat(p.psargs()).isEqualTo("/etc/init");
    assertThat(p.psargsPrintable()).isTrue();
    assertThat(p.psargsTruncated()).isFalse();
    assertThat(p.args()).isEqualTo("/etc/init");
    assertThat(p.flag()).isEqualTo(0x200003);
    assertThat(p.ttyDevice()).isEqualTo(0);
    assertThat(p.wparId()).isEqualTo(0);

    Lwpsinfo lwp = p.lwp();
    assertThat(lwp.lwpid()).isEqualTo(65539);
    assertThat(lwp.stateNumber()).isEqualTo(3);
    assertThat(lwp.stateLetter()).isEqualTo('S');
    assertThat(lwp.niceRaw()).isEqualTo(60);
    assertThat(lwp.priority()).isEqualTo(67);
    assertThat(lwp.policyName()).isEqualTo("OTHER");
    assertThat(lwp.lastCpu()).isEqualTo(1);
    assertThat(lwp.boundCpu()).isEqualTo(-1);

    assertThat(p.isZombie()).isFalse();
    assertThat(p.state()).isEqualTo(ProcessState.SLEEPING);
    assertThat(p.stateCode()).isEqualTo("S");
    assertThat(p.psNice()).isEqualTo(20);
    assertThat(p.priority()).isEqualTo(67);
  }

  @Test
  void cronSample() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(AixTestData.proc("5767616/psinfo"));

    assertThat(p.pid()).isEqualTo(5767616);
    assertThat(p.ppid()).isEqualTo(1);
    assertThat(p.pgid()).isEqualTo(5767616);
    assertThat(p.sid()).isEqualTo(5767616);
    assertThat(p.uid()).isEqualTo(0);
    assertThat(p.euid()).isEqualTo(0);
    assertThat(p.gid()).isEqualTo(0);
    assertThat(p.egid()).isEqualTo(8);
    assertThat(p.threadCount()).isEqualTo(1);
    assertThat(p.vszBytes()).isEqualTo(1156L * 1024).isEqualTo(1183744);
    assertThat(p.rssBytes()).isEqualTo(1184L * 1024).isEqualTo(1212416);
    assertThat(p.startTimeMillis()).isEqualTo(1_740_060_633_000L);
    assertThat(p.cpuTimeNanos()).isEqualTo(126_646_382L);
    assertThat(p.cpuTimeMillis()).isEqualTo(126);
    assertThat(p.argc()).isEqualTo(1);
    assertThat(p.fname()).isEqualTo("cron");
    assertThat(p.psargs()).isEqualTo("/usr/sbin/cron");
    assertThat(p.args()).isEqualTo("/usr/sbin/cron");
    assertThat(p.argsTruncated()).isFalse();
    assertThat(p.flag()).isEqualTo(0x240801);

    Lwpsinfo lwp = p.lwp();
    assertThat(lwp.lwpid()).isEqualTo(9568687);
    assertThat(lwp.stateNumber()).isEqualTo(3);
    assertThat(lwp.stateLetter()).isEqualTo('S');
    assertThat(lwp.niceRaw()).isEqualTo(60);
    assertThat(lwp.priority()).isEqualTo(67);
    assertThat(lwp.policyName()).isEqualTo("OTHER");
    assertThat(lwp.lastCpu()).isEqualTo(0);
    assertThat(lwp.boundCpu()).isEqualTo(-1);
    assertThat(p.state()).isEqualTo(ProcessState.SLEEPING);
  }

  @Test
  void samplesAsProcessInfoWithTheirStatus() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(AixTestData.proc("1/psinfo"));
    Pstatus s = AixRecord.STATUS.parse(AixTestData.proc("1/status"));

    ProcessInfo row = p.toProcessInfo(s, "root");

    assertThat(row.pid()).isEqualTo(1);
    assertThat(row.ppid()).isEqualTo(0);
    assertThat(row.user()).isEqualTo("root");
    assertThat(row.name()).isEqualTo("init");
    assertThat(row.args()).isEqualTo("/etc/init");
    assertThat(row.argsTruncated()).isFalse();
    assertThat(row.state()).isEqualTo(ProcessState.SLEEPING);
    assertThat(row.stateCode()).isEqualTo("S");
    assertThat(row.threads()).isEqualTo(1);
    assertThat(row.priority()).isEqualTo(67);
    assertThat(row.nice()).isEqualTo(20);
    assertThat(row.rssBytes()).isEqualTo(872448);
    assertThat(row.vszBytes()).isEqualTo(856064);
    assertThat(row.cpuTimeMillis()).isEqualTo(7155);
    assertThat(row.userTimeMillis()).isEqualTo(3109);
    assertThat(row.systemTimeMillis()).isEqualTo(4045);
    assertThat(row.startTimeMillis()).isEqualTo(1_740_060_607_000L);
    assertThat(row.voluntaryCtxSwitches()).isEqualTo(-1);
    assertThat(row.involuntaryCtxSwitches()).isEqualTo(-1);
    assertThat(row.openFds()).isEqualTo(-1);
    assertThat(row.readBytes()).isEqualTo(-1);
    assertThat(row.writeBytes()).isEqualTo(-1);

    ProcessInfo withoutStatus = p.toProcessInfo("root");
    assertThat(withoutStatus.cpuTimeMillis()).isEqualTo(7155);
    assertThat(withoutStatus.userTimeMillis()).isEqualTo(-1);
    assertThat(withoutStatus.systemTimeMillis()).isEqualTo(-1);

    Pstatus other = AixRecord.STATUS.parse(AixTestData.proc("5767616/status"));
    assertThatThrownBy(() -> p.toProcessInfo(other, "root"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- buffer handling ----

  @Test
  void readsBigEndianWhateverTheBufferOrderAndLeavesTheBufferAlone() throws Exception {
    ByteBuffer buf = AixTestData.proc("5767616/psinfo").order(ByteOrder.LITTLE_ENDIAN);
    buf.position(0);
    Psinfo p = AixRecord.PSINFO.parse(buf);
    assertThat(p.pid()).isEqualTo(5767616);
    assertThat(buf.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(buf.position()).isEqualTo(0);
    assertThat(buf.limit()).isEqualTo(448);
  }

  @Test
  void decodesFromTheBufferPositionAndIgnoresExtraBytes() throws Exception {
    byte[] record = PsinfoBytes.process(42).toBytes();
    byte[] padded = new byte[7 + record.length + 100];
    Arrays.fill(padded, (byte) 0x5a);
    System.arraycopy(record, 0, padded, 7, record.length);
    ByteBuffer buf = ByteBuffer.wrap(padded);
    buf.position(7);
    assertThat(AixRecord.PSINFO.parse(buf).pid()).isEqualTo(42);

    ByteBuffer direct = ByteBuffer.allocateDirect(record.length + 16);
    direct.put(record).put(new byte[16]).flip();
    Psinfo fromDirect = AixRecord.PSINFO.parse(direct);
    assertThat(fromDirect.pid()).isEqualTo(42);
    assertThat(fromDirect.fname()).isEqualTo("proc");
    assertThat(fromDirect.psargs()).isEqualTo("/usr/bin/proc");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8, 56, 327, 328, 447})
  void truncatedRecordIsCorruptNeverZeroFilled(int length) {
    ByteBuffer buf = ByteBuffer.wrap(PsinfoBytes.process(42).truncatedTo(length));
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(buf))
        .isInstanceOfSatisfying(
            CorruptRecordException.class,
            e -> {
              assertThat(e.what()).isEqualTo("psinfo");
              assertThat(e.byteCount()).isEqualTo(length);
            })
        .hasMessageContaining(length + " bytes");
  }

  @Test
  void truncatedByTheBufferLimitIsCorruptToo() {
    ByteBuffer buf = PsinfoBytes.process(42).toBuffer();
    buf.position(1);
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(buf))
        .isInstanceOf(CorruptRecordException.class);
  }

  // ---- synthetic edge cases ----

  @Test
  void zombieDoesNotTrustItsThreadFields() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(77).zombie().psargs("").toBuffer());
    assertThat(p.isZombie()).isTrue();
    assertThat(p.state()).isEqualTo(ProcessState.ZOMBIE);
    assertThat(p.stateCode()).isEqualTo("Z");
    // the documented sentinel, outside every legal nice and priority (-1 is a real nice)
    assertThat(p.priority()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);
    assertThat(p.psNice()).isEqualTo(Integer.MIN_VALUE);
    assertThat(p.lwp().priority()).isEqualTo(12345); // raw value kept in the record

    ProcessInfo row = p.toProcessInfo("root");
    assertThat(row.state()).isEqualTo(ProcessState.ZOMBIE);
    assertThat(row.stateCode()).isEqualTo("Z");
    assertThat(row.threads()).isEqualTo(0);
    assertThat(row.priority()).isEqualTo(ProcessInfo.UNAVAILABLE_SIGNED);
    assertThat(row.nice()).isEqualTo(Integer.MIN_VALUE);
    assertThat(row.args()).isEqualTo("[proc]");
  }

  @Test
  void noThreadsButALiveThreadIdIsNotAZombie() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(77).nlwp(0).toBuffer());
    assertThat(p.isZombie()).isFalse();
    assertThat(p.state()).isEqualTo(ProcessState.SLEEPING);
  }

  @ParameterizedTest
  @CsvSource({
    "R, RUNNING",
    "S, SLEEPING",
    "T, STOPPED",
    "Z, ZOMBIE",
    "I, IDLE",
    "O, SWAPPED",
    "X, OTHER",
    "W, OTHER"
  })
  void stateLetters(char letter, ProcessState expected) throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).sname(letter).toBuffer());
    assertThat(p.state()).isEqualTo(expected);
    assertThat(p.stateCode()).isEqualTo(String.valueOf(letter));
  }

  @Test
  void unsetStateLetterIsOtherWithAnEmptyCode() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).sname('\0').toBuffer());
    assertThat(p.state()).isEqualTo(ProcessState.OTHER);
    assertThat(p.stateCode()).isEmpty();
  }

  @Test
  void niceAsPsShowsItAndRaw() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).nice(79).toBuffer());
    assertThat(p.lwp().niceRaw()).isEqualTo(79);
    assertThat(p.psNice()).isEqualTo(39);
    assertThat(p.toProcessInfo("x").nice()).isEqualTo(39);
    assertThat(AixRecord.PSINFO.parse(PsinfoBytes.process(5).nice(200).toBuffer()).lwp().niceRaw())
        .isEqualTo(200); // unsigned
  }

  @Test
  void junkArgsShowTheNameInBrackets() throws Exception {
    byte[] junk = {0x01, (byte) 0x8f, 'a', 0x7f, 'b'};
    Psinfo p =
        AixRecord.PSINFO.parse(PsinfoBytes.process(5).fname("kproc").psargsBytes(junk).toBuffer());
    assertThat(p.psargsPrintable()).isFalse();
    assertThat(p.args()).isEqualTo("[kproc]");
    assertThat(p.argsTruncated()).isFalse();
    assertThat(p.toProcessInfo("root").args()).isEqualTo("[kproc]");

    Psinfo del = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargs("abc\u007f").toBuffer());
    assertThat(del.args()).isEqualTo("[proc]");
    Psinfo tab = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargs("a\tb").toBuffer());
    assertThat(tab.args()).isEqualTo("[proc]");
  }

  @Test
  void junkFilling80BytesIsNotReportedAsTruncated() throws Exception {
    byte[] junk = new byte[80];
    Arrays.fill(junk, (byte) 0x02);
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargsBytes(junk).toBuffer());
    assertThat(p.psargsTruncated()).isTrue();
    assertThat(p.args()).isEqualTo("[proc]");
    assertThat(p.argsTruncated()).isFalse();
  }

  @Test
  void emptyArgsShowTheNameInBracketsAndEmptyBothShowNothing() throws Exception {
    assertThat(AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargs("").toBuffer()).args())
        .isEqualTo("[proc]");
    assertThat(
            AixRecord.PSINFO.parse(PsinfoBytes.process(5).fname("").psargs("").toBuffer()).args())
        .isEmpty();
  }

  @Test
  void malformedUtf8IsReplacedNotRejected() throws Exception {
    byte[] args = {'/', 'b', 'i', 'n', '/', (byte) 0xc3, (byte) 0x28, 'x'};
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargsBytes(args).toBuffer());
    assertThat(p.psargsPrintable()).isTrue();
    assertThat(p.args()).isEqualTo("/bin/\uFFFD(x");

    Psinfo utf8 =
        AixRecord.PSINFO.parse(PsinfoBytes.process(5).fname("größe").psargs("größe -v").toBuffer());
    assertThat(utf8.fname()).isEqualTo("größe");
    assertThat(utf8.args()).isEqualTo("größe -v");
  }

  @Test
  void nameFillingAll16BytesWithoutNul() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).fname("abcdefghijklmnop").toBuffer());
    assertThat(p.fname()).isEqualTo("abcdefghijklmnop").hasSize(16);
    // the byte after pr_fname is the first of pr_psargs; it must not leak into the name
    assertThat(p.psargs()).isEqualTo("/usr/bin/proc");
  }

  @Test
  void argsFillingAll80BytesAreTruncated() throws Exception {
    String eighty = "x".repeat(80);
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargs(eighty).toBuffer());
    assertThat(p.psargs()).isEqualTo(eighty);
    assertThat(p.psargsTruncated()).isTrue();
    assertThat(p.argsTruncated()).isTrue();
    assertThat(p.toProcessInfo("x").argsTruncated()).isTrue();
  }

  @Test
  void argsOf79CharsAreTruncatedAnd78AreNot() throws Exception {
    // AIX keeps at most 79 characters: 79 means "possibly cut short"
    String s79 = "/opt/app/bin/server --config=/etc/app/app.conf --verbose --log=/var/log/app.log";
    assertThat(s79).hasSize(79);
    Psinfo p79 = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargs(s79).toBuffer());
    assertThat(p79.args()).isEqualTo(s79);
    assertThat(p79.argsTruncated()).isTrue();

    String s78 = s79.substring(0, 78);
    Psinfo p78 = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargs(s78).toBuffer());
    assertThat(p78.args()).isEqualTo(s78);
    assertThat(p78.argsTruncated()).isFalse();
  }

  @Test
  void argsStopAtTheFirstNul() throws Exception {
    byte[] args = "/bin/a\0junk after".getBytes(StandardCharsets.UTF_8);
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(5).psargsBytes(args).toBuffer());
    assertThat(p.args()).isEqualTo("/bin/a");
  }

  @Test
  void threeTerabytesOfResidentMemory() throws Exception {
    long threeTbInKb = 3L * 1024 * 1024 * 1024;
    Psinfo p =
        AixRecord.PSINFO.parse(
            PsinfoBytes.process(5).rssizeKb(threeTbInKb).sizeKb(threeTbInKb * 2).toBuffer());
    assertThat(p.rssBytes()).isEqualTo(3L << 40).isEqualTo(3_298_534_883_328L);
    assertThat(p.vszBytes()).isEqualTo(6L << 40);
  }

  @Test
  void sizeWhoseBytesOverflowIsCorrupt() {
    ByteBuffer tooBig = PsinfoBytes.process(5).rssizeKb(Long.MAX_VALUE / 1024 + 1).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(tooBig))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_rssize");
    ByteBuffer negative = PsinfoBytes.process(5).sizeKb(-1).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(negative))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_size");
  }

  @Test
  void uidAndGidAreUnsigned() throws Exception {
    Psinfo p =
        AixRecord.PSINFO.parse(
            PsinfoBytes.process(5)
                .uid(4294967294L)
                .euid(4294967294L)
                .gid(4294967295L)
                .egid(4294967294L)
                .toBuffer());
    assertThat(p.uid()).isEqualTo(4294967294L);
    assertThat(p.euid()).isEqualTo(4294967294L);
    assertThat(p.gid()).isEqualTo(4294967295L);
    ProcessInfo row = p.toProcessInfo("nobody");
    assertThat(row.uid()).isEqualTo(4294967294L);
    assertThat(row.euid()).isEqualTo(4294967294L);
    assertThat(row.egid()).isEqualTo(4294967294L);
  }

  @ParameterizedTest
  @ValueSource(longs = {4294967296L, -1L, -2L})
  void idBeyond32BitsIsCorrupt(long uid) {
    ByteBuffer buf = PsinfoBytes.process(5).uid(uid).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(buf))
        .isInstanceOf(CorruptRecordException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1_000_000_000, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void nanosecondsOutOfRangeAreCorrupt(int nsec) {
    ByteBuffer badStart = PsinfoBytes.process(5).start(1_740_060_607L, nsec).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(badStart))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_start.tv_nsec");
    ByteBuffer badTime = PsinfoBytes.process(5).time(1, nsec).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(badTime))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_time.tv_nsec");
  }

  @Test
  void negativeSecondsAreCorrupt() {
    ByteBuffer badStart = PsinfoBytes.process(5).start(-1, 0).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(badStart))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_start.tv_sec");
    ByteBuffer badTime = PsinfoBytes.process(5).time(Long.MIN_VALUE, 0).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(badTime))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_time.tv_sec");
  }

  @Test
  void secondsThatOverflowAreCorrupt() {
    ByteBuffer hugeTime = PsinfoBytes.process(5).time(Long.MAX_VALUE / 1000, 0).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(hugeTime))
        .isInstanceOf(CorruptRecordException.class);
    ByteBuffer hugeStart = PsinfoBytes.process(5).start(Long.MAX_VALUE, 999_999_999).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(hugeStart))
        .isInstanceOf(CorruptRecordException.class);
  }

  @Test
  void timesKeepMillisecondsAndNanoseconds() throws Exception {
    Psinfo p =
        AixRecord.PSINFO.parse(
            PsinfoBytes.process(5).start(1_000, 999_999_999).time(12, 345_678_901).toBuffer());
    assertThat(p.startTimeMillis()).isEqualTo(1_000_999L);
    assertThat(p.cpuTimeNanos()).isEqualTo(12_345_678_901L);
    assertThat(p.cpuTimeMillis()).isEqualTo(12_345L);
  }

  @ParameterizedTest
  @CsvSource({"-1, 1", "2147483648, 1", "5, -1", "5, 2147483648"})
  void pidOrPpidOutOfRangeIsCorrupt(long pid, long ppid) {
    ByteBuffer buf = PsinfoBytes.process(pid).ppid(ppid).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(buf))
        .isInstanceOf(CorruptRecordException.class);
  }

  @Test
  void largestSanePidIsAccepted() throws Exception {
    Psinfo p = AixRecord.PSINFO.parse(PsinfoBytes.process(Integer.MAX_VALUE).lwpid(1).toBuffer());
    assertThat(p.pid()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void negativeThreadCountIsCorrupt() {
    ByteBuffer buf = PsinfoBytes.process(5).nlwp(-1).toBuffer();
    assertThatThrownBy(() -> AixRecord.PSINFO.parse(buf))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("threadCount");
  }

  @Test
  void recordValidatesWithoutTheParser() {
    Lwpsinfo lwp = new Lwpsinfo(1, 0, 0, 0, 0, 3, 'S', 60, 60, 0, "OTHER", 0, -1, 1);
    assertThatThrownBy(
            () ->
                new Psinfo(
                    0, 0, 1, 0, 0, 0, 0, 5, 1, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, "", true,
                    false, lwp))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fname is null");
    assertThatThrownBy(() -> new Lwpsinfo(1, 0, 0, 0, 0, 3, 'S', 256, 60, 0, "OTHER", 0, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
