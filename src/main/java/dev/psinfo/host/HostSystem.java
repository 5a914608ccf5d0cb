package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CpuLoad;
import dev.psinfo.probe.CpuLoadTracker;
import dev.psinfo.probe.ProcessCpuEstimator;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.sampling.TtlCache;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The host's facts and load over a {@link SystemProbe}: what {@code psinfo:type=SystemInfo}, {@code
 * info}, {@code top}'s header and the JFR event show. Nothing is read until the first call; after
 * that, the facts and the load are each served from a {@link TtlCache} for {@code ttl} (the probe
 * keeps its static facts itself), the process and thread counts come from the process table's
 * current snapshot (computed once per scan); the host CPU use is served for {@code ttl} but at
 * least {@link #MIN_CPU_INTERVAL}, so that values read one after the other describe one interval.
 * The CPU use comes from the probe's counters where it has them, else it is estimated from the
 * process table's scans ({@link ProcessCpuEstimator}). A probe that throws gives the last good
 * value, or sentinels when there never was one: no method throws. Thread-safe.
 */
public final class HostSystem implements SystemSources {
  /** The host CPU use is measured over at least this long, whatever the ttl. */
  public static final Duration MIN_CPU_INTERVAL = Duration.ofSeconds(1);

  /** {@link #cpuSource()} when the probe's CPU counters gave the reading (Linux). */
  public static final String SOURCE_COUNTERS = "counters";

  /** {@link #cpuSource()} when the reading was estimated from the process times (AIX). */
  public static final String SOURCE_PROCESS_TIMES = "process times";

  /** The CPU use with where it came from. */
  private record Cpu(CpuLoad load, String source) {}

  private static final Cpu NO_CPU = new Cpu(CpuLoad.UNKNOWN, "");

  /** The process and thread counts of one scan; -1 when not available. */
  private record Counts(int processes, long threads) {}

  private static final Counts NO_COUNTS = new Counts(-1, -1);

  /** A scan with its counts. */
  private record Counted(ProcessScan scan, Counts counts) {}

  private final String probeName;
  private final TtlCache<SystemFacts> facts;
  private final TtlCache<SystemLoad> load;
  private final TtlCache<Cpu> cpu;
  private final SystemProbe probe;
  private final Supplier<ProcessScan> scans;
  private final LongSupplier nanoClock;
  private final CpuLoadTracker cpuTracker = new CpuLoadTracker();
  private final ProcessCpuEstimator cpuEstimator = new ProcessCpuEstimator();

  /** The counts of the scan last asked about (computed once per scan). */
  private volatile Counted counted;

  /** Guarded by the cpu cache's load lock. */
  private ProcessScan estimatedScan;

  private Cpu estimated = NO_CPU;

  /**
   * @param probe reads the facts; it never scans the process table
   * @param scans the process table's current scan, for the process and thread counts (and the CPU
   *     estimate when the probe has no counters); may return null or throw when there is none
   * @param ttl how long a read is served before the probe is asked again
   * @param nanoClock monotonic clock
   */
  public HostSystem(
      SystemProbe probe, Supplier<ProcessScan> scans, Duration ttl, LongSupplier nanoClock) {
    requireNonNull(probe, "probe is null");
    requireNonNull(scans, "scans is null");
    String name;
    try {
      name = String.valueOf(probe.name());
    } catch (RuntimeException e) {
      name = "";
    }
    this.probeName = name;
    this.facts = new TtlCache<>(ttl, nanoClock, probe::facts);
    this.load = new TtlCache<>(ttl, nanoClock, probe::load);
    this.probe = probe;
    this.scans = scans;
    this.nanoClock = nanoClock;
    this.cpu = new TtlCache<>(cpuTtl(ttl), nanoClock, this::readCpu);
  }

  private static Duration cpuTtl(Duration ttl) {
    return ttl.compareTo(MIN_CPU_INTERVAL) < 0 ? MIN_CPU_INTERVAL : ttl;
  }

  /** Serves each reading for {@code ttl} from the next read on (a live option: {@code attach}). */
  public void setTtl(Duration ttl) {
    facts.setTtl(ttl);
    load.setTtl(ttl);
    cpu.setTtl(cpuTtl(ttl));
  }

  /** The host's static facts; {@link SystemFacts#UNKNOWN} when never read. */
  @Override
  public SystemFacts facts() {
    return get(facts, SystemFacts.UNKNOWN);
  }

  /**
   * The host's memory, swap, uptime and load averages; {@link SystemLoad#UNKNOWN} when never read.
   */
  @Override
  public SystemLoad load() {
    return get(load, SystemLoad.UNKNOWN);
  }

  /**
   * The host's CPU use over the last interval (since boot for the first reading); {@link
   * CpuLoad#UNKNOWN} when not available.
   */
  @Override
  public CpuLoad cpu() {
    return get(cpu, NO_CPU).load();
  }

  /**
   * Where {@link #cpu()} comes from: {@link #SOURCE_COUNTERS}, {@link #SOURCE_PROCESS_TIMES}, or
   * {@code ""} when there is no reading.
   */
  @Override
  public String cpuSource() {
    return cpuSource(get(cpu, NO_CPU));
  }

  private static String cpuSource(Cpu c) {
    return c.load().busyPercent() < 0 ? "" : c.source();
  }

  /** The processes in the current scan (the filters do not apply); -1 when there is none. */
  @Override
  public int processCount() {
    return counted().counts().processes();
  }

  /** The threads of the processes in the current scan; -1 when no process tells its threads. */
  @Override
  public long threadCount() {
    return counted().counts().threads();
  }

  /** When the scan that {@link #processCount()} counts was taken, epoch millis; -1: none. */
  @Override
  public long snapshotTimeMillis() {
    ProcessScan scan = counted().scan();
    return scan == null ? -1 : scan.wallTimeMillis();
  }

  /**
   * What only this platform has (the facts' and the load's entries, and {@code probe}), sorted by
   * key.
   */
  @Override
  public Map<String, String> platform() {
    return platform(facts(), load());
  }

  private Map<String, String> platform(SystemFacts facts, SystemLoad load) {
    Map<String, String> all = new TreeMap<>(facts.platform());
    all.putAll(load.platform());
    if (!probeName.isEmpty()) {
      all.put("probe", probeName);
    }
    return all;
  }

  /**
   * Every {@link SystemAttribute} at one moment: the facts, the load and the CPU use each read once
   * (so that, say, the CPU percentages and their source describe one interval) and the counts of
   * one scan. Never throws.
   */
  public Reading<SystemAttribute> reading() {
    SystemFacts f = facts();
    SystemLoad l = load();
    Cpu c = get(cpu, NO_CPU);
    Counted n = counted();
    SystemSources now =
        new SystemSources.Frozen(
            f,
            l,
            c.load(),
            cpuSource(c),
            n.counts().processes(),
            n.counts().threads(),
            n.scan() == null ? -1 : n.scan().wallTimeMillis(),
            platform(f, l));
    Map<SystemAttribute, Object> values = new EnumMap<>(SystemAttribute.class);
    for (SystemAttribute a : SystemAttribute.values()) {
      values.put(a, a.valueIn(now));
    }
    return Reading.of(SystemAttribute.class, values, "this host");
  }

  /**
   * The host's CPU use since the previous reading (since boot for the first): from the probe's
   * counters where it has them, else estimated from the process table's latest scan (once per
   * scan). Called under the cache's load lock.
   */
  private Cpu readCpu() {
    if (probe.hasCpuCounters()) {
      long uptime = load().uptimeSeconds();
      return new Cpu(
          cpuTracker.update(
              probe.cpuTimes(), nanoClock.getAsLong(), uptime < 0 ? -1 : uptime * 1000),
          SOURCE_COUNTERS);
    }
    ProcessScan scan = scans.get();
    if (scan == null) {
      return NO_CPU;
    }
    if (scan != estimatedScan) {
      SystemFacts f = facts();
      int processors = f.physicalCores() > 0 ? f.physicalCores() : f.logicalProcessors();
      estimated =
          new Cpu(cpuEstimator.update(scan, processors, f.bootTimeMillis()), SOURCE_PROCESS_TIMES);
      estimatedScan = scan;
    }
    return estimated;
  }

  /**
   * The counts of the process table's current snapshot (inside one answer, that answer's snapshot:
   * see {@code ProcessSampler#answer}); computed once per scan.
   */
  private Counted counted() {
    ProcessScan scan;
    try {
      scan = scans.get();
    } catch (RuntimeException | LinkageError e) {
      scan = null;
    }
    Counted c = counted;
    if (scan == null) {
      return c != null ? c : new Counted(null, NO_COUNTS);
    }
    if (c == null || c.scan() != scan) {
      c = new Counted(scan, countsOf(scan));
      counted = c;
    }
    return c;
  }

  private static Counts countsOf(ProcessScan scan) {
    long threads = 0;
    boolean anyThreads = false;
    for (ProcessInfo p : scan.processes()) {
      if (p.threads() >= 0) {
        threads += p.threads();
        anyThreads = true;
      }
    }
    return new Counts(scan.processes().size(), anyThreads ? threads : -1);
  }

  private static <T> T get(TtlCache<T> cache, T unknown) {
    try {
      return cache.get();
    } catch (RuntimeException | LinkageError e) {
      return unknown;
    }
  }
}
