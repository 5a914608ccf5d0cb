package dev.psinfo.bench;

import com.sun.management.ThreadMXBean;
import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.aix.AixProcessProbe;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.support.UserNames;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * What a scan costs the scanning thread, in CPU time and bytes allocated per row, after warm-up:
 * thread CPU time moves far less than wall time when other work shares the cores, so two builds
 * run one after the other on a loaded machine compare. Also the one-time cost of the first {@code
 * ProcessInfo.builder(..).build()} in a fresh JVM (the builder's method handle is assembled then).
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.psinfo.bench.ScanCpu aix 30 30     # fake tree, 1,000 processes
 * java -cp target/benchmarks.jar dev.psinfo.bench.ScanCpu linux 100 100  # this machine's /proc
 * java -cp target/benchmarks.jar dev.psinfo.bench.ScanCpu first-build    # once per fresh JVM
 * </pre>
 */
public final class ScanCpu {
  private ScanCpu() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (args[0].equals("first-build")) {
      ProcessField.values(); // every view initializes it anyway; not the builder's cost
      long before = threads.getCurrentThreadCpuTime();
      ProcessInfo p = ProcessInfo.builder(1).build();
      long after = threads.getCurrentThreadCpuTime();
      System.out.printf(
          "first builder+build: %d us CPU (pid %d)%n", (after - before) / 1000, p.pid());
      return;
    }
    boolean aix = args[0].equals("aix");
    Path root = aix ? Tables.fakeAixTree(1000) : Path.of("/proc");
    UserNames users = new UserNames(Path.of("/etc/passwd"));
    ProcessProbe probe =
        aix ? new AixProcessProbe(root, users) : new LinuxProcessProbe(root, users);
    int warm = Integer.parseInt(args[1]);
    int measured = Integer.parseInt(args[2]);
    for (int i = 0; i < warm; i++) {
      probe.scan();
    }
    long tid = Thread.currentThread().getId();
    long rows = 0;
    long cpu = threads.getCurrentThreadCpuTime();
    long bytes = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < measured; i++) {
      rows += probe.scan().processes().size();
    }
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    bytes = threads.getThreadAllocatedBytes(tid) - bytes;
    System.out.printf(
        "%s: %.2f us CPU/row, %d B/row (%d rows in %d scans)%n",
        args[0], cpu / 1000.0 / rows, bytes / rows, rows, measured);
    if (aix) {
      Tables.delete(root);
    }
  }
}
