package dev.psinfo.probe.aix;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds the bytes of an AIX {@code psinfo_t} (448 bytes, big-endian, {@link PsinfoLayout}) from
 * fields, for tests and benchmarks that need synthetic or fake {@code /proc} records. Starts as an
 * ordinary sleeping single-threaded process ({@link #process(long)}); every setter returns {@code
 * this}. Setters take raw values: sizes in KB, times as seconds + nanoseconds, nice raw (60 = ps NI
 * 20), and write them as given, so invalid records can be built too. Not thread-safe.
 */
public final class PsinfoBytes {
  private int flag;
  private int flag2;
  private int nlwp = 1;
  private long uid;
  private long euid;
  private long gid;
  private long egid;
  private long pid;
  private long ppid = 1;
  private long pgid;
  private long sid;
  private long ttydev;
  private long addr = 0xf1000f0a00001000L;
  private long sizeKb = 1024;
  private long rssizeKb = 512;
  private long startSec = 1_740_060_607L;
  private int startNsec;
  private long timeSec = 1;
  private int timeNsec = 500_000_000;
  private int cid;
  private int argc = 1;
  private long argv = 0x2ff22f80L;
  private long envp = 0x2ff22ff4L;
  private byte[] fname = "proc".getBytes(UTF_8);
  private byte[] psargs = "/usr/bin/proc".getBytes(UTF_8);
  private long lwpid;
  private long lwpAddr = 0xf1001004d0000100L;
  private long wchan;
  private int lwpFlag = 0x00410400;
  private int wtype = 1;
  private int state = 3;
  private int sname = 'S';
  private int nice = 60;
  private int pri = 60;
  private int policy;
  private byte[] clname = "OTHER".getBytes(UTF_8);
  private int onpro;
  private int bindpro = -1;
  private long ptid = 1;

  private PsinfoBytes() {}

  /**
   * An ordinary sleeping process: pgid = sid = pid, ppid 1, uid/gid 0, 1 thread with lwpid {@code
   * pid * 10 + 1}, name {@code proc}, args {@code /usr/bin/proc}, 1024 KB image, 512 KB resident,
   * started 2025-02-20T14:10:07Z, 1.5 s of CPU, raw nice 60, priority 60.
   */
  public static PsinfoBytes process(long pid) {
    PsinfoBytes p = new PsinfoBytes();
    p.pid = pid;
    p.pgid = pid;
    p.sid = pid;
    p.lwpid = pid * 10 + 1;
    return p;
  }

  /** The pid written to {@code pr_pid} (also the directory {@link FakeAixProc} uses). */
  public long pid() {
    return pid;
  }

  /**
   * Makes it a zombie: {@code pr_nlwp} 0 and {@code pr_lwpid} 0, with junk in the other thread
   * fields (state letter {@code S}, nice 255, priority 12345) that a reader must not trust.
   */
  public PsinfoBytes zombie() {
    nlwp = 0;
    lwpid = 0;
    sname = 'S';
    state = 3;
    nice = 255;
    pri = 12345;
    return this;
  }

  public PsinfoBytes flag(int v) {
    flag = v;
    return this;
  }

  public PsinfoBytes flag2(int v) {
    flag2 = v;
    return this;
  }

  public PsinfoBytes nlwp(int v) {
    nlwp = v;
    return this;
  }

  /** Raw 64-bit {@code pr_uid}. */
  public PsinfoBytes uid(long v) {
    uid = v;
    return this;
  }

  public PsinfoBytes euid(long v) {
    euid = v;
    return this;
  }

  public PsinfoBytes gid(long v) {
    gid = v;
    return this;
  }

  public PsinfoBytes egid(long v) {
    egid = v;
    return this;
  }

  public PsinfoBytes pid(long v) {
    pid = v;
    return this;
  }

  public PsinfoBytes ppid(long v) {
    ppid = v;
    return this;
  }

  public PsinfoBytes pgid(long v) {
    pgid = v;
    return this;
  }

  public PsinfoBytes sid(long v) {
    sid = v;
    return this;
  }

  public PsinfoBytes ttydev(long v) {
    ttydev = v;
    return this;
  }

  public PsinfoBytes addr(long v) {
    addr = v;
    return this;
  }

  /** {@code pr_size} in kilobytes. */
  public PsinfoBytes sizeKb(long v) {
    sizeKb = v;
    return this;
  }

  /** {@code pr_rssize} in kilobytes. */
  public PsinfoBytes rssizeKb(long v) {
    rssizeKb = v;
    return this;
  }

  /** {@code pr_start}: seconds and nanoseconds since the epoch. */
  public PsinfoBytes start(long sec, int nsec) {
    startSec = sec;
    startNsec = nsec;
    return this;
  }

  /** {@code pr_time}: CPU seconds and nanoseconds. */
  public PsinfoBytes time(long sec, int nsec) {
    timeSec = sec;
    timeNsec = nsec;
    return this;
  }

  public PsinfoBytes cid(int v) {
    cid = v;
    return this;
  }

  public PsinfoBytes argc(int v) {
    argc = v;
    return this;
  }

  public PsinfoBytes argv(long v) {
    argv = v;
    return this;
  }

  public PsinfoBytes envp(long v) {
    envp = v;
    return this;
  }

  /** {@code pr_fname} as UTF-8; more than 16 bytes are cut to 16. */
  public PsinfoBytes fname(String v) {
    return fnameBytes(v.getBytes(UTF_8));
  }

  /** {@code pr_fname} raw; more than 16 bytes are cut to 16, 16 leave no NUL. */
  public PsinfoBytes fnameBytes(byte[] v) {
    fname = v.clone();
    return this;
  }

  /** {@code pr_psargs} as UTF-8; more than 80 bytes are cut to 80, 80 leave no NUL. */
  public PsinfoBytes psargs(String v) {
    return psargsBytes(v.getBytes(UTF_8));
  }

  /** {@code pr_psargs} raw. */
  public PsinfoBytes psargsBytes(byte[] v) {
    psargs = v.clone();
    return this;
  }

  public PsinfoBytes lwpid(long v) {
    lwpid = v;
    return this;
  }

  public PsinfoBytes lwpAddr(long v) {
    lwpAddr = v;
    return this;
  }

  public PsinfoBytes wchan(long v) {
    wchan = v;
    return this;
  }

  public PsinfoBytes lwpFlag(int v) {
    lwpFlag = v;
    return this;
  }

  public PsinfoBytes wtype(int v) {
    wtype = v;
    return this;
  }

  /** {@code pr_lwp.pr_state}, numeric. */
  public PsinfoBytes state(int v) {
    state = v;
    return this;
  }

  /** {@code pr_lwp.pr_sname}, the state letter (one byte). */
  public PsinfoBytes sname(char v) {
    sname = v;
    return this;
  }

  /** {@code pr_lwp.pr_nice}, raw (60 = ps NI 20). */
  public PsinfoBytes nice(int v) {
    nice = v;
    return this;
  }

  public PsinfoBytes pri(int v) {
    pri = v;
    return this;
  }

  public PsinfoBytes policy(int v) {
    policy = v;
    return this;
  }

  public PsinfoBytes clname(String v) {
    clname = v.getBytes(UTF_8);
    return this;
  }

  public PsinfoBytes onpro(int v) {
    onpro = v;
    return this;
  }

  public PsinfoBytes bindpro(int v) {
    bindpro = v;
    return this;
  }

  public PsinfoBytes ptid(long v) {
    ptid = v;
    return this;
  }

  /** The 448 bytes of {@code psinfo_t}. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(PsinfoLayout.PSINFO_SIZE).order(ByteOrder.BIG_ENDIAN);
    b.putInt(PsinfoLayout.PR_FLAG, flag);
    b.putInt(PsinfoLayout.PR_FLAG2, flag2);
    b.putInt(PsinfoLayout.PR_NLWP, nlwp);
    b.putLong(PsinfoLayout.PR_UID, uid);
    b.putLong(PsinfoLayout.PR_EUID, euid);
    b.putLong(PsinfoLayout.PR_GID, gid);
    b.putLong(PsinfoLayout.PR_EGID, egid);
    b.putLong(PsinfoLayout.PR_PID, pid);
    b.putLong(PsinfoLayout.PR_PPID, ppid);
    b.putLong(PsinfoLayout.PR_PGID, pgid);
    b.putLong(PsinfoLayout.PR_SID, sid);
    b.putLong(PsinfoLayout.PR_TTYDEV, ttydev);
    b.putLong(PsinfoLayout.PR_ADDR, addr);
    b.putLong(PsinfoLayout.PR_SIZE, sizeKb);
    b.putLong(PsinfoLayout.PR_RSSIZE, rssizeKb);
    putTimestruc(b, PsinfoLayout.PR_START, startSec, startNsec);
    putTimestruc(b, PsinfoLayout.PR_TIME, timeSec, timeNsec);
    b.putShort(PsinfoLayout.PR_CID, (short) cid);
    b.putInt(PsinfoLayout.PR_ARGC, argc);
    b.putLong(PsinfoLayout.PR_ARGV, argv);
    b.putLong(PsinfoLayout.PR_ENVP, envp);
    putText(b, PsinfoLayout.PR_FNAME, PsinfoLayout.PR_FNAME_SIZE, fname);
    putText(b, PsinfoLayout.PR_PSARGS, PsinfoLayout.PR_PSARGS_SIZE, psargs);
    b.put(PsinfoLayout.PR_LWP, lwpsinfoBytes());
    return b.array();
  }

  /** The 120 bytes of the embedded {@code lwpsinfo_t} (also a standalone lwpsinfo file). */
  public byte[] lwpsinfoBytes() {
    ByteBuffer b = ByteBuffer.allocate(LwpsinfoLayout.LWPSINFO_SIZE).order(ByteOrder.BIG_ENDIAN);
    b.putLong(LwpsinfoLayout.PR_LWPID, lwpid);
    b.putLong(LwpsinfoLayout.PR_ADDR, lwpAddr);
    b.putLong(LwpsinfoLayout.PR_WCHAN, wchan);
    b.putInt(LwpsinfoLayout.PR_FLAG, lwpFlag);
    b.put(LwpsinfoLayout.PR_WTYPE, (byte) wtype);
    b.put(LwpsinfoLayout.PR_STATE, (byte) state);
    b.put(LwpsinfoLayout.PR_SNAME, (byte) sname);
    b.put(LwpsinfoLayout.PR_NICE, (byte) nice);
    b.putInt(LwpsinfoLayout.PR_PRI, pri);
    b.putInt(LwpsinfoLayout.PR_POLICY, policy);
    putText(b, LwpsinfoLayout.PR_CLNAME, LwpsinfoLayout.PR_CLNAME_SIZE, clname);
    b.putInt(LwpsinfoLayout.PR_ONPRO, onpro);
    b.putInt(LwpsinfoLayout.PR_BINDPRO, bindpro);
    b.putInt(LwpsinfoLayout.PR_PTID, (int) ptid);
    return b.array();
  }

  /** The first {@code length} bytes of {@link #toBytes()}: a truncated record. */
  public byte[] truncatedTo(int length) {
    return Arrays.copyOf(toBytes(), length);
  }

  /** {@link #toBytes()} wrapped in a (big-endian) heap buffer. */
  public ByteBuffer toBuffer() {
    return ByteBuffer.wrap(toBytes());
  }

  static void putTimestruc(ByteBuffer b, int offset, long sec, int nsec) {
    b.putLong(offset + TimestrucLayout.TV_SEC, sec);
    b.putInt(offset + TimestrucLayout.TV_NSEC, nsec);
  }

  private static void putText(ByteBuffer b, int offset, int size, byte[] text) {
    b.put(offset, text, 0, Math.min(size, text.length));
  }
}
