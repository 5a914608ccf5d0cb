package dev.psinfo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ProcessCommandRunnerTest {
  final ProcessCommandRunner runner = new ProcessCommandRunner();

  @Test
  void outputOfACommandInTheCLocale() {
    assertThat(
            runner.run(
                List.of("/bin/sh", "-c", "echo hello; echo $LC_ALL$LANG"), Duration.ofSeconds(10)))
        .isEqualTo(CommandRunner.Result.ok("hello\nCC\n"));
  }

  @Test
  void failuresAreResultsNotExceptions() {
    CommandRunner.Result exit =
        runner.run(List.of("/bin/sh", "-c", "echo partial; exit 3"), Duration.ofSeconds(10));
    assertThat(exit.succeeded()).isFalse();
    assertThat(exit.stdout()).isEmpty();
    assertThat(exit.failure()).contains("exit status 3");

    CommandRunner.Result missing =
        runner.run(List.of("/nonexistent/lparstat", "-i"), Duration.ofSeconds(10));
    assertThat(missing.succeeded()).isFalse();
    assertThat(missing.failure()).contains("/nonexistent/lparstat").contains("cannot start");

    assertThat(runner.run(List.of(), Duration.ofSeconds(1)).succeeded()).isFalse();
  }

  @Test
  @Timeout(30)
  void aCommandThatOutlivesItsTimeoutIsKilledWithItsChildren(@TempDir Path tmp) throws Exception {
    Path pids = tmp.resolve("pids");
    CommandRunner.Result r =
        runner.run(
            List.of(
                "/bin/sh",
                "-c",
                "sleep 60 & echo $! > " + pids + "; sleep 60 & echo $! >> " + pids + "; wait"),
            Duration.ofSeconds(1));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).contains("timed out");
    List<Long> children = readPids(pids);
    assertThat(children).hasSize(2);
    awaitGone(children);
  }

  @Test
  @Timeout(30)
  void aChildThatOutlivesTheCommandWithItsOutputOpenIsKilled(@TempDir Path tmp) throws Exception {
    // the shell exits after 2 s; its background sleep keeps standard output open for 60 s. The
    // runner finds the sleep by looking at the shell's descendants while the shell lives (one look
    // walks the whole process table: over a second on a loaded host with 10,000 processes), so
    // the shell lives long enough for a look; one born and orphaned between looks is not found
    Path pids = tmp.resolve("pids");
    CommandRunner.Result r =
        runner.run(
            List.of("/bin/sh", "-c", "sleep 60 & echo $! > " + pids + "; sleep 2; exit 0"),
            Duration.ofMillis(4000));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).contains("output not closed within the timeout");
    List<Long> children = readPids(pids);
    assertThat(children).hasSize(1);
    awaitGone(children);
  }

  private static List<Long> readPids(Path file) throws Exception {
    return Files.readAllLines(file).stream().map(String::trim).map(Long::parseLong).toList();
  }

  /** Returns once none of {@code pids} is a live (non-zombie) process; the @Timeout bounds it. */
  private static void awaitGone(List<Long> pids) throws Exception {
    while (pids.stream().anyMatch(ProcessCommandRunnerTest::running)) {
      Thread.sleep(50);
    }
  }

  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void tooMuchOutputIsAFailure() {
    CommandRunner.Result r =
        runner.run(List.of("/bin/sh", "-c", "head -c 5000000 /dev/zero"), Duration.ofSeconds(20));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).contains("more than");
  }

  @Test
  void anInterruptedCallerGetsAFailureAndKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    try {
      CommandRunner.Result r = runner.run(List.of("/bin/sleep", "5"), Duration.ofSeconds(10));
      assertThat(r.succeeded()).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
