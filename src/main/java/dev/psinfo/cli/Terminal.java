package dev.psinfo.cli;

import dev.psinfo.support.CommandRunner;
import dev.psinfo.support.ProcessCommandRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The controlling terminal, for {@code top}: its size, and single key presses (the tty is put in
 * non-canonical, no-echo mode with {@code stty} through {@code /bin/sh}, and restored by {@link
 * #close()} or, on Ctrl-C, by a shutdown hook). Only made when {@link System#console()} says both
 * standard input and output are a terminal.
 */
class Terminal implements AutoCloseable {
  private static final Path SH = Path.of("/bin/sh");
  private static final CommandRunner RUNNER = new ProcessCommandRunner();
  private static final Duration SH_TIMEOUT = Duration.ofSeconds(5);

  private final String saved;
  private final AtomicBoolean restored = new AtomicBoolean();
  private Thread hook;

  /** For tests: a terminal that does nothing. */
  Terminal() {
    this.saved = null;
    restored.set(true);
  }

  private Terminal(String saved) {
    this.saved = saved;
  }

  /** The terminal, or null when standard input or output is not one (or stty is unavailable). */
  static Terminal open() {
    if (System.console() == null || !Files.isExecutable(SH)) {
      return null;
    }
    String saved = sh("stty -g < /dev/tty");
    return saved == null || saved.isBlank() ? null : new Terminal(saved.trim());
  }

  /** Columns, or 0 when unknown. */
  int columns() {
    return size(1);
  }

  /** Rows, or 0 when unknown. */
  int rows() {
    return size(0);
  }

  private static int size(int index) {
    String s = sh("stty size < /dev/tty");
    if (s != null) {
      String[] parts = s.trim().split("\\s+");
      if (parts.length == 2) {
        try {
          return Integer.parseInt(parts[index]);
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  /**
   * Switches to single-key input and calls {@code onKey} for each byte typed, on a daemon thread,
   * until standard input ends. The tty is restored by {@link #close()} or at JVM exit.
   */
  void readKeys(InputStream in, IntConsumer onKey) {
    if (saved == null) {
      return;
    }
    hook = new Thread(this::restore, "psinfo-jmx-tty-restore");
    Runtime.getRuntime().addShutdownHook(hook);
    sh("stty -icanon -echo min 1 < /dev/tty");
    Thread reader =
        new Thread(
            () -> {
              try {
                int c;
                while ((c = in.read()) >= 0) {
                  onKey.accept(c);
                }
              } catch (IOException e) {
                // no more keys
              }
            },
            "psinfo-jmx-keys");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public void close() {
    restore();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs anyway
      }
    }
  }

  private void restore() {
    if (restored.compareAndSet(false, true)) {
      sh("stty " + saved + " < /dev/tty");
    }
  }

  /** Runs {@code command} with {@code /bin/sh -c}; its stdout, or null when it failed. */
  private static String sh(String command) {
    CommandRunner.Result r = RUNNER.run(List.of(SH.toString(), "-c", command), SH_TIMEOUT);
    return r.succeeded() ? r.stdout() : null;
  }
}
