package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.ProcessState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LwpsinfoParserTest {

  @Test
  void initThreadSample() throws Exception {
    Lwpsinfo lwp = AixRecord.LWPSINFO.parse(AixTestData.proc("1/lwp/65539/lwpsinfo"));
    assertThat(lwp.lwpid()).isEqualTo(65539);
    assertThat(lwp.addr()).isEqualTo(0xf1001004d0000100L);
    assertThat(lwp.wchan()).isEqualTo(0);
    assertThat(lwp.flag()).isEqualTo(0x00410400);
    assertThat(lwp.waitType()).isEqualTo(1);
    assertThat(lwp.stateNumber()).isEqualTo(3);
    assertThat(lwp.stateLetter()).isEqualTo('S');
    assertThat(lwp.state()).isEqualTo(ProcessState.SLEEPING);
    assertThat(lwp.niceRaw()).isEqualTo(60);
    assertThat(lwp.psNice()).isEqualTo(20);
    assertThat(lwp.priority()).isEqualTo(60); // the psinfo copy, read later, says 67
    assertThat(lwp.policy()).isEqualTo(0);
    assertThat(lwp.policyName()).isEqualTo("OTHER");
    assertThat(lwp.lastCpu()).isEqualTo(1);
    assertThat(lwp.boundCpu()).isEqualTo(-1);
    assertThat(lwp.pthreadId()).isEqualTo(1);
  }

  @Test
  void cronThreadSample() throws Exception {
    Lwpsinfo lwp = AixRecord.LWPSINFO.parse(AixTestData.proc("5767616/lwp/9568687/lwpsinfo"));
    assertThat(lwp.lwpid()).isEqualTo(9568687);
    assertThat(lwp.wchan()).isEqualTo(0xf1000b01502c1048L);
    assertThat(lwp.stateNumber()).isEqualTo(3);
    assertThat(lwp.stateLetter()).isEqualTo('S');
    assertThat(lwp.niceRaw()).isEqualTo(60);
    assertThat(lwp.priority()).isEqualTo(60);
    assertThat(lwp.policyName()).isEqualTo("OTHER");
    assertThat(lwp.lastCpu()).isEqualTo(0);
    assertThat(lwp.boundCpu()).isEqualTo(-1);
    assertThat(lwp.pthreadId()).isEqualTo(1);
  }

  @Test
  void embeddedCopiesMatchTheStandaloneFilesExceptPriority() throws Exception {
    for (String[] pair :
        new String[][] {
          {"1/psinfo", "1/lwp/65539/lwpsinfo"}, {"5767616/psinfo", "5767616/lwp/9568687/lwpsinfo"}
        }) {
      Lwpsinfo embedded = AixRecord.PSINFO_LWP.parse(AixTestData.proc(pair[0]));
      Lwpsinfo standalone = AixRecord.LWPSINFO.parse(AixTestData.proc(pair[1]));
      assertThat(embedded).isEqualTo(AixRecord.PSINFO.parse(AixTestData.proc(pair[0])).lwp());
      assertThat(embedded.priority()).isEqualTo(67);
      assertThat(embedded)
          .usingRecursiveComparison()
          .ignoringFields("priority")
          .isEqualTo(standalone);
    }
  }

  @Test
  void builderBytesRoundTrip() throws Exception {
    PsinfoBytes p =
        PsinfoBytes.process(9)
            .lwpid(123456789012L)
            .wtype(2)
            .state(2)
            .sname('R')
            .nice(40)
            .pri(-5)
            .policy(1)
            .clname("FIFO")
            .onpro(3)
            .bindpro(2)
            .ptid(0xfffffffeL);
    Lwpsinfo lwp = AixRecord.LWPSINFO.parse(ByteBuffer.wrap(p.lwpsinfoBytes()));
    assertThat(lwp.lwpid()).isEqualTo(123456789012L);
    assertThat(lwp.waitType()).isEqualTo(2);
    assertThat(lwp.state()).isEqualTo(ProcessState.RUNNING);
    assertThat(lwp.psNice()).isEqualTo(0);
    assertThat(lwp.priority()).isEqualTo(-5);
    assertThat(lwp.policyName()).isEqualTo("FIFO");
    assertThat(lwp.lastCpu()).isEqualTo(3);
    assertThat(lwp.boundCpu()).isEqualTo(2);
    assertThat(lwp.pthreadId()).isEqualTo(0xfffffffeL);
    assertThat(AixRecord.PSINFO_LWP.parse(p.toBuffer())).isEqualTo(lwp);
  }

  @Test
  void policyNameFillingAll8Bytes() throws Exception {
    Lwpsinfo lwp =
        AixRecord.LWPSINFO.parse(
            ByteBuffer.wrap(PsinfoBytes.process(9).clname("ABCDEFGH").lwpsinfoBytes()));
    assertThat(lwp.policyName()).isEqualTo("ABCDEFGH");
  }

  @Test
  void shortBuffersAreCorrupt() {
    byte[] lwp = PsinfoBytes.process(9).lwpsinfoBytes();
    ByteBuffer short119 = ByteBuffer.wrap(Arrays.copyOf(lwp, 119));
    assertThatThrownBy(() -> AixRecord.LWPSINFO.parse(short119))
        .isInstanceOfSatisfying(
            CorruptRecordException.class, e -> assertThat(e.byteCount()).isEqualTo(119));
    ByteBuffer psinfo = ByteBuffer.wrap(PsinfoBytes.process(9).truncatedTo(447));
    assertThatThrownBy(() -> AixRecord.PSINFO_LWP.parse(psinfo))
        .isInstanceOf(CorruptRecordException.class);
  }

  @Test
  void negativeThreadIdIsCorrupt() {
    ByteBuffer buf = ByteBuffer.wrap(PsinfoBytes.process(9).lwpid(-1).lwpsinfoBytes());
    assertThatThrownBy(() -> AixRecord.LWPSINFO.parse(buf))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("pr_lwpid");
  }
}
