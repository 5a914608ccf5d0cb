package dev.psinfo.bench;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.openmbean.TabularData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A scan of this machine's /proc: the probe alone, the whole table read through the MBeanServer
 * (ttl=0), and the floor (stat + status + cmdline read per process, no parsing). Scores are per
 * scan; the number of processes varies with the machine (the side-by-side harness reports per
 * process).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LinuxScanBench {
  private static final Path PROC = Path.of("/proc");

  private LinuxProcessProbe probe;
  private Tables.Jmx jmx;
  private final Floors floors = new Floors();

  @Setup
  public void setUp() {
    probe = new LinuxProcessProbe(PROC, new UserNames(Path.of("/etc/passwd")));
    jmx = new Tables.Jmx("probe=linux,ttl=0");
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
  public int floorStatStatusCmdline() throws IOException {
    return floors.linux(PROC);
  }
}
