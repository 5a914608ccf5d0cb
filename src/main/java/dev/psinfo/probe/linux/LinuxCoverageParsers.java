package dev.psinfo.probe.linux;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CpuTimes;

/**
 * Pure parsers for what tells how much of the host the process table sees, and for the host's CPU
 * counters: {@code /proc/self/mountinfo}, the pid namespace links, {@code /proc/loadavg}'s task
 * counts and {@code /proc/stat}'s {@code cpu} line. No I/O, no state; malformed input gives the
 * documented "unknown" value, never an exception.
 */
public final class LinuxCoverageParsers {
  /**
   * The inode of the kernel's initial pid namespace ({@code PROC_PID_INIT_INO} = {@code 0xEFFFFFFC}
   * in {@code include/linux/proc_ns.h}, fixed since Linux 3.8): {@code readlink /proc/<pid>/ns/pid}
   * says {@code pid:[4026531836]} for every process of the host's namespace.
   */
  public static final long INITIAL_PID_NAMESPACE_INODE = 0xEFFFFFFCL;

  /** {@link PidNamespace#kind()} values. */
  public static final String HOST = "host";

  public static final String CONTAINER = "container";
  public static final String UNKNOWN = "unknown";

  private LinuxCoverageParsers() {}

  /**
   * The mount a path lies on, from {@code /proc/self/mountinfo}.
   *
   * @param mountPoint where it is mounted (escapes such as {@code \040} decoded)
   * @param fsType the file system type, {@code proc} for a procfs
   * @param hidepid the procfs {@code hidepid} level as the kernel numbers it: 0 (off: everybody
   *     sees every process), 1 ({@code noaccess}: every pid is listed but other users' files are
   *     closed), 2 ({@code invisible}: other users' processes are not listed), 4 ({@code
   *     ptraceable}: only processes the reader may ptrace are listed); -1 when the mount is not a
   *     procfs or says a level this parser does not know
   * @param subsetPid whether the procfs was mounted with {@code subset=pid} (only the process
   *     directories, no {@code loadavg}, {@code stat} …)
   * @param superOptions the mount's super options as written, e.g. {@code rw,hidepid=invisible}
   */
  public record ProcMount(
      String mountPoint, String fsType, int hidepid, boolean subsetPid, String superOptions) {
    public ProcMount {
      requireNonNull(mountPoint, "mountPoint is null");
      requireNonNull(fsType, "fsType is null");
      requireNonNull(superOptions, "superOptions is null");
      if (hidepid < -1) {
        throw new IllegalArgumentException("hidepid must be >= -1: " + hidepid);
      }
    }

    /** Whether other users' processes are hidden or closed ({@code hidepid} 1, 2 or 4). */
    public boolean hidesOthers() {
      return hidepid > 0;
    }
  }

  /**
   * The mount {@code path} lies on: the line of {@code mountinfo} whose mount point is the longest
   * whole-component prefix of {@code path}, the last such line when mounts are stacked (the top
   * one). Lines are {@code id parent major:minor root mountPoint options [optional…] - fsType
   * source superOptions} (proc(5)).
   *
   * @param path an absolute, normalized path with symbolic links resolved
   * @return the mount, or null when no line matches or the text is malformed
   */
  public static ProcMount parseMountOf(String mountinfo, String path) {
    requireNonNull(path, "path is null");
    ProcMount best = null;
    for (String line : requireNonNull(mountinfo, "mountinfo is null").split("\n")) {
      String[] f = line.trim().split(" ");
      int dash = -1;
      for (int i = 6; i < f.length; i++) {
        if (f[i].equals("-")) {
          dash = i;
          break;
        }
      }
      if (dash < 0 || f.length < dash + 3) {
        continue;
      }
      String mountPoint = unescape(f[4]);
      if (!contains(mountPoint, path)
          || (best != null && best.mountPoint().length() > mountPoint.length())) {
        continue;
      }
      String fsType = f[dash + 1];
      String superOptions = f.length > dash + 3 ? f[dash + 3] : "";
      best =
          new ProcMount(
              mountPoint,
              fsType,
              fsType.equals("proc") ? hidepidLevel(superOptions) : -1,
              fsType.equals("proc") && hasOption(superOptions, "subset=pid"),
              superOptions);
    }
    return best;
  }

