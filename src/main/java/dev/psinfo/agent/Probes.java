package dev.psinfo.agent;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.ProbeKind;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.probe.UserNames;
import dev.psinfo.probe.aix.AixProcessProbe;
import dev.psinfo.probe.aix.AixSystemProbe;
import dev.psinfo.probe.aix.ProcessCommandRunner;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.probe.linux.LinuxSystemProbe;
import dev.psinfo.sampling.ArgsScrubber;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place that chooses a platform reader. Used by the agent and by the command line, so both
 * show the same table for the same options. Creating a probe or sampler reads nothing.
 */
public final class Probes {
  private Probes() {}

  /**
   * The probe {@code options} choose, reading {@code options.procRoot()}. The platform reader is
   * made on the first scan, so that nothing (not even the kernel facts a Linux reader needs) is
   * read before somebody asks.
   */
  public static ProcessProbe probe(AgentOptions options) {
    ProbeKind kind = resolve(options.probe());
    return new LazyProbe(
        kind.name().toLowerCase(Locale.ROOT),
        () -> {
          UserNames users = new UserNames(options.passwdFile());
          return kind == ProbeKind.AIX
              ? new AixProcessProbe(options.procRoot(), users)
              : new LinuxProcessProbe(options.procRoot(), users);
        });
  }

  /** A sampler over {@link #probe}, with the options' filter, scrubbing and ttl. */
  public static ProcessSampler sampler(AgentOptions options) {
    ProcessFilter filter = new ProcessFilter(options.include(), options.exclude(), options.users());
    ArgsScrubber scrubber = options.scrubArgs() ? new ArgsScrubber(options.scrubWords()) : null;
    return new ProcessSampler(probe(options), filter, scrubber, options.ttl(), System::nanoTime);
  }

  /**
   * The system-facts reader for the platform {@code options} choose. On AIX the boot time is the
   * start time of pid 1 in {@code sampler}'s snapshot. Creating it reads nothing.
   */
  public static SystemProbe systemProbe(AgentOptions options, ProcessSampler sampler) {
    if (resolve(options.probe()) == ProbeKind.AIX) {
      return new AixSystemProbe(
          new ProcessCommandRunner(),
          () -> {
            try {
              return AixSystemProbe.bootTimeOf(sampler.snapshot().scan());
            } catch (RuntimeException e) {
              return -1;
            }
          });
    }
    return new LinuxSystemProbe(options.procRoot(), Path.of("/sys/fs/cgroup"));
  }

  /** AUTO is AIX when {@code os.name} says so, Linux otherwise; other kinds stay as they are. */
  public static ProbeKind resolve(ProbeKind kind) {
    requireNonNull(kind, "kind is null");
    if (kind != ProbeKind.AUTO) {
      return kind;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.startsWith("aix") ? ProbeKind.AIX : ProbeKind.LINUX;
  }
}
