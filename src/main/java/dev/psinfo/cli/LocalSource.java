package dev.psinfo.cli;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.Option;
import dev.psinfo.config.ProbeKind;
import dev.psinfo.config.UserPattern;
import dev.psinfo.jmx.Coverage;
import dev.psinfo.jmx.CoverageMXBean;
import dev.psinfo.jmx.SystemInfo;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.Platform;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.Snapshot;
import dev.psinfo.sampling.TtlCache;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * This host's process table through the platform {@link Platforms} chooses and {@link
 * ProcessSampler#of}: the reader, filter and argument scrubbing the agent's beans use. Every {@link
 * #rows()} scans once.
 */
final class LocalSource implements Source {
  /** The options that choose what a local source reads. */
  static final Set<String> OPTIONS = Set.of("--probe", "--proc-root", "--passwd-file");

  private final AgentOptions options;
  private final Platform platform;
  private final ProcessSampler sampler;
  private final SystemInfo system;
  private final Coverage coverage;

  LocalSource(AgentOptions options) {
    this.options = options;
    this.platform = Platforms.of(options);
    this.sampler = ProcessSampler.of(platform.processProbe(), options);
    this.system = new SystemInfo(platform.systemProbe(), sampler, Duration.ofMillis(200));
    this.coverage = new Coverage(this::latestScan, ProcessHandle.current().pid());
  }

  /**
   * The agent options for {@code --probe}, {@code --proc-root}, {@code --passwd-file} and the
   * filters; ttl 0 so that every read scans.
   *
   * @param include keep only processes whose name or arguments match; null: all
   * @param user keep only this effective user (name or uid); null: all
   */
  static AgentOptions options(Args a, UserPattern include, String user) throws UsageException {
    String cmd = a.command();
    AgentOptions d = AgentOptions.defaults();
    ProbeKind probe =
        ProbeKind.valueOf(
            a.choice("--probe", "auto", "auto", "linux", "aix").toUpperCase(Locale.ROOT));
    Path procRoot = d.procRoot();
    if (a.has("--proc-root")) {
      procRoot = path(cmd, "--proc-root", a.value("--proc-root", ""));
      if (!Files.isDirectory(procRoot)) {
        throw new UsageException(
            cmd + ": bad value for --proc-root: '" + procRoot + "' is not a directory");
      }
    }
    Path passwd = d.passwdFile();
    if (a.has("--passwd-file")) {
      passwd = path(cmd, "--passwd-file", a.value("--passwd-file", ""));
      if (!Files.isRegularFile(passwd) || !Files.isReadable(passwd)) {
        throw new UsageException(
            cmd + ": bad value for --passwd-file: '" + passwd + "' is not a readable file");
      }
    }
    return AgentOptions.builder()
        .set(Option.PROBE, probe)
        .set(Option.PROC_ROOT, procRoot)
        .set(Option.PASSWD_FILE, passwd)
        .set(Option.TTL, Duration.ZERO)
        .set(Option.INCLUDE, include)
        .set(Option.USERS, user == null ? Set.of() : Set.of(user))
        .source("command line")
        .build();
  }

  private static Path path(String cmd, String option, String v) throws UsageException {
    try {
      if (!v.isEmpty()) {
        return Path.of(v);
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    throw new UsageException(cmd + ": bad value for " + option + ": '" + v + "' is not a path");
  }

  /** {@code --match}'s regex, or null when not given. */
  static UserPattern regex(Args a, String option) throws UsageException {
    if (!a.has(option)) {
      return null;
    }
    try {
      return UserPattern.compile(a.value(option, ""));
    } catch (IllegalArgumentException e) {
      throw new UsageException(a.command() + ": bad value for " + option + ": " + e.getMessage());
    }
  }

  /** The platform this source reads. */
  Platform platform() {
    return platform;
  }

  @Override
  public List<ProcessSample> rows() throws CliException {
    Snapshot s;
    try {
      s = sampler.refresh();
    } catch (TtlCache.CacheLoadException e) {
      throw new CliException(
          "cannot read the process table under " + options.procRoot() + ": " + e.getMessage(), e);
    }
    return s.samples();
  }

  @Override
  public SystemInfoMXBean system() {
    return system;
  }

  @Override
  public CoverageMXBean coverage() {
    return coverage;
  }

  /** The latest snapshot's scan (one scan when there is none yet); ttl 0 would scan per getter. */
  private dev.psinfo.probe.ProcessScan latestScan() {
    Snapshot s = sampler.peek();
    return (s != null ? s : sampler.snapshot()).scan();
  }

  @Override
  public String describe() {
    return platform.name() + " " + options.procRoot();
  }

  @Override
  public void close() {
    // nothing held open
  }
}
