package dev.psinfo.probe.linux;

import static java.util.Objects.requireNonNull;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.probe.CpuTimes;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.support.Lazy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * System facts from Linux {@code /proc} and the cgroup file system, without forking a command.
 *
 * <p>Sources: {@code meminfo}, {@code cpuinfo}, {@code stat} ({@code btime}), {@code loadavg},
 * {@code uptime}, {@code sys/kernel/hostname} and {@code osrelease} under the proc root; {@code
 * os-release} for the distribution; the JDK's {@code os.name} and {@code os.arch}; the agent
 * process's own cgroup ({@code self/cgroup}) under the cgroup root, v2 ({@code memory.max}, {@code
 * cpu.max}) or v1 ({@code memory/…/memory.limit_in_bytes}, {@code cpu/…/cpu.cfs_quota_us}).
 *
 * <p>Static facts are read on the first {@link #facts()} and kept. Every file is read on its own:
 * one that is missing or unreadable leaves only its own fields at {@code -1}/{@code ""}.
 * Thread-safe.
 */
public final class LinuxSystemProbe implements SystemProbe {
  private final Path procRoot;
  private final Path cgroupRoot;
  private final Path osReleaseFile;
  private final LongSupplier wallClockMillis;
  private final Lazy<SystemFacts> facts = new Lazy<>(this::readFacts);

  /**
   * @param procRoot the proc file system, {@code /proc} outside tests
   * @param cgroupRoot the cgroup file system, {@code /sys/fs/cgroup} outside tests
   */
  public LinuxSystemProbe(Path procRoot, Path cgroupRoot) {
    this(
        procRoot,
        cgroupRoot,
        requireNonNull(procRoot, "procRoot is null")
            .toAbsolutePath()
            .resolveSibling("etc")
            .resolve("os-release"),
        System::currentTimeMillis);
  }

  /**
   * @param procRoot the proc file system
   * @param cgroupRoot the cgroup file system
   * @param osReleaseFile the {@code os-release} file, {@code /etc/os-release} outside tests
   * @param wallClockMillis epoch clock, for the uptime when {@code /proc/uptime} is missing
   */
  public LinuxSystemProbe(
      Path procRoot, Path cgroupRoot, Path osReleaseFile, LongSupplier wallClockMillis) {
    this.procRoot = requireNonNull(procRoot, "procRoot is null");
    this.cgroupRoot = requireNonNull(cgroupRoot, "cgroupRoot is null");
    this.osReleaseFile = requireNonNull(osReleaseFile, "osReleaseFile is null");
    this.wallClockMillis = requireNonNull(wallClockMillis, "wallClockMillis is null");
  }

  @Override
  public String name() {
    return "linux";
  }

  @Override
  public SystemFacts facts() {
    return facts.get();
  }

  private SystemFacts readFacts() {
    LinuxSystemParsers.CpuInfo cpu =
        LinuxSystemParsers.parseCpuinfo(read(procRoot.resolve("cpuinfo")));
    Map<String, Long> meminfo =
        LinuxSystemParsers.parseMeminfoBytes(read(procRoot.resolve("meminfo")));
    byte[] stat = read(procRoot.resolve("stat")).getBytes(StandardCharsets.ISO_8859_1);
    long bootSeconds = LinuxKernelFacts.btimeSeconds(stat, stat.length);
    Map<String, String> osRelease = LinuxSystemParsers.parseOsRelease(read(osReleaseFile));
    String kernel = read(procRoot.resolve("sys/kernel/osrelease")).trim();

    Map<String, String> platform = new HashMap<>();
    putIfPresent(platform, "distribution", osRelease.get("PRETTY_NAME"));
    putIfPresent(platform, "distributionId", osRelease.get("ID"));
    putIfPresent(platform, "kernelBuild", read(procRoot.resolve("sys/kernel/version")).trim());

    String osVersion = osRelease.getOrDefault("VERSION_ID", "");
    if (osVersion.isEmpty()) {
      osVersion = kernel;
    }
    return new SystemFacts(
        read(procRoot.resolve("sys/kernel/hostname")).trim(),
        System.getProperty("os.name", ""),
        osVersion,
        kernel,
        System.getProperty("os.arch", ""),
        cpu.model(),
        cpu.logicalProcessors(),
        cpu.physicalCores(),
        cpu.clockMhz(),
        meminfo.getOrDefault("MemTotal", -1L),
        bootSeconds > 0 ? bootSeconds * 1000 : -1,
        platform);
  }

  @Override
  public SystemLoad load() {
    Map<String, Long> meminfo =
        LinuxSystemParsers.parseMeminfoBytes(read(procRoot.resolve("meminfo")));
    double[] loadavg = LinuxSystemParsers.parseLoadavg(read(procRoot.resolve("loadavg")));
    long uptime = LinuxSystemParsers.parseUptimeSeconds(read(procRoot.resolve("uptime")));
    if (uptime < 0) {
      long boot = facts().bootTimeMillis();
      uptime = boot > 0 ? Math.max(0, (wallClockMillis.getAsLong() - boot) / 1000) : -1;
    }
    return new SystemLoad(
        meminfo.getOrDefault("MemFree", -1L),
        meminfo.getOrDefault("MemAvailable", -1L),
        meminfo.getOrDefault("SwapTotal", -1L),
        meminfo.getOrDefault("SwapFree", -1L),
        loadavg[0],
        loadavg[1],
        loadavg[2],
        uptime,
        cgroupLimits());
  }

  /** {@code /proc/stat} has the host's CPU counters. */
  @Override
  public boolean hasCpuCounters() {
    return true;
  }

  /** The {@code cpu} line of {@code <procRoot>/stat}; null when unreadable or malformed. */
  @Override
  public CpuTimes cpuTimes() {
    return LinuxCoverageParsers.parseCpuTimes(read(procRoot.resolve("stat")));
  }

  /**
   * The agent process's cgroup limits as platform entries: {@code cgroupVersion} ({@code 1} or
   * {@code 2}) when a cgroup file system is found; {@code cgroupMemoryLimitBytes}, {@code
   * cgroupCpuQuotaCores}, {@code cgroupCpuQuotaMicros} and {@code cgroupCpuPeriodMicros} only when
   * there is a limit. The tightest limit of the cgroup and its ancestors counts.
   */
  Map<String, String> cgroupLimits() {
    Map<String, String> out = new HashMap<>();
    Map<String, String> paths =
        LinuxSystemParsers.parseProcCgroup(read(procRoot.resolve("self/cgroup")));
    long memoryLimit = -1;
    LinuxSystemParsers.CpuQuota quota = null;
    if (Files.isRegularFile(cgroupRoot.resolve("cgroup.controllers"))) {
      out.put("cgroupVersion", "2");
      for (Path dir : selfAndAncestors(cgroupRoot, paths.getOrDefault("", "/"))) {
        memoryLimit =
            tighter(
                memoryLimit,
                LinuxSystemParsers.parseCgroupMemoryLimit(read(dir.resolve("memory.max"))));
        quota = tighter(quota, LinuxSystemParsers.parseCpuMax(read(dir.resolve("cpu.max"))));
      }
    } else if (Files.isDirectory(cgroupRoot.resolve("memory"))
        || Files.isDirectory(cgroupRoot.resolve("cpu"))) {
      out.put("cgroupVersion", "1");
      for (Path dir :
          selfAndAncestors(cgroupRoot.resolve("memory"), paths.getOrDefault("memory", "/"))) {
        memoryLimit =
            tighter(
                memoryLimit,
                LinuxSystemParsers.parseCgroupMemoryLimit(
                    read(dir.resolve("memory.limit_in_bytes"))));
      }
      for (Path dir : selfAndAncestors(cgroupRoot.resolve("cpu"), paths.getOrDefault("cpu", "/"))) {
        quota =
            tighter(
                quota,
                LinuxSystemParsers.parseCfsQuota(
                    read(dir.resolve("cpu.cfs_quota_us")), read(dir.resolve("cpu.cfs_period_us"))));
      }
    }
    if (memoryLimit > 0) {
      out.put("cgroupMemoryLimitBytes", Long.toString(memoryLimit));
    }
    if (quota != null) {
      out.put("cgroupCpuQuotaCores", String.format(Locale.ROOT, "%.2f", quota.cores()));
      out.put("cgroupCpuQuotaMicros", Long.toString(quota.quotaMicros()));
      out.put("cgroupCpuPeriodMicros", Long.toString(quota.periodMicros()));
    }
    return out;
  }

  /**
   * The directories of a cgroup and its ancestors under {@code root}, deepest first. A path that
   * does not exist under the root (the cgroup namespace hides the outer path) counts as the root.
   */
  private static java.util.List<Path> selfAndAncestors(Path root, String cgroupPath) {
    java.util.List<Path> dirs = new java.util.ArrayList<>();
    Path dir = root;
    String relative = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
    if (!relative.isEmpty() && !relative.contains("..")) {
      Path candidate = root.resolve(relative).normalize();
      if (candidate.startsWith(root) && Files.isDirectory(candidate)) {
        dir = candidate;
      }
    }
    for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
      dirs.add(p);
    }
    return dirs;
  }

  private static long tighter(long a, long b) {
    if (a <= 0) {
      return b;
    }
    return b <= 0 ? a : Math.min(a, b);
  }

  private static LinuxSystemParsers.CpuQuota tighter(
      LinuxSystemParsers.CpuQuota a, LinuxSystemParsers.CpuQuota b) {
    if (a == null) {
      return b;
    }
    return b == null || a.cores() <= b.cores() ? a : b;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  /** The most of one system file read: {@code /proc/stat} of a machine with thousands of CPUs. */
  static final int MAX_SYSTEM_FILE_BYTES = 4 * 1024 * 1024;

  /**
   * A small file's text, or {@code ""} when it is missing, unreadable, longer than {@link
   * #MAX_SYSTEM_FILE_BYTES} or of a kind its rule refuses: files under {@code procRoot} by {@link
   * FileRule#forRoot} (a fake tree's {@code meminfo} linked to {@code /dev/zero} is not read), the
   * os-release file as {@link FileRule#NAMED} (it is usually a link), cgroup files as {@link
   * FileRule#TREE}.
   */
  private String read(Path file) {
    FileRule rule =
        file.startsWith(procRoot)
            ? FileRule.forRoot(procRoot)
            : file.equals(osReleaseFile) ? FileRule.NAMED : FileRule.TREE;
    try {
      return BoundedFiles.readLatin1(file, rule, MAX_SYSTEM_FILE_BYTES);
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
