package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(OS.WINDOWS)
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
  @Timeout(20)
  void aCommandThatOutlivesItsTimeoutIsKilledWithItsChildren() throws Exception {
    CommandRunner.Result r =
        runner.run(List.of("/bin/sh", "-c", "sleep 30 & echo $! ; wait"), Duration.ofMillis(500));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).contains("timed out");
    // no process of ours is still sleeping
    Thread.sleep(200);
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("sleep"))
                .filter(ProcessHandle::isAlive)
                .count())
        .isZero();
  }

  @Test
  @Timeout(20)
  void aGrandchildHoldingTheOutputOpenDoesNotHangTheCaller() {
    // Whether the JDK hands back the output before the grandchild exits depends on timing; either
    // way the caller gets an answer within the timeout, never a hang.
    CommandRunner.Result r =
        runner.run(List.of("/bin/sh", "-c", "sleep 5 & echo started"), Duration.ofMillis(1500));
    if (r.succeeded()) {
      assertThat(r).isEqualTo(CommandRunner.Result.ok("started\n"));
    } else {
      assertThat(r.failure()).contains("output not closed within the timeout");
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
