package dev.psinfo.probe.aix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.support.ArgsBudget;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, findings 3 and 4: whole AIX command lines had no scan budget (2,500 processes with one
 * 70,000-byte argument ran the heap out at -Xmx256m; a 64 KiB argument of invalid UTF-8 became a
 * 196,598-byte field), and a hostile argv layout (every argv[i] a 10-byte string straddling a page
 * boundary) made 12,289 reads of {@code as} per process.
 */
class AixArgsBoundsTest {
  static final long ARGV = ArgvImage.ARGV_32;
  static final long ARRAY = ArgvImage.ARRAY_32;

  @TempDir Path tmp;
  Path proc;
  UserNames users;

  @BeforeEach
  void setUp() throws IOException {
    proc = Files.createDirectory(tmp.resolve("proc"));
    users = new UserNames(tmp.resolve("passwd"));
  }

  /** argc 4096 and each argv[i] points at its own 10-byte string that straddles a page boundary. */
  static ArgvImage straddling(int argc) {
    ArgvImage image = new ArgvImage();
    image.put(ARGV, ArgvImage.pointer(ARRAY, 4));
    byte[] array = new byte[argc * 4];
    long strings = 0x2ff40000L;
    for (int i = 0; i < argc; i++) {
      long at = strings + (long) i * 4096 + 4096 - 5; // 5 bytes on one page, 5 on the next
      System.arraycopy(ArgvImage.pointer(at, 4), 0, array, i * 4, 4);
      byte[] s = (i == 0 ? "/bin/prog" : "argument9").getBytes(UTF_8);
      image.put(at, Arrays.copyOf(s, s.length + 1));
    }
    image.put(ARRAY, array);
    return image;
  }

  @Test
  void aStraddlingArgvCostsAtMostTheReadCapPerProcess() throws Exception {
    ArgvImage image = straddling(4096);
    ArgvReader reader = new ArgvReader(ArgvReader.Limits.DEFAULT);
    ArgvImage.Served as = image.serve();
    ArgvReader.Result r = reader.read(as, ARGV, 4096, false);
    // before: 12,289 reads for this one process (the argv page reloaded around every string)
    assertThat(as.reads).isLessThanOrEqualTo(ArgvReader.MAX_READS_PER_PROCESS);
    assertThat(r.ok()).isTrue();
    assertThat(r.truncated()).isTrue();
    assertThat(r.readCapped()).isTrue();
    assertThat(r.args()).startsWith("/bin/prog argument9 argument9");
  }

  @Test
  void anOrdinaryLongArgvIsReadWholeInFewReads() throws Exception {
    List<String> args = new ArrayList<>(List.of("/usr/java8/bin/java"));
    for (int i = 1; i < 4096; i++) {
      args.add("-Dp" + i + "=v"); // 4096 arguments, about 40 KB
    }
    ArgvImage image = ArgvImage.of(ARGV, ARRAY, 0x2ff40000L, 4, args);
    ArgvReader reader = new ArgvReader(ArgvReader.Limits.DEFAULT);
    ArgvImage.Served as = image.serve();
    ArgvReader.Result r = reader.read(as, ARGV, args.size(), false);
    assertThat(r.args()).isEqualTo(String.join(" ", args));
    assertThat(r.truncated()).isFalse();
    assertThat(r.readCapped()).isFalse();
    // argv pointer page, the array's 5 pages, about 10 pages of strings: each read once
    assertThat(as.reads).isLessThanOrEqualTo(20);
  }

  @Test
  void everyStringOnTheSamePageStraddleIsReadOnce() throws Exception {
    ArgvImage image = ArgvImage.oneStraddlingString(4096);
    ArgvReader.Result r =
        new ArgvReader(ArgvReader.Limits.DEFAULT).read(image.serve(), ARGV, 4096, false);
    assertThat(r.readCapped()).isFalse();
    assertThat(r.truncated()).isFalse();
    assertThat(r.args()).hasSize(4096 * 10 - 1);
  }

  /** A 32-bit process whose argv is {@code /bin/x} and one argument of {@code arg}'s bytes. */
  private void processWithArgument(long pid, byte[] arg) throws IOException {
    FakeAixProc.writeProcessWithArgv(
        proc, pid, 2, "/bin/x " + "?".repeat(72), ArgvImage.withArgument(arg));
  }

  @Test
  void invalidUtf8IsCountedAfterDecodingPerProcessAndPerScan() throws Exception {
    byte[] ff = new byte[64 * 1024];
    Arrays.fill(ff, (byte) 0xff);
    int count = 300; // 300 × 64 KiB of 0xFF: 19.7 MB read, 59 MB of text decoded before
    for (int i = 0; i < count; i++) {
      processWithArgument(1000 + i, ff);
    }
    AixProcessProbe probe = new AixProcessProbe(proc, users);
    ProcessScan scan = probe.scan();
    assertThat(scan.processes()).hasSize(count);
    long kept = 0;
    for (ProcessInfo p : scan.processes()) {
      assertThat(p.args()).startsWith("/bin/x \uFFFD");
      int bytes = p.args().getBytes(UTF_8).length;
      // before: 196,614 bytes each
      assertThat(bytes).isLessThanOrEqualTo(ArgvReader.Limits.DEFAULT.maxBytes());
      kept += bytes;
    }
    assertThat(kept).isLessThanOrEqualTo(ArgsBudget.SCAN_BYTES + count * ArgsBudget.MIN_BYTES);
    assertThat(scan.processes()).allMatch(ProcessInfo::argsTruncated);
    assertThat(scan.stats().argsTruncated()).isEqualTo(count);
    assertThat(probe.fullArgsCounts().get(AixProcessProbe.FullArgs.READ)).isEqualTo(count);
  }

  @Test
  void aScanKeepsAtMostItsArgumentBudget() throws Exception {
    byte[] arg = new byte[70_000];
    Arrays.fill(arg, (byte) 'y');
    int count = 300; // 21 MB of arguments
    for (int i = 0; i < count; i++) {
      processWithArgument(1000 + i, arg);
    }
    ProcessScan scan = new AixProcessProbe(proc, users).scan();
    long kept = scan.processes().stream().mapToLong(p -> p.args().length()).sum();
    assertThat(kept).isLessThanOrEqualTo(ArgsBudget.SCAN_BYTES + count * ArgsBudget.MIN_BYTES);
    assertThat(scan.processes().get(0).args()).hasSize(ArgvReader.Limits.DEFAULT.maxBytes());
    assertThat(scan.processes().get(count - 1).args()).hasSize(ArgsBudget.MIN_BYTES);
    assertThat(scan.stats().argsTruncated()).isEqualTo(count);
  }
}
