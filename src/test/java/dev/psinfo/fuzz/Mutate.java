package dev.psinfo.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Input generators and mutators for the parser fuzz tests. Pure functions of the random source. */
public final class Mutate {
  /** 64-bit values that break naive arithmetic. */
  static final long[] EDGE_LONGS = {
    0,
    -1,
    1,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE / 1000 + 1,
    Long.MAX_VALUE / 1024 + 1,
    0x7fff_ffffL,
    0x8000_0000L,
    0xffff_ffffL,
    0x1_0000_0000L,
    Integer.MIN_VALUE,
    -999_999_999L,
    1_000_000_000L
  };

  /** 32-bit values that break naive arithmetic. */
  static final int[] EDGE_INTS = {
    0,
    -1,
    1,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    999_999_999,
    1_000_000_000,
    255,
    256,
    65535,
    65536
  };

  /** Byte sequences that are not valid UTF-8. */
  static final byte[][] BAD_UTF8 = {
    {(byte) 0xc0, (byte) 0x80},
    {(byte) 0xff},
    {(byte) 0xfe, (byte) 0xfe},
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xe2, (byte) 0x82},
    {(byte) 0x80}
  };

  /** Text that the Linux parsers look for, to make mutated text reach deep branches. */
  static final String[] TEXT_TOKENS = {
    " ",
    "  ",
    "\n",
    "\t",
    "(",
    ")",
    ") ",
    ":",
    "-",
    "0",
    "-1",
    "18446744073709551615",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "99999999999999999999999",
    "4294967296",
    "Uid:",
    "Gid:",
    "Threads:",
    "read_bytes:",
    "write_bytes:",
    "voluntary_ctxt_switches:",
    "nonvoluntary_ctxt_switches:",
    " S ",
    " Z ",
    "\0"
  };

  private Mutate() {}

  /** Applies one to four random mutations to a copy of {@code valid}. */
  public static byte[] bytes(SplittableRandom r, byte[] valid) {
    byte[] b = valid.clone();
    int rounds = 1 + r.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      b = once(r, b);
    }
    return b;
  }

  /** Like {@link #bytes} but also with text-aware mutations (numbers, separators, keys). */
  public static byte[] text(SplittableRandom r, byte[] valid) {
    byte[] b = valid.clone();
    int rounds = 1 + r.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      b = r.nextInt(3) == 0 ? once(r, b) : onceText(r, b);
    }
    return b;
  }

  private static byte[] once(SplittableRandom r, byte[] b) {
    switch (r.nextInt(10)) {
      case 0: // truncate
        return Arrays.copyOf(b, r.nextInt(b.length + 1));
      case 1: // bit flips
        if (b.length > 0) {
          for (int n = 1 + r.nextInt(8); n > 0; n--) {
            int i = r.nextInt(b.length);
            b[i] ^= (byte) (1 << r.nextInt(8));
          }
        }
        return b;
      case 2: // random bytes
        if (b.length > 0) {
          for (int n = 1 + r.nextInt(16); n > 0; n--) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          }
        }
        return b;
      case 3: // an edge 64-bit value at a 4-aligned offset (where the layouts keep their fields)
        if (b.length >= 8) {
          int at = (r.nextInt(b.length - 7) / 4) * 4;
          ByteBuffer.wrap(b).putLong(at, EDGE_LONGS[r.nextInt(EDGE_LONGS.length)]);
        }
        return b;
      case 4: // an edge 32-bit value at a 4-aligned offset
        if (b.length >= 4) {
          int at = (r.nextInt(b.length - 3) / 4) * 4;
          ByteBuffer.wrap(b).putInt(at, EDGE_INTS[r.nextInt(EDGE_INTS.length)]);
        }
        return b;
      case 5: // append random bytes
        {
          byte[] tail = randomBytes(r, 1 + r.nextInt(64));
          byte[] out = Arrays.copyOf(b, b.length + tail.length);
          System.arraycopy(tail, 0, out, b.length, tail.length);
          return out;
        }
      case 6: // no NULs at all
        for (int i = 0; i < b.length; i++) {
          if (b[i] == 0) {
            b[i] = (byte) ('A' + r.nextInt(26));
          }
        }
        return b;
      case 7: // invalid UTF-8 spliced in
        return splice(r, b, BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
      case 8: // all bytes 0xff or 0x00
        Arrays.fill(b, r.nextBoolean() ? (byte) 0xff : 0);
        return b;
      default: // pure noise of any length
        return randomBytes(r, r.nextInt(r.nextBoolean() ? 64 : 2048));
    }
  }

  private static byte[] onceText(SplittableRandom r, byte[] b) {
    switch (r.nextInt(5)) {
      case 0: // insert a token
        return splice(r, b, TEXT_TOKENS[r.nextInt(TEXT_TOKENS.length)].getBytes(UTF8));
      case 1: // replace a run of digits with a token (huge, negative, not a number)
        {
          int start = indexOfDigit(b, r.nextInt(b.length + 1));
          if (start < 0) {
            return splice(r, b, TEXT_TOKENS[r.nextInt(TEXT_TOKENS.length)].getBytes(UTF8));
          }
          int end = start;
          while (end < b.length && b[end] >= '0' && b[end] <= '9') {
            end++;
          }
          byte[] with = TEXT_TOKENS[r.nextInt(TEXT_TOKENS.length)].getBytes(UTF8);
          return replace(b, start, end, with);
        }
      case 2: // delete a random range
        {
          if (b.length == 0) {
            return b;
          }
          int start = r.nextInt(b.length);
          int end = Math.min(b.length, start + 1 + r.nextInt(8));
          return replace(b, start, end, new byte[0]);
        }
      case 3: // duplicate a random range (duplicate lines, fields)
        {
          if (b.length == 0) {
            return b;
          }
          int start = r.nextInt(b.length);
          int end = Math.min(b.length, start + 1 + r.nextInt(40));
          return splice(r, b, Arrays.copyOfRange(b, start, end));
        }
      default: // swap separators
        for (int i = 0; i < b.length; i++) {
          if ((b[i] == ' ' || b[i] == '\n' || b[i] == '\t') && r.nextInt(8) == 0) {
            b[i] = (byte) " \n\t\0".charAt(r.nextInt(4));
          }
        }
        return b;
    }
  }

  static byte[] randomBytes(SplittableRandom r, int n) {
    byte[] out = new byte[n];
    r.nextBytes(out);
    return out;
  }

  private static int indexOfDigit(byte[] b, int from) {
    for (int i = 0; i < b.length; i++) {
      int j = (from + i) % b.length;
      if (b[j] >= '0' && b[j] <= '9') {
        while (j > 0 && b[j - 1] >= '0' && b[j - 1] <= '9') {
          j--;
        }
        return j;
      }
    }
    return -1;
  }

  private static byte[] splice(SplittableRandom r, byte[] b, byte[] insert) {
    int at = r.nextInt(b.length + 1);
    return replace(b, at, at, insert);
  }

  private static byte[] replace(byte[] b, int start, int end, byte[] with) {
    byte[] out = new byte[b.length - (end - start) + with.length];
    System.arraycopy(b, 0, out, 0, start);
    System.arraycopy(with, 0, out, start, with.length);
    System.arraycopy(b, end, out, start + with.length, b.length - end);
    return out;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
