package dev.psinfo.probe.linux;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.probe.Visibility;
import dev.psinfo.probe.linux.LinuxCoverageParsers.PidNamespace;
import dev.psinfo.probe.linux.LinuxCoverageParsers.ProcMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what limits the view of a proc root (the I/O around {@link LinuxCoverageParsers}): the
 * mount's {@code hidepid} and the pid namespace once, the kernel's task count per scan. Never
 * throws: what cannot be read is unknown. Stateless.
 */
final class LinuxVisibility {
  private LinuxVisibility() {}

  /**
   * The static part, with {@code kernelTasks} -1. The mount is the one {@code procRoot}'s real path
   * lies on in {@code <procRoot>/self/mountinfo}; when that is not a procfs (a capture or a test
   * tree standing for a {@code /proc}), the line for {@code /proc} in that file counts.
   */
  static Visibility read(Path procRoot) {
    String mountinfo = text(procRoot, procRoot.resolve("self/mountinfo"));
    ProcMount mount = null;
    try {
      mount = LinuxCoverageParsers.parseMountOf(mountinfo, procRoot.toRealPath().toString());
    } catch (IOException | RuntimeException e) {
      // no real path: fall back to /proc below
    }
    if (mount == null || !mount.fsType().equals("proc")) {
      mount = LinuxCoverageParsers.parseMountOf(mountinfo, "/proc");
    }
    int hidepid = mount != null && mount.fsType().equals("proc") ? mount.hidepid() : -1;
    PidNamespace ns =
        LinuxCoverageParsers.decidePidNamespace(
            link(procRoot.resolve("1/ns/pid")),
            link(procRoot.resolve("self/ns/pid")),
            LinuxCoverageParsers.parseNspidEntries(
                text(procRoot, procRoot.resolve("self/status"))));
    return new Visibility(hidepid, ns.kind(), ns.reason(), -1);
  }

  /** The total of {@code <procRoot>/loadavg}'s {@code running/total}; -1 when unreadable. */
  static long kernelTasks(Path procRoot) {
    return LinuxCoverageParsers.parseLoadavgTasks(text(procRoot, procRoot.resolve("loadavg")))[1];
  }

  private static String link(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The most of one file read here: a mountinfo of 10,000 mounts is about 1.5 MB. */
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  /**
   * The file's text under {@code procRoot}'s {@link FileRule}, or {@code ""} when it is missing,
   * unreadable, too long or refused (a FIFO as {@code loadavg} or {@code self/mountinfo} in a fake
   * tree is never opened).
   */
  private static String text(Path procRoot, Path p) {
    try {
      return BoundedFiles.readLatin1(p, FileRule.forRoot(procRoot), MAX_FILE_BYTES);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
