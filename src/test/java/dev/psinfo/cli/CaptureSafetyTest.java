package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code capture} where its destination or its source was set up by someone else. */
@Timeout(60)
class CaptureSafetyTest {
  @TempDir Path tmp;

  @Test
  void aLinkAtTheDestinationIsRefusedAndNothingIsWrittenWhereItPoints() throws Exception {
    Path elsewhere = tmp.resolve("elsewhere.tar.gz");
    Path archive = Files.createSymbolicLink(tmp.resolve("out.tar.gz"), elsewhere); // dangling
    CliRun r = aix(archive);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("is a symbolic link");
    assertThat(elsewhere).doesNotExist(); // created at the link's target before
    Path emptyDir = Files.createDirectory(tmp.resolve("empty"));
    Path dirLink = Files.createSymbolicLink(tmp.resolve("dir"), emptyDir);
    assertThat(aix(dirLink).code()).isEqualTo(Main.USAGE);
    assertThat(emptyDir).isEmptyDirectory();
  }

  @Test
  void aFailedCaptureLeavesNoPartialArchive() throws Exception {
    // a fake AIX tree whose lwp entry has a name tar cannot hold: the capture fails half-way
    Path proc = tmp.resolve("proc");
    Path pid = Files.createDirectories(proc.resolve("1"));
    Path samples = CliTest.AIX_PROC;
    try (Stream<Path> s = Files.list(samples)) {
      Path first = s.filter(Files::isDirectory).findFirst().orElseThrow();
      Files.copy(first.resolve("psinfo"), pid.resolve("psinfo"));
    }
    Files.write(
        Files.createDirectories(pid.resolve("lwp/\u00e9")).resolve("lwpsinfo"), new byte[] {1});
    Path archive = tmp.resolve("out.tar.gz");
    CliRun r = CliRun.of("capture", archive.toString(), "--probe", "aix", "--proc-root", "" + proc);
    assertThat(r.code()).as(r.err()).isEqualTo(Main.FAILED);
    assertThat(r.err()).contains("not an ASCII name");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("proc");
    }
  }

  @Test
  void aFifoInAFakeTreeIsSkippedNotWaitedFor() throws Exception {
    Path proc = tmp.resolve("proc");
    Path pid = Files.createDirectories(proc.resolve("1"));
    try (Stream<Path> s = Files.list(CliTest.AIX_PROC)) {
      Path first = s.filter(Files::isDirectory).findFirst().orElseThrow();
      Files.copy(first.resolve("psinfo"), pid.resolve("psinfo"));
    }
    Process mk = new ProcessBuilder("mkfifo", pid.resolve("status").toString()).start();
    assertThat(mk.waitFor()).isZero();
    Path archive = tmp.resolve("fifo.tar.gz");
    CliRun r = CliRun.of("capture", archive.toString(), "--probe", "aix", "--proc-root", "" + proc);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 unreadable");
    assertThat(Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  private CliRun aix(Path target) {
    return CliRun.of(
        "capture", target.toString(), "--probe", "aix", "--proc-root", CliTest.AIX_PROC.toString());
  }
}
