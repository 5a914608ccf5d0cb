package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.CpuLoad;
import dev.psinfo.probe.CpuLoadTracker;
import dev.psinfo.probe.ProcessCpuEstimator;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.TtlCache;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link SystemInfoMXBean} over a {@link SystemProbe}. Nothing is read until the first getter call;
 * after that, the facts and the load are each served from a {@link TtlCache} for {@code ttl} (the
 * probe keeps its static facts itself), the process and thread counts come from the process table's
 * current snapshot (whose sampler has the ttl; inside one {@code getAttributes}, that answer's
 * snapshot, named by {@code SnapshotTimeMillis}); the host CPU use for {@code ttl} but at least
 * {@link #MIN_CPU_INTERVAL}, so that the attributes a client reads one after the other describe one
 * interval. A probe that throws gives the last good value, or sentinels when there never was one:
 * no getter throws. Thread-safe.
 */
public final class SystemInfo implements SystemInfoMXBean {
  private record Counts(int processes, long threads) {}

  private static final Counts NO_COUNTS = new Counts(-1, -1);

  /** The host CPU use is measured over at least this long, whatever the ttl. */
  static final Duration MIN_CPU_INTERVAL = Duration.ofSeconds(1);

  /** The CPU use with where it came from. */
  private record Cpu(CpuLoad load, String source) {}

  private static final Cpu NO_CPU = new Cpu(CpuLoad.UNKNOWN, "");

  private final String probeName;
  private final TtlCache<SystemFacts> facts;
  private final TtlCache<SystemLoad> load;

  /** The counts of the scan last asked about (computed once per scan). */
  private volatile Counted counted;

  private final TtlCache<Cpu> cpu;
  private final SystemProbe probe;
  private final Supplier<ProcessScan> scans;
  private final LongSupplier nanoClock;
  private final CpuLoadTracker cpuTracker = new CpuLoadTracker();
  private final ProcessCpuEstimator cpuEstimator = new ProcessCpuEstimator();
  private ProcessScan estimatedScan;
  private Cpu estimated = NO_CPU;

  /**
   * @param probe reads the facts; it never scans the process table
   * @param sampler the process table, whose current snapshot gives the process and thread counts
   *     (and only those)
   * @param ttl how long a read is served before the probe is asked again
   */
  public SystemInfo(SystemProbe probe, ProcessSampler sampler, Duration ttl) {
    this(probe, countsFrom(sampler), ttl, System::nanoTime);
  }

  private static Supplier<ProcessScan> countsFrom(ProcessSampler sampler) {
    requireNonNull(sampler, "sampler is null");
    return () -> sampler.snapshot().scan();
  }

  /**
   * @param scans the latest process scan, for the process and thread counts; may return null or
   *     throw when there is none
   * @param nanoClock monotonic clock
   */
  SystemInfo(SystemProbe probe, Supplier<ProcessScan> scans, Duration ttl, LongSupplier nanoClock) {
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
          "counters");
    }
    ProcessScan scan = scans.get();
    if (scan == null) {
      return NO_CPU;
    }
    if (scan != estimatedScan) {
      SystemFacts f = facts();
      int processors = f.physicalCores() > 0 ? f.physicalCores() : f.logicalProcessors();
      estimated =
          new Cpu(cpuEstimator.update(scan, processors, f.bootTimeMillis()), "process times");
      estimatedScan = scan;
    }
    return estimated;
  }

  private CpuLoad cpu() {
    return get(cpu, NO_CPU).load();
  }

  private record Counted(ProcessScan scan, Counts counts) {}

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
    if (scan == null) {
      return NO_COUNTS;
    }
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

  private SystemFacts facts() {
    return get(facts, SystemFacts.UNKNOWN);
  }

  private SystemLoad load() {
    return get(load, SystemLoad.UNKNOWN);
  }

  private static <T> T get(TtlCache<T> cache, T unknown) {
    try {
      return cache.get();
    } catch (RuntimeException | LinkageError e) {
      return unknown;
    }
  }

  @Override
  public String getHostname() {
    return facts().hostname();
  }

  @Override
  public String getOsName() {
    return facts().osName();
  }

  @Override
  public String getOsVersion() {
    return facts().osVersion();
  }

  @Override
  public String getKernelVersion() {
    return facts().kernelVersion();
  }

  @Override
  public String getArchitecture() {
    return facts().architecture();
  }

  @Override
  public String getCpuModel() {
    return facts().cpuModel();
  }

  @Override
  public int getLogicalProcessors() {
    return facts().logicalProcessors();
  }

  @Override
  public int getPhysicalCores() {
    return facts().physicalCores();
  }

  @Override
  public long getCpuClockMhz() {
    return facts().cpuClockMhz();
  }

  @Override
  public long getTotalMemoryBytes() {
    return facts().totalMemoryBytes();
  }

  @Override
  public long getFreeMemoryBytes() {
    return load().freeMemoryBytes();
  }

  @Override
  public long getAvailableMemoryBytes() {
    return load().availableMemoryBytes();
  }

  @Override
  public long getTotalSwapBytes() {
    return load().totalSwapBytes();
  }

  @Override
  public long getFreeSwapBytes() {
    return load().freeSwapBytes();
  }

  @Override
  public long getBootTimeMillis() {
    return facts().bootTimeMillis();
  }

  @Override
  public long getUptimeSeconds() {
    return load().uptimeSeconds();
  }

  @Override
  public double getLoadAverage1m() {
    return load().loadAverage1m();
  }

  @Override
  public double getLoadAverage5m() {
    return load().loadAverage5m();
  }

  @Override
  public double getLoadAverage15m() {
    return load().loadAverage15m();
  }

  @Override
  public int getProcessCount() {
    return counted().counts().processes();
  }

  @Override
  public long getThreadCount() {
    return counted().counts().threads();
  }

  @Override
  public long getSnapshotTimeMillis() {
    ProcessScan scan = counted().scan();
    return scan == null ? -1 : scan.wallTimeMillis();
  }

  @Override
  public Map<String, String> getPlatform() {
    Map<String, String> all = new TreeMap<>(facts().platform());
    all.putAll(load().platform());
    if (!probeName.isEmpty()) {
      all.put("probe", probeName);
    }
    return all;
  }

  @Override
  public double getCpuBusyPercent() {
    return cpu().busyPercent();
  }

  @Override
  public double getCpuUserPercent() {
    return cpu().userPercent();
  }

  @Override
  public double getCpuSystemPercent() {
    return cpu().systemPercent();
  }

  @Override
  public double getCpuIdlePercent() {
    return cpu().idlePercent();
  }

  @Override
  public double getCpuIowaitPercent() {
    return cpu().iowaitPercent();
  }

  @Override
  public long getCpuIntervalMillis() {
    return cpu().intervalMillis();
  }

  @Override
  public String getCpuSource() {
    Cpu c = get(cpu, NO_CPU);
    return c.load().busyPercent() < 0 ? "" : c.source();
  }
}
