package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands with {@link ProcessBuilder}, as a guest in someone else's JVM.
 *
 * <p>No shell; the environment gets {@code LC_ALL=C} and {@code LANG=C} so that the output is in
 * the English the parsers expect; standard input is empty and standard error is discarded. Output
 * is read by a daemon thread and capped at {@value #MAX_OUTPUT_BYTES} bytes. A command that
 * outlives its timeout is killed together with its descendants. Never throws; an interrupt is kept
 * on the calling thread and makes the result a failure. Thread-safe.
 */
public final class ProcessCommandRunner implements CommandRunner {
  /** Output beyond this many bytes is dropped (and the result is a failure). */
  public static final int MAX_OUTPUT_BYTES = 4 << 20;

  @Override
  public Result run(List<String> argv, Duration timeout) {
    requireNonNull(argv, "argv is null");
    requireNonNull(timeout, "timeout is null");
    if (argv.isEmpty()) {
      return Result.failed("empty command");
    }
    String what = argv.get(0);
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(argv);
      Map<String, String> env = builder.environment();
      env.put("LC_ALL", "C");
      env.put("LANG", "C");
      builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
      process = builder.start();
    } catch (IOException | RuntimeException e) {
      return Result.failed(what + ": cannot start: " + e.getMessage());
    }
    CompletableFuture<byte[]> output = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> readAll(process.getInputStream(), output), "psinfo-command-output");
    reader.setDaemon(true);
    reader.start();
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        kill(process);
        return Result.failed(what + ": timed out after " + timeout.toMillis() + " ms");
      }
      long left = Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100));
      byte[] bytes = output.get(left, TimeUnit.NANOSECONDS);
      if (process.exitValue() != 0) {
        return Result.failed(what + ": exit status " + process.exitValue());
      }
      if (bytes == null) {
        return Result.failed(what + ": more than " + MAX_OUTPUT_BYTES + " bytes of output");
      }
      return Result.ok(new String(bytes, StandardCharsets.ISO_8859_1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
      return Result.failed(what + ": interrupted");
    } catch (TimeoutException e) {
      // the child exited but a grandchild still holds its output open
      kill(process);
      return Result.failed(what + ": output not closed within the timeout");
    } catch (ExecutionException | RuntimeException e) {
      kill(process);
      return Result.failed(what + ": " + e);
    }
  }

  private static void readAll(InputStream in, CompletableFuture<byte[]> result) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean truncated = false;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (out.size() + n > MAX_OUTPUT_BYTES) {
          truncated = true; // keep draining so that the child does not block on a full pipe
        } else {
          out.write(buffer, 0, n);
        }
      }
      result.complete(truncated ? null : out.toByteArray());
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private static void kill(Process process) {
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    } catch (RuntimeException e) {
      // nothing more can be done; the process may already be gone
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
