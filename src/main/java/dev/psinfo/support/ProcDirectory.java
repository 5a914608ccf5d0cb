package dev.psinfo.support;

import dev.psinfo.io.FileRule;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the platform walkers share about a {@code /proc} directory: which entries are processes, and
 * which read failures mean that the process is gone. Stateless and thread-safe.
 */
public final class ProcDirectory {
  private ProcDirectory() {}

  /**
   * The pids under {@code procRoot}, ascending, without duplicates ({@code /proc} may list a pid
   * twice); entries that are not canonical pids up to {@code maxPid} are ignored.
   *
   * <p>Lists the names with {@link File#list()}: one String per entry, where a {@link
   * DirectoryStream} makes two Paths, a String and three arrays per entry and a lock per listing
   * (about 60 bytes per entry against 230). {@code File.list} gives no reason for a failure; then
   * the directory is listed again as a stream, which reports it.
   *
   * @throws IOException when {@code procRoot} cannot be listed
   */
  public static long[] listPids(Path procRoot, long maxPid) throws IOException {
    String[] names = procRoot.toFile().list();
    if (names == null) {
      return listPidsReportingFailure(procRoot, maxPid);
    }
    long[] pids = new long[names.length];
    int count = 0;
    for (String name : names) {
      long pid = parsePid(name, maxPid);
      if (pid >= 0) {
        pids[count++] = pid;
      }
    }
    return sortedUnique(pids, count);
  }

  /** {@link #listPids} as a stream, whose failure says why (error path only). */
  private static long[] listPidsReportingFailure(Path procRoot, long maxPid) throws IOException {
    long[] pids = new long[512];
    int count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
      for (Path entry : entries) {
        long pid = parsePid(entry.getFileName().toString(), maxPid);
        if (pid >= 0) {
          if (count == pids.length) {
            pids = Arrays.copyOf(pids, count * 2);
          }
          pids[count++] = pid;
        }
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    return sortedUnique(pids, count);
  }

  /** The first {@code count} values of {@code pids}, sorted, without duplicates (a new array). */
  public static long[] sortedUnique(long[] pids, int count) {
    Arrays.sort(pids, 0, count);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique == 0 || pids[unique - 1] != pids[i]) {
        pids[unique++] = pids[i];
      }
    }
    return Arrays.copyOf(pids, unique);
  }

  /**
   * The pid a directory name stands for: canonical decimal (no sign, no leading zero) and at most
   * {@code maxPid}; -1 for any other name.
   */
  public static long parsePid(String name, long maxPid) {
    int n = name.length();
    if (n == 0 || n > 18 || (name.charAt(0) == '0' && n > 1)) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= maxPid ? v : -1;
  }

  /**
   * Whether a read failure means the process exited: the file is missing, or the read failed with
   * ESRCH, which the JDK reports as a plain {@link IOException} carrying the C library's (possibly
   * localized) text; when the message does not say, the process directory having vanished does.
   */
  public static boolean isGone(IOException e, Path processDir) {
    if (e instanceof NoSuchFileException) {
      return true;
    }
    String message = e.getMessage();
    if (message != null && message.contains("No such process")) {
      return true;
    }
    return !Files.exists(processDir);
  }

  /**
   * Whether {@code procRoot} is the kernel's own process file system (Linux {@code proc}, AIX
   * {@code procfs}), whose entries are all kernel files: no FIFO, device or link a user could
   * plant. Anything else (a copy, a fake tree, a directory a user can write) has each file's type
   * checked before it is opened ({@link #refuseSpecialFile}).
   */
  public static boolean isKernelProcfs(Path procRoot) {
    return FileRule.forRoot(procRoot) == FileRule.PROCFS;
  }

  /**
   * Fails when {@code file} is a FIFO, device, socket or symbolic link (a link is not followed):
   * opening a FIFO blocks until a writer comes, a device such as {@code /dev/zero} never ends, and
   * a link leads out of the tree. A regular file passes, and so does a directory, whose open fails
   * at once.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws FileSystemException naming the file when it is a special file or a link
   */
  public static void refuseSpecialFile(Path file) throws IOException {
    FileRule.TREE.check(file);
  }
}
