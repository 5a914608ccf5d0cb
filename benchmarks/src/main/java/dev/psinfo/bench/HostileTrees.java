package dev.psinfo.bench;

import dev.psinfo.config.OptionsParser;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.Platform;
import dev.psinfo.probe.aix.ArgvImage;
import dev.psinfo.probe.aix.FakeAixProc;
import dev.psinfo.sampling.ProcessSampler;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The hostile trees of issue 21, made on disk, and the agent's answer to each (issue 21's "with
 * -Xmx256m the agent and CLI answer every hostile tree within 10 s without OutOfMemoryError").
 *
 * <pre>
 * CP=target/classes:target/test-classes:$(cat /tmp/cp.txt)
 * java -cp $CP benchmarks/src/main/java/dev/psinfo/bench/HostileTrees.java make aix-straddle /dev/shm/t1
 * java -Xmx256m -cp $CP benchmarks/src/main/java/dev/psinfo/bench/HostileTrees.java agent probe=aix,procRoot=/dev/shm/t1
 * java -Xmx256m -jar target/psinfo-jmx-agent.jar ps --probe aix --proc-root /dev/shm/t1 --format csv
 * </pre>
 *
 * Trees: {@code aix-straddle} (500 processes, argc 4096, every argv[i] pointing at one 10-byte
 * string that straddles a page boundary), {@code aix-long} (2,500 processes, one 70,000-byte argument each), {@code
 * aix-ff} (2,500 processes, one 64 KiB argument of 0xFF bytes), {@code linux-ff} (24 processes with
 * 1 MB command lines of 0xFF; use {@code maxArgsBytes=1048576}), {@code linux-files} (a Linux tree
 * whose {@code loadavg} and {@code self/mountinfo} are FIFOs, {@code meminfo} a link to {@code
 * /dev/zero}, and a 1 GB sparse {@code passwd} beside it).
 */
public final class HostileTrees {
  private HostileTrees() {}

  public static void main(String[] a) throws Exception {
    if (a[0].equals("make")) {
      make(a[1], Path.of(a[2]));
    } else {
      agent(a[1]);
    }
  }

  static void make(String kind, Path root) throws Exception {
    Files.createDirectories(root);
    switch (kind) {
      case "aix-straddle" -> {
        for (int p = 0; p < 500; p++) {
          straddling(root, 1000 + p, 4096);
        }
      }
      case "aix-long" -> {
        byte[] arg = new byte[70_000];
        Arrays.fill(arg, (byte) 'y');
        for (int p = 0; p < 2500; p++) {
          oneArgument(root, 1000 + p, arg);
        }
      }
      case "aix-ff" -> {
        byte[] arg = new byte[64 * 1024];
        Arrays.fill(arg, (byte) 0xff);
        for (int p = 0; p < 2500; p++) {
          oneArgument(root, 1000 + p, arg);
        }
      }
      case "linux-ff" -> {
        byte[] args = new byte[1024 * 1024];
        Arrays.fill(args, (byte) 0xff);
        linuxTree(root, 24, args);
      }
      case "linux-files" -> {
        linuxTree(root, 20, "sleep\0600\0".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(root.resolve("self"));
        mkfifo(root.resolve("loadavg"));
        mkfifo(root.resolve("self/mountinfo"));
        Files.createSymbolicLink(root.resolve("meminfo"), Path.of("/dev/zero"));
        try (RandomAccessFile f =
            new RandomAccessFile(root.resolveSibling(root.getFileName() + ".passwd").toFile(), "rw")) {
          f.setLength(1L << 30);
        }
      }
      default -> throw new IllegalArgumentException(kind);
    }
  }

  static void linuxTree(Path root, int count, byte[] cmdline) throws Exception {
    Path fixtures = Path.of("testdata/linux/bash");
    String stat = Files.readString(fixtures.resolve("stat"));
    for (int pid = 1000; pid < 1000 + count; pid++) {
      Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
      Files.writeString(dir.resolve("stat"), pid + stat.substring(stat.indexOf(' ')));
      Files.copy(fixtures.resolve("status"), dir.resolve("status"));
      Files.write(dir.resolve("cmdline"), cmdline);
    }
  }

  static void mkfifo(Path p) throws Exception {
    if (new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException("mkfifo " + p);
    }
  }

  /**
   * argc pointers to one 10-byte string that straddles a page boundary (the red team's layout:
   * 12,289 reads of {@code as} per process with one cached page).
   */
  static void straddling(Path root, long pid, int argc) throws Exception {
    FakeAixProc.writeProcessWithArgv(
        root,
        pid,
        argc,
        "/bin/prog " + "/bin/prog ".repeat(7),
        ArgvImage.oneStraddlingString(argc));
  }

  /** argv {@code /bin/x} and one argument. */
  static void oneArgument(Path root, long pid, byte[] arg) throws Exception {
    FakeAixProc.writeProcessWithArgv(
        root, pid, 2, "/bin/x " + "?".repeat(72), ArgvImage.withArgument(arg));
  }

  /** One snapshot and one SystemInfo read through the agent's own classes, timed. */
  static void agent(String options) throws Exception {
    long before = used();
    long t0 = System.nanoTime();
    var o = OptionsParser.parse("ttl=1h," + options);
    Platform platform = Platforms.of(o);
    ProcessSampler s = ProcessSampler.of(platform.processProbe(), o);
    var snap = s.snapshot();
    long t1 = System.nanoTime();
    var load = platform.systemProbe().load();
    var facts = platform.systemProbe().facts();
    long t2 = System.nanoTime();
    long argsUtf8 = 0;
    int truncated = 0;
    for (var p : snap.scan().processes()) {
      argsUtf8 += p.args().getBytes(StandardCharsets.UTF_8).length;
      truncated += p.argsTruncated() ? 1 : 0;
    }
    System.out.printf(
        "rows %d, argsTruncated %d, args kept %.1f MB (UTF-8), snapshot %d ms, SystemInfo %d ms"
            + " (free memory %d, host '%s'), retained %.1f MB%n",
        snap.scan().processes().size(),
        truncated,
        argsUtf8 / 1e6,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        load.freeMemoryBytes(),
        facts.hostname(),
        (used() - before) / 1e6);
    System.out.flush();
    Runtime.getRuntime().halt(0); // a thread blocked on a FIFO must not keep the JVM
  }

  static long used() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
