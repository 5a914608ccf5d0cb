package dev.psinfo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every process an IT starts is started here ({@code ItProcessStartsTest} fails the build on a
 * {@code ProcessBuilder.start()} anywhere else in this package). Each gets {@value #VARIABLE}{@code
 * =}{@link #RUN} (a random id of this test JVM) in its environment, which whatever it starts
 * inherits: a shell's background job, a double-forked daemon, a child JVM's own helpers. So {@link
 * #survivors} finds, on Linux, every process this JVM's tests started directly or indirectly that
 * is still running, even one reparented to init, and no process of another build on the same host.
 * {@link LeftoverProcessCheck} asks after each test class. A process that clears its environment
 * ({@code env -i}) or changes user is not found.
 */
public final class Spawned {
  /** The environment variable every started process carries. */
  public static final String VARIABLE = "PSINFO_IT_RUN";

  /** This test JVM's run id. */
  public static final String RUN = UUID.randomUUID().toString();

  private static final byte[] ENTRY = (VARIABLE + "=" + RUN).getBytes(StandardCharsets.US_ASCII);
  private static final AtomicLong STARTED = new AtomicLong();

  private Spawned() {}

  /** Starts {@code builder}'s process with this run's id in its environment. */
  public static Process start(ProcessBuilder builder) throws IOException {
    builder.environment().put(VARIABLE, RUN);
    STARTED.incrementAndGet();
    return builder.start();
  }

  /** How many processes {@link #start} has started in this JVM. */
  static long started() {
    return STARTED.get();
  }

  /**
   * Kills {@code process} and everything below it ({@code SIGKILL}; a child killed before its
   * parent could not be found from the parent any more, a parent killed alone leaves its children
   * running with parent 1), then waits up to {@code seconds} for them all to have gone.
   *
   * @return whether all had gone in time
   */
  public static boolean killTree(ProcessHandle process, int seconds) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process);
    process.descendants().forEach(tree::add); // all found before any is killed
    tree.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException | TimeoutException e) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #killTree(ProcessHandle, int)} with 30 seconds. */
  public static boolean killTree(Process process) {
    return killTree(process.toHandle(), 30);
  }

  /**
   * The running processes other than this JVM whose environment holds this run's id, read from
   * {@code /proc/PID/environ} (empty where there is no such file, as off Linux; a zombie's is empty
   * too, so one that has exited is not counted).
   */
  static List<ProcessHandle> survivors() {
    List<ProcessHandle> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    Path proc = Path.of("/proc");
    if (!Files.isReadable(proc.resolve("self/environ"))) {
      return found;
    }
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path dir : pids) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid != self && carriesRun(dir.resolve("environ"))) {
          ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return found;
  }

  private static boolean carriesRun(Path environ) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(environ);
    } catch (IOException | SecurityException e) {
      return false; // another user's, or gone
    }
    for (int start = 0; start + ENTRY.length <= bytes.length; ) {
      int end = start;
      while (end < bytes.length && bytes[end] != 0) {
        end++;
      }
      if (end - start == ENTRY.length && Arrays.equals(bytes, start, end, ENTRY, 0, ENTRY.length)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** One line for a process: pid, parent, command line. */
  static String describe(ProcessHandle p) {
    Optional<String> line = p.info().commandLine();
    return "pid "
        + p.pid()
        + " (parent "
        + p.parent().map(h -> Long.toString(h.pid())).orElse("?")
        + "): "
        + line.orElse(p.info().command().orElse("?"));
  }
}
