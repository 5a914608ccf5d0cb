package dev.psinfo.bench;

import dev.psinfo.io.BoundedReader;
import dev.psinfo.io.FileRule;
import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.linux.LinuxProcParsers;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.support.ProcDirectory;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * What issue 25's two row items add to a scan (docs/PERFORMANCE.md, "Descriptor limits and
 * javaMain"): {@code fdLimit}'s work (read {@code /proc/<pid>/limits} through the scan's bounded
 * reader and parse it) for every process of this machine, beside a whole {@link
 * LinuxProcessProbe#scan()}, which includes it; and {@code javaMain}'s parse of a real Kafka
 * command line, what a scan costs a JVM whose command line did not change (a compare of the
 * bytes), and the look at argv[0] every other process costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FdLimitJavaMainBench {
  private static final Path PROC = Path.of("/proc");

  /** The command line of a Kafka broker started by kafka-run-class.sh (JavaMainTest's). */
  private static final String KAFKA =
      String.join(
          "\0",
          "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
          "-Xmx1G",
          "-Xms1G",
          "-server",
          "-XX:+UseG1GC",
          "-XX:MaxGCPauseMillis=20",
          "-XX:InitiatingHeapOccupancyPercent=35",
          "-XX:+ExplicitGCInvokesConcurrent",
          "-XX:MaxInlineLevel=15",
          "-Djava.awt.headless=true",
          "-Xlog:gc*:file=/opt/kafka/bin/../logs/kafkaServer-gc.log:time,tags:filecount=10,"
              + "filesize=100M",
          "-Dcom.sun.management.jmxremote",
          "-Dcom.sun.management.jmxremote.authenticate=false",
          "-Dcom.sun.management.jmxremote.ssl=false",
          "-Dkafka.logs.dir=/opt/kafka/bin/../logs",
          "-Dlog4j.configuration=file:/opt/kafka/bin/../config/log4j.properties",
          "-cp",
          "/opt/kafka/bin/../libs/activation-1.1.1.jar:/opt/kafka/bin/../libs/kafka_2.13-3.7.0.jar",
          "kafka.Kafka",
          "/opt/kafka/config/server.properties")
          + "\0";

  private LinuxProcessProbe probe;
  private final BoundedReader reader = new BoundedReader(FileRule.PROCFS);
  private String[] limitsFiles;
  private byte[] kafka;
  private byte[] kafkaKept;
  private byte[] sleep;

  @Setup
  public void setUp() throws IOException {
    probe = new LinuxProcessProbe(PROC, new UserNames(Path.of("/etc/passwd")));
    long[] pids = ProcDirectory.listPids(PROC, Integer.MAX_VALUE);
    limitsFiles = new String[pids.length];
    for (int i = 0; i < pids.length; i++) {
      limitsFiles[i] = "/proc/" + pids[i] + "/limits";
    }
    kafka = KAFKA.getBytes(StandardCharsets.UTF_8);
    kafkaKept = kafka.clone();
    sleep = "sleep\0300\0".getBytes(StandardCharsets.UTF_8);
  }

  /** A whole scan of this machine (fdLimit's read included for every counted process). */
  @Benchmark
  public ProcessScan probeScan() throws IOException {
    return probe.scan();
  }

  /** fdLimit's work alone for every pid listed at set-up: one bounded read and one parse each. */
  @Benchmark
  public long limitsReadAndParseAllPids() {
    long sum = 0;
    for (String file : limitsFiles) {
      try {
        int n = reader.read(file, 4096);
        sum += LinuxProcParsers.parseFdLimit(reader.bytes(), n);
      } catch (IOException | CorruptRecordException e) {
        sum--; // an exited process
      }
    }
    return sum;
  }

  /** javaMain of a JVM seen for the first time (or whose command line changed). */
  @Benchmark
  public String javaMainParseKafka() {
    return LinuxProcParsers.javaMain(kafka, kafka.length, false);
  }

  /** What a scan costs a JVM whose command line is unchanged: the launcher check and a compare. */
  @Benchmark
  public boolean javaMainUnchangedKafka() {
    return LinuxProcParsers.isJavaLauncher(kafka, kafka.length)
        && Arrays.equals(kafka, 0, kafka.length, kafkaKept, 0, kafkaKept.length);
  }

  /** What javaMain costs any other process: a look at its argv[0]. */
  @Benchmark
  public boolean javaMainNotAJvm() {
    return LinuxProcParsers.isJavaLauncher(sleep, sleep.length);
  }
}
