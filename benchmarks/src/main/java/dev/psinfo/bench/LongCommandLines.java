package dev.psinfo.bench;

import dev.psinfo.config.OptionsParser;
import dev.psinfo.platform.Platforms;
import dev.psinfo.sampling.ProcessSampler;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
/**
 * Memory a local user's long command lines cost: starts 20 {@code sleep} processes whose command
 * lines are 1.76 MB (16 arguments of 110 KB, each holding {@code password=}), takes one snapshot of
 * this host's table through {@link ProcessSampler} and prints the heap it retains (used heap after
 * a full GC, before and after) and the characters of arguments it keeps.
 *
 * <pre>
 * java -Xmx512m -cp target/classes:$(cat /tmp/cp.txt) \
 *     benchmarks/src/main/java/dev/psinfo/bench/LongCommandLines.java
 * </pre>
 */
public final class LongCommandLines {
  private LongCommandLines() {}

  public static void main(String[] a) throws Exception {
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<String> cmd = new ArrayList<>(List.of("sleep", "120"));
      for (int j = 0; j < 16; j++) cmd.add("x".repeat(110_000) + "password=secret" + j);
      ps.add(new ProcessBuilder(cmd).start());
    }
    Thread.sleep(500);
    long before = used();
    var options = OptionsParser.parse("ttl=1h");
    ProcessSampler s = ProcessSampler.of(Platforms.of(options).processProbe(), options);
    var snap = s.snapshot();
    long total = snap.scan().processes().stream().mapToLong(p -> p.args().length()).sum();
    System.out.printf("rows %d, args chars kept %d, retained %.1f MB%n", snap.scan().processes().size(), total, (used() - before) / 1e6);
    ps.forEach(Process::destroy);
  }
  static long used() throws Exception { for (int i=0;i<3;i++){System.gc();Thread.sleep(100);} return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(); }
}
