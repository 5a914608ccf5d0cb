package dev.psinfo.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What kind of file {@link BoundedFiles} may open at a path, checked before the open: a FIFO blocks
 * the open until a writer comes, a device such as {@code /dev/zero} never ends, a link leads out of
 * the tree.
 */
public enum FileRule {
  /**
   * The kernel's own process file system (Linux {@code proc}, AIX {@code procfs}): every entry is a
   * kernel file, none a FIFO, device or link a user could plant, so nothing is checked (a check
   * would cost one more system call per file of every scan). Reads are still size-limited.
   */
  PROCFS,
  /**
   * A tree that is not the kernel's (a copy, a capture, a fake {@code procRoot} in a test, a
   * directory a user can write): only regular files (and directories, whose open fails at once);
   * the last path element must not be a symbolic link (it is not followed).
   */
  TREE,
  /**
   * A file an operator names ({@code passwdFile}, {@code config}): links are followed
   * (configuration managers deploy them), and what they lead to must be a regular file.
   */
  NAMED;

  /** Roots already looked at: reading a file store's type parses the mount table. */
  private static final Map<Path, FileRule> ROOTS = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_ROOTS = 64;

  /**
   * {@link #PROCFS} when {@code root} is on the kernel's procfs ({@code
   * Files.getFileStore(root).type()} is {@code proc} or {@code procfs}), else {@link #TREE}.
   * Remembered per root.
   */
  public static FileRule forRoot(Path root) {
    Path key = root.toAbsolutePath().normalize();
    FileRule known = ROOTS.get(key);
    if (known != null) {
      return known;
    }
    FileRule rule = isKernelProcfs(root) ? PROCFS : TREE;
    if (ROOTS.size() >= MAX_REMEMBERED_ROOTS) {
      ROOTS.clear(); // tests make many temporary roots; a process has one or two real ones
    }
    ROOTS.put(key, rule);
    return rule;
  }

  /**
   * Tests only: {@link #forRoot} answers {@code rule} for {@code root} until the remembered roots
   * are cleared, so that a gate on a fake tree measures the path the kernel's procfs takes.
   */
  static void assume(Path root, FileRule rule) {
    ROOTS.put(root.toAbsolutePath().normalize(), rule);
  }

  /** Whether {@code root} is on the kernel's process file system (not remembered). */
  public static boolean isKernelProcfs(Path root) {
    try {
      String type = Files.getFileStore(root).type();
      return type.equals("proc") || type.equals("procfs");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Fails unless {@code file} may be opened under this rule.
   *
   * @throws java.nio.file.NoSuchFileException when it does not exist (not for {@link #PROCFS},
   *     where the open says so)
   * @throws FileSystemException naming the file when it is of a kind this rule refuses
   */
  public void check(Path file) throws IOException {
    switch (this) {
      case PROCFS -> {
        // the kernel's files: nothing to check
      }
      case TREE -> {
        BasicFileAttributes a =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
          throw new FileSystemException(file.toString(), null, "a symbolic link, not followed");
        }
        if (a.isOther()) {
          throw new FileSystemException(
              file.toString(), null, "not a regular file but a FIFO, socket or device");
        }
      }
      case NAMED -> {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
          throw new FileSystemException(file.toString(), null, "is not a regular file");
        }
      }
    }
  }
}
