package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.probe.aix.AixConfigParsers.LparstatInfo;
import dev.psinfo.probe.aix.AixConfigParsers.Prtconf;
import dev.psinfo.probe.aix.AixConfigParsers.UnameL;
import dev.psinfo.probe.aix.AixLoadParsers.SarU;
import dev.psinfo.probe.aix.AixMemoryParsers.SvmonG;
import dev.psinfo.support.CommandRunner;
import dev.psinfo.support.Lazy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * System facts on AIX from the commands its administrators trust, each parsed by {@link
 * AixConfigParsers} (the machine and the partition), {@link AixMemoryParsers} (memory and paging
 * space) or {@link AixLoadParsers} (load, CPU use, uptime, boot time).
 *
 * <p>Static facts come from {@code prtconf}, {@code lparstat -i}, {@code oslevel -s}, {@code uname
 * -L} and {@code hostname}; when one of those lacks a value, a fallback command is run ({@code
 * bindprocessor -q}, {@code lsattr -El proc0}, {@code lsattr -El sys0}, {@code sar -u 1 1}, {@code
 * who -b}). Every command runs at most once for the static facts, which are then kept; a command
 * that is missing or fails only leaves its own fields at {@code -1}/{@code ""}. Boot time is the
 * start time of pid 1, read from its own {@code psinfo} ({@link #pid1StartTimeMillis(Path)}: one
 * small file, never a scan of the process table), with {@code who -b} as the fallback; it is looked
 * up again until it is known.
 *
 * <p>Dynamic values run {@code svmon -G -O unit=KB} and {@code uptime} per call ({@code lsps -s}
 * too when {@code svmon} gave no paging space). Once {@code svmon} has failed with {@code -O}, the
 * plain {@code svmon -G} is run instead from then on; either output is parsed in whatever unit it
 * names. Thread-safe.
 */
public final class AixSystemProbe implements SystemProbe {
  public static final List<String> PRTCONF = List.of("/usr/sbin/prtconf");
  public static final List<String> LPARSTAT_I = List.of("/usr/bin/lparstat", "-i");
  public static final List<String> OSLEVEL_S = List.of("/usr/bin/oslevel", "-s");
  public static final List<String> UNAME_L = List.of("/usr/bin/uname", "-L");
  public static final List<String> HOSTNAME = List.of("/usr/bin/hostname");
  public static final List<String> BINDPROCESSOR_Q = List.of("/usr/sbin/bindprocessor", "-q");
  public static final List<String> LSATTR_PROC0 = List.of("/usr/sbin/lsattr", "-El", "proc0");
  public static final List<String> LSATTR_SYS0 = List.of("/usr/sbin/lsattr", "-El", "sys0");
  public static final List<String> SAR_U = List.of("/usr/sbin/sar", "-u", "1", "1");
  public static final List<String> WHO_B = List.of("/usr/bin/who", "-b");

  /**
   * {@code svmon -G} asking for kilobytes: a {@code ~/.svmonrc} of the agent's user may set another
   * unit, and the command line overrides it (AIX 6.1 and later have {@code -O}).
   */
  public static final List<String> SVMON_G = List.of("/usr/bin/svmon", "-G", "-O", "unit=KB");

  /** {@code svmon -G} without options, for svmon before {@code -O} (AIX 5.3). */
  public static final List<String> SVMON_G_PLAIN = List.of("/usr/bin/svmon", "-G");

  public static final List<String> LSPS_S = List.of("/usr/sbin/lsps", "-s");
  public static final List<String> UPTIME = List.of("/usr/bin/uptime");

  /**
   * What the probe takes from the JVM rather than from a command.
   *
   * @param architecture the JVM's {@code os.arch}, e.g. {@code ppc64}
   * @param osVersion the JVM's {@code os.version}, e.g. {@code 7.2}; used when {@code oslevel}
   *     fails
   * @param availableProcessors the JVM's processor count; the last resort for the logical
   *     processors
   * @param clock wall clock and the host's time zone (for {@code who -b} and the uptime)
   * @param staticTimeout how long a command for the static facts may run ({@code prtconf} can take
   *     seconds on a large partition)
   * @param dynamicTimeout how long a command for the dynamic values may run
   */
  public record Environment(
      String architecture,
      String osVersion,
      int availableProcessors,
      Clock clock,
      Duration staticTimeout,
      Duration dynamicTimeout) {
    public Environment {
      requireNonNull(architecture, "architecture is null");
      requireNonNull(osVersion, "osVersion is null");
      requireNonNull(clock, "clock is null");
      requireNonNull(staticTimeout, "staticTimeout is null");
      requireNonNull(dynamicTimeout, "dynamicTimeout is null");
      if (staticTimeout.isNegative() || staticTimeout.isZero()) {
        throw new IllegalArgumentException("staticTimeout must be positive: " + staticTimeout);
      }
      if (dynamicTimeout.isNegative() || dynamicTimeout.isZero()) {
        throw new IllegalArgumentException("dynamicTimeout must be positive: " + dynamicTimeout);
      }
    }

    /** This JVM's view, the system clock, 30 s for static and 5 s for dynamic commands. */
    public static Environment ofThisJvm() {
      return new Environment(
          System.getProperty("os.arch", ""),
          System.getProperty("os.version", ""),
          Runtime.getRuntime().availableProcessors(),
          Clock.systemDefaultZone(),
          Duration.ofSeconds(30),
          Duration.ofSeconds(5));
    }
  }

  private final CommandRunner runner;
  private final LongSupplier pid1StartTimeMillis;
  private final Environment env;
  private final Map<List<String>, String> staticOutputs = new ConcurrentHashMap<>();
  private final Lazy<SystemFacts> factsWithoutBootTime = new Lazy<>(this::readStaticFacts);
  private volatile SystemFacts facts;
  private volatile boolean svmonWithoutOptions;

  /**
   * @param runner runs the commands
   * @param procRoot the AIX {@code /proc}, where pid 1's {@code psinfo} gives the boot time
   */
  public AixSystemProbe(CommandRunner runner, Path procRoot) {
    this(runner, () -> pid1StartTimeMillis(procRoot), Environment.ofThisJvm());
    requireNonNull(procRoot, "procRoot is null");
  }

  /**
   * @param pid1StartTimeMillis the start time of pid 1 in milliseconds since the epoch, or -1 when
   *     not known (yet)
   */
  AixSystemProbe(CommandRunner runner, LongSupplier pid1StartTimeMillis, Environment environment) {
    this.runner = requireNonNull(runner, "runner is null");
    this.pid1StartTimeMillis = requireNonNull(pid1StartTimeMillis, "pid1StartTimeMillis is null");
    this.env = requireNonNull(environment, "environment is null");
  }

  /**
   * The start time of pid 1 from {@code <procRoot>/1/psinfo}, milliseconds since the epoch; -1 when
   * that file is missing, unreadable or corrupt.
   */
  public static long pid1StartTimeMillis(Path procRoot) {
    try {
      byte[] bytes =
          BoundedFiles.readPrefix(
              procRoot.resolve("1").resolve("psinfo"),
              FileRule.forRoot(procRoot),
              PsinfoLayout.PSINFO_SIZE);
      Psinfo init = AixRecord.PSINFO.parse(ByteBuffer.wrap(bytes));
      return init.pid() == 1 && init.startTimeMillis() > 0 ? init.startTimeMillis() : -1;
    } catch (IOException | CorruptRecordException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public String name() {
    return "aix";
  }

  @Override
  public SystemFacts facts() {
    SystemFacts known = facts;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (facts != null) {
        return facts;
      }
      SystemFacts f = factsWithoutBootTime.get();
      long fromPid1 = pid1StartTime();
      long boot = fromPid1 > 0 ? fromPid1 : bootTimeFromWho();
      SystemFacts result =
          new SystemFacts(
              f.hostname(),
              f.osName(),
              f.osVersion(),
              f.kernelVersion(),
              f.architecture(),
              f.cpuModel(),
              f.logicalProcessors(),
              f.physicalCores(),
              f.cpuClockMhz(),
              f.totalMemoryBytes(),
              boot,
              f.platform());
      if (fromPid1 > 0) {
        facts = result; // complete: never read again (who -b is only to the minute)
      }
      return result;
    }
  }

  private long pid1StartTime() {
    try {
      long v = pid1StartTimeMillis.getAsLong();
      return v > 0 ? v : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private long bootTimeFromWho() {
    return safely(
        () -> AixLoadParsers.parseWhoB(staticOutput(WHO_B), ZonedDateTime.now(env.clock())), -1L);
  }

  private SystemFacts readStaticFacts() {
    Prtconf prtconf = parsed(PRTCONF, AixConfigParsers::parsePrtconf);
    LparstatInfo lpar = parsed(LPARSTAT_I, AixConfigParsers::parseLparstatI);
    String oslevel = safely(() -> AixConfigParsers.parseOslevel(staticOutput(OSLEVEL_S)), "");
    UnameL uname = parsed(UNAME_L, AixConfigParsers::parseUnameL);
    Lazy<Map<String, String>> proc0 =
        once(() -> AixConfigParsers.parseLsattr(staticOutput(LSATTR_PROC0)), Map.of());
    Lazy<Map<String, String>> sys0 =
        once(() -> AixConfigParsers.parseLsattr(staticOutput(LSATTR_SYS0)), Map.of());
    Lazy<SarU> sar = once(() -> parsed(SAR_U, AixLoadParsers::parseSarU), null);

    String hostname =
        firstText(
            () -> firstLine(staticOutput(HOSTNAME)),
            () -> prtconf == null ? "" : prtconf.hostName(),
            () -> lpar == null ? "" : lpar.nodeName());
    String osVersion = firstText(() -> AixConfigParsers.versionOfOslevel(oslevel), env::osVersion);
    String cpuModel =
        firstText(
            () -> prtconf == null ? "" : prtconf.processorType(),
            () -> proc0.get().getOrDefault("type", ""));
    long logical =
        firstNumber(
            () ->
                lpar == null || lpar.onlineVirtualCpus() <= 0 || lpar.smtThreads() <= 0
                    ? -1
                    : (long) lpar.onlineVirtualCpus() * lpar.smtThreads(),
            () -> AixConfigParsers.parseBindprocessorQ(staticOutput(BINDPROCESSOR_Q)),
            () -> sar.get() == null ? -1 : sar.get().logicalCpus(),
            () -> env.availableProcessors() > 0 ? env.availableProcessors() : -1);
    long cores =
        firstNumber(
            () -> prtconf == null ? -1 : prtconf.processors(),
            () -> lpar == null ? -1 : lpar.onlineVirtualCpus());
    long mhz =
        firstNumber(
            () -> prtconf == null ? -1 : prtconf.clockMhz(),
            () -> {
              long hz = AixText.parseLong(proc0.get().getOrDefault("frequency", ""));
              return hz > 0 ? Math.round(hz / 1e6) : -1;
            });
    long memory =
        firstNumber(
            () -> prtconf == null ? -1 : prtconf.memoryBytes(),
            () -> lpar == null ? -1 : lpar.onlineMemoryBytes(),
            () -> {
              long kb = AixText.parseLong(sys0.get().getOrDefault("realmem", ""));
              return kb > 0 ? kb * 1024 : -1;
            });

    Map<String, String> platform = new HashMap<>();
    put(
        platform,
        "lparName",
        firstText(
            () -> uname == null ? "" : uname.name(),
            () -> lpar == null ? "" : lpar.partitionName(),
            () -> prtconf == null ? "" : prtconf.lparName()));
    long lparNumber =
        firstNonNegative(
            () -> uname == null ? -1 : uname.number(),
            () -> lpar == null ? -1 : lpar.partitionNumber(),
            () -> prtconf == null ? -1 : prtconf.lparNumber());
    if (lparNumber >= 0) {
      platform.put("lparNumber", Long.toString(lparNumber));
    }
    put(platform, "oslevel", oslevel);
    if (lpar != null) {
      put(platform, "nodeName", lpar.nodeName());
      put(platform, "partitionType", lpar.type());
      put(platform, "sharingMode", lpar.sharing());
      put(platform, "capacityMode", lpar.mode());
      put(platform, "memoryMode", lpar.memoryMode());
      if (lpar.smtThreads() > 0) {
        platform.put("smtThreads", Integer.toString(lpar.smtThreads()));
      }
      if (lpar.onlineVirtualCpus() > 0) {
        platform.put("onlineVirtualCpus", Integer.toString(lpar.onlineVirtualCpus()));
      }
      if (lpar.entitledCapacity() >= 0) {
        platform.put("entitledCapacity", units(lpar.entitledCapacity()));
      }
      String factor = lpar.fields().getOrDefault("Target Memory Expansion Factor", "-");
      if (!factor.equals("-")) {
        platform.put("memoryExpansionFactor", factor);
      }
    } else {
      // lparstat -i failed: sar's configuration line knows the entitlement and the mode
      SarU s = sar.get();
      if (s != null && s.entitledCapacity() >= 0) {
        platform.put("entitledCapacity", units(s.entitledCapacity()));
      }
      if (s != null) {
        put(platform, "capacityMode", s.mode());
      }
    }
    if (prtconf != null) {
      put(platform, "systemModel", prtconf.systemModel());
      put(platform, "serialNumber", prtconf.serialNumber());
      put(platform, "processorMode", prtconf.processorMode());
      put(platform, "kernelType", prtconf.kernelType());
    }

    return new SystemFacts(
        hostname,
        "AIX",
        osVersion,
        oslevel,
        env.architecture(),
        cpuModel,
        (int) Math.min(logical, Integer.MAX_VALUE),
        (int) Math.min(cores, Integer.MAX_VALUE),
        mhz,
        memory,
        -1,
        platform);
  }

  @Override
  public SystemLoad load() {
    SvmonG svmon = safely(this::svmon, AixMemoryParsers.parseSvmonG(""));
    long swapTotal = svmon.pagingSpaceBytes();
    long swapFree =
        swapTotal >= 0 && svmon.pagingSpaceInuseBytes() >= 0
            ? Math.max(0, swapTotal - svmon.pagingSpaceInuseBytes())
            : -1;
    if (swapTotal < 0 || swapFree < 0) {
      AixMemoryParsers.LspsS lsps =
          safely(
              () -> AixMemoryParsers.parseLspsS(dynamicOutput(LSPS_S)),
              new AixMemoryParsers.LspsS(-1, -1));
      if (lsps.totalBytes() >= 0) {
        swapTotal = lsps.totalBytes();
        swapFree = lsps.freeBytes();
      }
    }
    AixLoadParsers.Uptime uptime =
        safely(
            () -> AixLoadParsers.parseUptime(dynamicOutput(UPTIME)),
            new AixLoadParsers.Uptime(-1, -1, -1, -1));
    long boot = safely(() -> facts().bootTimeMillis(), -1L);
    long uptimeSeconds =
        boot > 0 ? Math.max(0, (env.clock().millis() - boot) / 1000) : uptime.uptimeSeconds();
    return new SystemLoad(
        svmon.freeBytes(),
        svmon.availableBytes(),
        swapTotal,
        swapFree,
        uptime.loadAverage1m(),
        uptime.loadAverage5m(),
        uptime.loadAverage15m(),
        uptimeSeconds,
        Map.of());
  }

  /** {@code svmon -G -O unit=KB}; after it failed once, the plain {@code svmon -G}. */
  private SvmonG svmon() {
    if (!svmonWithoutOptions) {
      String out = dynamicOutput(SVMON_G);
      if (!out.isEmpty()) {
        return AixMemoryParsers.parseSvmonG(out);
      }
      svmonWithoutOptions = true; // no -O (before AIX 6.1), or no svmon at all: one fork from now
    }
    return AixMemoryParsers.parseSvmonG(dynamicOutput(SVMON_G_PLAIN));
  }

  /** A static command's parsed output; null when the command failed or printed nothing. */
  private <T> T parsed(List<String> argv, Function<String, T> parser) {
    String out = staticOutput(argv);
    return out.isBlank() ? null : safely(() -> parser.apply(out), null);
  }

  /** A static command's output, run at most once; {@code ""} when it failed. */
  private String staticOutput(List<String> argv) {
    return staticOutputs.computeIfAbsent(argv, a -> output(a, env.staticTimeout()));
  }

  private String dynamicOutput(List<String> argv) {
    return output(argv, env.dynamicTimeout());
  }

  private String output(List<String> argv, Duration timeout) {
    try {
      CommandRunner.Result r = runner.run(argv, timeout);
      return r != null && r.succeeded() ? r.stdout() : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).trim();
  }

  private static String units(double processorUnits) {
    return String.format(Locale.ROOT, "%.2f", processorUnits);
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  /** The first source that gives a non-empty text; a source that throws counts as empty. */
  @SafeVarargs
  private static String firstText(Supplier<String>... sources) {
    for (Supplier<String> s : sources) {
      String v = safely(s::get, "");
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  /** The first source that gives a positive number, or -1. */
  private static long firstNumber(LongSupplier... sources) {
    for (LongSupplier s : sources) {
      long v = safely(s::getAsLong, -1L);
      if (v > 0) {
        return v;
      }
    }
    return -1;
  }

  /** The first source that gives a number >= 0 (0 is a real LPAR number), or -1. */
  private static long firstNonNegative(LongSupplier... sources) {
    for (LongSupplier s : sources) {
      long v = safely(s::getAsLong, -1L);
      if (v >= 0) {
        return v;
      }
    }
    return -1;
  }

  private static <T> T safely(Supplier<T> s, T fallback) {
    try {
      T v = s.get();
      return v == null ? fallback : v;
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  /** A fallback command's value, computed on first use, at most once; a failure gives fallback. */
  private static <T> Lazy<T> once(Supplier<T> source, T fallback) {
    return new Lazy<>(() -> safely(source, fallback));
  }
}
