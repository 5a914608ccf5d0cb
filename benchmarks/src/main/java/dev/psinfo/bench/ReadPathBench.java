package dev.psinfo.bench;

import dev.psinfo.io.BenchFileRules;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.aix.AixProcessProbe;
import dev.psinfo.probe.linux.LinuxKernelFacts;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scan alone on the allocation gate's fixed fake trees, read on procfs's path as the gate reads
 * them: {@value #PROCESSES} processes, so {@code gc.alloc.rate.norm / 500} is bytes per row of the
 * read/parse path (without the sampler and the JMX read the gate adds). Linux: {@code stat}, {@code
 * status}, {@code cmdline}, {@code io}, {@code limits} from {@code testdata/linux/bash} and 4 fd
 * entries (listed: a fake tree's {@code fd} size is not a count); AIX: psinfo + status.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReadPathBench {
  static final int PROCESSES = 500;

  private Path linuxRoot;
  private Path aixRoot;
  private Path passwd;
  private LinuxProcessProbe linux;
  private AixProcessProbe aix;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    passwd = Files.createTempFile("psinfo-bench-passwd", "");
    Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\n");
    UserNames users = new UserNames(passwd);
    linuxRoot = fakeLinuxTree(PROCESSES);
    BenchFileRules.treatAsProcfs(linuxRoot);
    linux =
        new LinuxProcessProbe(
            linuxRoot, users, new LinuxKernelFacts(100, 4096, 1_795_674_063_000L));
    aixRoot = Tables.fakeAixTree(PROCESSES);
    BenchFileRules.treatAsProcfs(aixRoot);
    aix = new AixProcessProbe(aixRoot, users);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Tables.delete(linuxRoot);
    Tables.delete(aixRoot);
    Files.deleteIfExists(passwd);
  }

  @Benchmark
  public ProcessScan linuxScan() throws IOException {
    return linux.scan();
  }

  @Benchmark
  public ProcessScan aixScan() throws IOException {
    return aix.scan();
  }

  /** The allocation gate's Linux tree, from {@code ../testdata/linux/bash}. */
  static Path fakeLinuxTree(int count) {
    try {
      Path fixture = Path.of(System.getProperty("psinfo.testdata", "../testdata"), "linux", "bash");
      String stat = Files.readString(fixture.resolve("stat"), StandardCharsets.US_ASCII);
      String statTail = stat.substring(stat.indexOf(' '));
      Path root = Files.createTempDirectory("psinfo-bench-linux-" + count + "-");
      for (int pid = 1000; pid < 1000 + count; pid++) {
        Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + statTail, StandardCharsets.US_ASCII);
        for (String f : new String[] {"status", "cmdline", "io", "limits"}) {
          Files.write(dir.resolve(f), Files.readAllBytes(fixture.resolve(f)));
        }
        Path fd = Files.createDirectories(dir.resolve("fd"));
        for (int i = 0; i < 4; i++) {
          Files.writeString(fd.resolve(Integer.toString(i)), "");
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
