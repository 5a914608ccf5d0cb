package dev.psinfo.probe.linux;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.ARGS_TRUNCATED;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.EGID;
import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.FD_LIMIT;
import static dev.psinfo.probe.ProcessField.GID;
import static dev.psinfo.probe.ProcessField.INVOLUNTARY_CTX_SWITCHES;
import static dev.psinfo.probe.ProcessField.JAVA_MAIN;
import static dev.psinfo.probe.ProcessField.MAJOR_FAULTS;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.NICE;
import static dev.psinfo.probe.ProcessField.OPEN_FDS;
import static dev.psinfo.probe.ProcessField.PGID;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.PRIORITY;
import static dev.psinfo.probe.ProcessField.READ_BYTES;
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
import static dev.psinfo.probe.ProcessField.VOLUNTARY_CTX_SWITCHES;
import static dev.psinfo.probe.ProcessField.VSZ_BYTES;
import static dev.psinfo.probe.ProcessField.WRITE_BYTES;
import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.Visibility;
import dev.psinfo.support.ArgsBudget;
import dev.psinfo.support.Log;
import dev.psinfo.support.ProcDirectory;
import dev.psinfo.support.RateLimitedLog;
import dev.psinfo.support.UserNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process table from Linux {@code /proc}. Thread-safe; scans may run concurrently.
 *
 * <p>Per process it reads {@code stat} (ids, name, state, times, sizes), {@code status} (real and
 * effective uid/gid, threads, context switches), {@code cmdline} (up to {@value #MAX_ARGS_BYTES}
 * bytes, then {@code argsTruncated}), {@code io}, the count of {@code fd} entries and, where that
 * count is known, {@code limits} (for {@code fdLimit}), each file once into a buffer reused across
 * the scan. The user is the effective uid's name from {@link UserNames}, which falls back to the
 * owner of {@code /proc/<pid>} for directory (LDAP/NIS) users: no process is forked.
 *
 * <p>How an entry is classified:
 *
 * <ul>
 *   <li><b>gone</b>: {@code stat}, {@code status} or {@code cmdline} is missing ({@link
 *       NoSuchFileException}), its read fails with ESRCH ("No such process") or after the pid's
 *       directory vanished, or {@code stat}/{@code status} is empty. The row is dropped without a
 *       message. ({@code io} and {@code fd} are read last; a process that exits just before them
 *       keeps its row with those fields -1.)
 *   <li><b>denied</b>: {@code stat}, {@code status} or {@code cmdline} (the files every user can
 *       normally read) is not readable, as under {@code hidepid}. The row is kept with those fields
 *       unavailable and counted. {@code io} and {@code fd} are readable only for one's own
 *       processes (or with {@code CAP_SYS_PTRACE}), so not being able to read them is the normal
 *       case for an unprivileged agent: those fields ({@code openFds}, {@code readBytes}, {@code
 *       writeBytes}) are then -1 and the row is <em>not</em> counted as denied, only in the
 *       per-file counters of {@link ScanStats} ({@code ioDenied}, {@code fdDenied}; likewise {@code
 *       statusDenied}, {@code cmdlineDenied}). An {@code io} that is absent (kernels without {@code
 *       CONFIG_TASK_IO_ACCOUNTING}) is not a denial.
 *   <li><b>corrupt</b>: {@code stat} or {@code status} does not parse, names another pid, holds
 *       values that make no row (a time or size that overflows when converted), or a read fails for
 *       another reason. The row is dropped, counted, and a warning with the pid and byte count is
 *       logged at most once a minute. A corrupt {@code io} only makes its fields -1 (and warns the
 *       same way).
 * </ul>
 *
 * <p>Each scan also carries its {@link Visibility}: the proc mount's {@code hidepid} and the pid
 * namespace (read once, when the probe is made) and the kernel's task count from {@code loadavg}
 * (read before and after each scan, the smaller kept).
 *
 * <p>{@code openFds}: on {@code procfs} since Linux 6.2 the size of {@code /proc/<pid>/fd} is the
 * number of open descriptors, which one {@code stat} call reads (for any user's process; this is
 * detected once, from {@code /proc/self/fd}). On older kernels, or when the tree is not {@code
 * procfs}, the entries are counted, which needs permission to list them.
 *
 * <p>What one user's processes can cost: every file is read with a byte limit ({@value
 * #MAX_ARGS_BYTES} of arguments, {@link ProcFileReader#MAX_FILE_BYTES} of anything else); the
 * arguments of one scan are kept up to {@link #SCAN_ARGS_BYTES} bytes in all, after which each
 * further process keeps at most {@link #MIN_ARGS_BYTES} bytes ({@link ArgsBudget}: bytes of the
 * text kept, after decoding, so invalid UTF-8 cannot multiply them). Outside the kernel's procfs
 * only no FIFO, device or link is opened (one planted in a fake tree is counted corrupt).
 */
public final class LinuxProcessProbe implements ProcessProbe {
  private static final Log LOG = Log.of(LinuxProcessProbe.class);
  private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Linux's PID_MAX_LIMIT is 2^22; anything up to 2^31-1 is accepted as a pid name. */
  static final long MAX_PID = Integer.MAX_VALUE;

  /**
   * The most of {@code limits} that is read: the kernel's file is about 1.3 KB, with {@code Max
   * open files} on its 9th line; a longer one (a fake tree) is cut here, and parsed as far as read.
   */
  static final int MAX_LIMITS_BYTES = 4096;

  /** The most of one process's command line that is read and kept, by default. */
  public static final int MAX_ARGS_BYTES = 64 * 1024;

  /** The command-line bytes one scan keeps in full (then {@link #MIN_ARGS_BYTES} per process). */
  public static final long SCAN_ARGS_BYTES = ArgsBudget.SCAN_BYTES;

  /** What every process keeps of its command line once the scan's budget is spent. */
  public static final int MIN_ARGS_BYTES = ArgsBudget.MIN_BYTES;

  private final Path procRoot;
  private final UserNames users;
  private final LinuxKernelFacts facts;
  private final boolean fdCountInSize;
  private final long agentUid;
  private final Visibility visibility;
  private final boolean checkTypes;
  private final int maxArgsBytes;
  private final AtomicReference<ProcFileReader> spareReader = new AtomicReference<>();

  /**
   * The file names of the latest scan's pids, in ascending pid order (immutable once published), so
   * that a process seen before costs no new path strings: about 0.3 KB kept per live process.
   * Replaced, not updated, by each scan.
   */
  private volatile PidFiles[] latestFiles = new PidFiles[0];

  private final RateLimitedLog warnings = new RateLimitedLog(LOG, WARN_INTERVAL_NANOS);

  /**
   * Reads the kernel facts from {@code procRoot} (see {@link LinuxKernelFacts#read}).
   *
   * @param procRoot usually {@code /proc}; a fake tree for tests
   * @param users resolves effective uids to names
   */
  public LinuxProcessProbe(Path procRoot, UserNames users) {
    this(procRoot, users, LinuxKernelFacts.read(procRoot));
  }

  /** With kernel facts read elsewhere (or made up for a test). */
  public LinuxProcessProbe(Path procRoot, UserNames users, LinuxKernelFacts facts) {
    this(procRoot, users, facts, MAX_ARGS_BYTES);
  }

  /**
   * @param maxArgsBytes the most of one process's command line read and kept (then {@code
   *     argsTruncated}), at most {@link ProcFileReader#MAX_FILE_BYTES}
   */
  public LinuxProcessProbe(
      Path procRoot, UserNames users, LinuxKernelFacts facts, int maxArgsBytes) {
    if (maxArgsBytes < 1 || maxArgsBytes > ProcFileReader.MAX_FILE_BYTES) {
      throw new IllegalArgumentException("maxArgsBytes out of range: " + maxArgsBytes);
    }
    this.maxArgsBytes = maxArgsBytes;
    this.procRoot = requireNonNull(procRoot, "procRoot is null");
    this.users = requireNonNull(users, "users is null");
    this.facts = requireNonNull(facts, "facts is null");
    this.fdCountInSize = fdCountInSize(procRoot);
    this.agentUid = ownerOf(procRoot.resolve("self"));
    this.visibility = LinuxVisibility.read(procRoot);
    this.checkTypes = !ProcDirectory.isKernelProcfs(procRoot);
  }

  /** The uid owning {@code file}, or -1 when unknown. */
  private static long ownerOf(Path file) {
    try {
      return Integer.toUnsignedLong((Integer) Files.getAttribute(file, "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Whether the size of {@code <procRoot>/<pid>/fd} is its entry count (procfs since Linux 6.2):
   * true when the tree is procfs and this process's own fd directory, which cannot be empty, has a
   * size above 0.
   */
  private static boolean fdCountInSize(Path root) {
    try {
      return "proc".equals(Files.getFileStore(root).type())
          && Files.readAttributes(root.resolve("self").resolve("fd"), BasicFileAttributes.class)
                  .size()
              > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return "linux";
  }

  /** The clock-tick, page-size and boot-time facts this probe converts with. */
  public LinuxKernelFacts facts() {
    return facts;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException only when {@code procRoot} cannot be listed
   */
  @Override
  public ProcessScan scan() throws IOException {
    long wallMillis = System.currentTimeMillis();
    long startNanos = System.nanoTime();
    users.reloadIfChanged();
    long tasksBefore = LinuxVisibility.kernelTasks(procRoot);
    long[] pids = ProcDirectory.listPids(procRoot, MAX_PID);
    ProcFileReader reader = spareReader.getAndSet(null);
    if (reader == null) {
      reader = new ProcFileReader(checkTypes);
    }
    Tally tally = new Tally(maxArgsBytes);
    List<ProcessInfo> rows = new ArrayList<>(pids.length);
    PidFiles[] previous = latestFiles;
    PidFiles[] files = new PidFiles[pids.length];
    int cursor = 0;
    for (int i = 0; i < pids.length; i++) {
      long pid = pids[i];
      // pids ascend in both arrays: one merge walk finds the files a pid had in the last scan
      while (cursor < previous.length && previous[cursor].pid < pid) {
        cursor++;
      }
      PidFiles f =
          cursor < previous.length && previous[cursor].pid == pid
              ? previous[cursor]
              : new PidFiles(procRoot, pid);
      files[i] = f;
      ProcessInfo row = readProcess(f, reader, tally);
      if (row != null) {
        rows.add(row);
      }
    }
    latestFiles = files;
    if (reader.worthKeeping()) {
      spareReader.set(reader);
    }
    ScanStats stats =
        new ScanStats(
            pids.length,
            tally.gone,
            tally.denied,
            tally.corrupt,
            tally.statusDenied,
            tally.cmdlineDenied,
            tally.ioDenied,
            tally.fdDenied,
            0,
            tally.argsTruncated,
            tally.fdLimitDenied);
    // tasks come and go while the scan runs: the smaller count is the one the table could reach
    long tasksAfter = LinuxVisibility.kernelTasks(procRoot);
    long tasks = tasksBefore < 0 || tasksAfter < 0 ? -1 : Math.min(tasksBefore, tasksAfter);
    return new ProcessScan(
        rows,
        wallMillis,
        startNanos,
        System.nanoTime() - startNanos,
        stats,
        visibility.withKernelTasks(tasks));
  }

  private ProcessInfo readProcess(PidFiles files, ProcFileReader reader, Tally tally) {
    long pid = files.pid;
    String file = "stat";
    try {
      ProcessInfo.Builder row = tally.row.reset(pid);
      boolean denied = false;
      long euid = -1;

      int n = readUnlessDenied(reader, files.stat);
      String name = "";
      if (n == 0) {
        tally.gone++;
        return null;
      } else if (n > 0) {
        LinuxStat stat = LinuxProcParsers.parseStat(reader.bytes(), n);
        if (stat.pid() != pid) {
          throw new CorruptRecordException("stat", n, "holds pid " + stat.pid());
        }
        name = stat.name();
        fillFromStat(row, stat);
      } else {
        denied = true;
      }

      file = "status";
      n = readUnlessDenied(reader, files.status);
      if (n == 0) {
        tally.gone++;
        return null;
      } else if (n > 0) {
        LinuxStatus status = LinuxProcParsers.parseStatus(reader.bytes(), n);
        euid = status.euid();
        String user = users.knownName(euid);
        row.set(UID, status.uid())
            .set(EUID, status.euid())
            .set(GID, status.gid())
            .set(EGID, status.egid())
            .set(USER, user != null ? user : users.nameOf(euid, files.dir()))
            .set(VOLUNTARY_CTX_SWITCHES, status.voluntaryCtxSwitches())
            .set(INVOLUNTARY_CTX_SWITCHES, status.involuntaryCtxSwitches());
        if (status.threads() >= 0) {
          row.set(THREADS, status.threads());
        }
      } else {
        denied = true;
        tally.statusDenied++;
      }

      file = "cmdline";
      n = readUnlessDenied(reader, files.cmdline, tally.args.limit());
      if (n >= 0) {
        // counted after decoding: an invalid byte kept as U+FFFD costs its 3 bytes
        // before args(), which overwrites the NULs between the arguments
        row.set(JAVA_MAIN, files.javaMain(reader.bytes(), n, reader.truncated()));
        String args = tally.args.keep(files.args(reader.bytes(), n, name));
        files.remember(args);
        boolean truncated = reader.truncated() || tally.args.lastCut();
        row.set(ARGS, args).set(ARGS_TRUNCATED, truncated);
        if (truncated) {
          tally.argsTruncated++;
        }
      } else {
        denied = true;
        tally.cmdlineDenied++;
      }

      readIo(pid, row, reader, files, euid, tally);
      long fds = countFds(files, euid);
      if (fds == DENIED) {
        tally.fdDenied++;
      } else {
        row.set(OPEN_FDS, fds);
      }
      if (fds >= 0) {
        readFdLimit(pid, row, reader, files, tally);
      }

      if (denied) {
        tally.denied++;
      }
      return row.build();
    } catch (CorruptRecordException e) {
      tally.corrupt++;
      warnCorrupt(pid, e.what(), e.byteCount(), e.getMessage(), true);
      return null;
    } catch (RuntimeException e) {
      // values that parse but make no row (a time or size that overflows when converted): this
      // entry is corrupt; the scan and every other row go on
      tally.corrupt++;
      warnCorrupt(pid, "stat", -1, e.toString(), true);
      return null;
    } catch (IOException e) {
      if (ProcDirectory.isGone(e, files.dir())) {
        tally.gone++;
      } else {
        tally.corrupt++;
        warnCorrupt(pid, file, -1, e.toString(), true);
      }
      return null;
    }
  }

  private void fillFromStat(ProcessInfo.Builder row, LinuxStat stat) {
    long userMillis = facts.ticksToMillis(stat.userTicks());
    long systemMillis = facts.ticksToMillis(stat.systemTicks());
    long boot = facts.bootTimeMillis();
    row.set(PPID, stat.ppid())
        .set(PGID, stat.pgrp())
        .set(SID, stat.session())
        .set(MAJOR_FAULTS, stat.majorFaults())
        .set(NAME, stat.name())
        .set(STATE_CODE, stateCode(stat.stateCode()))
        .set(STATE, state(stat.stateCode()))
        .set(THREADS, stat.threads())
        .set(PRIORITY, stat.priority())
        .set(NICE, stat.nice())
        .set(RSS_BYTES, stat.rssPages() * facts.pageSizeBytes())
        .set(VSZ_BYTES, stat.vsizeBytes())
        .set(USER_TIME_MILLIS, userMillis)
        .set(SYSTEM_TIME_MILLIS, systemMillis)
        .set(CPU_TIME_MILLIS, userMillis + systemMillis)
        .set(START_TIME_MILLIS, boot < 0 ? -1 : boot + facts.ticksToMillis(stat.startTicks()));
  }

  private void readIo(
      long pid,
      ProcessInfo.Builder row,
      ProcFileReader reader,
      PidFiles files,
      long euid,
      Tally tally) {
    // access(2) first for other users' processes: no exception for the usual "not yours" case
    // (through the pid's kept File: Files.isReadable would make a Path and an array each time)
    if ((euid != agentUid || euid < 0) && !files.ioFile().canRead()) {
      if (files.ioFile().exists()) {
        tally.ioDenied++;
      }
      return;
    }
    int n;
    try {
      n = reader.read(files.io);
    } catch (IOException e) {
      // EACCES also comes from the read itself (the kernel's ptrace check, even for root when the
      // process is not dumpable) as a plain IOException whose text may be localized: any failure
      // but "gone" counts as denied. The file is absent without CONFIG_TASK_IO_ACCOUNTING (gone,
      // not denied). Either way the counters stay -1.
      if (!ProcDirectory.isGone(e, files.dir())) {
        tally.ioDenied++;
      }
      return;
    }
    if (n == 0) {
      return;
    }
    try {
      LinuxIo counters = LinuxProcParsers.parseIo(reader.bytes(), n);
      row.set(READ_BYTES, counters.readBytes()).set(WRITE_BYTES, counters.writeBytes());
    } catch (CorruptRecordException e) {
      warnCorrupt(pid, e.what(), e.byteCount(), e.getMessage(), false);
    }
  }

  /**
   * {@code fdLimit} from {@code limits}, for a process whose descriptors were counted (so that a
   * scan reads it only where {@code openFds / fdLimit} can be known). The file is readable by every
   * user; a read refused anyway (a process hidden by {@code hidepid}) is counted in {@code
   * fdLimitDenied}, a corrupt one only warned about; either leaves the field -1, as does a process
   * that exited.
   */
  private void readFdLimit(
      long pid, ProcessInfo.Builder row, ProcFileReader reader, PidFiles files, Tally tally) {
    int n;
    try {
      n = reader.read(files.limits(), MAX_LIMITS_BYTES);
    } catch (IOException e) {
      if (!ProcDirectory.isGone(e, files.dir())) {
        tally.fdLimitDenied++;
      }
      return;
    }
    if (n == 0) {
      return;
    }
    try {
      row.set(FD_LIMIT, LinuxProcParsers.parseFdLimit(reader.bytes(), n));
    } catch (CorruptRecordException e) {
      warnCorrupt(pid, e.what(), e.byteCount(), e.getMessage(), false);
    }
  }

  /** {@link #countFds}'s answer when the directory exists but may not be listed. */
  private static final long DENIED = -2;

  /**
   * The number of open descriptors; {@link #DENIED} when the directory exists but may not be read,
   * -1 when it cannot be read for another reason (the process exited).
   *
   * <p>Through the pid's kept {@link File}, which costs nothing per scan: {@link File#length()}
   * (one {@code stat}, no attribute object; its 0 is also its answer to a failure, so a 0 is looked
   * at again) and {@link File#list()} (one String per entry, where a {@link DirectoryStream} makes
   * two Paths and three arrays per entry and a lock per directory, about 0.5 KB for a process with
   * 4 descriptors). Where either fails, the {@link Files} methods say why.
   */
  private long countFds(PidFiles files, long euid) {
    File fdDir = files.fdFile();
    if (fdCountInSize) {
      long size = fdDir.length();
      if (size > 0) {
        return size;
      }
      try {
        return Files.readAttributes(fdDir.toPath(), BasicFileAttributes.class).size();
      } catch (AccessDeniedException e) {
        return DENIED;
      } catch (IOException e) {
        return -1;
      }
    }
    if ((euid != agentUid || euid < 0) && !fdDir.canRead()) {
      return fdDir.exists() ? DENIED : -1;
    }
    String[] entries = fdDir.list();
    if (entries != null) {
      return entries.length;
    }
    return countFdsReportingFailure(fdDir.toPath());
  }

  /** {@link #countFds} by a stream, whose failure says why (error path only). */
  private static long countFdsReportingFailure(Path fdDir) {
    try {
      long count = 0;
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
        for (Path ignored : fds) {
          count++;
        }
      } catch (DirectoryIteratorException e) {
        throw e.getCause();
      }
      return count;
    } catch (AccessDeniedException e) {
      return DENIED;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The file's length in {@code reader}, or -1 when it may not be read. */
  private static int readUnlessDenied(ProcFileReader reader, String file) throws IOException {
    return readUnlessDenied(reader, file, ProcFileReader.MAX_FILE_BYTES);
  }

  /**
   * The file's length in {@code reader} (at most {@code maxBytes}), or -1 when it may not be read.
   */
  private static int readUnlessDenied(ProcFileReader reader, String file, int maxBytes)
      throws IOException {
    try {
      return reader.read(file, maxBytes);
    } catch (AccessDeniedException e) {
      return -1;
    }
  }

  private void warnCorrupt(
      long pid, String file, long byteCount, String message, boolean rowSkipped) {
    warnings.warn(
        "{} {}/{}/{} ({} bytes): {}",
        rowSkipped ? "skipped process with corrupt" : "ignored corrupt",
        procRoot,
        pid,
        file,
        byteCount,
        message);
  }

  /** The kernel's letter as a (shared) string. */
  static String stateCode(char code) {
    return switch (code) {
      case 'R' -> "R";
      case 'S' -> "S";
      case 'D' -> "D";
      case 'Z' -> "Z";
      case 'T' -> "T";
      case 't' -> "t";
      case 'X' -> "X";
      case 'I' -> "I";
      default -> String.valueOf(code);
    };
  }

  /** The normalized state of a kernel state letter. */
  static ProcessState state(char code) {
    return switch (code) {
      case 'R' -> ProcessState.RUNNING;
      case 'S', 'D' -> ProcessState.SLEEPING;
      case 'T', 't' -> ProcessState.STOPPED;
      case 'Z' -> ProcessState.ZOMBIE;
      case 'I' -> ProcessState.IDLE;
      default -> ProcessState.OTHER;
    };
  }

  /**
   * Per-scan counts, the row builder and the argument budget of the scan; confined to the scanning
   * thread.
   */
  private static final class Tally {
    final ProcessInfo.Builder row = ProcessInfo.builder(0);
    int gone;
    int denied;
    int corrupt;
    int statusDenied;
    int cmdlineDenied;
    int ioDenied;
    int fdDenied;
    int fdLimitDenied;
    int argsTruncated;
    final ArgsBudget args;

    Tally(int maxArgsBytes) {
      this.args = new ArgsBudget(maxArgsBytes);
    }
  }

  /**
   * One pid's file names, kept from scan to scan while the pid is listed, and its last command
   * line. Shared by concurrent scans: the names are final, the paths are made on first use (any
   * thread may make them; they are equal), and the last command line is one volatile reference.
   */
  /** A JVM's last command line, as read, and its {@code javaMain}. */
  private record LastJava(byte[] cmdline, boolean truncated, String javaMain) {}

  private static final class PidFiles {
    final long pid;
    final String dirName;
    final String stat;
    final String status;
    final String cmdline;
    final String io;
    private String limits;
    private Path dir;
    private File fdFile;
    private File ioFile;
    private volatile String lastArgs;
    private volatile LastJava lastJava;

    PidFiles(Path procRoot, long pid) {
      this.pid = pid;
      this.dirName = procRoot.toString() + '/' + pid;
      this.stat = dirName + "/stat";
      this.status = dirName + "/status";
      this.cmdline = dirName + "/cmdline";
      this.io = dirName + "/io";
    }

    Path dir() {
      Path d = dir;
      if (d == null) {
        d = Path.of(dirName);
        dir = d;
      }
      return d;
    }

    /** The {@code limits} file's name, made on first use (only counted processes need it). */
    String limits() {
      String l = limits;
      if (l == null) {
        l = dirName + "/limits";
        limits = l;
      }
      return l;
    }

    /** The {@code fd} directory, made on first use. */
    File fdFile() {
      File f = fdFile;
      if (f == null) {
        f = new File(dirName, "fd");
        fdFile = f;
      }
      return f;
    }

    /** The {@code io} file as a {@link File}, for access checks; made on first use. */
    File ioFile() {
      File f = ioFile;
      if (f == null) {
        f = new File(io);
        ioFile = f;
      }
      return f;
    }

    /**
     * {@link LinuxProcParsers#javaMain} of the command line in {@code b[0..n)} (call it before
     * {@link #args}, which overwrites the NULs), or the same String as the last scan's when the
     * bytes are the same: a JVM's command line is kept as bytes (one copy per JVM, made when it
     * changes) and compared, so boundaries between arguments count; any other process costs a look
     * at its first argument and nothing kept.
     */
    String javaMain(byte[] b, int n, boolean truncated) {
      if (!LinuxProcParsers.isJavaLauncher(b, n)) {
        lastJava = null;
        return "";
      }
      LastJava last = lastJava;
      if (last != null
          && last.truncated == truncated
          && Arrays.equals(b, 0, n, last.cmdline, 0, last.cmdline.length)) {
        return last.javaMain;
      }
      String main = LinuxProcParsers.javaMain(b, n, truncated);
      lastJava = new LastJava(Arrays.copyOf(b, n), truncated, main);
      return main;
    }

    /**
     * The command line in {@code b[0..n)} as {@link LinuxProcParsers#parseCmdline} makes it ({@code
     * ""} for an empty one of a process without a name), or the same String as the last scan's when
     * the content is the same: a long-lived process's arguments cost no new String. Correct by
     * content, so a reused pid is no risk.
     */
    String args(byte[] b, int n, String name) {
      String last = lastArgs;
      if (last != null && LinuxProcParsers.cmdlineEquals(b, n, name, last)) {
        return last;
      }
      return n == 0 && name.isEmpty() ? "" : LinuxProcParsers.parseCmdline(b, n, name);
    }

    /** Keeps {@code args} (what the row holds, after the budget) for the next scan's compare. */
    void remember(String args) {
      lastArgs = args;
    }
  }
}
