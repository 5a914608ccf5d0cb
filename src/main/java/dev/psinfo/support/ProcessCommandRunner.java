package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way this project runs a command ({@link ProcessBuilder}), as a guest in someone else's
 * JVM: the AIX system facts, {@code capture}, the terminal settings of {@code top}.
 *
 * <p>No shell unless the caller names one; the environment gets {@code LC_ALL=C} and {@code LANG=C}
 * so that the output is in the English the parsers expect; standard input is empty and standard
 * error is discarded. Output is read by a daemon thread and capped at {@value #MAX_OUTPUT_BYTES}
 * bytes, so the deadline holds even when the command never closes its output. At the deadline the
 * command and its descendants are killed: descendants are looked up while the command runs (at
 * growing intervals, 25 ms to 500 ms) and again at the deadline, so a background child that
 * outlives its parent is killed too, unless it was born and orphaned between two looks. Never
 * throws; an interrupt is kept on the calling thread and makes the result a failure. Thread-safe.
 */
public final class ProcessCommandRunner implements CommandRunner {
  /** Output beyond this many bytes is dropped (and the result is a failure). */
  public static final int MAX_OUTPUT_BYTES = 4 << 20;

  private static final long FIRST_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
  private static final long LONGEST_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  @Override
  public Result run(List<String> argv, Duration timeout) {
    requireNonNull(argv, "argv is null");
    requireNonNull(timeout, "timeout is null");
    if (argv.isEmpty()) {
      return Result.failed("empty command");
    }
    String what = argv.get(0);
    long deadline = System.nanoTime() + timeout.toNanos();
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
    Set<ProcessHandle> family = new LinkedHashSet<>();
    try {
      if (!awaitExit(process, deadline, family)) {
        kill(process, family);
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
      kill(process, family);
      return Result.failed(what + ": interrupted");
    } catch (TimeoutException e) {
      // the command exited but a descendant still holds its output open
      kill(process, family);
      return Result.failed(what + ": output not closed within the timeout");
    } catch (ExecutionException | RuntimeException e) {
      kill(process, family);
      return Result.failed(what + ": " + e);
    }
  }

  /**
   * Waits for {@code process} to exit until {@code deadline}, noting its descendants on the way.
   *
   * @return false when the deadline came first
   */
  private static boolean awaitExit(Process process, long deadline, Set<ProcessHandle> family)
      throws InterruptedException {
    long look = FIRST_LOOK_NANOS;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return process.waitFor(0, TimeUnit.NANOSECONDS);
      }
      if (process.waitFor(Math.min(left, look), TimeUnit.NANOSECONDS)) {
        return true;
      }
      note(process.toHandle(), family);
      look = Math.min(look * 2, LONGEST_LOOK_NANOS);
    }
  }

  private static void note(ProcessHandle root, Set<ProcessHandle> family) {
    try {
      root.descendants().forEach(family::add);
    } catch (RuntimeException e) {
      // the process table could not be walked this time: the next look may
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

  /**
   * Kills the command and every descendant seen, and the descendants of those (an orphan's own
   * children). A {@link ProcessHandle} knows its start time, so a reused pid is not killed.
   */
  private static void kill(Process process, Set<ProcessHandle> family) {
    try {
      note(process.toHandle(), family);
      for (ProcessHandle h : new ArrayList<>(family)) {
        note(h, family);
      }
      process.destroyForcibly();
      family.forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException e) {
      // nothing more can be done; the processes may already be gone
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
