package dev.psinfo.probe.linux;

import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.UserNames;
import java.nio.file.Path;

/**
 * Scans a fake {@code /proc} tree and prints its {@link ScanStats} as ten numbers on one line; run
 * by {@link LinuxDenialsTest} in a child JVM under a non-root uid, where file permissions deny.
 */
public final class DenialScanMain {
  private DenialScanMain() {}

  public static void main(String[] args) throws Exception {
    LinuxProcessProbe probe =
        new LinuxProcessProbe(
            Path.of(args[0]),
            new UserNames(Path.of("/etc/passwd")),
            new LinuxKernelFacts(100, 4096, 1795674063_000L));
    ScanStats s = probe.scan().stats();
    System.out.println(
        s.listed()
            + " "
            + s.gone()
            + " "
            + s.denied()
            + " "
            + s.corrupt()
            + " "
            + s.statusDenied()
            + " "
            + s.cmdlineDenied()
            + " "
            + s.ioDenied()
            + " "
            + s.fdDenied()
            + " "
            + s.asDenied()
            + " "
            + s.argsTruncated());
  }
}
