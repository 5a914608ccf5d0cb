package dev.psinfo.probe.aix;

/**
 * Byte layout of AIX {@code lwpsinfo_t} (from {@code <sys/procfs.h>}, AIX 7): the whole of {@code
 * /proc/<pid>/lwp/<tid>/lwpsinfo}, and embedded in {@code psinfo_t} at {@link PsinfoLayout#PR_LWP}.
 * Big-endian. Offsets are relative to the start of the structure; each {@code X_SIZE} is the width
 * of field {@code X} in bytes.
 */
public final class LwpsinfoLayout {
  /** {@code uint64_t pr_lwpid}: thread id; 0 for a zombie. */
  public static final int PR_LWPID = 0;

  public static final int PR_LWPID_SIZE = 8;

  /** {@code prptr64_t pr_addr}: kernel address of the thread, opaque. */
  public static final int PR_ADDR = 8;

  public static final int PR_ADDR_SIZE = 8;

  /** {@code prptr64_t pr_wchan}: wait address. */
  public static final int PR_WCHAN = 16;

  public static final int PR_WCHAN_SIZE = 8;

  /** {@code uint32_t pr_flag}: thread flags. */
  public static final int PR_FLAG = 24;

  public static final int PR_FLAG_SIZE = 4;

  /**
   * {@code uchar_t pr_wtype}: wait type (0 none, 1 event, 2 lock, 3 timer, 4 cpu, 5 page-in, 6
   * page-out, ...).
   */
  public static final int PR_WTYPE = 28;

  public static final int PR_WTYPE_SIZE = 1;

  /** {@code char pr_state}: numeric state: 1 idle, 2 run, 3 sleep, 4 swap, 5 stop, 6 zombie. */
  public static final int PR_STATE = 29;

  public static final int PR_STATE_SIZE = 1;

  /**
   * {@code char pr_sname}: state letter: {@code I} idle, {@code R} runnable, {@code S} sleeping,
   * {@code O} swapped (not "on processor" as on Solaris), {@code T} stopped, {@code Z} zombie.
   */
  public static final int PR_SNAME = 30;

  public static final int PR_SNAME_SIZE = 1;

  /** {@code uchar_t pr_nice}: raw nice, unsigned; {@code ps} shows raw − 40. */
  public static final int PR_NICE = 31;

  public static final int PR_NICE_SIZE = 1;

  /** {@code int pr_pri}: priority (signed). */
  public static final int PR_PRI = 32;

  public static final int PR_PRI_SIZE = 4;

  /** {@code uint32_t pr_policy}: scheduling policy. */
  public static final int PR_POLICY = 36;

  public static final int PR_POLICY_SIZE = 4;

  /** {@code char pr_clname[PRCLSZ]}: policy name, e.g. {@code OTHER}, NUL-padded. */
  public static final int PR_CLNAME = 40;

  public static final int PR_CLNAME_SIZE = 8;

  /** {@code cpu_t pr_onpro} (int32): CPU the thread last ran on. */
  public static final int PR_ONPRO = 48;

  public static final int PR_ONPRO_SIZE = 4;

  /** {@code cpu_t pr_bindpro} (int32): CPU the thread is bound to; −1 = unbound. */
  public static final int PR_BINDPRO = 52;

  public static final int PR_BINDPRO_SIZE = 4;

  /** {@code uint32_t pr_ptid}: pthread id. */
  public static final int PR_PTID = 56;

  public static final int PR_PTID_SIZE = 4;

  /** {@code uint32_t pr__pad1} and {@code uint64_t pr__pad[7]}: reserved. */
  public static final int PAD = 60;

  public static final int PAD_SIZE = 60;

  /** {@code sizeof(lwpsinfo_t)}. */
  public static final int LWPSINFO_SIZE = 120;

  /** {@code pr_state} of a zombie thread. */
  public static final int STATE_ZOMBIE = 6;

  /** Offset of {@code ps}'s NI column from the raw {@code pr_nice}: NI = raw − 40. */
  public static final int PS_NICE_BIAS = 40;

  private LwpsinfoLayout() {}
}
