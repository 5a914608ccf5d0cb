package dev.psinfo.probe.aix;

import dev.psinfo.probe.CorruptRecordException;
import java.nio.ByteBuffer;

/**
 * Decodes AIX {@code psinfo_t} ({@link PsinfoLayout}) into {@link Psinfo}, big-endian whatever the
 * buffer's own byte order. Pure: no I/O, no state; thread-safe. The caller's buffer (position,
 * limit, order) is left unchanged.
 */
public final class PsinfoParser {
  static final String WHAT = "psinfo";

  private PsinfoParser() {}

  /**
   * Decodes the record spanning {@code buf.position()} to {@code buf.limit()}; bytes past {@link
   * PsinfoLayout#PSINFO_SIZE} are ignored (the structure grows by appending).
   *
   * @throws CorruptRecordException when fewer than 448 bytes remain (never zero-filled), or a field
   *     is out of range: a negative or too large pid, ppid, pgid or sid; a uid or gid beyond 32
   *     bits; a size whose bytes overflow; a time with negative seconds or {@code tv_nsec} outside
   *     0..999,999,999
   */
  public static Psinfo parse(ByteBuffer buf) throws CorruptRecordException {
    return AixBytes.decode(buf, PsinfoLayout.PSINFO_SIZE, WHAT, PsinfoParser::decode);
  }

  private static Psinfo decode(ByteBuffer b, int base) throws CorruptRecordException {
    Lwpsinfo lwp = LwpsinfoParser.decode(b, base + PsinfoLayout.PR_LWP, WHAT);
    int psargs = base + PsinfoLayout.PR_PSARGS;
    int psargsLength = AixBytes.cStringLength(b, psargs, PsinfoLayout.PR_PSARGS_SIZE);
    return new Psinfo(
        b.getInt(base + PsinfoLayout.PR_FLAG),
        b.getInt(base + PsinfoLayout.PR_FLAG2),
        b.getInt(base + PsinfoLayout.PR_NLWP),
        AixBytes.u64(b, base + PsinfoLayout.PR_UID, WHAT, "pr_uid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_EUID, WHAT, "pr_euid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_GID, WHAT, "pr_gid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_EGID, WHAT, "pr_egid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_PID, WHAT, "pr_pid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_PPID, WHAT, "pr_ppid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_PGID, WHAT, "pr_pgid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_SID, WHAT, "pr_sid"),
        b.getLong(base + PsinfoLayout.PR_TTYDEV),
        b.getLong(base + PsinfoLayout.PR_ADDR),
        AixBytes.kilobytesAsBytes(b, base + PsinfoLayout.PR_SIZE, WHAT, "pr_size"),
        AixBytes.kilobytesAsBytes(b, base + PsinfoLayout.PR_RSSIZE, WHAT, "pr_rssize"),
        AixBytes.timestrucMillis(b, base + PsinfoLayout.PR_START, WHAT, "pr_start"),
        AixBytes.timestrucNanos(b, base + PsinfoLayout.PR_TIME, WHAT, "pr_time"),
        AixBytes.u16(b, base + PsinfoLayout.PR_CID),
        b.getInt(base + PsinfoLayout.PR_ARGC),
        b.getLong(base + PsinfoLayout.PR_ARGV),
        b.getLong(base + PsinfoLayout.PR_ENVP),
        AixBytes.cString(b, base + PsinfoLayout.PR_FNAME, PsinfoLayout.PR_FNAME_SIZE),
        AixBytes.utf8(b, psargs, psargsLength),
        !AixBytes.hasControlBytes(b, psargs, psargsLength),
        psargsLength >= PsinfoLayout.PR_PSARGS_MAX_CHARS,
        lwp);
  }
}
