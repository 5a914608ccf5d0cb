package dev.psinfo.sampling;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.USER;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A probe that serves prepared tables, one per scan (the last one again when none is queued). */
public final class FakeProbe implements ProcessProbe {
  private final Deque<Object> script = new ArrayDeque<>();
  private final AtomicInteger scans = new AtomicInteger();
  private long wallMillis = 1_700_000_000_000L;
  private long nanos = 1_000_000_000L;
  private Object last;

  /** Queues a table for the next scan, taken {@code afterMillis} after the previous one. */
  public FakeProbe then(long afterMillis, List<ProcessInfo> processes) {
    script.add(new Object[] {afterMillis, processes});
    return this;
  }

  /** Queues a failing scan. */
  public FakeProbe thenFail(String message) {
    script.add(new IOException(message));
    return this;
  }

  public int scans() {
    return scans.get();
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized ProcessScan scan() throws IOException {
    scans.incrementAndGet();
    Object next = script.isEmpty() ? last : script.poll();
    last = next;
    if (next instanceof IOException e) {
      throw e;
    }
    Object[] step = (Object[]) next;
    long after = (Long) step[0];
    wallMillis += after;
    nanos += after * 1_000_000L;
    return new ProcessScan(
        (List<ProcessInfo>) step[1], wallMillis, nanos, 1_000_000, new ScanStats(1, 2, 3, 4));
  }

  /** The wall time of the last scan. */
  public long wallMillis() {
    return wallMillis;
  }

  /** A process with the fields tests care about. */
  public static ProcessInfo process(
      long pid, long ppid, String user, String name, String args, long cpuMillis, long rss) {
    return ProcessInfo.builder(pid)
        .set(PPID, ppid)
        .set(USER, user)
        .set(EUID, user.equals("root") ? 0 : 1000)
        .set(NAME, name)
        .set(ARGS, args)
        .set(CPU_TIME_MILLIS, cpuMillis)
        .set(RSS_BYTES, rss)
        .set(START_TIME_MILLIS, 1_600_000_000_000L + pid)
        .set(THREADS, 2)
        .build();
  }
}
