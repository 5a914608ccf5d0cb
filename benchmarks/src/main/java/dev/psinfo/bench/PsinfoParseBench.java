package dev.psinfo.bench;

import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.aix.AixRecord;
import dev.psinfo.probe.aix.Psinfo;
import dev.psinfo.probe.aix.PsinfoBytes;
import java.nio.ByteBuffer;
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

/** Decoding one 448-byte AIX psinfo record (no I/O), and that record as a ProcessInfo row. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PsinfoParseBench {
  private ByteBuffer record;

  @Setup
  public void setUp() {
    record =
        ByteBuffer.wrap(
            PsinfoBytes.process(4242)
                .fname("java")
                .psargs("/usr/java17/bin/java -Xmx1g -jar /opt/app/app.jar --port 8080")
                .toBytes());
  }

  @Benchmark
  public Psinfo parse() throws CorruptRecordException {
    return AixRecord.PSINFO.parse(record);
  }

  @Benchmark
  public Object parseToProcessInfo() throws CorruptRecordException {
    return AixRecord.PSINFO.parse(record).toProcessInfo("root");
  }
}
