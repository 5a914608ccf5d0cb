package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Runs an external command and hands back its standard output. Implementations never throw: a
 * command that is missing, fails, or outlives its timeout gives a {@link Result#failed failed}
 * result. Thread-safe.
 */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code argv} and waits at most {@code timeout} for it to finish.
   *
   * @param argv the program (an absolute path is best) and its arguments, without a shell
   * @param timeout how long to wait before the command is killed and the result is a failure
   */
  Result run(List<String> argv, Duration timeout);

  /**
   * What a command produced.
   *
   * @param succeeded true when the command ran to completion with exit status 0
   * @param stdout its standard output; {@code ""} when it failed
   * @param failure why it failed (for diagnostics); {@code ""} when it succeeded
   */
  record Result(boolean succeeded, String stdout, String failure) {
    public Result {
      requireNonNull(stdout, "stdout is null");
      requireNonNull(failure, "failure is null");
      if (succeeded == !failure.isEmpty()) {
        throw new IllegalArgumentException("a failure needs a reason, a success must not have one");
      }
      if (!succeeded && !stdout.isEmpty()) {
        throw new IllegalArgumentException("a failed command has no output");
      }
    }

    /** A command that finished with status 0. */
    public static Result ok(String stdout) {
      return new Result(true, stdout, "");
    }

    /** A command that did not start, failed or timed out. */
    public static Result failed(String reason) {
      return new Result(false, "", reason.isEmpty() ? "failed" : reason);
    }
  }
}
