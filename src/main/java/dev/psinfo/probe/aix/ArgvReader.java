package dev.psinfo.probe.aix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads a process's whole argument list from its address space ({@code /proc/<pid>/as}), the way
 * AIX keeps it: {@code psinfo.pr_argv} is the address of a pointer to the argv array; that array
 * holds {@code pr_argc} pointers, 4 bytes each in a 32-bit process and 8 in a 64-bit one ({@code
 * status.pr_dmodel}), big-endian, each to a NUL-terminated string. Only positional reads, through
 * an {@link AddressSpace}, one 4 KB page at a time (the strings of argv usually share a page or
 * two).
 *
 * <p>Bounded by {@link Limits}: past {@code maxArgs} arguments or {@code maxBytes} bytes of the
 * space-joined line, the line is cut there and {@link Result#truncated()} is true. A NULL pointer
 * before {@code argc} arguments (a process that shortened its argv) ends the line early, also with
 * {@code truncated} true. Anything else odd — argc 0, a pointer that is NULL, negative or not
 * aligned where the argv array should be, an address past the end of the address space — gives a
 * {@link Result#failed failed} result; the caller falls back to {@code pr_psargs}.
 *
 * <p>Not thread-safe: one reader per scan thread, reused for every process (it keeps one page
 * buffer).
 */
final class ArgvReader {
  static final int PAGE_SIZE = 4096;

  /**
   * How much of an argument list is read.
   *
   * @param maxArgs the most arguments joined, &gt; 0
   * @param maxBytes the most bytes of the joined line (separating spaces included), &gt; 0
   */
  record Limits(int maxArgs, int maxBytes) {
    /** 4096 arguments, 64 KiB: a Java command line with a long class path fits. */
    static final Limits DEFAULT = new Limits(4096, 64 * 1024);

    Limits {
      if (maxArgs <= 0 || maxBytes <= 0) {
        throw new IllegalArgumentException(
            "maxArgs and maxBytes must be > 0: " + maxArgs + ", " + maxBytes);
      }
    }
  }

  /** Why an argument list could not be read. */
  enum Failure {
    /** {@code pr_argc} is 0: nothing to read (kernel processes, some daemons). */
    ARGC_ZERO,
    /** A pointer is NULL, negative (above the 63-bit range) or misaligned: not an argv. */
    BAD_POINTER,
    /** A pointer leads past the end of the address space, or a string has no end there. */
    UNMAPPED
  }

  /**
   * What was read.
   *
   * @param args the arguments joined by single spaces; {@code ""} when failed
   * @param truncated true when {@code args} was cut at a bound or ended before {@code argc}
   * @param failure why nothing could be read; null on success
   */
  record Result(String args, boolean truncated, Failure failure) {
    Result {
      requireNonNull(args, "args is null");
    }

    static Result failed(Failure why) {
      return new Result("", false, requireNonNull(why, "why is null"));
    }

    boolean ok() {
      return failure == null;
    }
  }

  private final Limits limits;
  private final ByteBuffer page = ByteBuffer.allocate(PAGE_SIZE).order(ByteOrder.BIG_ENDIAN);
  private long pageAddress = -1;
  private int pageLength;
  private byte[] line = new byte[256];
  private int lineLength;

  ArgvReader(Limits limits) {
    this.limits = requireNonNull(limits, "limits is null");
  }

  /**
   * Reads the argument list of one process.
   *
   * @param as the process's address space
   * @param argvAddress {@code psinfo.pr_argv}
   * @param argc {@code psinfo.pr_argc}
   * @param is64Bit {@code status.pr_dmodel} says a 64-bit process
   * @throws IOException when a read fails (the caller tells a process that exited from an address
   *     the system refused)
   */
  Result read(AddressSpace as, long argvAddress, int argc, boolean is64Bit) throws IOException {
    pageAddress = -1; // another process, another address space
    lineLength = 0;
    Failure before = check(argvAddress, argc, is64Bit);
    if (before != null) {
      return Result.failed(before);
    }
    int pointerSize = is64Bit ? 8 : 4;
    long base = pointerAt(as, argvAddress, pointerSize);
    if (base == UNMAPPED) {
      return Result.failed(Failure.UNMAPPED);
    }
    if (!plausible(base, pointerSize)) {
      return Result.failed(Failure.BAD_POINTER);
    }
    int count = Math.min(argc, limits.maxArgs());
    boolean truncated = argc > limits.maxArgs();
    for (int i = 0; i < count; i++) {
      long slot = base + (long) i * pointerSize;
      if (slot < 0) {
        return Result.failed(Failure.BAD_POINTER);
      }
      long arg = pointerAt(as, slot, pointerSize);
      if (arg == UNMAPPED) {
        return Result.failed(Failure.UNMAPPED);
      }
      if (arg == 0 && i > 0) {
        truncated = true; // the process shortened its argv: what is left ends here
        break;
      }
      if (arg <= 0) {
        return Result.failed(Failure.BAD_POINTER);
      }
      if (i > 0 && !append((byte) ' ')) {
        truncated = true;
        break;
      }
      int end = copyString(as, arg);
      if (end == UNMAPPED) {
        return Result.failed(Failure.UNMAPPED);
      }
      if (end == CUT) {
        truncated = true;
        break;
      }
    }
    return new Result(new String(line, 0, lineLength, UTF_8), truncated, null);
  }

  /**
   * What is wrong with {@code psinfo}'s {@code pr_argc} and {@code pr_argv} before anything is read
   * (so the caller need not open the address space); null when nothing is.
   */
  static Failure check(long argvAddress, int argc, boolean is64Bit) {
    if (argc <= 0) {
      return Failure.ARGC_ZERO;
    }
    return plausible(argvAddress, is64Bit ? 8 : 4) ? null : Failure.BAD_POINTER;
  }

  /**
   * True when the full line can stand for {@code psargs}: it begins with the first word of {@code
   * psargs} (the program as exec'd). A process that rewrote its argv, or pointers into unrelated
   * memory, fail this and keep {@code psargs}.
   */
  static boolean agreesWith(String fullArgs, String psargs) {
    int space = psargs.indexOf(' ');
    String first = space < 0 ? psargs : psargs.substring(0, space);
    return !first.isEmpty() && fullArgs.startsWith(first);
  }

  private static final long UNMAPPED = -1;
  private static final int CUT = -2;

  /** A non-NULL, non-negative, aligned address that fits the process's pointer width. */
  private static boolean plausible(long address, int pointerSize) {
    return address > 0
        && address % pointerSize == 0
        && (pointerSize == 8 || address <= 0xffff_ffffL);
  }

  /** The big-endian pointer of {@code size} bytes at {@code address}, or {@link #UNMAPPED}. */
  private long pointerAt(AddressSpace as, long address, int size) throws IOException {
    long v = 0;
    for (int i = 0; i < size; i++) {
      int b = byteAt(as, address + i);
      if (b < 0) {
        return UNMAPPED;
      }
      v = v << 8 | b;
    }
    // a 64-bit value with the top bit set is negative here: plausible() rejects it
    return v == UNMAPPED ? Long.MIN_VALUE : v;
  }

  /**
   * Appends the NUL-terminated string at {@code address} to the line.
   *
   * @return 0 when it ended, {@link #CUT} when the line reached its bound first, {@link #UNMAPPED}
   *     when the address space ended first
   */
  private int copyString(AddressSpace as, long address) throws IOException {
    for (long a = address; a >= 0; a++) {
      int b = byteAt(as, a);
      if (b < 0) {
        return (int) UNMAPPED;
      }
      if (b == 0) {
        return 0;
      }
      if (!append((byte) b)) {
        return CUT;
      }
    }
    return (int) UNMAPPED;
  }

  private boolean append(byte b) {
    if (lineLength >= limits.maxBytes()) {
      return false;
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, Math.min(limits.maxBytes(), line.length * 2));
    }
    line[lineLength++] = b;
    return true;
  }

  /** The byte at {@code address} (0-255), or -1 past the end of the address space. */
  private int byteAt(AddressSpace as, long address) throws IOException {
    long start = address & -PAGE_SIZE;
    if (start != pageAddress) {
      load(as, start);
    }
    int offset = (int) (address - start);
    return offset < pageLength ? page.get(offset) & 0xff : -1;
  }

  /** Reads the page at {@code start}, as much of it as the address space has. */
  private void load(AddressSpace as, long start) throws IOException {
    page.clear();
    while (page.hasRemaining()) {
      int n = as.read(page, start + page.position());
      if (n <= 0) {
        break;
      }
    }
    pageAddress = start;
    pageLength = page.position();
  }
}
