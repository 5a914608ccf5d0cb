package dev.psinfo.probe.aix;

/**
 * Byte layout of AIX {@code pr_timestruc64_t} (from {@code <sys/procfs.h>}), 16 bytes, big-endian,
 * embedded in {@code psinfo_t} and {@code pstatus_t}. Offsets are relative to the start of the
 * structure.
 */
public final class TimestrucLayout {
  /** {@code int64_t tv_sec}: whole seconds (signed; negative is corrupt). */
  public static final int TV_SEC = 0;

  /** Size of {@code tv_sec}. */
  public static final int TV_SEC_SIZE = 8;

  /** {@code int32_t tv_nsec}: nanoseconds, 0 to 999,999,999. */
  public static final int TV_NSEC = 8;

  /** Size of {@code tv_nsec}. */
  public static final int TV_NSEC_SIZE = 4;

  /** {@code uint32_t __pad}: padding. */
  public static final int PAD = 12;

  /** Size of the padding. */
  public static final int PAD_SIZE = 4;

  /** {@code sizeof(pr_timestruc64_t)}. */
  public static final int TIMESTRUC_SIZE = 16;

  /** Largest valid {@code tv_nsec}. */
  public static final int MAX_NSEC = 999_999_999;

  private TimestrucLayout() {}
}
