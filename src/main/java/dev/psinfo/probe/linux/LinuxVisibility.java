package dev.psinfo.probe.linux;

import dev.psinfo.probe.Visibility;
import dev.psinfo.probe.linux.LinuxCoverageParsers.PidNamespace;
import dev.psinfo.probe.linux.LinuxCoverageParsers.ProcMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    String mountinfo = text(procRoot.resolve("self/mountinfo"));
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
            LinuxCoverageParsers.parseNspidEntries(text(procRoot.resolve("self/status"))));
    return new Visibility(hidepid, ns.kind(), ns.reason(), -1);
  }

  /** The total of {@code <procRoot>/loadavg}'s {@code running/total}; -1 when unreadable. */
  static long kernelTasks(Path procRoot) {
    return LinuxCoverageParsers.parseLoadavgTasks(text(procRoot.resolve("loadavg")))[1];
  }

  private static String link(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String text(Path p) {
    try {
      return Files.readString(p, StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
