package dev.psinfo.probe.linux;

import dev.psinfo.probe.ScanStats;
import dev.psinfo.support.UserNames;
import java.nio.file.Path;

/**
 * Scans a fake (or privately mounted) {@code /proc} tree and prints its {@link ScanStats} as ten
 * numbers on one line (then, with a second argument {@code coverage}, the CoverageMXBean summary);
 * run by {@link LinuxDenialsTest} in a child JVM under a non-root uid, where file permissions deny.
 */
public final class DenialScanMain {
  private DenialScanMain() {}

  public static void main(String[] args) throws Exception {
    LinuxProcessProbe probe =
        new LinuxProcessProbe(
            Path.of(args[0]),
            new UserNames(Path.of("/etc/passwd")),
            new LinuxKernelFacts(100, 4096, 1795674063_000L));
    dev.psinfo.probe.ProcessScan scan = probe.scan();
    ScanStats s = scan.stats();
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
            + s.argsTruncated()
            + " "
            + s.fdLimitDenied());
    if (args.length > 1 && args[1].equals("coverage")) {
      System.out.println(
          dev.psinfo.sampling.CoverageReport.of(scan, ProcessHandle.current().pid()).summary());
    }
  }
}
