package dev.psinfo.probe.aix;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Positional reads from a process's address space: on AIX the file {@code /proc/<pid>/as}, where
 * the file offset is the virtual address. Only reads at absolute addresses, never a cursor, so the
 * one channel serves every pointer the argv walk follows. Tests serve sparse address spaces through
 * this interface, since a 64-bit address is larger than any file a test can create.
 */
interface AddressSpace extends Closeable {
  /**
   * Reads up to {@code dst.remaining()} bytes from {@code address} into {@code dst} (a heap
   * buffer).
   *
   * @param address an address in the target; never negative (the caller checks)
   * @return the number of bytes read, possibly 0; -1 when {@code address} lies past the end (an
   *     unmapped address)
   * @throws IOException when the read fails (on AIX an unmapped address may give {@code EIO}, a
   *     process that exited {@code ENOENT} or {@code ESRCH})
   */
  int read(ByteBuffer dst, long address) throws IOException;

  /** Opens an address space; the seam tests use to serve their own. */
  @FunctionalInterface
  interface Opener {
    AddressSpace open(Path file) throws IOException;
  }

  /**
   * Opens {@code file} (an {@code as} file, or any file in tests) read-only under {@code rule}; its
   * reads are not interrupted by thread interrupts.
   */
  static AddressSpace ofFile(Path file, FileRule rule) throws IOException {
    BoundedFiles.PositionalFile f = BoundedFiles.openPositional(file, rule);
    return new AddressSpace() {
      @Override
      public int read(ByteBuffer dst, long address) throws IOException {
        int n = f.read(address, dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
        if (n > 0) {
          dst.position(dst.position() + n);
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        f.close();
      }
    };
  }
}
