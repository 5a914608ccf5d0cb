package dev.psinfo.bench;

import dev.psinfo.probe.aix.AixProcessProbe;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Our process table against OSHI and against the floor, in one JVM and one run, each scan of each
 * reader measured for wall time, whole-JVM CPU time and heap allocated by every thread, readers
 * interleaved round by round so that load changes hit all of them alike. Starts {@code --idle}
 * extra idle processes ({@code sleep 600}) first and stops them, by their own handles, at the end.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.psinfo.bench.SideBySide [--rounds 50] [--slow-rounds
 * 5] [--idle 1000] [--aix 10000] [--out FILE.md]}
 */
public final class SideBySide {
  /** A reader: returns the number of processes it read. */
  @FunctionalInterface
  interface Reader {
    int read() throws Exception;
  }

  /** One reader and its per-scan measurements. */
  static final class Entry {
    final String group;
    final String name;
    final Reader reader;
    final boolean slow;
    final List<double[]> samples = new ArrayList<>(); // {µs/proc wall, µs/proc cpu, B/proc, n}

    Entry(String group, String name, boolean slow, Reader reader) {
      this.group = group;
      this.name = name;
      this.slow = slow;
      this.reader = reader;
    }

    double median(int column) {
      double[] v = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
      int n = v.length;
      return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "50"));
    int slowRounds = Integer.parseInt(opts.getOrDefault("slow-rounds", "5"));
    int idle = Integer.parseInt(opts.getOrDefault("idle", "1000"));
    int aixCount = Integer.parseInt(opts.getOrDefault("aix", "10000"));
    Path out = opts.containsKey("out") ? Path.of(opts.get("out")) : null;

