package dev.psinfo.probe.aix;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.ARGS_TRUNCATED;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.EGID;
import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.GID;
import static dev.psinfo.probe.ProcessField.JAVA_MAIN;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.NICE;
import static dev.psinfo.probe.ProcessField.PGID;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.PRIORITY;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.SID;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.STATE;
import static dev.psinfo.probe.ProcessField.STATE_CODE;
import static dev.psinfo.probe.ProcessField.SYSTEM_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.UID;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.probe.ProcessField.USER_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.VSZ_BYTES;
import static dev.psinfo.probe.ProcessField.WPAR;
import static dev.psinfo.probe.ProcessField.WPAR_ID;
import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.JavaMain;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessState;
import java.util.List;

/**
 * A decoded AIX {@code psinfo_t} ({@code /proc/<pid>/psinfo}): the raw fields in Java units.
 * Immutable and thread-safe. {@link #toProcessInfo} turns it into the platform-neutral row.
 *
 * @param flag {@code pr_flag}, process flag bits
 * @param flag2 {@code pr_flag2}, more process flag bits
 * @param threadCount {@code pr_nlwp}, number of threads; 0 for a zombie
 * @param uid {@code pr_uid}, real user id, unsigned 32-bit (4294967294 stays 4294967294)
 * @param euid {@code pr_euid}, effective user id, unsigned 32-bit
 * @param gid {@code pr_gid}, real group id, unsigned 32-bit
 * @param egid {@code pr_egid}, effective group id, unsigned 32-bit
 * @param pid {@code pr_pid}, 0 to {@link #MAX_PID}
 * @param ppid {@code pr_ppid}, 0 to {@link #MAX_PID} (0 for init and swapper)
 * @param pgid {@code pr_pgid}, 0 to {@link #MAX_PID}
 * @param sid {@code pr_sid}, 0 to {@link #MAX_PID}
 * @param ttyDevice {@code pr_ttydev}, the controlling tty's device number (any 64-bit value)
 * @param addr {@code pr_addr}, kernel address, opaque (any 64-bit value)
 * @param vszBytes {@code pr_size} × 1024: image size in bytes
 * @param rssBytes {@code pr_rssize} × 1024: resident set in bytes
 * @param startTimeMillis {@code pr_start}: milliseconds since the epoch ({@code sec * 1000 + nsec /
 *     1_000_000})
 * @param cpuTimeNanos {@code pr_time}: user + system CPU time in nanoseconds (exact)
 * @param wparId {@code pr_cid}, WPAR id, 0 to 65535 (0 = the global environment)
 * @param argc {@code pr_argc}, initial argument count, &gt;= 0
 * @param argvAddr {@code pr_argv}, address in the target of the argv pointer (any 64-bit value)
 * @param envpAddr {@code pr_envp}, address in the target of the envp pointer (any 64-bit value)
 * @param fname {@code pr_fname} up to its first NUL, or all 16 bytes; UTF-8, malformed bytes
 *     replaced by U+FFFD
 * @param psargs {@code pr_psargs} up to its first NUL (or all 80 bytes), decoded the same way; raw,
 *     may hold control characters (see {@link #args()} for what {@code ps} shows)
 * @param psargsPrintable true when {@code psargs} holds no control character (below 0x20) or DEL
 * @param psargsTruncated true when the argument bytes reach {@link
 *     PsinfoLayout#PR_PSARGS_MAX_CHARS} (79) or fill all 80 bytes with no NUL: AIX keeps at most 79
 *     characters, so an argument list of exactly 79 characters also counts as (possibly) truncated
 * @param lwp {@code pr_lwp}, the representative thread; undefined except {@code lwpid} when {@link
 *     #isZombie()}
 */
