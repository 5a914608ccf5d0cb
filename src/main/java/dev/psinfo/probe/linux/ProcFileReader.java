package dev.psinfo.probe.linux;

import dev.psinfo.io.BoundedReader;
import dev.psinfo.io.FileRule;
import java.io.IOException;

/**
 * The Linux scan's reader: a {@link BoundedReader} (one reused byte array, every read bounded, the
 * file's kind checked by the proc root's {@link FileRule}) under the names the probe uses. Not
 * thread-safe: one per scan.
 */
final class ProcFileReader {
  /** See {@link BoundedReader#INITIAL_BYTES}. */
  static final int INITIAL_BYTES = BoundedReader.INITIAL_BYTES;

  /** See {@link BoundedReader#MAX_RETAINED_BYTES}. */
  static final int MAX_RETAINED_BYTES = BoundedReader.MAX_RETAINED_BYTES;

  /** See {@link BoundedReader#MAX_FILE_BYTES}. */
  static final int MAX_FILE_BYTES = BoundedReader.MAX_FILE_BYTES;

  private final BoundedReader reader;

  /**
   * @param checkTypes whether to check that each file is a regular file before opening it (false
   *     only for the kernel's own procfs)
   */
  ProcFileReader(boolean checkTypes) {
    this(INITIAL_BYTES, checkTypes);
  }

  ProcFileReader(int initialBytes, boolean checkTypes) {
    reader = new BoundedReader(initialBytes, checkTypes ? FileRule.TREE : FileRule.PROCFS);
  }

  /** See {@link BoundedReader#read(String)}. */
  int read(String file) throws IOException {
    return reader.read(file);
  }

  /** See {@link BoundedReader#read(String, int)}. */
  int read(String file, int maxBytes) throws IOException {
    return reader.read(file, maxBytes);
  }

  /** The bytes of the last {@link #read}; valid until the next one. */
  byte[] bytes() {
    return reader.bytes();
  }

  /** Whether the last {@link #read} stopped at its limit before the file's end. */
  boolean truncated() {
    return reader.truncated();
  }

  /** Whether this reader is small enough to keep for the next scan. */
  boolean worthKeeping() {
    return reader.worthKeeping();
  }
}
