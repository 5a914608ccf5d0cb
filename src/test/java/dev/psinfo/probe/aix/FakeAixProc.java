package dev.psinfo.probe.aix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

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
   * Writes {@code <procRoot>/<pid>/as} as a sparse file holding each region at its address (the
   * file offset of {@code as} is the virtual address); suits 32-bit processes, whose addresses stay
   * below 4 GB. Returns the file.
   */
  public static Path writeAddressSpace(Path procRoot, long pid, Map<Long, byte[]> regions)
      throws IOException {
    Path dir = Files.createDirectories(procRoot.resolve(Long.toString(pid)));
    Path as = dir.resolve("as");
    try (FileChannel ch =
        FileChannel.open(
            as,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.SPARSE)) {
      for (Map.Entry<Long, byte[]> r : regions.entrySet()) {
        ByteBuffer b = ByteBuffer.wrap(r.getValue());
        long at = r.getKey();
        while (b.hasRemaining()) {
          at += ch.write(b, at);
        }
      }
    }
    return as;
  }

  /**
   * Writes a 32-bit process whose {@code psinfo} says {@code argc} and {@code psargs} (79
   * characters or more: the kernel's cut, so the probe reads the whole line from {@code as} when
   * {@code fullArgs} is on) with {@code pr_argv} at {@link ArgvImage#ARGV_32}, its status, and a
   * sparse {@code as} holding {@code image}.
   */
  public static void writeProcessWithArgv(
      Path procRoot, long pid, int argc, String psargs, ArgvImage image) throws IOException {
    writeProcess(
        procRoot,
        PsinfoBytes.process(pid).argc(argc).argv(ArgvImage.ARGV_32).psargs(psargs),
        PstatusBytes.process(pid).dmodel(PstatusLayout.DMODEL_32));
    writeAddressSpace(procRoot, pid, image.regions());
  }

  /**
   * Writes {@code count} 32-bit processes with pids {@code firstPid ..} whose command lines (about
   * 190 characters, a Java one) are longer than psargs keeps, each with status and a sparse {@code
   * as} holding the argv; for benchmarks of whole command lines.
   */
  public static void writeProcessesWithLongArgs(Path procRoot, long firstPid, int count)
      throws IOException {
    long argv = ArgvImage.ARGV_32;
    for (int i = 0; i < count; i++) {
      long pid = firstPid + i;
      List<String> args =
          List.of(
              "/usr/java8/bin/java",
              "-Xmx512m",
              "-Dinstance=" + pid,
              "-classpath",
              "/opt/app/lib/app.jar:/opt/app/lib/dep-1.jar:/opt/app/lib/dep-2.jar",
              "com.example.Main",
              "--id=" + i);
      String line = String.join(" ", args);
      writeProcess(
          procRoot,
          PsinfoBytes.process(pid)
              .fname("java")
              .argc(args.size())
              .argv(argv)
              .psargs(line.substring(0, 79)),
          PstatusBytes.process(pid).dmodel(PstatusLayout.DMODEL_32));
      writeAddressSpace(
          procRoot, pid, ArgvImage.of(argv, argv + 0x20, argv + 0x180, 4, args).regions());
    }
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
