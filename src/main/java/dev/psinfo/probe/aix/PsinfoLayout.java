package dev.psinfo.probe.aix;

/**
 * Byte layout of AIX {@code psinfo_t}, the content of {@code /proc/<pid>/psinfo} (from {@code
 * <sys/procfs.h>}, AIX 7). Big-endian on every AIX machine; the same for 32- and 64-bit readers.
 * Offsets are from the start of the file; each {@code X_SIZE} is the width of field {@code X} in
 * bytes. The structure grows by appending, so a reader reads at least {@link #PSINFO_SIZE} bytes
 * and ignores the rest.
 */
public final class PsinfoLayout {
  /** {@code uint32_t pr_flag}: process flags ({@code p_flag}). */
  public static final int PR_FLAG = 0;

  public static final int PR_FLAG_SIZE = 4;

  /** {@code uint32_t pr_flag2}: more process flags. */
  public static final int PR_FLAG2 = 4;

  public static final int PR_FLAG2_SIZE = 4;

  /** {@code uint32_t pr_nlwp}: number of threads; 0 for a zombie. */
  public static final int PR_NLWP = 8;

  public static final int PR_NLWP_SIZE = 4;

  /** {@code uint32_t pr__pad1}: padding. */
  public static final int PAD1 = 12;

  public static final int PAD1_SIZE = 4;

  /** {@code uint64_t pr_uid}: real user id. */
  public static final int PR_UID = 16;

  public static final int PR_UID_SIZE = 8;

  /** {@code uint64_t pr_euid}: effective user id. */
  public static final int PR_EUID = 24;

  public static final int PR_EUID_SIZE = 8;

  /** {@code uint64_t pr_gid}: real group id. */
  public static final int PR_GID = 32;

  public static final int PR_GID_SIZE = 8;

  /** {@code uint64_t pr_egid}: effective group id. */
  public static final int PR_EGID = 40;

  public static final int PR_EGID_SIZE = 8;

  /** {@code uint64_t pr_pid}: process id; equals the directory name. */
  public static final int PR_PID = 48;

  public static final int PR_PID_SIZE = 8;

  /** {@code uint64_t pr_ppid}: parent process id (0 for init and swapper). */
  public static final int PR_PPID = 56;

  public static final int PR_PPID_SIZE = 8;

  /** {@code uint64_t pr_pgid}: process group id. */
  public static final int PR_PGID = 64;

  public static final int PR_PGID_SIZE = 8;

  /** {@code uint64_t pr_sid}: session id. */
  public static final int PR_SID = 72;

  public static final int PR_SID_SIZE = 8;

  /** {@code dev64_t pr_ttydev}: controlling tty; 0 in the samples for "no tty". */
  public static final int PR_TTYDEV = 80;

  public static final int PR_TTYDEV_SIZE = 8;

  /** {@code prptr64_t pr_addr}: kernel address of the process, opaque. */
  public static final int PR_ADDR = 88;

  public static final int PR_ADDR_SIZE = 8;

  /** {@code uint64_t pr_size}: image size in kilobytes (VSZ; ×1024 for bytes). */
  public static final int PR_SIZE = 96;

  public static final int PR_SIZE_SIZE = 8;

  /** {@code uint64_t pr_rssize}: resident set size in kilobytes (RSS; ×1024, not pages). */
  public static final int PR_RSSIZE = 104;

  public static final int PR_RSSIZE_SIZE = 8;

  /** {@code pr_timestruc64_t pr_start}: start time since the epoch ({@link TimestrucLayout}). */
  public static final int PR_START = 112;

  public static final int PR_START_SIZE = TimestrucLayout.TIMESTRUC_SIZE;

  /** {@code pr_timestruc64_t pr_time}: CPU time, user + system combined. */
  public static final int PR_TIME = 128;

  public static final int PR_TIME_SIZE = TimestrucLayout.TIMESTRUC_SIZE;

  /** {@code cid_t pr_cid} (uint16): WPAR id on AIX 7; padding on AIX 5.3. */
  public static final int PR_CID = 144;

  public static final int PR_CID_SIZE = 2;

  /** {@code ushort_t pr__pad1a}: padding. */
  public static final int PAD2 = 146;

  public static final int PAD2_SIZE = 2;

  /** {@code uint32_t pr_argc}: initial argument count. */
  public static final int PR_ARGC = 148;

  public static final int PR_ARGC_SIZE = 4;

  /** {@code prptr64_t pr_argv}: address, in the target, of the argv pointer. */
  public static final int PR_ARGV = 152;

  public static final int PR_ARGV_SIZE = 8;

  /** {@code prptr64_t pr_envp}: address, in the target, of the envp pointer. */
  public static final int PR_ENVP = 160;

  public static final int PR_ENVP_SIZE = 8;

  /**
   * {@code char pr_fname[PRFNSZ]}: last component of the exec'd path; NUL-terminated unless all 16
   * bytes are used.
   */
  public static final int PR_FNAME = 168;

  public static final int PR_FNAME_SIZE = 16;

  /**
   * {@code char pr_psargs[PRARGSZ]}: the first {@link #PR_PSARGS_MAX_CHARS} characters of the
   * space-joined argument list, NUL-terminated; may hold binary junk for kernel processes.
   */
  public static final int PR_PSARGS = 184;

  public static final int PR_PSARGS_SIZE = 80;

  /** The most argument characters AIX keeps in {@code pr_psargs} (one byte stays for the NUL). */
  public static final int PR_PSARGS_MAX_CHARS = 79;

  /** {@code uint64_t pr__pad[8]}: reserved. */
  public static final int PAD3 = 264;

  public static final int PAD3_SIZE = 64;

  /** {@code lwpsinfo_t pr_lwp}: the representative thread ({@link LwpsinfoLayout}). */
  public static final int PR_LWP = 328;

  public static final int PR_LWP_SIZE = LwpsinfoLayout.LWPSINFO_SIZE;

  /** {@code sizeof(psinfo_t)}: the fewest bytes a valid psinfo file has. */
  public static final int PSINFO_SIZE = 448;

  private PsinfoLayout() {}
}
