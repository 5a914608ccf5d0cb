package dev.psinfo.probe.linux;

import dev.psinfo.probe.ProcDirectory;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole {@code /proc} file into a byte array that is reused from file to file, so the
 * parsers work in place. Uses {@link FileInputStream}, which allocates about half of what a {@code
 * FileChannel} does per open, is not closed by thread interrupts, and reads straight into the array
 * in chunks of {@value #CHUNK_BYTES} bytes (the size the JDK reads without a temporary native
 * buffer). Grows as needed up to the limit of each read, at most {@link #MAX_FILE_BYTES}. Outside
 * the kernel's procfs it opens no FIFO, device or link ({@link ProcDirectory#refuseSpecialFile}): a
 * FIFO would block the open, a device never end. Not thread-safe: one per scan.
 */
final class ProcFileReader {
  /** Start size: every stat/status/io and almost every cmdline fits. */
  static final int INITIAL_BYTES = 64 * 1024;

  /** Larger buffers are not kept for the next scan, so a rare huge cmdline costs memory once. */
  static final int MAX_RETAINED_BYTES = 1024 * 1024;

  /**
   * The most any one read takes: {@code status} with the kernel's maximum of 65,536 supplementary
   * groups is about 450 KB; a file longer than a read's limit is cut there and reported as {@link
   * #truncated()}.
   */
  static final int MAX_FILE_BYTES = 1024 * 1024;

  /** The JDK's native read uses a stack buffer up to this size and mallocs above it. */
  static final int CHUNK_BYTES = 8192;

  private final boolean checkTypes;
  private byte[] bytes;
  private boolean truncated;

  /**
   * @param checkTypes whether to check that each file is a regular file before opening it (false
   *     only for the kernel's own procfs)
   */
  ProcFileReader(boolean checkTypes) {
    this(INITIAL_BYTES, checkTypes);
  }

  ProcFileReader(int initialBytes, boolean checkTypes) {
    this.checkTypes = checkTypes;
    bytes = new byte[Math.max(initialBytes, CHUNK_BYTES)];
  }

  /** Reads {@code file} up to {@link #MAX_FILE_BYTES}. */
  int read(String file) throws IOException {
    return read(file, MAX_FILE_BYTES);
  }

  /**
   * Reads {@code file} from its start to its end or {@code maxBytes} (at most {@link
   * #MAX_FILE_BYTES}), whichever comes first.
   *
   * @return the number of bytes now at the start of {@link #bytes()}
   * @throws NoSuchFileException when the file does not exist (the process is gone)
   * @throws AccessDeniedException when the file exists but may not be opened
   * @throws IOException as the read reports it, for example ESRCH ("No such process") when the
   *     process exits during the read, or EACCES from a read-time permission check; a {@link
   *     java.nio.file.FileSystemException} when the file is not a regular file (and types are
   *     checked)
   */
  int read(String file, int maxBytes) throws IOException {
    truncated = false;
    int limit = Math.max(1, Math.min(maxBytes, MAX_FILE_BYTES));
    int length = 0;
    if (checkTypes) {
      ProcDirectory.refuseSpecialFile(Path.of(file));
    }
    try (FileInputStream in = new FileInputStream(file)) {
      while (true) {
        if (length == limit) {
          truncated = in.read() >= 0;
          break;
        }
        if (length == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(limit, 2L * bytes.length));
        }
        int n =
            in.read(bytes, length, Math.min(CHUNK_BYTES, Math.min(bytes.length, limit) - length));
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (FileNotFoundException e) {
      // FileInputStream says "not found" for both ENOENT and EACCES: tell them apart (error path)
      if (Files.exists(Path.of(file))) {
        throw new AccessDeniedException(file, null, e.getMessage());
      }
      throw new NoSuchFileException(file);
    }
    return length;
  }

  /** The bytes of the last {@link #read}; valid until the next one. */
  byte[] bytes() {
    return bytes;
  }

  /** Whether the last {@link #read} stopped at its limit before the file's end. */
  boolean truncated() {
    return truncated;
  }

  /** Whether this reader is small enough to keep for the next scan. */
  boolean worthKeeping() {
    return bytes.length <= MAX_RETAINED_BYTES;
  }
}
