package dev.psinfo.probe.aix;

import dev.psinfo.probe.CorruptRecordException;
import java.nio.ByteBuffer;

/**
 * Decodes AIX {@code lwpsinfo_t} ({@link LwpsinfoLayout}), big-endian whatever the buffer's own
 * byte order. Pure: no I/O, no state; thread-safe. The caller's buffer (position, limit, order) is
 * left unchanged.
 */
public final class LwpsinfoParser {
  static final String WHAT = "lwpsinfo";

  private LwpsinfoParser() {}

  /**
   * Decodes a standalone {@code /proc/<pid>/lwp/<tid>/lwpsinfo}: the record spans {@code
   * buf.position()} to {@code buf.limit()}; bytes past {@link LwpsinfoLayout#LWPSINFO_SIZE} are
   * ignored.
   *
   * @throws CorruptRecordException when fewer than 120 bytes remain or a field is out of range
   */
  public static Lwpsinfo parse(ByteBuffer buf) throws CorruptRecordException {
    return AixBytes.decode(
        buf, LwpsinfoLayout.LWPSINFO_SIZE, WHAT, (b, base) -> decode(b, base, WHAT));
  }

  /**
   * Decodes the {@code pr_lwp} embedded in a {@code psinfo_t} that spans {@code buf.position()} to
   * {@code buf.limit()}.
   *
   * @throws CorruptRecordException when fewer than {@link PsinfoLayout#PSINFO_SIZE} bytes remain or
   *     a field is out of range
   */
  public static Lwpsinfo parseEmbedded(ByteBuffer psinfo) throws CorruptRecordException {
    return AixBytes.decode(
        psinfo,
        PsinfoLayout.PSINFO_SIZE,
        PsinfoParser.WHAT,
        (b, base) -> decode(b, base + PsinfoLayout.PR_LWP, PsinfoParser.WHAT));
  }

  /**
   * Decodes the structure at {@code base} of a big-endian buffer known to be long enough; called
   * inside {@link AixBytes#decode}, which reports what the record rejects as corrupt {@code what}.
   */
  static Lwpsinfo decode(ByteBuffer b, int base, String what) throws CorruptRecordException {
    return new Lwpsinfo(
        AixBytes.u64(b, base + LwpsinfoLayout.PR_LWPID, what, "pr_lwpid"),
        b.getLong(base + LwpsinfoLayout.PR_ADDR),
        b.getLong(base + LwpsinfoLayout.PR_WCHAN),
        b.getInt(base + LwpsinfoLayout.PR_FLAG),
        AixBytes.u8(b, base + LwpsinfoLayout.PR_WTYPE),
        AixBytes.u8(b, base + LwpsinfoLayout.PR_STATE),
        (char) AixBytes.u8(b, base + LwpsinfoLayout.PR_SNAME),
        AixBytes.u8(b, base + LwpsinfoLayout.PR_NICE),
        b.getInt(base + LwpsinfoLayout.PR_PRI),
        b.getInt(base + LwpsinfoLayout.PR_POLICY),
        AixBytes.policyName(b, base + LwpsinfoLayout.PR_CLNAME, LwpsinfoLayout.PR_CLNAME_SIZE),
        b.getInt(base + LwpsinfoLayout.PR_ONPRO),
        b.getInt(base + LwpsinfoLayout.PR_BINDPRO),
        AixBytes.u32(b, base + LwpsinfoLayout.PR_PTID));
  }
}
