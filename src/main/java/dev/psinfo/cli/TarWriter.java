package dev.psinfo.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed POSIX ustar archive of regular files and directories (enough for GNU and
 * BSD tar). Names are ASCII paths with {@code /}; a name longer than 100 bytes is split into the
 * ustar prefix and name fields; longer than fits both is an {@link IOException}. Not thread-safe.
 */
final class TarWriter implements Closeable {
  private static final int BLOCK = 512;

  private final GZIPOutputStream out;
  private final long mtimeSeconds;

  /**
   * @param out receives the compressed archive; closed by {@link #close()}
   * @param mtimeSeconds the modification time every entry gets, seconds since the epoch
   */
  TarWriter(OutputStream out, long mtimeSeconds) throws IOException {
    this.out = new GZIPOutputStream(out, 64 * 1024);
    this.mtimeSeconds = mtimeSeconds;
  }

  /** Adds a directory entry ({@code name} without a trailing slash). */
  void directory(String name) throws IOException {
    out.write(header(name + "/", 0, '5', 0755));
  }

  /** Adds a regular file with {@code content}. */
  void file(String name, byte[] content) throws IOException {
    out.write(header(name, content.length, '0', 0644));
    out.write(content);
    int pad = (BLOCK - content.length % BLOCK) % BLOCK;
    out.write(new byte[pad]);
  }

  /** Writes the two zero blocks that end an archive, and closes the stream. */
  @Override
  public void close() throws IOException {
    try {
      out.write(new byte[2 * BLOCK]);
      out.finish();
    } finally {
      out.close();
    }
  }

  /** The 512-byte ustar header; package-private for tests. */
  byte[] header(String name, long size, char type, int mode) throws IOException {
    byte[] h = new byte[BLOCK];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length != name.length()) {
      throw new IOException("tar: not an ASCII name: " + name);
    }
    String prefix = "";
    String rest = name;
    if (n.length > 100) {
      int cut = name.lastIndexOf('/', Math.min(155, name.length() - 2));
      if (cut <= 0 || name.length() - cut - 1 > 100) {
        throw new IOException("tar: name too long for ustar: " + name);
      }
      prefix = name.substring(0, cut);
      rest = name.substring(cut + 1);
    }
    put(h, 0, 100, rest);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtimeSeconds);
    h[156] = (byte) type;
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    put(h, 265, 32, "root");
    put(h, 297, 32, "root");
    put(h, 345, 155, prefix);
    // checksum: computed with the checksum field as eight spaces
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    String c = String.format("%06o", sum);
    put(h, 148, 6, c);
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, int length, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length > length) {
      throw new IOException("tar: field too long: " + s);
    }
    System.arraycopy(b, 0, h, at, b.length);
  }

  /** A zero-padded octal number of {@code length - 1} digits and a NUL. */
  private static void octal(byte[] h, int at, int length, long value) throws IOException {
    String s = Long.toOctalString(value);
    if (s.length() > length - 1) {
      throw new IOException("tar: value too large: " + value);
    }
    put(h, at, length - 1, "0".repeat(length - 1 - s.length()) + s);
    h[at + length - 1] = 0;
  }
}
