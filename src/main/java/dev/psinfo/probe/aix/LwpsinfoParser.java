package dev.psinfo.probe.aix;

import java.nio.ByteBuffer;

/**
 * The fields of AIX {@code lwpsinfo_t} ({@link LwpsinfoLayout}) as {@link Lwpsinfo}: read through
 * {@link AixRecord#LWPSINFO} (a standalone {@code /proc/<pid>/lwp/<tid>/lwpsinfo}) or {@link
 * AixRecord#PSINFO_LWP} (the {@code pr_lwp} of a psinfo), which check the size, read big-endian and
 * report a rejected value as a corrupt record. Pure: no I/O, no state; thread-safe.
 */
final class LwpsinfoParser {
  private LwpsinfoParser() {}

  /**
   * Decodes the structure at {@code base} of a big-endian buffer known to be long enough.
   *
   * @throws IllegalArgumentException naming the field that is out of range
   */
  static Lwpsinfo decode(ByteBuffer b, int base) {
    return new Lwpsinfo(
        AixBytes.u64(b, base + LwpsinfoLayout.PR_LWPID, "pr_lwpid"),
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
