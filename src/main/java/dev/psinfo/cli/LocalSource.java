package dev.psinfo.cli;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.Option;
import dev.psinfo.config.ProbeKind;
import dev.psinfo.config.UserPattern;
import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.Host;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.Platform;
import dev.psinfo.sampling.ProcessSample;
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
 * This host's process table through the platform {@link Platforms} chooses and one {@link
 * Host#forCommand}: the reader, filter, argument scrubbing, system readings and coverage the
 * agent's beans use. Every {@link #rows()} scans once.
 */
final class LocalSource implements Source {
  /** The options that choose what a local source reads. */
  static final Set<String> OPTIONS = Set.of("--probe", "--proc-root", "--passwd-file");

  private final AgentOptions options;
  private final Host host;

  LocalSource(AgentOptions options) {
    this.options = options;
    this.host = Host.forCommand(Platforms.of(options), options);
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
    return host.platform();
  }

  @Override
  public List<ProcessSample> rows() throws CliException {
    Snapshot s;
    try {
      s = host.sampler().refresh();
    } catch (TtlCache.CacheLoadException e) {
      throw new CliException(
          "cannot read the process table under " + options.procRoot() + ": " + e.getMessage(), e);
    }
    return s.samples();
  }

  /** The host's facts and load, read once ({@link dev.psinfo.host.HostSystem#reading}). */
  @Override
  public Reading<SystemAttribute> system() {
    return host.system().reading();
  }

  /** The coverage of the latest scan ({@link dev.psinfo.host.HostCoverage#reading}). */
  @Override
  public Reading<CoverageAttribute> coverage() {
    return host.coverage().reading();
  }

  @Override
  public String describe() {
    return host.platform().name() + " " + options.procRoot();
  }

  @Override
  public void close() {
    // nothing held open
  }
}