    String loadBefore = loadavg();
    List<Process> children = new ArrayList<>();
    Path aixRoot = null;
    StringBuilder report = new StringBuilder();
    try {
      startIdle(children, idle);
      aixRoot = Tables.fakeAixTree(aixCount);
      List<Entry> entries = entries(aixRoot, aixCount);
      for (Entry e : entries) { // warm-up: JIT, caches, OSHI's memoized user table
        for (int i = 0; i < (e.slow ? 2 : 10); i++) {
          e.reader.read();
        }
      }
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < entries.size(); k++) {
          Entry e = entries.get((k + round) % entries.size());
          if (!e.slow || round < slowRounds) {
            e.samples.add(measure(e.reader));
          }
        }
      }
      String loadAfter = loadavg();
      report.append(header(idle, rounds, slowRounds, loadBefore, loadAfter));
      report.append(table(entries));
      report.append(retained(aixRoot, aixCount));
    } finally {
      stopIdle(children);
      Tables.delete(aixRoot);
    }
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
  }

  private static List<Entry> entries(Path aixRoot, int aixCount) throws IOException {
    Path proc = Path.of("/proc");
    Floors floors = new Floors();
    UserNames users = new UserNames(Path.of("/etc/passwd"));
    LinuxProcessProbe linux = new LinuxProcessProbe(proc, users);
    Tables.Jmx linuxJmx = new Tables.Jmx("probe=linux,ttl=0");
    AixProcessProbe aix = new AixProcessProbe(aixRoot, users);
    Tables.Jmx aixJmx = new Tables.Jmx("probe=aix,ttl=0,procRoot=" + aixRoot);
    OperatingSystem oshi = new SystemInfo().getOperatingSystem();
    String linuxGroup = "Linux /proc of this machine";
    String aixGroup = "AIX fake /proc, " + aixCount + " processes";
    List<Entry> list = new ArrayList<>();
    list.add(
        new Entry(
            linuxGroup,
            "floor: stat+status+cmdline read, no parsing",
            false,
            () -> floors.linux(proc)));
    list.add(
        new Entry(
            linuxGroup,
            "psinfo-jmx: Processes through the MBeanServer",
            false,
            () -> linuxJmx.read().size()));
    list.add(
        new Entry(
            linuxGroup,
            "psinfo-jmx: what psinfo.yaml reads (ProcessMetrics, Users, counts) through the"
                + " MBeanServer",
            false,
            linuxJmx::readAsExporter));
    list.add(
        new Entry(
            linuxGroup,
            "psinfo-jmx: LinuxProcessProbe.scan() only",
            false,
            () -> linux.scan().processes().size()));
    list.add(
        new Entry(
            linuxGroup, "OSHI 6.9.1 getProcesses()", false, () -> oshi.getProcesses().size()));
    list.add(
        new Entry(
            linuxGroup,
            "OSHI 6.9.1 getProcesses() + getUser() + getCommandLine()",
            true,
            () -> {
              List<OSProcess> ps = oshi.getProcesses();
              long chars = 0;
              for (OSProcess p : ps) {
                chars += p.getUser().length() + p.getCommandLine().length();
              }
              return chars < 0 ? 0 : ps.size();
            }));
    list.add(
        new Entry(aixGroup, "floor: psinfo read, no parsing", false, () -> floors.aix(aixRoot)));
    list.add(
        new Entry(
            aixGroup,
            "psinfo-jmx: Processes through the MBeanServer",
            false,
            () -> aixJmx.read().size()));
    list.add(
        new Entry(
            aixGroup,
            "psinfo-jmx: what psinfo.yaml reads (ProcessMetrics, Users, counts) through the"
                + " MBeanServer",
            false,
            aixJmx::readAsExporter));
    list.add(
        new Entry(
            aixGroup,
            "psinfo-jmx: AixProcessProbe.scan() only (psinfo+status)",
            false,
            () -> aix.scan().processes().size()));
    return list;
  }

  /** One scan: {µs per process (wall), µs per process (JVM CPU), bytes per process, n}. */
  private static double[] measure(Reader reader) throws Exception {
    Map<Long, Long> allocBefore = allocatedByThread();
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    int n = reader.read();
    long t1 = System.nanoTime();
    long cpu1 = OS.getProcessCpuTime();
    Map<Long, Long> allocAfter = allocatedByThread();
    long allocated = 0;
    for (Map.Entry<Long, Long> e : allocAfter.entrySet()) {
      allocated += e.getValue() - allocBefore.getOrDefault(e.getKey(), 0L);
    }
    int count = Math.max(1, n);
    return new double[] {
      (t1 - t0) / 1e3 / count, (cpu1 - cpu0) / 1e3 / count, (double) allocated / count, n
    };
  }

  /** Bytes allocated so far by every live thread (readers may use a pool, as OSHI does). */
  private static Map<Long, Long> allocatedByThread() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        m.put(ids[i], bytes[i]);
      }
    }
    return m;
  }

  private static String table(List<Entry> entries) {
    StringBuilder b = new StringBuilder();
    String group = null;
    Entry floor = null;
    Entry oshiBare = null;
    for (Entry e : entries) {
      if (!e.group.equals(group)) {
        group = e.group;
        floor = e;
        oshiBare = null;
        for (Entry o : entries) { // every reader of the group against OSHI, also those listed first
          if (o.group.equals(group) && o.name.equals("OSHI 6.9.1 getProcesses()")) {
            oshiBare = o;
          }
        }
        b.append("\n### ")
            .append(group)
            .append("\n\n| reader | processes | scans | µs/process (wall) | µs/process (JVM CPU)")
            .append(" | KB allocated/process | × floor | × OSHI bare | % of a core, 5,000")
            .append(" processes every 10 s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      }
      double wall = e.median(0);
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %d | %.1f | %.1f | %.2f | %.2f | %s | %.2f |%n",
              e.name,
              e.median(3),
              e.samples.size(),
              wall,
              e.median(1),
              e.median(2) / 1024,
              wall / floor.median(0),
              oshiBare == null ? "" : String.format(Locale.ROOT, "%.2f", wall / oshiBare.median(0)),
              wall * 5000 / 10e6 * 100));
    }
    return b.toString();
  }

  /** Heap still held after one read, per process: what the agent keeps between scrapes. */
  private static String retained(Path aixRoot, int aixCount) {
    StringBuilder b = new StringBuilder("\n### Heap retained after a read (ttl=0)\n\n");
    b.append("| table | processes | KB retained | bytes/process |\n|---|---:|---:|---:|\n");
    for (String[] c :
        new String[][] {
          {"Linux /proc", "probe=linux,ttl=0"},
          {"AIX fake /proc", "probe=aix,ttl=0,procRoot=" + aixRoot}
        }) {
      long before = usedHeapAfterGc();
      Tables.Jmx jmx = new Tables.Jmx(c[1]);
      int n = jmx.read().size();
      long after = usedHeapAfterGc();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.0f |%n",
              c[0],
              n,
              (after - before) / 1024.0,
              (double) (after - before) / n));
      if (jmx.server.getMBeanCount() < 0) { // keep jmx reachable until measured
        throw new AssertionError();
      }
    }
    return b.toString();
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String header(
      int idle, int rounds, int slowRounds, String loadBefore, String loadAfter) {
    return String.format(
        Locale.ROOT,
        "## Side by side, %s%n%nMachine: %d CPUs (%s), %s; JDK %s (%s); heap max %d MB.%n"
            + "Extra idle processes started by the harness: %d. Median of %d scans per reader"
            + " (%d for the slow OSHI variant), readers interleaved.%n"
            + "Load average before: %s; after: %s.%n",
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16),
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        kernel(),
        System.getProperty("java.vm.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() >> 20,
        idle,
        rounds,
        slowRounds,
        loadBefore,
        loadAfter);
  }

  private static void startIdle(List<Process> children, int count) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("sleep", "600")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    for (int i = 0; i < count; i++) {
      children.add(pb.start());
    }
  }

  private static void stopIdle(List<Process> children) throws InterruptedException {
    for (Process p : children) {
      p.destroy();
    }
    for (Process p : children) {
      p.waitFor();
    }
  }

  static String loadavg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return System.getProperty("os.arch");
  }

  static String kernel() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --key value: " + Arrays.toString(args));
      }
      m.put(args[i].substring(2), args[i + 1]);
    }
    return m;
  }
}