public record Psinfo(
    int flag,
    int flag2,
    int threadCount,
    long uid,
    long euid,
    long gid,
    long egid,
    long pid,
    long ppid,
    long pgid,
    long sid,
    long ttyDevice,
    long addr,
    long vszBytes,
    long rssBytes,
    long startTimeMillis,
    long cpuTimeNanos,
    int wparId,
    int argc,
    long argvAddr,
    long envpAddr,
    String fname,
    String psargs,
    boolean psargsPrintable,
    boolean psargsTruncated,
    Lwpsinfo lwp) {

  /** The largest process, group or session id accepted; larger values mean a corrupt record. */
  public static final long MAX_PID = Integer.MAX_VALUE;

  /** The name AIX gives the global environment (WPAR id 0), as {@code ps -@} shows it. */
  public static final String GLOBAL_WPAR = "Global";

  /** The largest user or group id (they are unsigned 32-bit values on AIX). */
  public static final long MAX_ID = 0xffff_ffffL;

  public Psinfo {
    Ranges.atLeast("threadCount", threadCount, 0);
    Ranges.within("uid", uid, 0, MAX_ID);
    Ranges.within("euid", euid, 0, MAX_ID);
    Ranges.within("gid", gid, 0, MAX_ID);
    Ranges.within("egid", egid, 0, MAX_ID);
    Ranges.within("pid", pid, 0, MAX_PID);
    Ranges.within("ppid", ppid, 0, MAX_PID);
    Ranges.within("pgid", pgid, 0, MAX_PID);
    Ranges.within("sid", sid, 0, MAX_PID);
    if (vszBytes < 0 || rssBytes < 0) {
      throw new IllegalArgumentException(
          "sizes must be >= 0: vsz " + vszBytes + ", rss " + rssBytes);
    }
    if (startTimeMillis < 0 || cpuTimeNanos < 0) {
      throw new IllegalArgumentException(
          "times must be >= 0: start " + startTimeMillis + " ms, cpu " + cpuTimeNanos + " ns");
    }
    Ranges.within("wparId", wparId, 0, 0xffff);
    Ranges.atLeast("argc", argc, 0);
    requireNonNull(fname, "fname is null");
    requireNonNull(psargs, "psargs is null");
    requireNonNull(lwp, "lwp is null");
  }

  /** True for a zombie: {@code pr_nlwp == 0 && pr_lwp.pr_lwpid == 0}. */
  public boolean isZombie() {
    return threadCount == 0 && lwp.lwpid() == 0;
  }

  /** {@code pr_time} in milliseconds: {@code sec * 1000 + nsec / 1_000_000}. */
  public long cpuTimeMillis() {
    return cpuTimeNanos / 1_000_000L;
  }

  /** The normalized state: ZOMBIE for a zombie, else from {@code pr_lwp.pr_sname}. */
  public ProcessState state() {
    return isZombie() ? ProcessState.ZOMBIE : lwp.state();
  }

  /** The state letter: {@code "Z"} for a zombie, else {@code pr_lwp.pr_sname}. */
  public String stateCode() {
    return isZombie() ? "Z" : lwp.stateCode();
  }

  /**
   * {@code pr_lwp.pr_pri}, or {@link ProcessInfo#UNAVAILABLE_SIGNED} for a zombie (whose thread
   * fields are undefined).
   */
  public int priority() {
    return isZombie() ? ProcessInfo.UNAVAILABLE_SIGNED : lwp.priority();
  }

  /**
   * The nice value as {@code ps} shows it ({@code pr_nice - 40}), or {@link
   * ProcessInfo#UNAVAILABLE_SIGNED} for a zombie.
   */
  public int psNice() {
    return isZombie() ? ProcessInfo.UNAVAILABLE_SIGNED : lwp.psNice();
  }

  /** True when {@link #args()} shows {@code psargs} rather than {@code [fname]}. */
  private boolean showsPsargs() {
    return psargsPrintable && !psargs.isEmpty();
  }

  /**
   * The arguments as AIX {@code ps} shows them: {@code psargs}, or {@code [fname]} when {@code
   * psargs} is empty or holds control characters (kernel processes, daemons whose argv is junk);
   * {@code ""} when both are empty.
   */
  public String args() {
    if (showsPsargs()) {
      return psargs;
    }
    return fname.isEmpty() ? "" : "[" + fname + "]";
  }

  /** True when {@link #args()} shows {@code psargs} and {@code psargs} may be cut short. */
  public boolean argsTruncated() {
    return showsPsargs() && psargsTruncated;
  }

  /** Same as {@link #toProcessInfo(Pstatus, String)} without a status: user/system time -1. */
  public ProcessInfo toProcessInfo(String user) {
    return toProcessInfo(null, user);
  }

  /**
   * The platform-neutral row. CPU time comes from {@code pr_time}; the user/system split from
   * {@code status} when given (-1 otherwise). Because each is truncated to whole milliseconds on
   * its own, {@code userTimeMillis + systemTimeMillis} may be one less than {@code cpuTimeMillis}.
   * Context switches, open files and I/O are -1: AIX /proc does not have them.
   *
   * @param status the same process's {@code pstatus_t}, or null when it could not be read
   * @param user the effective user's name
   * @throws IllegalArgumentException when {@code status} belongs to another pid
   */
  public ProcessInfo toProcessInfo(Pstatus status, String user) {
    return toProcessInfo(ProcessInfo.builder(pid), status, user);
  }

  /** As {@link #toProcessInfo(Pstatus, String)}, built in {@code row} (a scan's, reset here). */
  ProcessInfo toProcessInfo(ProcessInfo.Builder row, Pstatus status, String user) {
    return toProcessInfo(row, status, user, null, false, javaMain());
  }

  /**
   * The platform-neutral row, as {@link #toProcessInfo(Pstatus, String)}, with the whole argument
   * list read from the address space in place of {@link #args()}.
   *
   * @param fullArgs the space-joined argv; null to show {@link #args()} as usual
   * @param fullArgsTruncated true when {@code fullArgs} was cut at a bound (ignored when null)
   */
  public ProcessInfo toProcessInfo(
      Pstatus status, String user, String fullArgs, boolean fullArgsTruncated) {
    return toProcessInfo(
        ProcessInfo.builder(pid),
        status,
        user,
        fullArgs,
        fullArgsTruncated,
        fullArgs == null ? javaMain() : javaMainOfWords(fullArgs, fullArgsTruncated));
  }

  /**
   * {@link JavaMain#of} the psargs split at spaces (an argument holding a space is split too: the
   * argv's boundaries are not in psinfo), with psargs taken as possibly cut when they fill all 80
   * bytes; {@code ""} when {@link #args()} does not show psargs. A main class past the 80 bytes, or
   * cut by them, is not known: {@code ""}.
   */
  public String javaMain() {
    return showsPsargs() ? javaMainOfWords(psargs, psargsTruncated) : "";
  }

  private static String javaMainOfWords(String line, boolean truncated) {
    int space = line.indexOf(' ');
    if (!JavaMain.isLauncher(line, space < 0 ? line.length() : space)) {
      return "";
    }
    return JavaMain.of(List.of(line.split(" +")), truncated);
  }

  /**
   * The platform-neutral row, as {@link #toProcessInfo(Pstatus, String, String, boolean)}, with the
   * {@code javaMain} of the full argv as {@link ArgvReader} read it (argument by argument), built
   * in {@code row} (a scan's, reset here).
   */
  ProcessInfo toProcessInfo(
      ProcessInfo.Builder row,
      Pstatus status,
      String user,
      String fullArgs,
      boolean fullArgsTruncated,
      String javaMain) {
    requireNonNull(user, "user is null");
    if (status != null && status.pid() != pid) {
      throw new IllegalArgumentException("status of pid " + status.pid() + " given for " + pid);
    }
    return row.reset(pid)
        .set(PPID, ppid)
        .set(PGID, pgid)
        .set(SID, sid)
        .set(UID, uid)
        .set(EUID, euid)
        .set(GID, gid)
        .set(EGID, egid)
        .set(USER, user)
        .set(NAME, fname)
        .set(ARGS, fullArgs == null ? args() : fullArgs)
        .set(ARGS_TRUNCATED, fullArgs == null ? argsTruncated() : fullArgsTruncated)
        .set(STATE, state())
        .set(STATE_CODE, stateCode())
        .set(THREADS, threadCount)
        .set(PRIORITY, priority())
        .set(NICE, psNice())
        .set(RSS_BYTES, rssBytes)
        .set(VSZ_BYTES, vszBytes)
        .set(CPU_TIME_MILLIS, cpuTimeMillis())
        .set(USER_TIME_MILLIS, status == null ? -1 : status.userTimeMillis())
        .set(SYSTEM_TIME_MILLIS, status == null ? -1 : status.systemTimeMillis())
        .set(START_TIME_MILLIS, startTimeMillis)
        .set(WPAR_ID, wparId)
        .set(WPAR, wparId == 0 ? GLOBAL_WPAR : "")
        .set(JAVA_MAIN, javaMain)
        .build();
  }
}
