package dev.psinfo.platform;

import static java.util.Objects.requireNonNull;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.probe.CapturePlan;
import dev.psinfo.support.CommandRunner;
import dev.psinfo.support.ProcessCommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Commands answered from a capture instead of run: when the process directory is the {@code proc}
 * of a {@code capture} (its parent holds the capture's {@code README.txt} and {@code commands/}), a
 * command's output is the file {@code commands/<}{@link CapturePlan#fileNameOf}{@code >.txt}, and a
 * command the capture lacks fails. Otherwise every command goes to the local runner. Whether the
 * directory is a capture is looked at on the first command, not before. Thread-safe.
 */
public final class CapturedCommands implements CommandRunner {
  /** The first line of a capture's {@code README.txt}. */
  public static final String README_FIRST_LINE = "psinfo-jmx capture";

  private final Path procRoot;
  private final CommandRunner local;
  private volatile Path commands; // null until looked at
  private volatile boolean lookedAt;

  /**
   * @param procRoot the process directory the platform reads
   * @param local runs the commands when {@code procRoot} is not a capture's
   */
  public CapturedCommands(Path procRoot, CommandRunner local) {
    this.procRoot = requireNonNull(procRoot, "procRoot is null");
    this.local = requireNonNull(local, "local is null");
  }

  /**
   * The capture's {@code commands/} directory, or null when {@code procRoot} is not a capture's.
   */
  static Path commandsOfCapture(Path procRoot) {
    Path parent = procRoot.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      return null;
    }
    Path dir = parent.resolve("commands");
    Path readme = parent.resolve("README.txt");
    if (!Files.isDirectory(dir) || !Files.isRegularFile(readme)) {
      return null;
    }
    try {
      byte[] head = BoundedFiles.readPrefix(readme, FileRule.TREE, README_FIRST_LINE.length() + 1);
      return new String(head, StandardCharsets.UTF_8).equals(README_FIRST_LINE + "\n") ? dir : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** True when the commands are answered from a capture (looks on the first call). */
  public boolean fromCapture() {
    return captureDir() != null;
  }

  private Path captureDir() {
    if (!lookedAt) {
      synchronized (this) {
        if (!lookedAt) {
          commands = commandsOfCapture(procRoot);
          lookedAt = true;
        }
      }
    }
    return commands;
  }

  @Override
  public Result run(List<String> argv, Duration timeout) {
    Path dir = captureDir();
    if (dir == null) {
      return local.run(argv, timeout);
    }
    Path file = dir.resolve(CapturePlan.fileNameOf(argv) + ".txt");
    try {
      // capture wrote the output byte for byte as ISO-8859-1
      return Result.ok(
          BoundedFiles.readLatin1(file, FileRule.TREE, ProcessCommandRunner.MAX_OUTPUT_BYTES));
    } catch (IOException e) {
      return Result.failed("not in the capture: " + file.getFileName());
    }
  }
}
