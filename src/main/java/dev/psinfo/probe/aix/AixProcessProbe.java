package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.support.ArgsBudget;
import dev.psinfo.support.Log;
import dev.psinfo.support.ProcDirectory;
import dev.psinfo.support.RateLimitedLog;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The AIX process table from {@code <procRoot>/<pid>/psinfo} (world-readable, so no root needed)
 * and, when readable, {@code <procRoot>/<pid>/status} for the user/system CPU split.
 *
 * <p>Each entry is classified:
 *
 * <ul>
 *   <li><b>gone</b> (skipped silently, counted): {@code psinfo} is missing, or opening or reading
 *       it fails with ESRCH ("No such process"): the process exited after the listing;
 *   <li><b>denied</b> (kept, counted): {@code psinfo} not readable → a row with only the pid, every
 *       other field unavailable; {@code status} not readable → the row without the user/system
 *       split (-1), also counted in {@link ScanStats#statusDenied()} ({@code as} denials of whole
 *       command lines in {@link ScanStats#asDenied()});
 *   <li><b>corrupt</b> (skipped, counted, warned about at most once a minute with pid and byte
 *       count): {@code psinfo} shorter than 448 bytes, holding an invalid value, whose {@code
 *       pr_pid} differs from the directory name, or failing with another I/O error (or any
 *       unexpected runtime exception while the entry is decoded).
 * </ul>
 *
 * A {@code status} that is missing, short, invalid, of another pid or fails with another I/O error
 * only loses the split (a rate-limited warning, no count): the psinfo row is still good. Access to
 * {@code status} depends only on the agent's identity and the process's owner, so once it was
 * denied for one (uid, euid) pair, a scan counts the other processes of that pair as denied without
 * opening their {@code status} (an exception per process is what a non-root agent would pay
 * otherwise).
 *
 * <p><b>Whole command lines</b> (when built with {@code fullArgs}, the default): {@code pr_psargs}
 * keeps only 79 characters, so for a process whose psargs reach that bound the probe reads the real
 * argv from {@code <procRoot>/<pid>/as} ({@link ArgvReader}; the pointer width from {@code
 * status.pr_dmodel}), bounded by {@link ArgvReader.Limits#DEFAULT} and {@link
 * ArgvReader#MAX_READS_PER_PROCESS}; a scan keeps {@link ArgsBudget#SCAN_BYTES} of them in full
 * (bytes of the decoded text), then {@link ArgsBudget#MIN_BYTES} per process (cut lines are {@code
 * argsTruncated}). Shorter psargs are already whole and cost nothing more. Any failure — {@code
 * status} or {@code as} not readable, the process gone, argc 0, a bad or unmapped pointer, a line
 * that does not begin with psargs' program — keeps psargs with {@code argsTruncated} as before; it
 * is counted ({@link #fullArgsCounts()}), never fatal, and a denied {@code as} is remembered per
 * (uid, euid) for the scan like {@code status}.
 *
 * <p>Directory entries count as processes when their name is a canonical decimal number (no sign,
 * no leading zero except {@code 0} itself) no larger than {@link Psinfo#MAX_PID}; anything else is
 * not a process and is ignored. Duplicates are listed once; rows come in ascending pid order.
 *
 * <p>Thread-safe: each scan uses its own buffers; shared are only the warning rate limiter and a
 * cache of the file paths of the latest scan's processes (about 0.5 KB per row), which spares
 * re-creating them for processes that live across scans.
 */
public final class AixProcessProbe implements ProcessProbe {
  private static final Log log = Log.of(AixProcessProbe.class);
  private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final String PSINFO = "psinfo";
  private static final String STATUS = "status";
  private static final String AS = "as";

  /** Opens a file for reading; the seam tests use to simulate denied or vanishing files. */
  @FunctionalInterface
  interface FileOpener {
    ReadableByteChannel open(Path file) throws IOException;
  }

  private final Path procRoot;
  private final UserNames users;
  private final FileOpener opener;
  private final AddressSpace.Opener addressSpaces;
  private final boolean fullArgs;
  private final RateLimitedLog warnings = new RateLimitedLog(log, WARN_INTERVAL_NANOS);
  private final AtomicLongArray fullArgsCounts = new AtomicLongArray(FullArgs.values().length);

  /**
   * The paths of the live pids of the latest scan, in ascending pid order (immutable once
   * published). Replaced, not updated, by each scan, so it never holds more than one scan's pids;
   * an array walked beside the sorted pids, where a map would box each pid and make a node.
   */
  private volatile PidPaths[] pathCache = new PidPaths[0];

  /**
   * @param procRoot the AIX {@code /proc} directory (or a copy of one)
   * @param users resolves effective uids to names
   */
  public AixProcessProbe(Path procRoot, UserNames users) {
    this(procRoot, users, true);
  }

  /**
   * @param procRoot the AIX {@code /proc} directory (or a copy of one)
   * @param users resolves effective uids to names
   * @param fullArgs read whole command lines from {@code as} where psargs is cut short
   */
  public AixProcessProbe(Path procRoot, UserNames users, boolean fullArgs) {
    this(procRoot, users, opener(procRoot), addressSpaces(procRoot), fullArgs);
  }

  /**
   * Opens files read-only through {@link BoundedFiles} under the proc root's {@link FileRule}:
   * outside the kernel's procfs no FIFO, device or link (a FIFO would block the open, and the scan
   * with it; a device such as {@code /dev/zero} is refused too). The channels are not closed by
   * thread interrupts, so a scan run by a thread that is interrupted (a poller told to stop) still
   * reads every process.
   */
  private static FileOpener opener(Path procRoot) {
    FileRule rule = FileRule.forRoot(procRoot);
    return file -> BoundedFiles.openChannel(file, rule);
  }

  /** Opens {@code as} files under the same rule as {@link #opener}. */
  private static AddressSpace.Opener addressSpaces(Path procRoot) {
    FileRule rule = FileRule.forRoot(procRoot);
    return file -> AddressSpace.ofFile(file, rule);
  }

  AixProcessProbe(Path procRoot, UserNames users, FileOpener opener) {
    this(procRoot, users, opener, addressSpaces(procRoot), true);
  }

  AixProcessProbe(
      Path procRoot,
      UserNames users,
      FileOpener opener,
      AddressSpace.Opener addressSpaces,
      boolean fullArgs) {
    this.procRoot = requireNonNull(procRoot, "procRoot is null");
    this.users = requireNonNull(users, "users is null");
    this.opener = requireNonNull(opener, "opener is null");
    this.addressSpaces = requireNonNull(addressSpaces, "addressSpaces is null");
    this.fullArgs = fullArgs;
  }

  /** What became of the attempts to read a whole command line, counted since construction. */
  public enum FullArgs {
    /** Read from {@code as} and shown. */
    READ,
    /** {@code status} or {@code as} not readable by the agent's user (or remembered so). */
    DENIED,
    /** The process exited while its argv was read. */
    GONE,
    /** {@code status} unreadable for another reason: the pointer width is unknown. */
    NO_DATA_MODEL,
    /** {@code pr_argc} was 0. */
    ARGC_ZERO,
    /** A pointer that cannot be an argv pointer (NULL, negative, misaligned). */
    BAD_POINTER,
    /** A pointer past the end of the address space, or a read the system refused. */
    UNMAPPED,
    /** The line read does not begin with psargs' program (rewritten argv or stray memory). */
    DISAGREES,
    /**
     * Also counted in {@link #READ}: the line was cut after {@link
     * ArgvReader#MAX_READS_PER_PROCESS} reads of the address space.
     */
    READ_CAPPED
  }

  /** How often each outcome of {@link FullArgs} happened since construction; all 0 when off. */
  public Map<FullArgs, Long> fullArgsCounts() {
    Map<FullArgs, Long> counts = new EnumMap<>(FullArgs.class);
    for (FullArgs f : FullArgs.values()) {
      counts.put(f, fullArgsCounts.get(f.ordinal()));
    }
    return counts;
  }

  /** Whether whole command lines are read. */
  public boolean fullArgs() {
    return fullArgs;
  }

  @Override
  public String name() {
    return "aix";
  }

  /**
   * Reads every process once.
   *
   * @throws IOException when {@code procRoot} is missing or cannot be listed; an {@link
   *     InterruptedIOException} when a read failed because the thread was interrupted (a part of
   *     the table is never returned as the table)
   */
  @Override
  public ProcessScan scan() throws IOException {
    long wallTimeMillis = System.currentTimeMillis();
    long startNanos = System.nanoTime();
    users.reloadIfChanged();
    long[] pids = ProcDirectory.listPids(procRoot, Psinfo.MAX_PID);
    Scan scan = new Scan(pids.length);
    PidPaths[] previous = pathCache;
    PidPaths[] live = new PidPaths[pids.length];
    int liveCount = 0;
    int cursor = 0;
    for (long pid : pids) {
      // pids ascend in both: one merge walk finds the paths a pid had in the last scan
      while (cursor < previous.length && previous[cursor].pid < pid) {
        cursor++;
      }
      PidPaths p =
          cursor < previous.length && previous[cursor].pid == pid
              ? previous[cursor]
              : new PidPaths(pid, procRoot.resolve(Long.toString(pid)));
      int rows = scan.rows.size();
      try {
        readProcess(scan, pid, p);
      } catch (Interrupted e) {
        // never a partial table: the scan fails, and the cache keeps serving the last whole one
        InterruptedIOException failure =
            new InterruptedIOException("scan interrupted at pid " + pid + " of " + procRoot);
        failure.initCause(e.getCause());
        throw failure;
      } catch (RuntimeException e) {
        // a bug or an unforeseen value must not cost the whole table
        scan.corrupt++;
        warnings.warn("pid {} could not be decoded: {}", pid, e.toString());
      }
      if (scan.rows.size() > rows) {
        // only live processes keep their paths: empty or broken pid directories cost nothing
        live[liveCount++] = p;
      }
    }
    pathCache = liveCount == live.length ? live : Arrays.copyOf(live, liveCount);
    ScanStats stats =
        new ScanStats(
            pids.length,
            scan.gone,
            scan.denied,
            scan.corrupt,
            scan.statusDeniedCount,
            0,
            0,
            0,
            scan.asDeniedCount,
            scan.argsTruncatedCount,
            -1); // no limits file: fdLimit is not read on AIX
    return new ProcessScan(
        scan.rows, wallTimeMillis, startNanos, System.nanoTime() - startNanos, stats);
  }

  /** Warnings written to the log so far (for tests). */
  long warningsLogged() {
    return warnings.logged();
  }

  /**
   * A read that failed because the thread was interrupted ({@link ClosedByInterruptException} from
   * a channel, {@link InterruptedIOException}): the entry is not "corrupt", the scan as a whole is
   * not trustworthy. The probe's own files are not interruptible ({@link BoundedFiles}); this
   * guards any other opener.
   */
  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted(IOException cause) {
      super(cause);
    }
  }

  /** Throws {@link Interrupted} when {@code e} says the thread was interrupted. */
  private static void failIfInterrupted(IOException e) {
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      throw new Interrupted(e);
    }
  }

  /** The files of one pid, kept from scan to scan so a long-lived process costs no new paths. */
  private static final class PidPaths {
    final long pid;
    final Path dir;
    final Path psinfo;
    final Path status;
    final Path as;

    PidPaths(long pid, Path dir) {
      this.pid = pid;
      this.dir = dir;
      this.psinfo = dir.resolve(PSINFO);
      this.status = dir.resolve(STATUS);
      this.as = dir.resolve(AS);
    }
  }

  /** Per-scan state: reused buffers and row builder, rows and counters. Confined to one thread. */
  private static final class Scan {
    final ByteBuffer psinfo = ByteBuffer.allocate(PsinfoLayout.PSINFO_SIZE);
    final ByteBuffer status = ByteBuffer.allocate(PstatusLayout.PSTATUS_SIZE);

    /** The row builder, reset for each process. */
    final ProcessInfo.Builder row = ProcessInfo.builder(0);

    final List<ProcessInfo> rows;
    int gone;
    int denied;
    int corrupt;
    int statusDeniedCount;
    int asDeniedCount;
    int argsTruncatedCount;

    /** {@link #owners} of processes whose status was denied in this scan. */
    final OwnerSet statusDenied = new OwnerSet();

    /** {@link #owners} of processes whose {@code as} was denied in this scan. */
    final OwnerSet asDenied = new OwnerSet();

    /** Created on the first whole command line of the scan. */
    ArgvReader argv;

    /** What the scan keeps of whole command lines: 16 MB, then 4 KB per process. */
    final ArgsBudget args = new ArgsBudget(ArgvReader.Limits.DEFAULT.maxBytes());

    Scan(int expected) {
      rows = new ArrayList<>(expected);
    }

    void add(ProcessInfo row) {
      rows.add(row);
      if (row.argsTruncated()) {
        argsTruncatedCount++;
      }
    }

    /** The real and effective uid of a process in one value (each is 32 bits). */
    static long owners(Psinfo psinfo) {
      return psinfo.uid() << 32 | psinfo.euid();
    }
  }

  /** A small set of {@link Scan#owners} values; a scan meets few distinct owners. */
  private static final class OwnerSet {
    private long[] owners = new long[8];
    private int count;

    boolean contains(long value) {
      for (int i = 0; i < count; i++) {
        if (owners[i] == value) {
          return true;
        }
      }
      return false;
    }

    void add(long value) {
      if (count == owners.length) {
        owners = Arrays.copyOf(owners, count * 2);
      }
      owners[count++] = value;
    }
  }

  private void readProcess(Scan scan, long pid, PidPaths paths) {
    Path dir = paths.dir;
    Psinfo psinfo;
    try (ReadableByteChannel ch = opener.open(paths.psinfo)) {
      readUpToCapacity(ch, scan.psinfo);
    } catch (AccessDeniedException e) {
      scan.denied++;
      scan.rows.add(ProcessInfo.builder(pid).build());
      return;
    } catch (IOException e) {
      failIfInterrupted(e);
      if (ProcDirectory.isGone(e, paths.dir)) {
        scan.gone++;
      } else {
        scan.corrupt++;
        warnings.warn("psinfo of pid {} could not be read: {}", pid, e.toString());
      }
      return;
    }
    try {
      psinfo = AixRecord.PSINFO.parse(scan.psinfo);
    } catch (CorruptRecordException e) {
      scan.corrupt++;
      warnings.warn(
          "psinfo of pid {} is corrupt ({} bytes): {}", pid, e.byteCount(), e.getMessage());
      return;
    }
    if (psinfo.pid() != pid) {
      scan.corrupt++;
      warnings.warn(
          "psinfo of pid {} is corrupt ({} bytes): it says pr_pid {}",
          pid,
          scan.psinfo.remaining(),
          psinfo.pid());
      return;
    }

    Pstatus status = null;
    long owners = Scan.owners(psinfo);
    boolean wantsFullArgs = fullArgs && psinfo.argsTruncated() && !psinfo.isZombie();
    if (scan.statusDenied.contains(owners)) {
      // denied for this (uid, euid) a moment ago: spare an exception per process
      scan.denied++;
      scan.statusDeniedCount++;
      if (wantsFullArgs) {
        count(FullArgs.DENIED);
      }
      scan.add(psinfo.toProcessInfo(scan.row, null, users.nameOf(psinfo.euid(), dir)));
      return;
    }
    try (ReadableByteChannel ch = opener.open(paths.status)) {
      readUpToCapacity(ch, scan.status);
      status = AixRecord.STATUS.parse(scan.status);
      if (status.pid() != pid) {
        warnings.warn(
            "status of pid {} is corrupt ({} bytes): it says pr_pid {}",
            pid,
            scan.status.remaining(),
            status.pid());
        status = null;
      }
    } catch (AccessDeniedException e) {
      scan.denied++;
      scan.statusDeniedCount++;
      scan.statusDenied.add(owners);
    } catch (IOException e) {
      failIfInterrupted(e);
      if (!ProcDirectory.isGone(e, paths.dir)) {
        warnings.warn("status of pid {} could not be read: {}", pid, e.toString());
      }
      // gone after psinfo was read: keep the row as it was
    } catch (CorruptRecordException e) {
      warnings.warn(
          "status of pid {} is corrupt ({} bytes): {}", pid, e.byteCount(), e.getMessage());
    }

    String user = users.nameOf(psinfo.euid(), dir);
    ArgvReader.Result full = wantsFullArgs ? readFullArgs(scan, pid, paths, psinfo, status) : null;
    scan.add(
        full == null
            ? psinfo.toProcessInfo(scan.row, status, user)
            : psinfo.toProcessInfo(
                scan.row, status, user, full.args(), full.truncated(), full.javaMain()));
  }

  /**
   * The whole argv of a process whose psargs are cut short; null (counted) when it cannot be read
   * or does not agree with psargs.
   */
  private ArgvReader.Result readFullArgs(
      Scan scan, long pid, PidPaths paths, Psinfo psinfo, Pstatus status) {
    long owners = Scan.owners(psinfo);
    if (status == null) {
      count(scan.statusDenied.contains(owners) ? FullArgs.DENIED : FullArgs.NO_DATA_MODEL);
      return null;
    }
    if (scan.asDenied.contains(owners)) {
      scan.asDeniedCount++;
      count(FullArgs.DENIED);
      return null;
    }
    ArgvReader.Failure before =
        ArgvReader.check(psinfo.argvAddr(), psinfo.argc(), status.is64Bit());
    if (scan.argv == null) {
      scan.argv = new ArgvReader(ArgvReader.Limits.DEFAULT);
    }
    ArgvReader.Result r;
    if (before != null) {
      r = ArgvReader.Result.failed(before); // no need to open the address space
    } else {
      try (AddressSpace as = addressSpaces.open(paths.as)) {
        r =
            scan.argv.read(
                as, psinfo.argvAddr(), psinfo.argc(), status.is64Bit(), scan.args.limit());
      } catch (AccessDeniedException e) {
        scan.asDenied.add(owners);
        scan.asDeniedCount++;
        count(FullArgs.DENIED);
        return null;
      } catch (IOException e) {
        failIfInterrupted(e);
        // gone, or a read the system refused (EIO for an unmapped address): psargs it is
        count(ProcDirectory.isGone(e, paths.dir) ? FullArgs.GONE : FullArgs.UNMAPPED);
        return null;
      }
    }
    if (!r.ok()) {
      count(
          switch (r.failure()) {
            case ARGC_ZERO -> FullArgs.ARGC_ZERO;
            case BAD_POINTER -> FullArgs.BAD_POINTER;
            case UNMAPPED -> FullArgs.UNMAPPED;
          });
      return null;
    }
    if (!ArgvReader.agreesWith(r.args(), psinfo.psargs())) {
      count(FullArgs.DISAGREES);
      return null;
    }
    count(FullArgs.READ);
    if (r.readCapped()) {
      count(FullArgs.READ_CAPPED);
    }
    // the scan's budget, in bytes of the decoded text (invalid UTF-8 as U+FFFD counts 3 each)
    String kept = scan.args.keep(r.args());
    return new ArgvReader.Result(
        kept, r.truncated() || scan.args.lastCut(), null, r.readCapped(), r.javaMain());
  }

  private void count(FullArgs outcome) {
    fullArgsCounts.incrementAndGet(outcome.ordinal());
  }

  /** Clears {@code buf}, fills it from {@code ch} until full or end of file, and flips it. */
  private static void readUpToCapacity(ReadableByteChannel ch, ByteBuffer buf) throws IOException {
    buf.clear();
    while (buf.hasRemaining() && ch.read(buf) >= 0) {
      // a /proc read normally returns the whole record at once
    }
    buf.flip();
  }
}
