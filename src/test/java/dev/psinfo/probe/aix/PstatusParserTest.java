package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.CorruptRecordException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PstatusParserTest {

  @Test
  void initSample() throws Exception {
    Pstatus s = AixRecord.STATUS.parse(AixTestData.proc("1/status"));
    assertThat(s.stat()).isEqualTo(PstatusLayout.STAT_ACTIVE).isEqualTo(7);
    assertThat(s.dataModel()).isEqualTo(0);
    assertThat(s.is64Bit()).isFalse();
    assertThat(s.userTimeNanos()).isEqualTo(3_109_852_781L);
    assertThat(s.systemTimeNanos()).isEqualTo(4_045_606_304L);
    assertThat(s.userTimeMillis()).isEqualTo(3109);
    assertThat(s.systemTimeMillis()).isEqualTo(4045);
    assertThat(s.pid()).isEqualTo(1);
    assertThat(s.ppid()).isEqualTo(0);
    assertThat(s.flag()).isEqualTo(0x200003);
    assertThat(s.threadCount()).isEqualTo(1);
    assertThat(s.isSystemProcess()).isFalse();
  }

  @Test
  void cronSample() throws Exception {
    Pstatus s = AixRecord.STATUS.parse(AixTestData.proc("5767616/status"));
    assertThat(s.stat()).isEqualTo(7);
    assertThat(s.dataModel()).isEqualTo(1);
    assertThat(s.is64Bit()).isTrue();
    assertThat(s.userTimeNanos()).isEqualTo(55_916_125L);
    assertThat(s.systemTimeNanos()).isEqualTo(70_730_257L);
    assertThat(s.userTimeMillis()).isEqualTo(55);
    assertThat(s.systemTimeMillis()).isEqualTo(70);
    assertThat(s.pid()).isEqualTo(5767616);
    assertThat(s.ppid()).isEqualTo(1);
    assertThat(s.threadCount()).isEqualTo(1);
  }

  @Test
  void userPlusSystemEqualsPsinfoCpuTimeToTheNanosecond() throws Exception {
    for (String pid : new String[] {"1", "5767616"}) {
      Pstatus s = AixRecord.STATUS.parse(AixTestData.proc(pid + "/status"));
      Psinfo p = AixRecord.PSINFO.parse(AixTestData.proc(pid + "/psinfo"));
      assertThat(s.userTimeNanos() + s.systemTimeNanos()).isEqualTo(p.cpuTimeNanos());
    }
  }

  @Test
  void builderRoundTripAndExtraBytesIgnored() throws Exception {
    byte[] record =
        PstatusBytes.process(4242)
            .ppid(7)
            .flags(PstatusLayout.PR_ISSYS)
            .nlwp(12)
            .stat(PstatusLayout.STAT_STOPPED)
            .dmodel(PstatusLayout.DMODEL_32)
            .utime(100, 1)
            .stime(2, 999_999_999)
            .cutime(3, 0)
            .cstime(4, 5_000_000)
            .toBytes();
    ByteBuffer longer = ByteBuffer.allocate(record.length + 64).put(record);
    longer.clear();
    Pstatus s = AixRecord.STATUS.parse(longer);
    assertThat(s.pid()).isEqualTo(4242);
    assertThat(s.ppid()).isEqualTo(7);
    assertThat(s.isSystemProcess()).isTrue();
    assertThat(s.threadCount()).isEqualTo(12);
    assertThat(s.stat()).isEqualTo(6);
    assertThat(s.is64Bit()).isFalse();
    assertThat(s.userTimeMillis()).isEqualTo(100_000);
    assertThat(s.systemTimeMillis()).isEqualTo(2_999);
    assertThat(s.childUserTimeMillis()).isEqualTo(3_000);
    assertThat(s.childSystemTimeMillis()).isEqualTo(4_005);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 17, 135, 184, 448, 1519})
  void truncatedRecordIsCorrupt(int length) {
    ByteBuffer buf = ByteBuffer.wrap(PstatusBytes.process(5).truncatedTo(length));
    assertThatThrownBy(() -> AixRecord.STATUS.parse(buf))
        .isInstanceOfSatisfying(
            CorruptRecordException.class,
            e -> {
              assertThat(e.what()).isEqualTo("status");
              assertThat(e.byteCount()).isEqualTo(length);
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1_000_000_000})
  void badNanosecondsAreCorrupt(int nsec) {
    ByteBuffer badUser = PstatusBytes.process(5).utime(1, nsec).toBuffer();
    assertThatThrownBy(() -> AixRecord.STATUS.parse(badUser))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_utime.tv_nsec");
    ByteBuffer badSystem = PstatusBytes.process(5).stime(1, nsec).toBuffer();
    assertThatThrownBy(() -> AixRecord.STATUS.parse(badSystem))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_stime.tv_nsec");
  }

  @Test
  void negativeSecondsOrPidAreCorrupt() {
    ByteBuffer negativeTime = PstatusBytes.process(5).stime(-3, 0).toBuffer();
    assertThatThrownBy(() -> AixRecord.STATUS.parse(negativeTime))
        .isInstanceOf(CorruptRecordException.class);
    ByteBuffer negativePid = PstatusBytes.process(-5).toBuffer();
    assertThatThrownBy(() -> AixRecord.STATUS.parse(negativePid))
        .isInstanceOf(CorruptRecordException.class);
    ByteBuffer hugePpid = PstatusBytes.process(5).ppid(1L << 40).toBuffer();
    assertThatThrownBy(() -> AixRecord.STATUS.parse(hugePpid))
        .isInstanceOf(CorruptRecordException.class);
  }
}
