package dev.psinfo.probe.aix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds the bytes of an AIX {@code pstatus_t} (1520 bytes, big-endian, {@link PstatusLayout}) from
 * fields, for tests and benchmarks. Starts as an active 64-bit process with 1.0 s user and 0.5 s
 * system time ({@link #process(long)}); setters write raw values as given. Not thread-safe.
 */
public final class PstatusBytes {
  private int flag;
  private int flags;
  private int nlwp = 1;
  private int stat = PstatusLayout.STAT_ACTIVE;
  private int dmodel = PstatusLayout.DMODEL_64;
  private long pid;
  private long ppid = 1;
  private long utimeSec = 1;
  private int utimeNsec;
  private long stimeSec;
  private int stimeNsec = 500_000_000;
  private long cutimeSec;
  private int cutimeNsec;
  private long cstimeSec;
  private int cstimeNsec;

  private PstatusBytes() {}

  /** An active 64-bit process, 1 thread, ppid 1, 1.0 s user and 0.5 s system time. */
  public static PstatusBytes process(long pid) {
    PstatusBytes s = new PstatusBytes();
    s.pid = pid;
    return s;
  }

  /** The pid written to {@code pr_pid}. */
  public long pid() {
    return pid;
  }

  public PstatusBytes flag(int v) {
    flag = v;
    return this;
  }

  public PstatusBytes flags(int v) {
    flags = v;
    return this;
  }

  public PstatusBytes nlwp(int v) {
    nlwp = v;
    return this;
  }

  public PstatusBytes stat(int v) {
    stat = v;
    return this;
  }

  public PstatusBytes dmodel(int v) {
    dmodel = v;
    return this;
  }

  public PstatusBytes pid(long v) {
    pid = v;
    return this;
  }

  public PstatusBytes ppid(long v) {
    ppid = v;
    return this;
  }

  /** {@code pr_utime}: seconds and nanoseconds. */
  public PstatusBytes utime(long sec, int nsec) {
    utimeSec = sec;
    utimeNsec = nsec;
    return this;
  }

  /** {@code pr_stime}: seconds and nanoseconds. */
  public PstatusBytes stime(long sec, int nsec) {
    stimeSec = sec;
    stimeNsec = nsec;
    return this;
  }

  public PstatusBytes cutime(long sec, int nsec) {
    cutimeSec = sec;
    cutimeNsec = nsec;
    return this;
  }

  public PstatusBytes cstime(long sec, int nsec) {
    cstimeSec = sec;
    cstimeNsec = nsec;
    return this;
  }

  /** The 1520 bytes of {@code pstatus_t}. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(PstatusLayout.PSTATUS_SIZE).order(ByteOrder.BIG_ENDIAN);
    b.putInt(PstatusLayout.PR_FLAG, flag);
    b.putInt(PstatusLayout.PR_FLAGS, flags);
    b.putInt(PstatusLayout.PR_NLWP, nlwp);
    b.put(PstatusLayout.PR_STAT, (byte) stat);
    b.put(PstatusLayout.PR_DMODEL, (byte) dmodel);
    b.putLong(PstatusLayout.PR_PID, pid);
    b.putLong(PstatusLayout.PR_PPID, ppid);
    PsinfoBytes.putTimestruc(b, PstatusLayout.PR_UTIME, utimeSec, utimeNsec);
    PsinfoBytes.putTimestruc(b, PstatusLayout.PR_STIME, stimeSec, stimeNsec);
    PsinfoBytes.putTimestruc(b, PstatusLayout.PR_CUTIME, cutimeSec, cutimeNsec);
    PsinfoBytes.putTimestruc(b, PstatusLayout.PR_CSTIME, cstimeSec, cstimeNsec);
    return b.array();
  }

  /** The first {@code length} bytes of {@link #toBytes()}. */
  public byte[] truncatedTo(int length) {
    return Arrays.copyOf(toBytes(), length);
  }

  /** {@link #toBytes()} wrapped in a heap buffer. */
  public ByteBuffer toBuffer() {
    return ByteBuffer.wrap(toBytes());
  }
}
