package dev.psinfo.probe.linux;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.support.Log;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about the running kernel that the {@code /proc} readers need to turn ticks and pages into
 * milliseconds and bytes. Immutable; read once with {@link #read(Path)} and shared.
 *
 * <p>Sources: {@code <procRoot>/self/auxv} for {@code AT_CLKTCK} (17) and {@code AT_PAGESZ} (6),
 * and {@code <procRoot>/stat} for {@code btime}. When a source is missing or implausible (for
 * example in a fake tree for tests) the documented defaults {@value
 * #DEFAULT_CLOCK_TICKS_PER_SECOND} Hz and {@value #DEFAULT_PAGE_SIZE_BYTES} bytes are used and one
 * warning is logged per {@link #read}; a missing boot time is {@code -1} (start times are then
 * unavailable), never guessed.
 *
 * @param clockTicksPerSecond {@code USER_HZ}: the unit of the tick counts in {@code
 *     /proc/<pid>/stat}
 * @param pageSizeBytes the unit of {@code rss} in {@code /proc/<pid>/stat}
 * @param bootTimeMillis when the system booted, milliseconds since the epoch (1-second resolution),
 *     or -1 when unknown
 */
public record LinuxKernelFacts(long clockTicksPerSecond, long pageSizeBytes, long bootTimeMillis) {
  private static final Log LOG = Log.of(LinuxKernelFacts.class);

  /** Assumed {@code USER_HZ} when {@code auxv} does not say; the value on every mainstream arch. */
  public static final long DEFAULT_CLOCK_TICKS_PER_SECOND = 100;

  /** Assumed page size when {@code auxv} does not say; the x86-64 and most arm64 value. */
  public static final long DEFAULT_PAGE_SIZE_BYTES = 4096;

  /** {@code AT_PAGESZ} from {@code <linux/auxvec.h>}. */
  static final long AT_PAGESZ = 6;

  /** {@code AT_CLKTCK} from {@code <linux/auxvec.h>}. */
  static final long AT_CLKTCK = 17;

  private static final int AUXV_WORD_BYTES = 8;
  private static final byte[] BTIME = {'b', 't', 'i', 'm', 'e', ' '};

  public LinuxKernelFacts {
    if (clockTicksPerSecond <= 0) {
      throw new IllegalArgumentException("clockTicksPerSecond must be > 0: " + clockTicksPerSecond);
    }
    if (pageSizeBytes <= 0) {
      throw new IllegalArgumentException("pageSizeBytes must be > 0: " + pageSizeBytes);
    }
    if (bootTimeMillis < -1) {
      throw new IllegalArgumentException("bootTimeMillis must be >= -1: " + bootTimeMillis);
    }
  }

  /** The most of {@code auxv} or {@code stat} read (a {@code stat} of thousands of CPUs fits). */
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  /**
   * Reads the facts from {@code procRoot}. Never throws: what cannot be read takes its default, and
   * a single warning names what was defaulted and why.
   */
  public static LinuxKernelFacts read(Path procRoot) {
    List<String> defaulted = new ArrayList<>(3);
    long hz = -1;
    long page = -1;
    Path auxv = procRoot.resolve("self").resolve("auxv");
    try {
      byte[] bytes = BoundedFiles.readAll(auxv, FileRule.forRoot(procRoot), MAX_FILE_BYTES);
      // auxv is written by the kernel in the machine's own byte order, so native order is right
      // here (and only here): it is not a portable file format. 32-bit JVMs are not supported;
      // their 4-byte entries read as implausible values and fall back to the defaults.
      hz = auxvValue(bytes, bytes.length, ByteOrder.nativeOrder(), AT_CLKTCK);
      page = auxvValue(bytes, bytes.length, ByteOrder.nativeOrder(), AT_PAGESZ);
    } catch (IOException | RuntimeException e) {
      defaulted.add(auxv + " unreadable (" + e + ")");
    }
    if (hz <= 0 || hz > 1_000_000) {
      defaulted.add("clock ticks " + DEFAULT_CLOCK_TICKS_PER_SECOND + " Hz (auxv said " + hz + ")");
      hz = DEFAULT_CLOCK_TICKS_PER_SECOND;
    }
    if (page < 512 || page > (1L << 30) || Long.bitCount(page) != 1) {
      defaulted.add("page size " + DEFAULT_PAGE_SIZE_BYTES + " bytes (auxv said " + page + ")");
      page = DEFAULT_PAGE_SIZE_BYTES;
    }
    long bootMillis = -1;
    Path stat = procRoot.resolve("stat");
    try {
      byte[] bytes = BoundedFiles.readAll(stat, FileRule.forRoot(procRoot), MAX_FILE_BYTES);
      long btime = btimeSeconds(bytes, bytes.length);
      if (btime >= 0) {
        bootMillis = btime * 1000;
      } else {
        defaulted.add("no btime in " + stat + ": start times unavailable");
      }
    } catch (IOException | RuntimeException e) {
      defaulted.add(stat + " unreadable (" + e + "): start times unavailable");
    }
    if (!defaulted.isEmpty()) {
      LOG.warn("Linux kernel facts under {}: using defaults: {}", procRoot, defaulted);
    }
    return new LinuxKernelFacts(hz, page, bootMillis);
  }

  /**
   * The value of auxiliary-vector entry {@code type}, or -1 when absent. Entries are pairs of
   * 64-bit words {@code (a_type, a_val)} in {@code order}, ended by {@code AT_NULL} (0). A trailing
   * partial entry is ignored.
   */
  public static long auxvValue(byte[] auxv, int length, ByteOrder order, long type) {
    if (length > auxv.length) {
      throw new IllegalArgumentException("length " + length + " > " + auxv.length);
    }
    for (int at = 0; at + 2 * AUXV_WORD_BYTES <= length; at += 2 * AUXV_WORD_BYTES) {
      long entryType = word(auxv, at, order);
      if (entryType == 0) {
        return -1;
      }
      if (entryType == type) {
        return word(auxv, at + AUXV_WORD_BYTES, order);
      }
    }
    return -1;
  }

  private static long word(byte[] b, int at, ByteOrder order) {
    long v = 0;
    if (order == ByteOrder.BIG_ENDIAN) {
      for (int i = 0; i < AUXV_WORD_BYTES; i++) {
        v = (v << 8) | (b[at + i] & 0xFF);
      }
    } else {
      for (int i = AUXV_WORD_BYTES - 1; i >= 0; i--) {
        v = (v << 8) | (b[at + i] & 0xFF);
      }
    }
    return v;
  }

  /**
   * The {@code btime} line of {@code /proc/stat}: seconds since the epoch, or -1 when there is no
   * such line or its value is not a non-negative decimal number.
   */
  public static long btimeSeconds(byte[] stat, int length) {
    int lineStart = 0;
    while (lineStart < length) {
      if (startsWith(stat, lineStart, length, BTIME)) {
        int p = lineStart + BTIME.length;
        long v = 0;
        int digits = 0;
        while (p < length && stat[p] >= '0' && stat[p] <= '9' && digits < 18) {
          v = v * 10 + (stat[p] - '0');
          p++;
          digits++;
        }
        boolean ends = p == length || stat[p] == '\n';
        return digits > 0 && ends ? v : -1;
      }
      while (lineStart < length && stat[lineStart] != '\n') {
        lineStart++;
      }
      lineStart++;
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int at, int length, byte[] prefix) {
    if (at + prefix.length > length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Converts a tick count to milliseconds. */
  public long ticksToMillis(long ticks) {
    return clockTicksPerSecond == 1000 ? ticks : ticks * 1000 / clockTicksPerSecond;
  }
}
