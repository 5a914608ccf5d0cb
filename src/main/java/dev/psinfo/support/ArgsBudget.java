package dev.psinfo.support;

/**
 * What one scan keeps of command lines, in bytes of the text kept: the UTF-8 length of the decoded
 * arguments, so an invalid byte that became U+FFFD (3 bytes) counts 3, whatever the raw size was.
 * Each process keeps at most {@code maxPerProcess} bytes; once the scan has kept {@link
 * #SCAN_BYTES}, each further process keeps at most {@link #MIN_BYTES}. A line cut here is reported
 * as {@code argsTruncated} by its probe (so counted in {@code ScanStats.argsTruncated} and the
 * Coverage bean's {@code ArgsTruncated}), never silently. The heap a kept line takes is at most
 * twice its count (a Java string holds 1 or 2 bytes per char; a char is 1 to 3 UTF-8 bytes).
 *
 * <p>Not thread-safe: one per scan.
 */
public final class ArgsBudget {
  /** The command-line bytes one scan keeps in full (then {@link #MIN_BYTES} per process). */
  public static final long SCAN_BYTES = 16L * 1024 * 1024;

  /** What every process keeps of its command line once the scan's budget is spent. */
  public static final int MIN_BYTES = 4 * 1024;

  private final int maxPerProcess;
  private long left = SCAN_BYTES;
  private long kept;
  private int cut;

  /**
   * @param maxPerProcess the most of one process's command line kept, in bytes, &gt; 0
   */
  public ArgsBudget(int maxPerProcess) {
    if (maxPerProcess <= 0) {
      throw new IllegalArgumentException("maxPerProcess must be > 0: " + maxPerProcess);
    }
    this.maxPerProcess = maxPerProcess;
  }

  /** The most the next process may keep: its share of what is left, at least {@link #MIN_BYTES}. */
  public int limit() {
    return (int) Math.min(maxPerProcess, Math.max(MIN_BYTES, left));
  }

  /**
   * Keeps {@code args} within {@link #limit()} and charges what is kept to the scan.
   *
   * @return {@code args} itself when it fits, else its longest prefix that does (a new string; a
   *     surrogate pair is never split); {@link #lastCut()} says which
   */
  public String keep(String args) {
    int limit = limit();
    int bytes = utf8Length(args, limit);
    String kept = args;
    lastCut = bytes > limit;
    if (lastCut) {
      kept = prefixOfUtf8Bytes(args, limit);
      bytes = utf8Length(kept, Integer.MAX_VALUE);
      cut++;
    }
    left -= bytes;
    this.kept += bytes;
    return kept;
  }

  private boolean lastCut;

  /** Whether the last {@link #keep} cut its line. */
  public boolean lastCut() {
    return lastCut;
  }

  /** Lines {@link #keep} cut in this scan. */
  public int cutCount() {
    return cut;
  }

  /** Bytes kept in this scan, as counted. */
  public long keptBytes() {
    return kept;
  }

  /** Whether the scan-wide budget is spent (each further process keeps {@link #MIN_BYTES}). */
  public boolean spent() {
    return left <= MIN_BYTES;
  }

  /** The UTF-8 length of {@code s}, counting stops once it passes {@code stopAfter}. */
  public static int utf8Length(String s, int stopAfter) {
    long n = 0;
    int len = s.length();
    for (int i = 0; i < len && n <= stopAfter; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3; // U+FFFD and every other BMP char; a lone surrogate is encoded as '?', counted 3
      }
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  /** The longest prefix of {@code s} whose UTF-8 length is at most {@code maxBytes}. */
  public static String prefixOfUtf8Bytes(String s, int maxBytes) {
    long n = 0;
    int len = s.length();
    int i = 0;
    while (i < len) {
      char c = s.charAt(i);
      int chars = 1;
      int bytes;
      if (c < 0x80) {
        bytes = 1;
      } else if (c < 0x800) {
        bytes = 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes = 4;
        chars = 2;
      } else {
        bytes = 3;
      }
      if (n + bytes > maxBytes) {
        break;
      }
      n += bytes;
      i += chars;
    }
    return s.substring(0, i);
  }
}
