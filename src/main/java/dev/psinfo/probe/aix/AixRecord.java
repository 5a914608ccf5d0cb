package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CorruptRecordException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One fixed-size, big-endian AIX {@code /proc} record: the name it has in errors, the size its
 * layout needs, and the decoder of its fields. {@link #parse} is what reading every such record
 * shares; each record's decoder ({@link PsinfoParser}, {@link PstatusParser}, {@link
 * LwpsinfoParser}) only maps its layout's named offsets to the record's components. Immutable and
 * thread-safe.
 *
 * @param <T> the decoded record
 */
public final class AixRecord<T> {
  /**
   * {@code psinfo_t}, {@code /proc/<pid>/psinfo} ({@link PsinfoLayout}, 448 bytes) as {@link
   * Psinfo}. Rejected: a negative or too large pid, ppid, pgid or sid; a uid or gid beyond 32 bits;
   * a size whose bytes overflow; a time with negative seconds or {@code tv_nsec} outside
   * 0..999,999,999; what {@link Lwpsinfo} rejects in {@code pr_lwp}.
   */
  public static final AixRecord<Psinfo> PSINFO =
      new AixRecord<>("psinfo", PsinfoLayout.PSINFO_SIZE, PsinfoParser::decode);

  /**
   * {@code pstatus_t}, {@code /proc/<pid>/status} ({@link PstatusLayout}, 1520 bytes) as {@link
   * Pstatus}. Rejected: pid, ppid or thread count out of range, a time with negative seconds or
   * {@code tv_nsec} outside 0..999,999,999.
   */
  public static final AixRecord<Pstatus> STATUS =
      new AixRecord<>("status", PstatusLayout.PSTATUS_SIZE, PstatusParser::decode);

  /**
   * A standalone {@code lwpsinfo_t}, {@code /proc/<pid>/lwp/<tid>/lwpsinfo} ({@link
   * LwpsinfoLayout}, 120 bytes) as {@link Lwpsinfo}.
   */
  public static final AixRecord<Lwpsinfo> LWPSINFO =
      new AixRecord<>("lwpsinfo", LwpsinfoLayout.LWPSINFO_SIZE, LwpsinfoParser::decode);

  /**
   * The {@code pr_lwp} embedded in a {@code psinfo_t}: a whole psinfo record (448 bytes, named
   * {@code "psinfo"} in errors) of which only {@code pr_lwp} is decoded.
   */
  public static final AixRecord<Lwpsinfo> PSINFO_LWP =
      new AixRecord<>(
          "psinfo",
          PsinfoLayout.PSINFO_SIZE,
          (b, base) -> LwpsinfoParser.decode(b, base + PsinfoLayout.PR_LWP));

  /**
   * Decodes one structure at {@code base} of a big-endian buffer known to hold the record's size
   * from there, with absolute reads only.
   */
  @FunctionalInterface
  interface Decoder<T> {
    /**
     * @throws IllegalArgumentException naming the field, when a value is out of its range (a
     *     record's range check or one of {@link AixBytes}' checked reads)
     */
    T decode(ByteBuffer b, int base);
  }

  private final String what;
  private final int size;
  private final Decoder<T> decoder;

  private AixRecord(String what, int size, Decoder<T> decoder) {
    this.what = requireNonNull(what, "what is null");
    this.size = size;
    this.decoder = requireNonNull(decoder, "decoder is null");
  }

  /** The record's name in errors ({@link CorruptRecordException#what()}), e.g. {@code "psinfo"}. */
  public String what() {
    return what;
  }

  /** How many bytes the layout needs; more are allowed and ignored (the structures grow). */
  public int size() {
    return size;
  }

  /**
   * Decodes the record spanning {@code buf.position()} to {@code buf.limit()}, big-endian whatever
   * the buffer's own byte order; bytes past {@link #size()} are ignored. The caller's buffer
   * (position, limit, byte order) is left as it was. Pure: no I/O, no state.
   *
   * @throws CorruptRecordException when fewer than {@link #size()} bytes remain (never
   *     zero-filled), or a field is out of range (see each record's constant)
   */
  public T parse(ByteBuffer buf) throws CorruptRecordException {
    int length = buf.remaining();
    if (length < size) {
      throw new CorruptRecordException(
          what, length, length + " bytes, shorter than the " + size + " of the layout");
    }
    // absolute reads never move the position, so a big-endian buffer can be read in place
    ByteBuffer b =
        buf.order() == ByteOrder.BIG_ENDIAN ? buf : buf.duplicate().order(ByteOrder.BIG_ENDIAN);
    try {
      return decoder.decode(b, b.position());
    } catch (IllegalArgumentException e) {
      throw new CorruptRecordException(what, length, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return what + " (" + size + " bytes)";
  }
}
