package dev.psinfo.io;

import java.nio.file.Path;

/** Test access to {@link FileRule}'s remembered roots. */
public final class FileRules {
  private FileRules() {}

  /**
   * Reads under {@code root} take the kernel procfs's path ({@link FileRule#PROCFS}: no type check
   * before an open), as they do on a real {@code /proc}.
   */
  public static void treatAsProcfs(Path root) {
    FileRule.assume(root, FileRule.PROCFS);
  }

  /** Reads under {@code root} take the path of any other tree again. */
  public static void treatAsTree(Path root) {
    FileRule.assume(root, FileRule.TREE);
  }
}
