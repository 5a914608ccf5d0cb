package dev.psinfo.sampling;

import java.util.Arrays;

/**
 * The scrubbed arguments of the previous scan by pid: a command line that is the very same String
 * as last time (the probes reuse an unchanged one) gets last time's result without being scanned
 * again. Keyed by identity and content-correct, so a reused pid is no risk. Costs two references
 * and a long per process. Not thread-safe: the {@link ProcessSampler} uses it under its load lock.
 */
final class ScrubMemo {
  private long[] pids = new long[0];
  private String[] raw = new String[0];
  private String[] clean = new String[0];
  private long[] nextPids;
  private String[] nextRaw;
  private String[] nextClean;
  private int count;
  private int cursor;

  /** Starts a scan of up to {@code size} processes. */
  void begin(int size) {
    nextPids = new long[size];
    nextRaw = new String[size];
    nextClean = new String[size];
    count = 0;
    cursor = 0;
  }

  /** {@code scrubber.scrub(args)} for the process {@code pid}, or last scan's equal result. */
  String scrub(ArgsScrubber scrubber, long pid, String args) {
    String result = null;
    if (count == 0 || pid > nextPids[count - 1]) {
      while (cursor < pids.length && pids[cursor] < pid) {
        cursor++;
      }
      if (cursor < pids.length && pids[cursor] == pid && raw[cursor] == args) {
        result = clean[cursor];
      }
    } else {
      // not in ascending pid order: no reuse for the rest of this scan, only a fresh scrub
      cursor = pids.length;
    }
    if (result == null) {
      result = scrubber.scrub(args);
    }
    if (count < nextPids.length && (count == 0 || pid > nextPids[count - 1])) {
      nextPids[count] = pid;
      nextRaw[count] = args;
      nextClean[count] = result;
      count++;
    }
    return result;
  }

  /** Ends the scan: its results are the base for the next one. */
  void end() {
    pids = count == nextPids.length ? nextPids : Arrays.copyOf(nextPids, count);
    raw = count == nextRaw.length ? nextRaw : Arrays.copyOf(nextRaw, count);
    clean = count == nextClean.length ? nextClean : Arrays.copyOf(nextClean, count);
    nextPids = null;
    nextRaw = null;
    nextClean = null;
  }
}
