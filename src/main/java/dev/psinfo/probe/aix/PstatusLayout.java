package dev.psinfo.probe.aix;

/**
 * Byte layout of AIX {@code pstatus_t}, the content of {@code /proc/<pid>/status} (from {@code
 * <sys/procfs.h>}, AIX 7), readable only by the owner and root. Big-endian. Offsets are from the
 * start of the file; each {@code X_SIZE} is the width of field {@code X} in bytes. Only the fields
 * this project reads are listed; the bytes between them are other fields.
 */
public final class PstatusLayout {
  /** {@code uint32_t pr_flag}: process flags, as in psinfo. */
  public static final int PR_FLAG = 0;

  public static final int PR_FLAG_SIZE = 4;

  /** {@code uint32_t pr_flags}: /proc flags; {@link #PR_ISSYS} marks a system process. */
  public static final int PR_FLAGS = 8;

  public static final int PR_FLAGS_SIZE = 4;

  /** {@code uint32_t pr_nlwp}: number of threads. */
  public static final int PR_NLWP = 12;

  public static final int PR_NLWP_SIZE = 4;

  /** {@code char pr_stat}: process state, {@code STAT_*}. */
  public static final int PR_STAT = 16;

  public static final int PR_STAT_SIZE = 1;

  /** {@code char pr_dmodel}: data model, {@link #DMODEL_32} or {@link #DMODEL_64}. */
  public static final int PR_DMODEL = 17;

  public static final int PR_DMODEL_SIZE = 1;

  /** {@code uint64_t pr_pid}: process id. */
  public static final int PR_PID = 88;

  public static final int PR_PID_SIZE = 8;

  /** {@code uint64_t pr_ppid}: parent process id. */
  public static final int PR_PPID = 96;

  public static final int PR_PPID_SIZE = 8;

  /** {@code pr_timestruc64_t pr_utime}: user CPU time ({@link TimestrucLayout}). */
  public static final int PR_UTIME = 120;

  public static final int PR_UTIME_SIZE = TimestrucLayout.TIMESTRUC_SIZE;

  /** {@code pr_timestruc64_t pr_stime}: system CPU time. */
  public static final int PR_STIME = 136;

  public static final int PR_STIME_SIZE = TimestrucLayout.TIMESTRUC_SIZE;

  /** {@code pr_timestruc64_t pr_cutime}: user CPU time of reaped children. */
  public static final int PR_CUTIME = 152;

  public static final int PR_CUTIME_SIZE = TimestrucLayout.TIMESTRUC_SIZE;

  /** {@code pr_timestruc64_t pr_cstime}: system CPU time of reaped children. */
  public static final int PR_CSTIME = 168;

  public static final int PR_CSTIME_SIZE = TimestrucLayout.TIMESTRUC_SIZE;

  /** {@code lwpstatus_t pr_lwp}: status of the representative thread (not decoded). */
  public static final int PR_LWP = 320;

  public static final int PR_LWP_SIZE = 1200;

  /** {@code sizeof(pstatus_t)}: the fewest bytes a valid status file has. */
  public static final int PSTATUS_SIZE = 1520;

  /** {@code pr_flags} bit: a system (kernel) process. */
  public static final int PR_ISSYS = 0x10;

  /** {@code pr_stat}: idle (being created). */
  public static final int STAT_IDLE = 4;

  /** {@code pr_stat}: zombie. */
  public static final int STAT_ZOMBIE = 5;

  /** {@code pr_stat}: stopped. */
  public static final int STAT_STOPPED = 6;

  /** {@code pr_stat}: active ({@code SACTIVE}). */
  public static final int STAT_ACTIVE = 7;

  /** {@code pr_stat}: swapped. */
  public static final int STAT_SWAPPED = 8;

  /** {@code pr_dmodel}: a 32-bit process. */
  public static final int DMODEL_32 = 0;

  /** {@code pr_dmodel}: a 64-bit process (Solaris uses 2 for this). */
  public static final int DMODEL_64 = 1;

  private PstatusLayout() {}
}
