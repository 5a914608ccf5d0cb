package dev.psinfo.probe.aix;

import dev.psinfo.probe.CorruptRecordException;
import java.nio.ByteBuffer;

/**
 * Decodes AIX {@code pstatus_t} ({@link PstatusLayout}) into {@link Pstatus}, big-endian whatever
 * the buffer's own byte order. Pure: no I/O, no state; thread-safe. The caller's buffer (position,
 * limit, order) is left unchanged.
 */
public final class PstatusParser {
  static final String WHAT = "status";

  private PstatusParser() {}

  /**
   * Decodes the record spanning {@code buf.position()} to {@code buf.limit()}; bytes past {@link
   * PstatusLayout#PSTATUS_SIZE} are ignored.
   *
   * @throws CorruptRecordException when fewer than 1520 bytes remain (never zero-filled), or a
   *     field is out of range (pid, ppid, thread count, a time with negative seconds or {@code
   *     tv_nsec} outside 0..999,999,999)
   */
  public static Pstatus parse(ByteBuffer buf) throws CorruptRecordException {
    return AixBytes.decode(buf, PstatusLayout.PSTATUS_SIZE, WHAT, PstatusParser::decode);
  }

  private static Pstatus decode(ByteBuffer b, int base) throws CorruptRecordException {
    return new Pstatus(
        b.getInt(base + PstatusLayout.PR_FLAG),
        b.getInt(base + PstatusLayout.PR_FLAGS),
        b.getInt(base + PstatusLayout.PR_NLWP),
        AixBytes.u8(b, base + PstatusLayout.PR_STAT),
        AixBytes.u8(b, base + PstatusLayout.PR_DMODEL),
        AixBytes.u64(b, base + PstatusLayout.PR_PID, WHAT, "pr_pid"),
        AixBytes.u64(b, base + PstatusLayout.PR_PPID, WHAT, "pr_ppid"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_UTIME, WHAT, "pr_utime"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_STIME, WHAT, "pr_stime"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_CUTIME, WHAT, "pr_cutime"),
        AixBytes.timestrucNanos(b, base + PstatusLayout.PR_CSTIME, WHAT, "pr_cstime"));
  }
}
