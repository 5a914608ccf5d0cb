package dev.psinfo.probe.aix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes fake AIX {@code /proc} trees ({@code <procRoot>/<pid>/psinfo}, {@code status}) for tests
 * and benchmarks of {@link AixProcessProbe}. Directories are created as needed; files are
 * overwritten.
 */
public final class FakeAixProc {
  private FakeAixProc() {}

  /** Writes {@code <procRoot>/<p.pid()>/psinfo}; returns the process directory. */
  public static Path writeProcess(Path procRoot, PsinfoBytes p) throws IOException {
    return writeFile(procRoot, p.pid(), "psinfo", p.toBytes()).getParent();
  }

  /** Writes psinfo and status for the same pid; returns the process directory. */
  public static Path writeProcess(Path procRoot, PsinfoBytes p, PstatusBytes s) throws IOException {
    Path dir = writeProcess(procRoot, p);
    writeFile(procRoot, p.pid(), "status", s.toBytes());
    return dir;
  }

  /** Writes {@code <procRoot>/<s.pid()>/status}; returns the file. */
  public static Path writeStatus(Path procRoot, PstatusBytes s) throws IOException {
    return writeFile(procRoot, s.pid(), "status", s.toBytes());
  }

  /** Writes {@code bytes} to {@code <procRoot>/<pid>/<name>} (for truncated or junk files). */
  public static Path writeFile(Path procRoot, long pid, String name, byte[] bytes)
      throws IOException {
    Path dir = Files.createDirectories(procRoot.resolve(Long.toString(pid)));
    return Files.write(dir.resolve(name), bytes);
  }

  /**
   * Writes {@code count} ordinary processes with pids {@code firstPid ..} and their status files;
   * for benchmarks.
   */
  public static void writeProcesses(Path procRoot, long firstPid, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      long pid = firstPid + i;
      writeProcess(
          procRoot,
          PsinfoBytes.process(pid).fname("p" + pid).psargs("/usr/bin/p" + pid + " --id " + i),
          PstatusBytes.process(pid));
    }
  }
}
