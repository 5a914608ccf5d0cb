package dev.psinfo.io;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The one way the agent and the command line read a file (a test, {@code FileReadSitesTest}, fails
 * the build when code outside this package opens one): every open is checked by a {@link FileRule}
 * first, so no FIFO blocks and no device or link is followed where the rule forbids it, and every
 * read is bounded in bytes. The streams are {@link FileInputStream} and {@link RandomAccessFile},
 * which a thread interrupt does not close: a scan that a stopping thread runs finishes whole.
 * Stateless and thread-safe; {@link BoundedReader} is the reusable form for scans.
 */
public final class BoundedFiles {
  private BoundedFiles() {}

  /**
   * The whole file, at most {@code maxBytes}.
   *
   * @throws FileTooLargeException when it is longer (nothing is returned: a cut passwd or config
   *     file would be wrong, not short)
   * @throws NoSuchFileException when it does not exist
   * @throws AccessDeniedException when it may not be opened
   * @throws java.nio.file.FileSystemException when {@code rule} refuses it
   */
  public static byte[] readAll(Path file, FileRule rule, int maxBytes) throws IOException {
    byte[] b = readUpTo(file, rule, maxBytes + 1L);
    if (b.length > maxBytes) {
      throw new FileTooLargeException(file.toString(), maxBytes);
    }
    return b;
  }

  /** {@link #readAll} as ISO-8859-1 text (one char per byte: what {@code /proc} writes). */
  public static String readLatin1(Path file, FileRule rule, int maxBytes) throws IOException {
    return new String(readAll(file, rule, maxBytes), StandardCharsets.ISO_8859_1);
  }

  /**
   * The file's first {@code maxBytes} bytes (all of it when shorter): for copies that may be cut.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws AccessDeniedException when it may not be opened
   * @throws java.nio.file.FileSystemException when {@code rule} refuses it
   */
  public static byte[] readPrefix(Path file, FileRule rule, int maxBytes) throws IOException {
    return readUpTo(file, rule, maxBytes);
  }

  private static byte[] readUpTo(Path file, FileRule rule, long limit) throws IOException {
    requireNonNull(rule, "rule is null").check(file);
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      byte[] b = new byte[(int) Math.min(limit, 8192)];
      int n = 0;
      while (n < limit) {
        if (n == b.length) {
          b = Arrays.copyOf(b, (int) Math.min(limit, 2L * b.length));
        }
        int r = in.read(b, n, b.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n == b.length ? b : Arrays.copyOf(b, n);
    } catch (FileNotFoundException e) {
      throw whyNotOpened(file, e);
    }
  }

  /** The most of a jar read to find its manifest. */
  public static final int MAX_JAR_PREFIX_BYTES = 1024 * 1024;

  /** The largest manifest read (after inflating). */
  public static final int MAX_MANIFEST_BYTES = 64 * 1024;

  /**
   * The manifest of a jar, when it is among the entries in the jar's first {@link
   * #MAX_JAR_PREFIX_BYTES} (as the {@code jar} tool, Maven and Gradle write it: first or second)
   * and at most {@link #MAX_MANIFEST_BYTES} once inflated; null otherwise. Reads only that prefix
   * (never the central directory, whose size the file's author chooses), so a hostile or huge jar
   * costs at most that.
   *
   * @throws IOException when the file cannot be opened, or {@code rule} refuses it
   */
  public static Manifest jarManifest(Path jar, FileRule rule) throws IOException {
    byte[] prefix = readPrefix(jar, rule, MAX_JAR_PREFIX_BYTES);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(prefix))) {
      for (int i = 0; i < 8; i++) {
        ZipEntry e = zip.getNextEntry();
        if (e == null) {
          return null;
        }
        if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
          byte[] m = zip.readNBytes(MAX_MANIFEST_BYTES + 1);
          return m.length > MAX_MANIFEST_BYTES ? null : new Manifest(new ByteArrayInputStream(m));
        }
      }
      return null;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return null; // not a jar, or cut at the prefix's end
    }
  }

  /**
   * A channel over {@code file} for reads into a buffer the caller sized (a fixed-size record such
   * as AIX {@code psinfo}): bounded by that buffer. Not closed by thread interrupts.
   */
  public static ReadableByteChannel openChannel(Path file, FileRule rule) throws IOException {
    requireNonNull(rule, "rule is null").check(file);
    FileInputStream in;
    try {
      in = new FileInputStream(file.toFile());
    } catch (FileNotFoundException e) {
      throw whyNotOpened(file, e);
    }
    return new StreamChannel(in);
  }

  /**
   * {@code file} for reads at positions (AIX {@code /proc/<pid>/as}, where the offset is an
   * address): each read is bounded by the caller's array. Not closed by thread interrupts.
   */
  public static PositionalFile openPositional(Path file, FileRule rule) throws IOException {
    requireNonNull(rule, "rule is null").check(file);
    try {
      return new PositionalFile(new RandomAccessFile(file.toFile(), "r"));
    } catch (FileNotFoundException e) {
      throw whyNotOpened(file, e);
    }
  }

  /** A file read at positions; see {@link #openPositional}. Not thread-safe. */
  public static final class PositionalFile implements Closeable {
    private final RandomAccessFile file;

    private PositionalFile(RandomAccessFile file) {
      this.file = file;
    }

    /**
     * Reads up to {@code length} bytes at {@code position}.
     *
     * @return the bytes read, possibly fewer; -1 at or past the end
     */
    public int read(long position, byte[] into, int offset, int length) throws IOException {
      file.seek(position);
      return file.read(into, offset, length);
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  /** A {@link FileInputStream} as a channel that interrupts do not close. */
  private static final class StreamChannel implements ReadableByteChannel {
    private final FileInputStream in;
    private boolean open = true;

    StreamChannel(FileInputStream in) {
      this.in = in;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (!open) {
        throw new ClosedChannelException();
      }
      int want = dst.remaining();
      if (want == 0) {
        return 0;
      }
      int n;
      if (dst.hasArray()) {
        n = in.read(dst.array(), dst.arrayOffset() + dst.position(), want);
        if (n > 0) {
          dst.position(dst.position() + n);
        }
      } else {
        byte[] b = new byte[Math.min(want, 8192)];
        n = in.read(b, 0, b.length);
        if (n > 0) {
          dst.put(b, 0, n);
        }
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() throws IOException {
      open = false;
      in.close();
    }
  }

  /**
   * What a failed open means. {@link FileInputStream} says "not found" for ENOENT, EACCES and EPERM
   * alike; a look at the file tells them apart (error path only): it exists → denied; it does not →
   * gone; the kernel will not even look (EPERM from {@code hidepid=1} on another user's pid
   * directory, which is listed and whose directory exists) → denied, not gone.
   */
  static IOException whyNotOpened(Path file, FileNotFoundException e) {
    String name = file.toString();
    try {
      Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new AccessDeniedException(name, null, e.getMessage());
    } catch (NoSuchFileException gone) {
      return new NoSuchFileException(name);
    } catch (AccessDeniedException denied) {
      return denied;
    } catch (IOException other) {
      Path parent = file.getParent();
      if (parent != null && Files.isDirectory(parent)) {
        return new AccessDeniedException(name, null, other.getMessage());
      }
      return new NoSuchFileException(name, null, other.getMessage());
    }
  }
}
