package dev.psinfo.io;

import java.nio.file.Path;

/**
 * The benchmarks' access to {@link FileRule}'s remembered roots (like the tests' {@code
 * FileRules}): a fake tree read on the kernel procfs's path, as {@code AllocationGateTest} reads
 * it.
 */
public final class BenchFileRules {
  private BenchFileRules() {}

  /** Reads under {@code root} take {@link FileRule#PROCFS}'s path (no type check per open). */
  public static void treatAsProcfs(Path root) {
    FileRule.assume(root, FileRule.PROCFS);
  }
}
