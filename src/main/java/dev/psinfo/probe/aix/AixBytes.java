package dev.psinfo.probe.aix;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;

/**
 * Decoding helpers shared by the AIX parsers ({@link AixRecord}'s decoders). Every read is absolute
 * and big-endian; no state. A checked read throws an {@link IllegalArgumentException} naming the
 * field, which {@link AixRecord#parse} reports as a corrupt record.
 */
final class AixBytes {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private AixBytes() {}

  /** Unsigned 8-bit value at {@code index}. */
  static int u8(ByteBuffer b, int index) {
    return b.get(index) & 0xff;
  }

  /** Unsigned 16-bit value at {@code index}. */
  static int u16(ByteBuffer b, int index) {
    return b.getShort(index) & 0xffff;
  }

  /** Unsigned 32-bit value at {@code index}. */
  static long u32(ByteBuffer b, int index) {
    return b.getInt(index) & 0xffff_ffffL;
  }

  /**
   * A {@code uint64_t} that must fit a non-negative {@code long}.
   *
   * @throws IllegalArgumentException when the top bit is set
   */
  static long u64(ByteBuffer b, int index, String field) {
    long v = b.getLong(index);
    if (v < 0) {
      throw new IllegalArgumentException(field + " out of range: " + Long.toUnsignedString(v));
    }
    return v;
  }

  /**
   * A kilobyte count converted to bytes.
   *
   * @throws IllegalArgumentException when the byte count would not fit a {@code long}
   */
  static long kilobytesAsBytes(ByteBuffer b, int index, String field) {
    long kb = b.getLong(index);
    if (kb < 0 || kb > Long.MAX_VALUE / 1024) {
      throw new IllegalArgumentException(
          field + " out of range: " + Long.toUnsignedString(kb) + " KB");
    }
    return kb * 1024;
  }

  /**
   * A {@code pr_timestruc64_t} at {@code index} in nanoseconds.
   *
   * @throws IllegalArgumentException when {@code tv_sec} is negative, {@code tv_nsec} is outside 0
   *     to 999,999,999, or the total overflows a {@code long} (292 years)
   */
  static long timestrucNanos(ByteBuffer b, int index, String field) {
    long sec = checkedSeconds(b, index, field);
    int nsec = checkedNanos(b, index, field);
    if (sec > (Long.MAX_VALUE - nsec) / NANOS_PER_SECOND) {
      throw new IllegalArgumentException(field + " too large: " + sec + " s");
    }
    return sec * NANOS_PER_SECOND + nsec;
  }

  /**
   * A {@code pr_timestruc64_t} at {@code index} in milliseconds: {@code sec * 1000 + nsec /
   * 1_000_000}.
   *
   * @throws IllegalArgumentException as {@link #timestrucNanos}, or when the milliseconds overflow
   */
  static long timestrucMillis(ByteBuffer b, int index, String field) {
    long sec = checkedSeconds(b, index, field);
    int nsec = checkedNanos(b, index, field);
    if (sec > (Long.MAX_VALUE - 999) / 1000) {
      throw new IllegalArgumentException(field + " too large: " + sec + " s");
    }
    return sec * 1000 + nsec / NANOS_PER_MILLI;
  }

  private static long checkedSeconds(ByteBuffer b, int index, String field) {
    long sec = b.getLong(index + TimestrucLayout.TV_SEC);
    if (sec < 0) {
      throw new IllegalArgumentException(field + ".tv_sec negative: " + sec);
    }
    return sec;
  }

  private static int checkedNanos(ByteBuffer b, int index, String field) {
    int nsec = b.getInt(index + TimestrucLayout.TV_NSEC);
    if (nsec < 0 || nsec > TimestrucLayout.MAX_NSEC) {
      throw new IllegalArgumentException(field + ".tv_nsec outside 0..999999999: " + nsec);
    }
    return nsec;
  }

  /** The number of bytes before the first NUL in {@code [index, index + size)}, or {@code size}. */
  static int cStringLength(ByteBuffer b, int index, int size) {
    for (int i = 0; i < size; i++) {
      if (b.get(index + i) == 0) {
        return i;
      }
    }
    return size;
  }

  /** True when a byte of {@code [index, index + length)} is a control character or DEL. */
  static boolean hasControlBytes(ByteBuffer b, int index, int length) {
    for (int i = 0; i < length; i++) {
      int c = b.get(index + i) & 0xff;
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** {@code length} bytes at {@code index} decoded as UTF-8, malformed input replaced. */
  static String utf8(ByteBuffer b, int index, int length) {
    if (length == 0) {
      return "";
    }
    if (b.hasArray()) {
      return new String(b.array(), b.arrayOffset() + index, length, UTF_8);
    }
    byte[] copy = new byte[length];
    b.get(index, copy);
    return new String(copy, UTF_8);
  }

  /** A NUL-terminated (or full-width) text field decoded as UTF-8. */
  static String cString(ByteBuffer b, int index, int size) {
    return utf8(b, index, cStringLength(b, index, size));
  }

  /**
   * Like {@link #cString} but returns the shared {@code "OTHER"} for that common policy name, to
   * spare one string per process and scan.
   */
  static String policyName(ByteBuffer b, int index, int size) {
    int length = cStringLength(b, index, size);
    if (length == 5
        && b.get(index) == 'O'
        && b.get(index + 1) == 'T'
        && b.get(index + 2) == 'H'
        && b.get(index + 3) == 'E'
        && b.get(index + 4) == 'R') {
      return "OTHER";
    }
    return utf8(b, index, length);
  }
}
