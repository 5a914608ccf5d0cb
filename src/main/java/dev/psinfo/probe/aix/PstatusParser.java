package dev.psinfo.probe.aix;

import java.nio.ByteBuffer;

/**
 * The fields of AIX {@code pstatus_t} ({@link PstatusLayout}) as {@link Pstatus}: read through
 * {@link AixRecord#STATUS}, which checks the size, reads big-endian and reports a rejected value as
 * a corrupt record. Pure: no I/O, no state; thread-safe.
 */
final class PstatusParser {
  private PstatusParser() {}

  /**
   * Decodes the structure at {@code base} of a big-endian buffer known to be long enough.
   *
   * @throws IllegalArgumentException naming the field that is out of range
   */
  static Pstatus decode(ByteBuffer b, int base) {
    return new Pstatus(
        b.getInt(base + PstatusLayout.PR_FLAG),
        b.getInt(base + PstatusLayout.PR_FLAGS),
        b.getInt(base + PstatusLayout.PR_NLWP),
        AixBytes.u8(b, base + PstatusLayout.PR_STAT),
        AixBytes.u8(b, base + PstatusLayout.PR_DMODEL),
        AixBytes.u64(b, base + PstatusLayout.PR_PID, "pr_pid"),
        AixBytes.u64(b, base + PstatusLayout.PR_PPID, "pr_ppid"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_UTIME, "pr_utime"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_STIME, "pr_stime"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_CUTIME, "pr_cutime"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_CSTIME, "pr_cstime"));
  }
}
