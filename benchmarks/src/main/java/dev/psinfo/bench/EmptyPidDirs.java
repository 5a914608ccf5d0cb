package dev.psinfo.bench;

import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.aix.AixProcessProbe;
import dev.psinfo.support.UserNames;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hostile AIX {@code procRoot}: {@code N} empty pid directories (a local user can make them in a
 * tree the agent is pointed at). Prints the time of each of three scans and the heap the probe
 * retains after them (used heap after a full GC, with the probe and the last scan alive, minus the
 * same before the probe was made).
 *
 * <pre>
 * java -Xmx1g -cp target/classes:$(cat cp.txt) benchmarks/src/main/java/dev/psinfo/bench/EmptyPidDirs.java /dev/shm/pids 200000
 * </pre>
 */
public final class EmptyPidDirs {
  private EmptyPidDirs() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    if (!Files.isDirectory(root.resolve(Integer.toString(n)))) {
      for (int pid = 1; pid <= n; pid++) {
        Files.createDirectories(root.resolve(Integer.toString(pid)));
      }
    }
    Path passwd = Files.createTempFile("passwd", "");
    long before = usedAfterGc();
    AixProcessProbe probe = new AixProcessProbe(root, new UserNames(passwd));
    ProcessScan last = null;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      last = probe.scan();
      System.out.printf(
          "scan %d: %d ms wall, %d ms CPU, %s%n",
          i + 1,
          (System.nanoTime() - t) / 1_000_000,
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000,
          last.stats());
    }
    long retained = usedAfterGc() - before;
    System.out.printf("retained after 3 scans: %.1f MB%n", retained / 1e6);
    System.out.println(probe.name() + " " + last.processes().size() + " rows");
    Files.delete(passwd);
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
