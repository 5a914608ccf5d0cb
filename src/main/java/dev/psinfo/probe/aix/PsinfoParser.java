package dev.psinfo.probe.aix;

import java.nio.ByteBuffer;

/**
 * The fields of AIX {@code psinfo_t} ({@link PsinfoLayout}) as {@link Psinfo}: read through {@link
 * AixRecord#PSINFO}, which checks the size, reads big-endian and reports a rejected value as a
 * corrupt record. Pure: no I/O, no state; thread-safe.
 */
final class PsinfoParser {
  private PsinfoParser() {}

  /**
   * Decodes the structure at {@code base} of a big-endian buffer known to be long enough.
   *
   * @throws IllegalArgumentException naming the field that is out of range
   */
  static Psinfo decode(ByteBuffer b, int base) {
    Lwpsinfo lwp = LwpsinfoParser.decode(b, base + PsinfoLayout.PR_LWP);
    int psargs = base + PsinfoLayout.PR_PSARGS;
    int psargsLength = AixBytes.cStringLength(b, psargs, PsinfoLayout.PR_PSARGS_SIZE);
    return new Psinfo(
        b.getInt(base + PsinfoLayout.PR_FLAG),
        b.getInt(base + PsinfoLayout.PR_FLAG2),
        b.getInt(base + PsinfoLayout.PR_NLWP),
        AixBytes.u64(b, base + PsinfoLayout.PR_UID, "pr_uid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_EUID, "pr_euid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_GID, "pr_gid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_EGID, "pr_egid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_PID, "pr_pid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_PPID, "pr_ppid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_PGID, "pr_pgid"),
        AixBytes.u64(b, base + PsinfoLayout.PR_SID, "pr_sid"),
        b.getLong(base + PsinfoLayout.PR_TTYDEV),
        b.getLong(base + PsinfoLayout.PR_ADDR),
        AixBytes.kilobytesAsBytes(b, base + PsinfoLayout.PR_SIZE, "pr_size"),
        AixBytes.kilobytesAsBytes(b, base + PsinfoLayout.PR_RSSIZE, "pr_rssize"),
        AixBytes.timestrucMillis(b, base + PsinfoLayout.PR_START, "pr_start"),
        AixBytes.timestrucNanos(b, base + PsinfoLayout.PR_TIME, "pr_time"),
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
