package dev.psinfo.probe.linux;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CapturePlan;
import dev.psinfo.probe.Platform;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.support.UserNames;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux: {@code /proc/<pid>/stat}, {@code status}, {@code cmdline} for the process table, {@code
 * /proc} and the cgroup file system for the system facts; no command is run. Making it reads
 * nothing: the process reader (which reads kernel facts when made) is made on the first scan.
 * Thread-safe.
 */
public final class LinuxPlatform extends Platform {
  /** What a capture copies: every file the probes read under the proc root. */
  static final CapturePlan CAPTURE =
      new CapturePlan(
          List.of("stat", "status", "cmdline", "io"),
          List.of(
              "stat",
              "meminfo",
              "loadavg",
              "uptime",
              "cpuinfo",
              "sys/kernel/hostname",
              "sys/kernel/osrelease",
              "sys/kernel/version",
              "self/auxv",
              "self/cgroup",
              "self/mountinfo"),
          List.of(List.of("uname", "-a")),
          "stat, status, cmdline, io (when readable)");

  /**
   * @param procRoot the proc file system ({@code /proc}, or a capture of one)
   * @param passwdFile the passwd-format file for user names
   */
  public LinuxPlatform(Path procRoot, Path passwdFile) {
    this(procRoot, passwdFile, LinuxProcessProbe.MAX_ARGS_BYTES);
  }

  /**
   * @param procRoot the proc file system ({@code /proc}, or a capture of one)
   * @param passwdFile the passwd-format file for user names
   * @param maxArgsBytes the most of one command line read and kept
   */
  public LinuxPlatform(Path procRoot, Path passwdFile, int maxArgsBytes) {
    super(
        processProbe(
            requireNonNull(procRoot, "procRoot is null"),
            requireNonNull(passwdFile, "passwdFile is null"),
            maxArgsBytes),
        new LinuxSystemProbe(procRoot, Path.of("/sys/fs/cgroup")),
        CAPTURE);
  }

  /** The process reader, made on the first scan (its constructor reads kernel facts). */
  private static ProcessProbe processProbe(Path procRoot, Path passwdFile, int maxArgsBytes) {
    return new LazyProbe(
        "linux",
        () ->
            new LinuxProcessProbe(
                procRoot,
                new UserNames(passwdFile),
                LinuxKernelFacts.read(procRoot),
                maxArgsBytes));
  }
}
