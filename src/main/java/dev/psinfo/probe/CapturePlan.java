package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code capture} copies so that the probes can read it back from another directory: files
 * under each {@code <procRoot>/<pid>/}, files under {@code <procRoot>/}, and the output of
 * commands. Immutable.
 *
 * @param processFiles paths relative to a process's directory; the first is the one a process
 *     cannot be read without (a process whose first file is unreadable is skipped). A {@code *}
 *     path segment stands for every entry of that directory ({@code lwp/*}{@code /lwpsinfo})
 * @param systemFiles paths relative to the proc root
 * @param commands the commands whose standard output is saved, each as its argv
 * @param summary one line for the capture's README, e.g. {@code "stat, status, cmdline, io"}
 */
public record CapturePlan(
    List<String> processFiles,
    List<String> systemFiles,
    List<List<String>> commands,
    String summary) {
  public CapturePlan {
    processFiles = List.copyOf(requireNonNull(processFiles, "processFiles is null"));
    if (processFiles.isEmpty() || processFiles.get(0).contains("*")) {
      throw new IllegalArgumentException("the first process file must be a plain name");
    }
    systemFiles = List.copyOf(requireNonNull(systemFiles, "systemFiles is null"));
    commands = requireNonNull(commands, "commands is null").stream().map(List::copyOf).toList();
    for (List<String> c : commands) {
      if (c.isEmpty()) {
        throw new IllegalArgumentException("empty command");
      }
    }
    requireNonNull(summary, "summary is null");
  }

  /**
   * The file name (without {@code .txt}) a command's output has in a capture: {@code uname -a} →
   * {@code uname-a}, {@code /usr/sbin/lsps -s} → {@code lsps-s}, {@code svmon -G -O unit=KB} →
   * {@code svmon-G-O-unit_KB}.
   */
  public static String fileNameOf(List<String> command) {
    StringBuilder b = new StringBuilder(Path.of(command.get(0)).getFileName().toString());
    for (String arg : command.subList(1, command.size())) {
      b.append('-').append(arg.replaceFirst("^-+", ""));
    }
    return b.toString().replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
