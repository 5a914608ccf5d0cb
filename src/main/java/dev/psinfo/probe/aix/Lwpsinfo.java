package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessState;

/**
 * A decoded AIX {@code lwpsinfo_t}: one thread's scheduling facts, raw as the kernel wrote them.
 * Immutable and thread-safe. For a zombie ({@link Psinfo#isZombie()}) every field except {@code
 * lwpid} is undefined.
 *
 * @param lwpid {@code pr_lwpid}, thread id; 0 for a zombie
 * @param addr {@code pr_addr}, kernel address, opaque (any 64-bit value)
 * @param wchan {@code pr_wchan}, wait address (any 64-bit value)
 * @param flag {@code pr_flag}, thread flag bits
 * @param waitType {@code pr_wtype}, 0 to 255 (0 none, 1 event, 2 lock, 3 timer, ...)
 * @param stateNumber {@code pr_state}, 0 to 255 (1 idle, 2 run, 3 sleep, 4 swap, 5 stop, 6 zombie)
 * @param stateLetter {@code pr_sname}, the byte as a character, {@code '\0'} when unset
 * @param niceRaw {@code pr_nice}, unsigned, 0 to 255; {@code ps} shows {@code niceRaw - 40}
 * @param priority {@code pr_pri}, signed
 * @param policy {@code pr_policy}, scheduling policy number
 * @param policyName {@code pr_clname}, e.g. {@code "OTHER"}; {@code ""} when unset
 * @param lastCpu {@code pr_onpro}, the CPU the thread last ran on
 * @param boundCpu {@code pr_bindpro}, the CPU it is bound to; -1 when unbound
 * @param pthreadId {@code pr_ptid}, unsigned 32-bit pthread id
 */
public record Lwpsinfo(
    long lwpid,
    long addr,
    long wchan,
    int flag,
    int waitType,
    int stateNumber,
    char stateLetter,
    int niceRaw,
    int priority,
    int policy,
    String policyName,
    int lastCpu,
    int boundCpu,
    long pthreadId) {

  public Lwpsinfo {
    Ranges.atLeast("lwpid", lwpid, 0);
    Ranges.within("waitType", waitType, 0, Ranges.MAX_U8);
    Ranges.within("stateNumber", stateNumber, 0, Ranges.MAX_U8);
    Ranges.within("stateLetter", stateLetter, 0, Ranges.MAX_U8);
    Ranges.within("niceRaw", niceRaw, 0, Ranges.MAX_U8);
    requireNonNull(policyName, "policyName is null");
    Ranges.within("pthreadId", pthreadId, 0, 0xffff_ffffL); // unsigned 32-bit
  }

  /** The nice value as AIX {@code ps} shows it (NI column): {@code niceRaw - 40}, 20 by default. */
  public int psNice() {
    return niceRaw - LwpsinfoLayout.PS_NICE_BIAS;
  }

  /**
   * The normalized state of {@link #stateLetter()}: {@code R} RUNNING, {@code S} SLEEPING, {@code
   * T} STOPPED, {@code Z} ZOMBIE, {@code I} IDLE, {@code O} SWAPPED (AIX, not Solaris), anything
   * else OTHER.
   */
  public ProcessState state() {
    return switch (stateLetter) {
      case 'R' -> ProcessState.RUNNING;
      case 'S' -> ProcessState.SLEEPING;
      case 'T' -> ProcessState.STOPPED;
      case 'Z' -> ProcessState.ZOMBIE;
      case 'I' -> ProcessState.IDLE;
      case 'O' -> ProcessState.SWAPPED;
      default -> ProcessState.OTHER;
    };
  }

  /** {@link #stateLetter()} as a one-character string; {@code ""} when the byte is 0. */
  public String stateCode() {
    return switch (stateLetter) {
      case '\0' -> "";
      case 'R' -> "R";
      case 'S' -> "S";
      case 'T' -> "T";
      case 'Z' -> "Z";
      case 'I' -> "I";
      case 'O' -> "O";
      default -> String.valueOf(stateLetter);
    };
  }
}