  /** Whether {@code path} is {@code mountPoint} or lies under it. */
  private static boolean contains(String mountPoint, String path) {
    if (mountPoint.equals("/") || mountPoint.equals(path)) {
      return true;
    }
    return path.startsWith(mountPoint) && path.charAt(mountPoint.length()) == '/';
  }

  /**
   * The {@code hidepid} level in procfs super options: 0 when absent; the numeric forms (Linux up
   * to 5.7, and still accepted) and the names of Linux 5.8+ ({@code off}, {@code noaccess}, {@code
   * invisible}, {@code ptraceable}); -1 for anything else.
   */
  static int hidepidLevel(String superOptions) {
    for (String option : superOptions.split(",")) {
      if (option.startsWith("hidepid=")) {
        return switch (option.substring(8)) {
          case "0", "off" -> 0;
          case "1", "noaccess" -> 1;
          case "2", "invisible" -> 2;
          case "4", "ptraceable" -> 4;
          default -> -1;
        };
      }
    }
    return 0;
  }

  private static boolean hasOption(String options, String wanted) {
    for (String option : options.split(",")) {
      if (option.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** Decodes mountinfo's octal escapes ({@code \040} space, {@code \011} tab, {@code \012}, …). */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1, 3)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code /proc/loadavg}'s fourth field, {@code running/total}: the kernel's count of runnable
   * tasks and of all tasks (threads, kernel threads included). The total is the kernel's global
   * {@code nr_threads}: it counts every task of the host, whatever pid namespace or {@code hidepid}
   * the reader is in.
   *
   * @return {running, total}; each -1 when missing or malformed
   */
  public static long[] parseLoadavgTasks(String loadavg) {
    String[] parts = requireNonNull(loadavg, "loadavg is null").trim().split("\\s+");
    long[] result = {-1, -1};
    if (parts.length >= 4) {
      int slash = parts[3].indexOf('/');
      if (slash > 0) {
        long running = LinuxSystemParsers.parseLong(parts[3].substring(0, slash));
        long total = LinuxSystemParsers.parseLong(parts[3].substring(slash + 1));
        if (running >= 0 && total >= running) {
          result[0] = running;
          result[1] = total;
        }
      }
    }
    return result;
  }

  /**
   * Which pid namespace a procfs shows, and why this parser thinks so.
   *
   * @param kind {@link #HOST} (the kernel's initial namespace: every process of the machine),
   *     {@link #CONTAINER} (a child namespace: only its own processes), or {@link #UNKNOWN}
   * @param reason one line naming the evidence
   */
  public record PidNamespace(String kind, String reason) {
    public PidNamespace {
      requireNonNull(kind, "kind is null");
      requireNonNull(reason, "reason is null");
      if (!kind.equals(HOST) && !kind.equals(CONTAINER) && !kind.equals(UNKNOWN)) {
        throw new IllegalArgumentException("kind must be host, container or unknown: " + kind);
      }
    }
  }

  /**
   * Decides which pid namespace a procfs shows. A procfs lists the processes of the namespace it
   * was mounted in (and its descendants); {@code NSpid} in {@code <procRoot>/self/status} lists the
   * agent's pid in that namespace first and in each nested one after it, so its length says how
   * many levels the agent sits below the procfs's namespace. The rules, in order:
   *
   * <ol>
   *   <li>{@code <procRoot>/1/ns/pid} readable (it needs ptrace access to pid 1): its inode is the
   *       procfs's namespace: {@link #INITIAL_PID_NAMESPACE_INODE} means host, any other container.
   *   <li>{@code <procRoot>/self/ns/pid} readable and {@code NSpid} has one entry (the agent lives
   *       in the procfs's namespace): the same inode test on the agent's own link.
   *   <li>{@code <procRoot>/self/ns/pid} says the initial namespace: the procfs cannot be of an
   *       ancestor of it, so host.
   *   <li>otherwise unknown (a fake tree, or the agent nested below a procfs whose pid 1 it may not
   *       inspect).
   * </ol>
   *
   * @param initNsLink the target of {@code <procRoot>/1/ns/pid}, {@code ""} when unreadable
   * @param selfNsLink the target of {@code <procRoot>/self/ns/pid}, {@code ""} when unreadable
   * @param nspidEntries how many pids {@code NSpid} lists for the agent; 0 when not known
   */
  public static PidNamespace decidePidNamespace(
      String initNsLink, String selfNsLink, int nspidEntries) {
    long init = namespaceInode(requireNonNull(initNsLink, "initNsLink is null"));
    long self = namespaceInode(requireNonNull(selfNsLink, "selfNsLink is null"));
    if (init >= 0) {
      return byInode(init, "pid 1's namespace " + initNsLink);
    }
    if (self >= 0 && nspidEntries == 1) {
      // one NSpid entry: the agent lives in the namespace the procfs shows
      return byInode(self, "the agent's namespace " + selfNsLink + " (the proc root's: one NSpid)");
    }
    if (self == INITIAL_PID_NAMESPACE_INODE) {
      return new PidNamespace(HOST, "the agent's namespace " + selfNsLink + " is the initial one");
    }
    if (self >= 0) {
      return new PidNamespace(
          UNKNOWN,
          "the agent's namespace "
              + selfNsLink
              + " is nested "
              + (nspidEntries - 1)
              + " level(s) below the procfs's, whose pid 1 could not be inspected");
    }
    return new PidNamespace(UNKNOWN, "no readable ns/pid link under the proc root");
  }

  private static PidNamespace byInode(long inode, String evidence) {
    return inode == INITIAL_PID_NAMESPACE_INODE
        ? new PidNamespace(HOST, evidence + " is the initial one")
        : new PidNamespace(CONTAINER, evidence + " is not the initial one (4026531836)");
  }

  /** The inode in {@code pid:[4026531836]}; -1 when the text is not such a link. */
  static long namespaceInode(String link) {
    String s = link.trim();
    if (!s.startsWith("pid:[") || !s.endsWith("]")) {
      return -1;
    }
    return LinuxSystemParsers.parseLong(s.substring(5, s.length() - 1));
  }

  /**
   * The number of pids on the {@code NSpid:} line of a {@code status} file (Linux 4.1+); 0 when the
   * line is missing.
   */
  public static int parseNspidEntries(String status) {
    for (String line : requireNonNull(status, "status is null").split("\n")) {
      if (line.startsWith("NSpid:")) {
        String rest = line.substring(6).trim();
        return rest.isEmpty() ? 0 : rest.split("\\s+").length;
      }
    }
    return 0;
  }

  /**
   * {@code /proc/stat}'s first line, {@code cpu user nice system idle iowait irq softirq steal
   * guest guest_nice} (clock ticks since boot, all processors summed), as host counters: user =
   * user + nice (guest time is already in them), system = system + irq + softirq, other = steal.
   * Kernels before 2.6.11 lack steal (0 then); before 2.5.41 iowait, irq and softirq (iowait -1).
   *
   * @return the counters, or null when the line is missing or malformed
   */
  public static CpuTimes parseCpuTimes(String procStat) {
    for (String line : requireNonNull(procStat, "procStat is null").split("\n")) {
      if (!line.startsWith("cpu ")) {
        continue;
      }
      String[] f = line.substring(4).trim().split("\\s+");
      if (f.length < 4) {
        return null;
      }
      long[] v = new long[8];
      for (int i = 0; i < v.length; i++) {
        v[i] = i < f.length ? LinuxSystemParsers.parseLong(f[i]) : (i == 4 ? -1 : 0);
        if (v[i] < 0 && !(i == 4 && f.length <= 4)) {
          return null;
        }
      }
      try {
        return new CpuTimes(
            Math.addExact(v[0], v[1]),
            Math.addExact(Math.addExact(v[2], v[5]), v[6]),
            v[3],
            v[4],
            v[7]);
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }
}
