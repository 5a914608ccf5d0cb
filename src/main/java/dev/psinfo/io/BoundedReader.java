package dev.psinfo.io;

import static java.util.Objects.requireNonNull;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads whole files into one byte array that is reused from file to file, so parsers work in place:
 * the scanners' reader (hundreds of small {@code /proc} files per scan). Every open is checked by
 * its {@link FileRule} first; every read stops at its limit (then {@link #truncated()}).
 *
 * <p>Uses {@link FileInputStream}, which allocates about half of what a {@code FileChannel} does
 * per open, is not closed by thread interrupts (an interrupted caller's scan goes on and is whole),
 * and reads straight into the array in chunks of {@value #CHUNK_BYTES} bytes (the size the JDK
 * reads without a temporary native buffer). Grows as needed up to the limit of each read, at most
 * {@link #MAX_FILE_BYTES}. Not thread-safe: one per scan.
 */
public final class BoundedReader {
  /** Start size: every stat/status/io and almost every cmdline fits. */
  public static final int INITIAL_BYTES = 64 * 1024;

  /** Larger buffers are not kept for the next scan, so a rare huge file costs memory once. */
  public static final int MAX_RETAINED_BYTES = 1024 * 1024;

  /**
   * The most any one read takes: {@code status} with the kernel's maximum of 65,536 supplementary
   * groups is about 450 KB; a file longer than a read's limit is cut there and reported as {@link
   * #truncated()}.
   */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  /** The JDK's native read uses a stack buffer up to this size and mallocs above it. */
  static final int CHUNK_BYTES = 8192;

  private final FileRule rule;
  private byte[] bytes;
  private boolean truncated;

  /** A reader whose buffer starts at {@link #INITIAL_BYTES}. */
  public BoundedReader(FileRule rule) {
    this(INITIAL_BYTES, rule);
  }

  /** A reader whose buffer starts at {@code initialBytes} (at least {@value #CHUNK_BYTES}). */
  public BoundedReader(int initialBytes, FileRule rule) {
    this.rule = requireNonNull(rule, "rule is null");
    bytes = new byte[Math.max(initialBytes, CHUNK_BYTES)];
  }

  /** Reads {@code file} up to {@link #MAX_FILE_BYTES}. */
  public int read(String file) throws IOException {
    return read(file, MAX_FILE_BYTES);
  }

  /**
   * Reads {@code file} from its start to its end or {@code maxBytes} (at most {@link
   * #MAX_FILE_BYTES}), whichever comes first.
   *
   * @return the number of bytes now at the start of {@link #bytes()}
   * @throws java.nio.file.NoSuchFileException when the file does not exist (a process is gone)
   * @throws java.nio.file.AccessDeniedException when the file exists (or its directory does and the
   *     kernel refuses to look inside, as {@code hidepid=1} does with EPERM) but may not be opened
   * @throws IOException as the read reports it, for example ESRCH ("No such process") when the
   *     process exits during the read, or EACCES from a read-time permission check; a {@link
   *     java.nio.file.FileSystemException} when the rule refuses the file
   */
  public int read(String file, int maxBytes) throws IOException {
    truncated = false;
    int limit = Math.max(1, Math.min(maxBytes, MAX_FILE_BYTES));
    int length = 0;
    if (rule != FileRule.PROCFS) {
      rule.check(Path.of(file));
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
      throw BoundedFiles.whyNotOpened(Path.of(file), e);
    }
    return length;
  }

  /** The bytes of the last {@link #read}; valid until the next one. */
  public byte[] bytes() {
    return bytes;
  }

  /** Whether the last {@link #read} stopped at its limit before the file's end. */
  public boolean truncated() {
    return truncated;
  }

  /** Whether this reader is small enough to keep for the next scan. */
  public boolean worthKeeping() {
    return bytes.length <= MAX_RETAINED_BYTES;
  }
}
