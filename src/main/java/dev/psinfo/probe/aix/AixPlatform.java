package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CapturePlan;
import dev.psinfo.probe.Platform;
import dev.psinfo.support.CommandRunner;
import dev.psinfo.support.UserNames;
import java.nio.file.Path;
import java.util.List;

/**
 * AIX: {@code /proc/<pid>/psinfo} (and {@code status}) for the process table, the administrators'
 * commands for the system facts. Making it reads nothing. Thread-safe.
 */
public final class AixPlatform extends Platform {
  /**
   * What a capture copies: what the probes read, so that {@code ps} and the command parsers can
   * replay it (every command {@link AixSystemProbe} may run, fallbacks included; {@code info
   * --proc-root CAPTURE/proc} answers them from the capture).
   */
  static final CapturePlan CAPTURE =
      new CapturePlan(
          List.of("psinfo", "status", "lwp/*/lwpsinfo"),
          List.of(),
          List.of(
              AixSystemProbe.PRTCONF,
              AixSystemProbe.LPARSTAT_I,
              AixSystemProbe.OSLEVEL_S,
              AixSystemProbe.UNAME_L,
              AixSystemProbe.HOSTNAME,
              AixSystemProbe.BINDPROCESSOR_Q,
              AixSystemProbe.LSATTR_PROC0,
              AixSystemProbe.LSATTR_SYS0,
              AixSystemProbe.SAR_U,
              AixSystemProbe.SVMON_G,
              AixSystemProbe.SVMON_G_PLAIN,
              AixSystemProbe.LSPS_S,
              AixSystemProbe.UPTIME,
              AixSystemProbe.WHO_B,
              List.of("/usr/bin/uname", "-a")),
          "psinfo, status (when readable), lwp/*/lwpsinfo");

  /**
   * @param procRoot the AIX {@code /proc} (or a capture of one)
   * @param passwdFile the passwd-format file for user names
   * @param runner runs the commands the system facts come from
   */
  public AixPlatform(Path procRoot, Path passwdFile, CommandRunner runner) {
    this(procRoot, passwdFile, runner, true);
  }

  /**
   * @param procRoot the AIX {@code /proc} (or a capture of one)
   * @param passwdFile the passwd-format file for user names
   * @param runner runs the commands the system facts come from
   * @param fullArgs read whole command lines from {@code /proc/<pid>/as} where readable
   */
  public AixPlatform(Path procRoot, Path passwdFile, CommandRunner runner, boolean fullArgs) {
    super(
        new AixProcessProbe(
            requireNonNull(procRoot, "procRoot is null"), new UserNames(passwdFile), fullArgs),
        new AixSystemProbe(runner, procRoot),
        CAPTURE);
  }
}
