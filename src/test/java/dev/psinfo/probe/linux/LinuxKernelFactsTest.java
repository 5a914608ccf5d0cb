package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LinuxKernelFactsTest {
  @Test
  void capturedAuxvGivesClockTicksAndPageSize() {
    byte[] auxv = Fixtures.bytes("auxv");
    assertThat(LinuxKernelFacts.auxvValue(auxv, auxv.length, ByteOrder.LITTLE_ENDIAN, 17))
        .isEqualTo(100);
    assertThat(LinuxKernelFacts.auxvValue(auxv, auxv.length, ByteOrder.LITTLE_ENDIAN, 6))
        .isEqualTo(4096);
    assertThat(LinuxKernelFacts.auxvValue(auxv, auxv.length, ByteOrder.LITTLE_ENDIAN, 9999))
        .isEqualTo(-1);
  }

  @Test
  void bigEndianAuxvAndEntriesAfterAtNullAreIgnored() {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
    b.putLong(17).putLong(250).putLong(0).putLong(0).putLong(6).putLong(65536);
    assertThat(LinuxKernelFacts.auxvValue(b.array(), 48, ByteOrder.BIG_ENDIAN, 17)).isEqualTo(250);
    assertThat(LinuxKernelFacts.auxvValue(b.array(), 48, ByteOrder.BIG_ENDIAN, 6)).isEqualTo(-1);
    assertThat(LinuxKernelFacts.auxvValue(b.array(), 15, ByteOrder.BIG_ENDIAN, 17)).isEqualTo(-1);
  }

  @Test
  void btimeFromProcStat() {
    byte[] stat = Fixtures.bytes("proc-stat");
    assertThat(LinuxKernelFacts.btimeSeconds(stat, stat.length)).isEqualTo(1795674063L);
    byte[] none = "cpu 1 2 3\nbtim 5\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(LinuxKernelFacts.btimeSeconds(none, none.length)).isEqualTo(-1);
    byte[] garbage = "btime 12x\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(LinuxKernelFacts.btimeSeconds(garbage, garbage.length)).isEqualTo(-1);
  }

  @Test
  void fakeTreeWithoutSourcesGetsTheDocumentedDefaults(@TempDir Path root) {
    LinuxKernelFacts facts = LinuxKernelFacts.read(root);
    assertThat(facts)
        .isEqualTo(
            new LinuxKernelFacts(
                LinuxKernelFacts.DEFAULT_CLOCK_TICKS_PER_SECOND,
                LinuxKernelFacts.DEFAULT_PAGE_SIZE_BYTES,
                -1));
    assertThat(facts.ticksToMillis(250)).isEqualTo(2500);
  }

  @Test
  void fakeTreeWithCapturedSources(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("self"));
    Files.write(root.resolve("self/auxv"), Fixtures.bytes("auxv"));
    Files.write(root.resolve("stat"), Fixtures.bytes("proc-stat"));
    // the capture is little-endian x86-64; on a big-endian machine the defaults apply instead
    LinuxKernelFacts facts = LinuxKernelFacts.read(root);
    assertThat(facts.bootTimeMillis()).isEqualTo(1795674063_000L);
    assertThat(facts.clockTicksPerSecond()).isEqualTo(100);
    assertThat(facts.pageSizeBytes()).isEqualTo(4096);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void thisMachine() {
    LinuxKernelFacts facts = LinuxKernelFacts.read(Path.of("/proc"));
    assertThat(facts.clockTicksPerSecond()).isBetween(1L, 10_000L);
    assertThat(Long.bitCount(facts.pageSizeBytes())).isEqualTo(1);
    assertThat(facts.bootTimeMillis())
        .isGreaterThan(0)
        .isLessThanOrEqualTo(System.currentTimeMillis());
  }
}
