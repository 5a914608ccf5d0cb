package dev.psinfo.probe.linux;

import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.JavaMain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure parsers for the per-process files of Linux {@code /proc}. Each takes the file's bytes as
 * read ({@code b[0..length)}) and returns a record; none does I/O or keeps state, so all are
 * thread-safe. They scan the bytes in place without regular expressions or substrings; the only
 * objects they allocate are the record and its strings.
 *
 * <p>Input that does not have the kernel's format throws {@link CorruptRecordException} (with the
 * byte count), never another exception, except that a {@code length} outside {@code b} is a
 * programming error ({@link IllegalArgumentException}).
 */
public final class LinuxProcParsers {
  private static final int STAT_LAST_FIELD = 24;

  private static final byte[] UID = key("Uid");
  private static final byte[] GID = key("Gid");
  private static final byte[] THREADS = key("Threads");
  private static final byte[] VOLUNTARY = key("voluntary_ctxt_switches");
  private static final byte[] NONVOLUNTARY = key("nonvoluntary_ctxt_switches");
  private static final byte[] READ_BYTES = key("read_bytes");
  private static final byte[] WRITE_BYTES = key("write_bytes");
  private static final byte[] MAX_OPEN_FILES = key("Max open files");
  private static final byte[] UNLIMITED = key("unlimited");

  private static final long MAX_ID = 0xFFFF_FFFFL;

  private LinuxProcParsers() {}

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Parses {@code /proc/<pid>/stat}. The name is everything between the first {@code '('} and the
   * <em>last</em> {@code ')'}, so names holding spaces or parentheses (such as {@code a) (b}) come
   * out whole; it is decoded as UTF-8. Fields 1 to 24 must be present; later ones are ignored.
   */
  public static LinuxStat parseStat(byte[] b, int length) throws CorruptRecordException {
    checkLength(b, length);
    if (length == 0) {
      throw corrupt("stat", length, "empty");
    }
    int open = indexOf(b, 0, length, (byte) '(');
    int close = length - 1;
    while (close > open && b[close] != ')') {
      close--;
    }
    if (open < 2 || close <= open || b[open - 1] != ' ') {
      throw corrupt("stat", length, "no '<pid> (<name>)' at the start");
    }
    long pid = number(b, 0, open - 1, "stat", length, "pid");
    String name = new String(b, open + 1, close - open - 1, StandardCharsets.UTF_8);
    int p = close + 1;
    if (p + 2 >= length || b[p] != ' ' || b[p + 2] != ' ' || !isLetter(b[p + 1])) {
      throw corrupt("stat", length, "no state letter after the name");
    }
    char state = (char) b[p + 1];
    p += 3;
    long ppid = 0;
    long pgrp = 0;
    long session = 0;
    long majflt = 0;
    long utime = 0;
    long stime = 0;
    long priority = 0;
    long nice = 0;
    long threads = 0;
    long start = 0;
    long vsize = 0;
    long rss = 0;
    for (int field = 4; field <= STAT_LAST_FIELD; field++) {
      int end = p;
      while (end < length && b[end] != ' ' && b[end] != '\n') {
        end++;
      }
      if (end == p) {
        throw corrupt("stat", length, "field " + field + " missing");
      }
      switch (field) {
        case 4 -> ppid = number(b, p, end, "stat", length, "ppid");
        case 5 -> pgrp = number(b, p, end, "stat", length, "pgrp");
        case 6 -> session = number(b, p, end, "stat", length, "session");
        case 12 -> majflt = number(b, p, end, "stat", length, "majflt");
        case 14 -> utime = number(b, p, end, "stat", length, "utime");
        case 15 -> stime = number(b, p, end, "stat", length, "stime");
        case 18 -> priority = number(b, p, end, "stat", length, "priority");
        case 19 -> nice = number(b, p, end, "stat", length, "nice");
        case 20 -> threads = number(b, p, end, "stat", length, "num_threads");
        case 22 -> start = number(b, p, end, "stat", length, "starttime");
        case 23 -> vsize = number(b, p, end, "stat", length, "vsize");
        case 24 -> rss = number(b, p, end, "stat", length, "rss");
        default -> {
          // not used: skipped without parsing (some, like rsslim, are unsigned 64-bit)
        }
      }
      p = end + 1;
    }
    if (pid < 0
        || ppid < 0
        || majflt < 0
        || utime < 0
        || stime < 0
        || threads < 0
        || threads > Integer.MAX_VALUE
        || start < 0
        || vsize < 0
        || rss < 0
        || nice < -20
        || nice > 19
        || priority < Integer.MIN_VALUE
        || priority > Integer.MAX_VALUE) {
      throw corrupt("stat", length, "value out of range");
    }
    return new LinuxStat(
        pid,
        name,
        state,
        ppid,
        pgrp,
        session,
        majflt,
        utime,
        stime,
        (int) priority,
        (int) nice,
        (int) threads,
        start,
        vsize,
        rss);
  }

