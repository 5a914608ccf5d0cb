package dev.psinfo.probe.aix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.JavaMain;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a process's whole argument list from its address space ({@code /proc/<pid>/as}), the way
 * AIX keeps it: {@code psinfo.pr_argv} is the address of a pointer to the argv array; that array
 * holds {@code pr_argc} pointers, 4 bytes each in a 32-bit process and 8 in a 64-bit one ({@code
 * status.pr_dmodel}), big-endian, each to a NUL-terminated string. Only positional reads, through
 * an {@link AddressSpace}: the argv array in one read, then the strings through a cache of {@value
 * #CACHED_PAGES} 4 KB pages, at most {@value #MAX_READS_PER_PROCESS} reads per process.
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
   * @param readCapped true when the line was cut because the process used up {@link
   *     #MAX_READS_PER_PROCESS} ({@code truncated} is then true too)
   * @param javaMain {@link JavaMain#of} the arguments as they were read, one by one; {@code ""}
   *     when failed
   */
  record Result(
      String args, boolean truncated, Failure failure, boolean readCapped, String javaMain) {
    Result {
      requireNonNull(args, "args is null");
      requireNonNull(javaMain, "javaMain is null");
    }

    static Result failed(Failure why) {
      return new Result("", false, requireNonNull(why, "why is null"), false, "");
    }

    boolean ok() {
      return failure == null;
    }
  }

  /**
   * Pages of strings kept at once (round robin): a string that straddles a page boundary, or the
   * strings of argv laid out one after the other, are read once each.
   */
  static final int CACHED_PAGES = 8;

  /**
   * The most reads of one process's address space: the argv array (up to 4096 × 8 bytes, read in
   * one go), then its strings page by page. An ordinary 64 KiB command line needs about 20; past
   * this the line is cut there ({@link Result#readCapped()}), so a hostile layout (every argv
   * string straddling its own page boundary: 6,144,640 reads for 500 processes before) costs at
   * most this many reads per process.
   */
  static final int MAX_READS_PER_PROCESS = 64;

  private final Limits limits;
  private final byte[][] pages = new byte[CACHED_PAGES][PAGE_SIZE];
  private final ByteBuffer[] pageBuffers = new ByteBuffer[CACHED_PAGES];
  private final long[] pageAddresses = new long[CACHED_PAGES];
  private final int[] pageLengths = new int[CACHED_PAGES];
  private int nextPage;
  private int lastPage;
  private byte[] pointers = new byte[256];
  private int pointersLength;
  private byte[] line = new byte[256];
  private int lineLength;
  private int[] argStarts = new int[16];
  private int argCount;
  private int maxBytes;
  private int reads;
  private long totalReads;

  ArgvReader(Limits limits) {
    this.limits = requireNonNull(limits, "limits is null");
    for (int i = 0; i < CACHED_PAGES; i++) {
      pageBuffers[i] = ByteBuffer.wrap(pages[i]);
    }
  }

  /** Reads of address spaces since this reader was made (for tests and benchmarks). */
  long totalReads() {
    return totalReads;
  }

  /** {@link #read(AddressSpace, long, int, boolean, int)} with the limits' {@code maxBytes}. */
  Result read(AddressSpace as, long argvAddress, int argc, boolean is64Bit) throws IOException {
    return read(as, argvAddress, argc, is64Bit, limits.maxBytes());
  }

  /**
   * Reads the argument list of one process.
   *
   * @param as the process's address space
   * @param argvAddress {@code psinfo.pr_argv}
   * @param argc {@code psinfo.pr_argc}
   * @param is64Bit {@code status.pr_dmodel} says a 64-bit process
   * @param maxBytes the most bytes of the line read this time (at most the limits'): what the
   *     scan's budget leaves for this process
   * @throws IOException when a read fails (the caller tells a process that exited from an address
   *     the system refused)
   */
  Result read(AddressSpace as, long argvAddress, int argc, boolean is64Bit, int maxBytes)
      throws IOException {
    Arrays.fill(pageAddresses, -1); // another process, another address space
    nextPage = 0;
    lastPage = 0;
    reads = 0;
    lineLength = 0;
    argCount = 0;
    this.maxBytes = Math.max(1, Math.min(maxBytes, limits.maxBytes()));
    Failure before = check(argvAddress, argc, is64Bit);
    if (before != null) {
      return Result.failed(before);
    }
    int pointerSize = is64Bit ? 8 : 4;
    try {
      long base = pointerAt(as, argvAddress, pointerSize);
      if (base == UNMAPPED) {
        return Result.failed(Failure.UNMAPPED);
      }
      if (!plausible(base, pointerSize)) {
        return Result.failed(Failure.BAD_POINTER);
      }
      int count = Math.min(argc, limits.maxArgs());
      boolean truncated = argc > limits.maxArgs();
      if (base + (long) count * pointerSize < 0) {
        return Result.failed(Failure.BAD_POINTER);
      }
      readPointers(as, base, count * pointerSize);
      for (int i = 0; i < count; i++) {
        long arg = pointer(i, pointerSize);
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
        if (argCount == argStarts.length) {
          argStarts = Arrays.copyOf(argStarts, argCount * 2);
        }
        argStarts[argCount++] = lineLength;
        int end = copyString(as, arg);
        if (end == UNMAPPED) {
          return Result.failed(Failure.UNMAPPED);
        }
        if (end == CUT) {
          truncated = true;
          break;
        }
      }
      return new Result(
          new String(line, 0, lineLength, UTF_8), truncated, null, false, javaMain(truncated));
    } catch (ReadCap e) {
      // what was read so far stands, cut: counted as truncated, never a read more
      return new Result(new String(line, 0, lineLength, UTF_8), true, null, true, javaMain(true));
    }
  }

  /** {@link JavaMain#of} the arguments read, split where they were read (spaces inside kept). */
  private String javaMain(boolean truncated) {
    if (argCount == 0) {
      return "";
    }
    int firstEnd = argCount > 1 ? argStarts[1] - 1 : lineLength;
    if (!JavaMain.isLauncher(new String(line, 0, firstEnd, UTF_8))) {
      return "";
    }
    List<String> argv = new ArrayList<>(argCount);
    for (int i = 0; i < argCount; i++) {
      int start = argStarts[i];
      int end = i + 1 < argCount ? argStarts[i + 1] - 1 : lineLength;
      argv.add(new String(line, start, end - start, UTF_8));
    }
    return JavaMain.of(argv, truncated);
  }

  /** Thrown inside {@link #read} when a process used up {@link #MAX_READS_PER_PROCESS}. */
  private static final class ReadCap extends Exception {
    private static final long serialVersionUID = 1L;

    ReadCap() {
      super(null, null, false, false);
    }
  }

  private static final ReadCap READ_CAP = new ReadCap();

  private int countRead() throws ReadCap {
    if (reads >= MAX_READS_PER_PROCESS) {
      throw READ_CAP;
    }
    reads++;
    totalReads++;
    return reads;
  }

  /**
   * Reads the argv array ({@code length} bytes at {@code base}) in one go, as far as it is there.
   */
  private void readPointers(AddressSpace as, long base, int length) throws IOException, ReadCap {
    if (pointers.length < length) {
      pointers = new byte[length];
    }
    ByteBuffer dst = ByteBuffer.wrap(pointers, 0, length);
    while (dst.hasRemaining()) {
      countRead();
      int n = as.read(dst, base + dst.position());
      if (n <= 0) {
        break;
      }
    }
    pointersLength = dst.position();
  }

  /** The big-endian pointer {@code i} of the argv array, or {@link #UNMAPPED} past its end. */
  private long pointer(int i, int size) {
    int at = i * size;
    if (at + size > pointersLength) {
      return UNMAPPED;
    }
    long v = 0;
    for (int k = 0; k < size; k++) {
      v = v << 8 | (pointers[at + k] & 0xff);
    }
    // a 64-bit value with the top bit set is negative here: plausible() rejects it
    return v == UNMAPPED ? Long.MIN_VALUE : v;
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
  private long pointerAt(AddressSpace as, long address, int size) throws IOException, ReadCap {
    long v = 0;
    for (int i = 0; i < size; i++) {
      int b = byteAt(as, address + i);
      if (b < 0) {
        return UNMAPPED;
      }
      v = v << 8 | b;
    }
    return v == UNMAPPED ? Long.MIN_VALUE : v;
  }

  /**
   * Appends the NUL-terminated string at {@code address} to the line.
   *
   * @return 0 when it ended, {@link #CUT} when the line reached its bound first, {@link #UNMAPPED}
   *     when the address space ended first
   */
  private int copyString(AddressSpace as, long address) throws IOException, ReadCap {
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
    if (lineLength >= maxBytes) {
      return false;
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
    }
    line[lineLength++] = b;
    return true;
  }

  /** The byte at {@code address} (0-255), or -1 past the end of the address space. */
  private int byteAt(AddressSpace as, long address) throws IOException, ReadCap {
    long start = address & -PAGE_SIZE;
    int p = lastPage;
    if (pageAddresses[p] != start) {
      p = find(start);
      if (p < 0) {
        p = load(as, start);
      }
      lastPage = p;
    }
    int offset = (int) (address - start);
    return offset < pageLengths[p] ? pages[p][offset] & 0xff : -1;
  }

  private int find(long start) {
    for (int i = 0; i < CACHED_PAGES; i++) {
      if (pageAddresses[i] == start) {
        return i;
      }
    }
    return -1;
  }

  /** Reads the page at {@code start} into the next cache slot, as much as the space has. */
  private int load(AddressSpace as, long start) throws IOException, ReadCap {
    int p = nextPage;
    nextPage = (nextPage + 1) % CACHED_PAGES;
    ByteBuffer page = pageBuffers[p];
    page.clear();
    pageAddresses[p] = -1;
    while (page.hasRemaining()) {
      countRead();
      int n = as.read(page, start + page.position());
      if (n <= 0) {
        break;
      }
    }
    pageAddresses[p] = start;
    pageLengths[p] = page.position();
    return p;
  }
}
