package dev.psinfo.probe.linux;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.probe.CorruptRecordException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link LinuxProcParsers#parseFdLimit} on captured {@code /proc/<pid>/limits} and hostile text.
 */
class FdLimitParserTest {
  private static long parse(String text) throws CorruptRecordException {
    byte[] b = text.getBytes(UTF_8);
    return LinuxProcParsers.parseFdLimit(b, b.length);
  }

  private static long fixture(String relative) throws CorruptRecordException {
    byte[] b = Fixtures.bytes(relative);
    return LinuxProcParsers.parseFdLimit(b, b.length);
  }

  private static String bash() {
    return new String(Fixtures.bytes("bash/limits"), UTF_8);
  }

  @Test
  void theSoftValueOfCapturedFiles() throws Exception {
    assertThat(fixture("bash/limits")).isEqualTo(20000);
    assertThat(fixture("nobody/limits")).isEqualTo(20000);
    // a kernel thread keeps the kernel's defaults (soft 1024, hard 4096)
    assertThat(fixture("kthread/limits")).isEqualTo(1024);
    // prlimit --nofile=256:20000: soft and hard differ, the soft one is taken
    assertThat(fixture("limits/prlimit-nofile-256-20000")).isEqualTo(256);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void thisJvmsOwnFileSaysWhatTheShellSays() throws Exception {
    byte[] b = Files.readAllBytes(Path.of("/proc/self/limits"));
    long parsed = LinuxProcParsers.parseFdLimit(b, b.length);
    // a child inherits the limits: the shell's ulimit -Sn reads the same RLIMIT_NOFILE
    Process sh = new ProcessBuilder("sh", "-c", "ulimit -Sn").redirectErrorStream(true).start();
    String out = new String(sh.getInputStream().readAllBytes(), UTF_8).trim();
    assertThat(sh.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo(parsed == Long.MAX_VALUE ? "unlimited" : Long.toString(parsed));
  }

  @Test
  void unlimitedIsTheLargestLong() throws Exception {
    String unlimited =
        bash()
            .replace(
                "Max open files            20000                20000",
                "Max open files            unlimited            unlimited");
    assertThat(unlimited).isNotEqualTo(bash());
    assertThat(parse(unlimited)).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("Max open files unlimited 4096 files\n")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void onlyTheMaxOpenFilesLineCounts() throws Exception {
    // the lines around it are not parsed: garbage there does not matter
    assertThat(parse("Limit junk\nMax cpu time x y z\nMax open files\t7\t8\tfiles")).isEqualTo(7);
    assertThat(parse("Max open files 0 0 files\n")).isZero();
    // a longer key is another line
    assertThat(parse("Max open filesystems 5 5\nMax open files 6 6 files\n")).isEqualTo(6);
    // the first such line wins, as there is only one in a kernel's file
    assertThat(parse("Max open files 6 6\nMax open files 9 9\n")).isEqualTo(6);
  }

  @Test
  void hostileContentIsCorrupt() {
    String[] bad = {
      "",
      "\n",
      "garbage",
      "\0\0\0\0",
      bash().replace("Max open files", "Max open flies"), // the line is missing
      bash().lines().filter(l -> !l.startsWith("Max open files")).reduce("", (a, l) -> a + l),
      "Max open files",
      "Max open files   \n",
      "Max open files x 5 files\n",
      "Max open files -5 5 files\n",
      "Max open files 12ab 5 files\n",
      "Max open files 99999999999999999999 5 files\n", // above Long.MAX_VALUE
      "Max open files 18446744073709551615 5 files\n", // RLIM_INFINITY as a number, not "unlimited"
      " Max open files 5 5 files\n",
      "max open files 5 5 files\n",
    };
    for (String s : bad) {
      byte[] b = s.getBytes(UTF_8);
      assertThatThrownBy(() -> LinuxProcParsers.parseFdLimit(b, b.length))
          .as("limits %s", s)
          .isInstanceOf(CorruptRecordException.class)
          .satisfies(e -> assertThat(((CorruptRecordException) e).byteCount()).isEqualTo(b.length));
    }
  }

  @Test
  void aHugeFileIsScannedOnceWithinItsLength() throws Exception {
    // 1 MB of other lines before the one that counts: one pass, nothing kept
    StringBuilder b = new StringBuilder();
    while (b.length() < 1024 * 1024) {
      b.append("Max cpu time              unlimited            unlimited            seconds   \n");
    }
    String filler = b.toString();
    assertThat(parse(filler + "Max open files 42 42 files\n")).isEqualTo(42);
    assertThatThrownBy(() -> parse(filler)).isInstanceOf(CorruptRecordException.class);
    // a line longer than anything the kernel writes
    assertThat(parse("Max open files " + " ".repeat(100_000) + "17\n")).isEqualTo(17);
  }

  @Test
  void parsesOnlyTheGivenLengthOfALargerBuffer() throws Exception {
    byte[] file = Fixtures.bytes("bash/limits");
    int cut = new String(file, UTF_8).indexOf("Max open files");
    assertThatThrownBy(() -> LinuxProcParsers.parseFdLimit(file, cut))
        .isInstanceOf(CorruptRecordException.class);
    byte[] buffer = Arrays.copyOf(file, file.length + 100);
    Arrays.fill(buffer, file.length, buffer.length, (byte) '9');
    assertThat(LinuxProcParsers.parseFdLimit(buffer, file.length)).isEqualTo(20000);
    // cut inside the number: the digits that were read
    int digits = cut + "Max open files            2".length();
    assertThat(LinuxProcParsers.parseFdLimit(file, digits)).isEqualTo(2);
    assertThatThrownBy(() -> LinuxProcParsers.parseFdLimit(file, file.length + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyPrefixAndRandomBytesParseOrAreCorrupt() throws IOException {
    for (String f : new String[] {"bash/limits", "kthread/limits", "nobody/limits"}) {
      byte[] b = Fixtures.bytes(f);
      for (int len = 0; len <= b.length; len++) {
        onlyCorrupt(b, len);
      }
    }
    Random random = new Random(25);
    byte[] alphabet = "Max open files unlimited 0123456789-\n\t".getBytes(UTF_8);
    for (int i = 0; i < 5000; i++) {
      byte[] b = new byte[random.nextInt(200)];
      for (int j = 0; j < b.length; j++) {
        b[j] =
            random.nextBoolean()
                ? alphabet[random.nextInt(alphabet.length)]
                : (byte) random.nextInt(256);
      }
      onlyCorrupt(b, b.length);
    }
  }

  private static void onlyCorrupt(byte[] b, int len) {
    try {
      assertThat(LinuxProcParsers.parseFdLimit(b, len)).isNotNegative();
    } catch (CorruptRecordException e) {
      assertThat(e.byteCount()).isEqualTo(len);
    }
  }
}
