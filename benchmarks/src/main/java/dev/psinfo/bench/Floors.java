package dev.psinfo.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor: reading the same files a reader needs into one reused buffer, without parsing. Listing
 * the directory and building each path string are included, since every Java reader pays them.
 */
final class Floors {
  private static final String[] LINUX_FILES = {"stat", "status", "cmdline"};
  private static final String[] AIX_FILES = {"psinfo"};

  /** The JDK reads up to 8 KB through a stack buffer; larger reads malloc one per call. */
  private static final int CHUNK = 8192;

  private final byte[] buffer = new byte[CHUNK];

  /** Linux: {@code stat}, {@code status} and {@code cmdline} of every process. */
  int linux(Path procRoot) throws IOException {
    return readAll(procRoot, LINUX_FILES);
  }

  /** AIX: one {@code psinfo} per process. */
  int aix(Path procRoot) throws IOException {
    return readAll(procRoot, AIX_FILES);
  }

  /** Returns the number of processes whose files were all read. */
  private int readAll(Path procRoot, String[] files) throws IOException {
    int processes = 0;
    long bytes = 0;
    String root = procRoot.toString();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
      for (Path entry : entries) {
        String pid = entry.getFileName().toString();
        if (pid.isEmpty() || pid.charAt(0) < '0' || pid.charAt(0) > '9') {
          continue;
        }
        String prefix = root + '/' + pid + '/';
        boolean all = true;
        for (String file : files) {
          try (FileInputStream in = new FileInputStream(prefix + file)) {
            int n;
            while ((n = in.read(buffer, 0, CHUNK)) > 0) {
              bytes += n;
            }
          } catch (IOException e) {
            all = false; // gone or denied: the floor skips it
            break;
          }
        }
        if (all) {
          processes++;
        }
      }
    }
    sink = bytes;
    return processes;
  }

  @SuppressWarnings("unused")
  private static volatile long sink;
}
