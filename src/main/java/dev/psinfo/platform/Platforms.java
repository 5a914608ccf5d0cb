package dev.psinfo.platform;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.ProbeKind;
import dev.psinfo.probe.Platform;
import dev.psinfo.probe.aix.AixPlatform;
import dev.psinfo.probe.linux.LinuxPlatform;
import dev.psinfo.support.ProcessCommandRunner;
import java.util.Locale;

/**
 * The one place that chooses a platform from the options ({@code probe}, {@code procRoot}, {@code
 * passwdFile}, {@code fullArgs}). The agent and the command line both get theirs here, so they read
 * the same table the same way. Choosing reads nothing.
 */
public final class Platforms {
  private Platforms() {}

  /** The platform {@code options} choose; see {@link #resolve}. */
  public static Platform of(AgentOptions options) {
    requireNonNull(options, "options is null");
    return resolve(options.probe()) == ProbeKind.AIX
        ? new AixPlatform(
            options.procRoot(),
            options.passwdFile(),
            new CapturedCommands(options.procRoot(), new ProcessCommandRunner()),
            options.fullArgs())
        : new LinuxPlatform(options.procRoot(), options.passwdFile(), options.maxArgsBytes());
  }

  /** AUTO is AIX when {@code os.name} says so, Linux otherwise; other kinds stay as they are. */
  static ProbeKind resolve(ProbeKind kind) {
    requireNonNull(kind, "kind is null");
    if (kind != ProbeKind.AUTO) {
      return kind;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.startsWith("aix") ? ProbeKind.AIX : ProbeKind.LINUX;
  }
}