  /**
   * Parses {@code /proc/<pid>/status}. The {@code Uid:} and {@code Gid:} lines (real and effective
   * columns) are required; {@code Threads:} and the context-switch counts are -1 when absent. Other
   * lines are not looked at.
   */
  public static LinuxStatus parseStatus(byte[] b, int length) throws CorruptRecordException {
    checkLength(b, length);
    long uid = -1;
    long euid = -1;
    long gid = -1;
    long egid = -1;
    long threads = -1;
    long voluntary = -1;
    long involuntary = -1;
    for (KeyLines l = new KeyLines(b, length); l.next(); ) {
      if (l.keyIs(UID)) {
        long pair = idPair(b, l.value, l.end, length, "Uid");
        uid = pair >>> 32;
        euid = pair & MAX_ID;
      } else if (l.keyIs(GID)) {
        long pair = idPair(b, l.value, l.end, length, "Gid");
        gid = pair >>> 32;
        egid = pair & MAX_ID;
      } else if (l.keyIs(THREADS)) {
        threads = single(b, l.value, l.end, length, "status", "Threads");
      } else if (l.keyIs(VOLUNTARY)) {
        voluntary = single(b, l.value, l.end, length, "status", "voluntary_ctxt_switches");
      } else if (l.keyIs(NONVOLUNTARY)) {
        involuntary = single(b, l.value, l.end, length, "status", "nonvoluntary_ctxt_switches");
      }
    }
    if (uid < 0 || euid < 0 || gid < 0 || egid < 0) {
      throw corrupt("status", length, "no complete Uid and Gid lines");
    }
    if (threads > Integer.MAX_VALUE || threads < -1 || voluntary < -1 || involuntary < -1) {
      throw corrupt("status", length, "count out of range");
    }
    return new LinuxStatus(uid, euid, gid, egid, (int) threads, voluntary, involuntary);
  }

  /**
   * Parses {@code /proc/<pid>/io}; the {@code read_bytes:} and {@code write_bytes:} lines are
   * required.
   */
  public static LinuxIo parseIo(byte[] b, int length) throws CorruptRecordException {
    checkLength(b, length);
    long read = -1;
    long write = -1;
    for (KeyLines l = new KeyLines(b, length); l.next(); ) {
      if (l.keyIs(READ_BYTES)) {
        read = single(b, l.value, l.end, length, "io", "read_bytes");
      } else if (l.keyIs(WRITE_BYTES)) {
        write = single(b, l.value, l.end, length, "io", "write_bytes");
      }
    }
    if (read < 0 || write < 0) {
      throw corrupt("io", length, "no valid read_bytes and write_bytes lines");
    }
    return new LinuxIo(read, write);
  }

