package dev.psinfo.probe.aix;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The bytes of an argument list laid out in a process's address space as AIX does: at {@code
 * argvAddress} a pointer to the argv array, the array of pointers (4 or 8 bytes, big-endian), then
 * the NUL-terminated strings one after the other. Serves them as a sparse {@link AddressSpace}
 * mapped in 4 KB pages (a page no region touches is unmapped: reading there gives end of file, or
 * an I/O error when asked), or writes them into a sparse {@code as} file ({@link
 * FakeAixProc#writeAddressSpace}).
 */
public final class ArgvImage {
  /** {@code pr_argv} of a 32-bit process in these images ({@link PsinfoBytes}' default). */
  public static final long ARGV_32 = 0x2ff22f80L;

  /** Where the argv array of a 32-bit process starts in these images. */
  public static final long ARRAY_32 = 0x2ff22fa0L;

  private static final long PAGE = 4096;
  private final NavigableMap<Long, byte[]> regions = new TreeMap<>();
  private boolean unmappedIsIoError;

  /**
   * @param argvAddress {@code pr_argv}: where the pointer to the argv array is stored
   * @param arrayAddress where the argv array starts
   * @param stringsAddress where the first string starts
   * @param pointerSize 4 (32-bit process) or 8 (64-bit)
   * @param args the arguments
   */
  public static ArgvImage of(
      long argvAddress,
      long arrayAddress,
      long stringsAddress,
      int pointerSize,
      List<String> args) {
    ArgvImage image = new ArgvImage();
    image.put(argvAddress, pointer(arrayAddress, pointerSize));
    ByteBuffer array = ByteBuffer.allocate(args.size() * pointerSize).order(ByteOrder.BIG_ENDIAN);
    ByteBuffer strings = ByteBuffer.allocate(args.stream().mapToInt(a -> a.length() * 4 + 1).sum());
    for (String a : args) {
      long at = stringsAddress + strings.position();
      array.put(pointer(at, pointerSize));
      strings.put(a.getBytes(UTF_8)).put((byte) 0);
    }
    image.put(arrayAddress, array.array());
    byte[] s = new byte[strings.position()];
    strings.flip().get(s);
    image.put(stringsAddress, s);
    return image;
  }

  /**
   * The argv of a 32-bit process ({@link #ARGV_32}): {@code /bin/x} and one argument of any bytes
   * (invalid UTF-8 included), the strings at {@code 0x2ff30000}.
   */
  public static ArgvImage withArgument(byte[] arg) {
    long strings = 0x2ff30000L;
    byte[] prog = "/bin/x\0".getBytes(UTF_8);
    byte[] array = new byte[8];
    System.arraycopy(pointer(strings, 4), 0, array, 0, 4);
    System.arraycopy(pointer(strings + prog.length, 4), 0, array, 4, 4);
    byte[] text = Arrays.copyOf(prog, prog.length + arg.length + 1);
    System.arraycopy(arg, 0, text, prog.length, arg.length);
    return new ArgvImage()
        .put(ARGV_32, pointer(ARRAY_32, 4))
        .put(ARRAY_32, array)
        .put(strings, text);
  }

  /**
   * The argv of a 32-bit process ({@link #ARGV_32}) whose {@code argc} pointers all lead to one
   * 10-byte string, {@code /bin/prog}, that straddles a page boundary (5 bytes on each page).
   */
  public static ArgvImage oneStraddlingString(int argc) {
    long at = 0x2ff40000L + PAGE - 5;
    byte[] array = new byte[argc * 4];
    for (int i = 0; i < argc; i++) {
      System.arraycopy(pointer(at, 4), 0, array, i * 4, 4);
    }
    return new ArgvImage()
        .put(ARGV_32, pointer(ARRAY_32, 4))
        .put(ARRAY_32, array)
        .put(at, "/bin/prog\0".getBytes(UTF_8));
  }

  /** {@code value} as a big-endian pointer of {@code size} bytes. */
  public static byte[] pointer(long value, int size) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
    if (size == 8) {
      b.putLong(value);
    } else {
      b.putInt((int) value);
    }
    return b.array();
  }

  /** Maps {@code bytes} at {@code address} (replacing a region that starts there). */
  public ArgvImage put(long address, byte[] bytes) {
    regions.put(address, bytes.clone());
    return this;
  }

  /** Makes reads of unmapped addresses fail with an I/O error (as AIX may: EIO). */
  public ArgvImage unmappedIsIoError() {
    unmappedIsIoError = true;
    return this;
  }

  /** The mapped regions by start address (what {@link FakeAixProc#writeAddressSpace} writes). */
  public Map<Long, byte[]> regions() {
    return regions;
  }

  /** This image as an address space that counts its reads. */
  public Served serve() {
    return new Served();
  }

  /** An {@link AddressSpace} over the image. */
  public final class Served implements AddressSpace {
    int reads;
    boolean closed;

    @Override
    public int read(ByteBuffer dst, long address) throws IOException {
      reads++;
      // mapped like memory: a whole 4 KB page is there when any region touches it, zeros between
      long page = address & -PAGE;
      if (!mapped(page)) {
        if (unmappedIsIoError) {
          throw new IOException("A system call received a parameter that is not valid.");
        }
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), page + PAGE - address);
      for (int i = 0; i < n; i++) {
        dst.put(byteAt(address + i));
      }
      return n;
    }

    private boolean mapped(long page) {
      Map.Entry<Long, byte[]> e = regions.floorEntry(page + PAGE - 1);
      while (e != null && e.getKey() + e.getValue().length > page) {
        if (e.getValue().length > 0) {
          return true;
        }
        e = regions.lowerEntry(e.getKey());
      }
      return false;
    }

    private byte byteAt(long address) {
      Map.Entry<Long, byte[]> e = regions.floorEntry(address);
      return e != null && address - e.getKey() < e.getValue().length
          ? e.getValue()[(int) (address - e.getKey())]
          : 0;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
