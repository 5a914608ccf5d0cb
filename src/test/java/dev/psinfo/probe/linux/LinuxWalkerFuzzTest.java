package dev.psinfo.probe.linux;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.fuzz.Mutate;
import dev.psinfo.fuzz.Property;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux walker over fake trees of hostile files: whatever a process's files hold, a scan
 * returns, keeps every good process, and classifies each entry (row, gone or corrupt). One scan per
 * case of {@code psinfo.fuzz.cases / 100} (file I/O is slow).
 */
class LinuxWalkerFuzzTest {
  private static final String[] FIXTURES = {
    "bash", "kthread", "zombie", "nobody", "paren-name", "negative-nice", "setuid", "huge-cmdline"
  };
  private static final String[] FILES = {"stat", "status", "cmdline", "io"};

  @TempDir Path root;
  private UserNames users;

  @BeforeEach
  void passwd(@TempDir Path etc) throws IOException {
    Path passwd = etc.resolve("passwd");
    Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\n");
    users = new UserNames(passwd);
  }

  private LinuxProcessProbe probe() {
    return new LinuxProcessProbe(root, users, new LinuxKernelFacts(100, 4096, 1795674063_000L));
  }

  /** Writes fixture {@code name} as process {@code pid}, its stat's pid rewritten to match. */
  private Path process(long pid, String name) throws IOException {
    Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
    for (String f : FILES) {
      byte[] b = Fixtures.bytes(name + "/" + f);
      if (f.equals("stat")) {
        String s = new String(b, UTF_8);
        b = (pid + s.substring(s.indexOf(' '))).getBytes(UTF_8);
      }
      Files.write(dir.resolve(f), b);
    }
    return dir;
  }

  @Test
  void hugeButWellFormedStatValuesCostOnlyTheirRow() throws Exception {
    process(100, "bash");
    String stat = new String(Fixtures.bytes("bash/stat"), UTF_8);
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields 14 (utime), 22 (starttime) and 24 (rss) are f[11], f[19], f[21]: each parses as a
    // long, and each overflows when converted to milliseconds or bytes
    for (int field : new int[] {11, 19, 21}) {
      String[] g = f.clone();
      g[field] = Long.toString(Long.MAX_VALUE / 10);
      long pid = 200 + field;
      Path dir = process(pid, "bash");
      Files.writeString(dir.resolve("stat"), pid + " (bash) " + String.join(" ", g));
    }
    ProcessScan scan = probe().scan();
    assertThat(scan.processes()).extracting(ProcessInfo::pid).contains(100L);
    for (ProcessInfo p : scan.processes()) {
      assertThat(p.cpuTimeMillis()).isGreaterThanOrEqualTo(-1);
      assertThat(p.rssBytes()).isGreaterThanOrEqualTo(-1);
      assertThat(p.startTimeMillis()).isGreaterThanOrEqualTo(-1);
    }
    assertThat(scan.stats().listed()).isEqualTo(4);
    assertThat(scan.processes().size() + scan.stats().corrupt()).isEqualTo(4);
  }

  @Test
  void aTreeOfMutatedFilesAlwaysScans() {
    Property.forAll(
        "linux walker",
        r -> {
          clear();
          int n = 2 + r.nextInt(6);
          int good = 0;
          for (int i = 0; i < n; i++) {
            long pid = 10 + i;
            Path dir = process(pid, FIXTURES[r.nextInt(FIXTURES.length)]);
            if (r.nextInt(3) == 0) {
              good++;
              continue;
            }
            for (String file : FILES) {
              if (r.nextInt(3) == 0) {
                mutate(r, dir.resolve(file));
              }
            }
          }
          ProcessScan scan = probe().scan();
          ScanStats s = scan.stats();
          assertThat(s.listed()).isEqualTo(n);
          assertThat(scan.processes().size()).isGreaterThanOrEqualTo(good);
          assertThat(scan.processes().size() + s.gone() + s.corrupt()).isEqualTo(n);
        },
        Math.max(10, Property.cases() / 100));
  }

  private void mutate(SplittableRandom r, Path file) throws IOException {
    switch (r.nextInt(6)) {
      case 0 -> Files.delete(file);
      case 1 -> Files.write(file, new byte[0]);
      default -> Files.write(file, Mutate.text(r, Files.readAllBytes(file)));
    }
  }

  private void clear() throws IOException {
    try (var entries = Files.walk(root)) {
      entries
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .filter(p -> !p.equals(root))
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
    assertThat(Arrays.asList(root.toFile().list())).isEmpty();
  }
}