  /**
   * The soft limit of open files ({@code RLIMIT_NOFILE}) from {@code /proc/<pid>/limits}: the first
   * value of its {@code Max open files} line (the kernel prints a header line, then one line per
   * limit: the name padded to 26 columns, soft, hard, units). {@code unlimited} (which Linux does
   * not let a process set for this limit: it must stay at or below {@code fs.nr_open}) is {@link
   * Long#MAX_VALUE}, so that a ratio to it is 0. The other lines are not parsed.
   *
   * @throws CorruptRecordException when there is no {@code Max open files} line or its soft value
   *     is neither {@code unlimited} nor a number from 0 to {@link Long#MAX_VALUE}
   */
  public static long parseFdLimit(byte[] b, int length) throws CorruptRecordException {
    checkLength(b, length);
    int p = 0;
    while (p < length) {
      int lineEnd = indexOf(b, p, length, (byte) '\n');
      if (lineEnd < 0) {
        lineEnd = length;
      }
      int keyEnd = p + MAX_OPEN_FILES.length;
      if (keyEnd < lineEnd
          && keyIs(b, p, keyEnd, MAX_OPEN_FILES)
          && (b[keyEnd] == ' ' || b[keyEnd] == '\t')) {
        int s = skipBlanks(b, keyEnd, lineEnd);
        int e = wordEnd(b, s, lineEnd);
        if (e == s) {
          throw corrupt("limits", length, "Max open files has no value");
        }
        if (keyIs(b, s, e, UNLIMITED)) {
          return Long.MAX_VALUE;
        }
        long soft = number(b, s, e, "limits", length, "Max open files");
        if (soft < 0) {
          throw corrupt("limits", length, "Max open files is negative");
        }
        return soft;
      }
      p = lineEnd + 1;
    }
    throw corrupt("limits", length, "no Max open files line");
  }

