package dev.psinfo.bench;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.aix.AixProcessProbe;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.openmbean.TabularData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A scan of a synthetic AIX /proc (psinfo + status per process, written from the layout into a temp
 * dir): the probe alone, the whole table read through the MBeanServer (ttl=0, so every read scans),
 * and the floor (one psinfo read per process, no parsing). Scores are per scan of {@code processes}
 * processes; divide by it for per-process figures (gc.alloc.rate.norm too).
 *
 * <p>{@code probeScanLongLines} scans another tree where every process has a command line longer
 * than psargs keeps (the worst case for whole command lines: each needs its {@code as} read), with
 * {@code fullArgs} off (psargs only) and on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AixScanBench {
  @Param({"1000", "10000"})
  public int processes;

  private Path root;
  private AixProcessProbe probe;
  private Tables.Jmx jmx;
  private final Floors floors = new Floors();

  @Setup(Level.Trial)
  public void setUp() {
    root = Tables.fakeAixTree(processes);
    probe = new AixProcessProbe(root, new UserNames(Path.of("/etc/passwd")));
    jmx = new Tables.Jmx("probe=aix,ttl=0,procRoot=" + root);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Tables.delete(root);
  }

  @Benchmark
  public ProcessScan probeScan() throws IOException {
    return probe.scan();
  }

  @Benchmark
  public TabularData jmxRead() {
    return jmx.read();
  }

  @Benchmark
  public int floorPsinfo() throws IOException {
    return floors.aix(root);
  }

  @Benchmark
  public ProcessScan probeScanLongLines(LongLines lines) throws IOException {
    return lines.probe.scan();
  }

  /** The tree of long command lines, and a probe with whole command lines off or on. */
  @State(Scope.Benchmark)
  public static class LongLines {
    @Param({"false", "true"})
    public boolean fullArgs;

    private Path root;
    private AixProcessProbe probe;

    @Setup(Level.Trial)
    public void setUp(AixScanBench bench) {
      root = Tables.fakeAixTreeWithLongArgs(bench.processes);
      probe = new AixProcessProbe(root, new UserNames(Path.of("/etc/passwd")), fullArgs);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Tables.delete(root);
    }
  }
}
