package dev.psinfo.bench;

import java.nio.file.Path;

/**
 * Reads the process table in a loop for JFR: {@code java -XX:StartFlightRecording=settings=profile,
 * filename=scan.jfr -cp benchmarks.jar dev.psinfo.bench.ProfileLoop linux|aix SECONDS}, then {@code
 * jfr print --events jdk.ExecutionSample scan.jfr} or {@code jdk.ObjectAllocationSample}.
 */
public final class ProfileLoop {
  private ProfileLoop() {}

  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "linux";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
    Path aixRoot = what.equals("aix") ? Tables.fakeAixTree(10_000) : null;
    try {
      Tables.Jmx jmx =
          new Tables.Jmx(
              aixRoot == null ? "probe=linux,ttl=0" : "probe=aix,ttl=0,procRoot=" + aixRoot);
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long reads = 0;
      long rows = 0;
      while (System.nanoTime() < end) {
        rows += jmx.read().size();
        reads++;
      }
      System.out.printf("%d reads, %.0f rows per read%n", reads, (double) rows / reads);
    } finally {
      Tables.delete(aixRoot);
    }
  }
}