  /**
   * Turns {@code /proc/<pid>/cmdline} into the space-joined command line, decoded as UTF-8. The
   * arguments are separated by NULs, which this method <b>overwrites with spaces in {@code b}</b>
   * (it is meant for a scratch buffer); trailing NULs are dropped. An empty command line (kernel
   * threads, zombies) gives {@code [name]}, as {@code ps} shows it. The whole file is used: there
   * is no length limit here.
   */
  public static String parseCmdline(byte[] b, int length, String name) {
    checkLength(b, length);
    int end = length;
    while (end > 0 && b[end - 1] == 0) {
      end--;
    }
    if (end == 0) {
      return "[" + name + "]";
    }
    for (int i = 0; i < end; i++) {
      if (b[i] == 0) {
        b[i] = ' ';
      }
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code text} is what {@code b[0..length)} makes as a command line: {@code ""} when
   * {@code length} is 0 and {@code name} empty, else what {@link #parseCmdline} returns (without
   * changing {@code b}). Compares in place; false for any non-ASCII byte (the caller then decodes).
   */
  public static boolean cmdlineEquals(byte[] b, int length, String name, String text) {
    checkLength(b, length);
    if (length == 0 && name.isEmpty()) {
      return text.isEmpty();
    }
    int end = length;
    while (end > 0 && b[end - 1] == 0) {
      end--;
    }
    if (end == 0) {
      return text.length() == name.length() + 2
          && text.charAt(0) == '['
          && text.charAt(text.length() - 1) == ']'
          && text.regionMatches(1, name, 0, name.length());
    }
    if (text.length() != end) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      byte c = b[i];
      if (c < 0 || text.charAt(i) != (c == 0 ? ' ' : (char) c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the first argument of {@code /proc/<pid>/cmdline} in {@code b[0..length)} names a JVM
   * launcher ({@link JavaMain#isLauncher}); compares in place, allocates nothing.
   */
  public static boolean isJavaLauncher(byte[] b, int length) {
    checkLength(b, length);
    int end = 0;
    while (end < length && b[end] != 0) {
      end++;
    }
    int start = end;
    while (start > 0 && b[start - 1] != '/') {
      start--;
    }
    return regionIs(b, start, end, "java")
        || regionIs(b, start, end, "javaw")
        || regionIs(b, start, end, "jsvc");
  }

  private static boolean regionIs(byte[] b, int start, int end, String ascii) {
    if (end - start != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[start + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link JavaMain#of} of {@code /proc/<pid>/cmdline} in {@code b[0..length)} (NUL-separated
   * arguments, each decoded as UTF-8; {@code b} is not changed); {@code ""} at once, allocating
   * nothing, when the first argument names no JVM launcher.
   *
   * @param truncated true when the file was read only in part (its last argument may be cut)
   */
  public static String javaMain(byte[] b, int length, boolean truncated) {
    if (!isJavaLauncher(b, length)) {
      return "";
    }
    List<String> argv = new ArrayList<>();
    int end = length;
    if (!truncated) {
      while (end > 0 && b[end - 1] == 0) {
        end--;
      }
    }
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || b[i] == 0) {
        argv.add(new String(b, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    // a cut line that ends right after a NUL ends in an empty "cut" argument: the one before it
    // is whole
    return JavaMain.of(argv, truncated);
  }

  private static void checkLength(byte[] b, int length) {
    if (length < 0 || length > b.length) {
      throw new IllegalArgumentException("length " + length + " outside 0.." + b.length);
    }
  }

  /** The first value of a line (after blanks), ending at a blank or the line's end. */
  private static long single(byte[] b, int from, int lineEnd, int length, String file, String what)
      throws CorruptRecordException {
    int s = skipBlanks(b, from, lineEnd);
    int e = wordEnd(b, s, lineEnd);
    if (e == s) {
      throw corrupt(file, length, what + " has no value");
    }
    return number(b, s, e, file, length, what);
  }

  /**
   * The first two values of an id line (real, effective), each an unsigned 32-bit number, packed as
   * {@code real << 32 | effective} so that no object is needed.
   */
  private static long idPair(byte[] b, int from, int lineEnd, int length, String what)
      throws CorruptRecordException {
    int s1 = skipBlanks(b, from, lineEnd);
    int e1 = wordEnd(b, s1, lineEnd);
    int s2 = skipBlanks(b, e1, lineEnd);
    int e2 = wordEnd(b, s2, lineEnd);
    if (e1 == s1 || e2 == s2) {
      throw corrupt("status", length, what + " needs real and effective ids");
    }
    long real = number(b, s1, e1, "status", length, what);
    long effective = number(b, s2, e2, "status", length, what);
    if (real < 0 || real > MAX_ID || effective < 0 || effective > MAX_ID) {
      throw corrupt("status", length, what + " outside 0..2^32-1");
    }
    return real << 32 | effective;
  }

  private static int skipBlanks(byte[] b, int p, int end) {
    while (p < end && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  private static int wordEnd(byte[] b, int p, int end) {
    while (p < end && b[p] != ' ' && b[p] != '\t') {
      p++;
    }
    return p;
  }

  private static boolean keyIs(byte[] b, int from, int to, byte[] key) {
    if (to - from != key.length) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (b[from + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code Key: value} lines of a {@code /proc} file such as {@code status} or {@code io}, one
   * at a time; lines without a key are passed over. Not thread-safe: one per parse.
   */
  private static final class KeyLines {
    private final byte[] b;
    private final int length;
    private int start;
    private int colon;

    /** Where the current line's value starts (after its colon). */
    int value;

    /** Where the current line ends: its {@code '\n'}, or the length. */
    int end = -1;

    KeyLines(byte[] b, int length) {
      this.b = b;
      this.length = length;
    }

    /** Moves to the next line that has a key; false at the end. */
    boolean next() {
      while ((start = end + 1) < length) {
        end = indexOf(b, start, length, (byte) '\n');
        if (end < 0) {
          end = length;
        }
        colon = indexOf(b, start, end, (byte) ':');
        if (colon > start) {
          value = colon + 1;
          return true;
        }
      }
      return false;
    }

    /** True when the current line's key is {@code key}. */
    boolean keyIs(byte[] key) {
      return LinuxProcParsers.keyIs(b, start, colon, key);
    }
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isLetter(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** A signed decimal number filling {@code b[from..to)} exactly. */
  private static long number(byte[] b, int from, int to, String file, int length, String field)
      throws CorruptRecordException {
    int p = from;
    boolean negative = p < to && b[p] == '-';
    if (negative) {
      p++;
    }
    if (p == to) {
      throw corrupt(file, length, field + " is not a number");
    }
    long v = 0;
    for (; p < to; p++) {
      int d = b[p] - '0';
      if (d < 0 || d > 9) {
        throw corrupt(file, length, field + " is not a number");
      }
      if (v > (Long.MAX_VALUE - d) / 10) {
        throw corrupt(file, length, field + " overflows");
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  private static CorruptRecordException corrupt(String file, int length, String message) {
    return new CorruptRecordException(file, length, message);
  }
}
