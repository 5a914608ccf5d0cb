package dev.psinfo.cli;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.platform.CapturedCommands;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.CapturePlan;
import dev.psinfo.probe.Platform;
import dev.psinfo.support.CommandRunner;
import dev.psinfo.support.ProcDirectory;
import dev.psinfo.support.ProcessCommandRunner;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code capture}: copies the files the probes read into a directory or a {@code .tar.gz}, laid out
 * so that {@code ps --proc-root <capture>/proc} reads them back, with a README saying what, when
 * and where.
 */
final class CaptureCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar capture DIR|FILE.tar.gz [OPTIONS]

      Copies what the agent reads from this host into a directory or a .tar.gz you can attach to
      a bug report, so the problem can be replayed elsewhere:
        AIX:   every readable /proc/PID/psinfo, status and lwp/*/lwpsinfo, plus the output of
               the commands the system facts come from (prtconf, lparstat -i, oslevel -s,
               uname -L, hostname, bindprocessor -q, lsattr -El proc0/sys0, sar -u 1 1,
               svmon -G, lsps -s, uptime, who -b) and uname -a
        Linux: /proc/PID/stat, status, cmdline (and io where readable), the system files
               (stat, meminfo, loadavg, uptime, cpuinfo, sys/kernel/*, self/auxv), uname -a
               and /etc/os-release (as etc/os-release, where info reads the distribution)
      Unreadable files are skipped and counted; nothing else on the host is touched. Command
      lines are copied as they are (not scrubbed): look before you share.

      DIR must not exist or be empty; FILE.tar.gz (or .tgz) must not exist, and unpacks into a
      directory of the same base name. Either holds README.txt (what, when, which host),
      commands/, proc/ and (Linux) etc/os-release. Read it back with:
        java -jar psinfo-jmx-agent.jar ps --probe PROBE --proc-root DIR/proc
        java -jar psinfo-jmx-agent.jar info --probe aix --proc-root DIR/proc
      (info answers the AIX commands from commands/ instead of running them here).

      Options:
        --proc-root DIR          the process directory to copy (default /proc)
        --probe auto|linux|aix   which layout to copy (default auto: AIX on AIX, else Linux)
        -h, --help               this text
      """;

  /** How long one command may run before it is killed. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private CaptureCommand() {}

  /** Where captured files go: a directory or a tar.gz. */
  private interface Sink extends Closeable {
    void file(String relative, byte[] content) throws IOException;
  }

  private static final class DirSink implements Sink {
    private final Path root;

    DirSink(Path root) throws IOException {
      this.root = Files.createDirectories(root);
    }

    @Override
    public void file(String relative, byte[] content) throws IOException {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
    }

    @Override
    public void close() {}
  }

  /**
   * Writes a new hidden file next to the archive (created exclusively: no link is followed) and
   * moves it into place only by {@link #commit()}; closed without it, the partial file is deleted.
   */
  private static final class TarSink implements Sink {
    private final Path archive;
    private final Path partial;
    private final OutputStream file;
    private final TarWriter tar;
    private final String base;
    private boolean committed;

    TarSink(Path archive, String base, long nowSeconds) throws IOException {
      this.archive = archive;
      this.partial =
          Files.createTempFile(
              archive.toAbsolutePath().getParent(), "." + archive.getFileName(), ".part");
      this.file = Files.newOutputStream(partial);
      this.tar = new TarWriter(file, nowSeconds);
      this.base = base;
      tar.directory(base);
    }

    /** Finishes the archive and renames it to its name (atomically; never through a link). */
    void commit() throws IOException {
      tar.close();
      file.close();
      if (Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("'" + archive + "' appeared while capturing; kept nothing");
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    }

    @Override
    public void file(String relative, byte[] content) throws IOException {
      tar.file(base + "/" + relative, content);
    }

    @Override
    public void close() throws IOException {
      if (committed) {
        return;
      }
      try {
        file.close();
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** What happened while copying. */
  private static final class Counts {
    int processes;
    int files;
    int gone;
    int denied;
    final List<String> notes = new ArrayList<>();

    /** Whether files are type-checked before they are opened (not the kernel's procfs). */
    boolean checkTypes;
  }

  static int run(Cli cli, List<String> tokens) throws UsageException, CliException {
    Args a = Args.parse("capture", tokens, Set.of("--proc-root", "--probe"), Set.of());
    if (a.help()) {
      return cli.help(HELP);
    }
    a.expectPositionals(1, 1, "DIR or FILE.tar.gz");
    AgentOptions options = LocalSource.options(a, null, null);
    Platform platform = Platforms.of(options);
    CapturePlan plan = platform.capturePlan();
    CommandRunner runner = new ProcessCommandRunner();
    Path target = Path.of(a.positionals().get(0));
    String fileName = target.getFileName() == null ? "" : target.getFileName().toString();
    boolean tar = fileName.endsWith(".tar.gz") || fileName.endsWith(".tgz");
    if (Files.isSymbolicLink(target)) {
      // a link (dangling or not) would make us write wherever it points
      throw new UsageException("capture: '" + target + "' is a symbolic link; give a new path");
    }
    if (tar) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException("capture: '" + target + "' already exists");
      }
      Path parent = target.toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        throw new UsageException("capture: directory '" + parent + "' does not exist");
      }
    } else if (Files.exists(target) && !isEmptyDirectory(target)) {
      throw new UsageException("capture: '" + target + "' exists and is not an empty directory");
    }
    String base =
        fileName.endsWith(".tar.gz")
            ? fileName.substring(0, fileName.length() - 7)
            : fileName.replaceFirst("\\.tgz$", "");
    Instant now = cli.env().clock().instant();
    Counts counts = new Counts();
    counts.checkTypes = !ProcDirectory.isKernelProcfs(options.procRoot());
    Map<String, String> commands = new LinkedHashMap<>();
    Sink created;
    try {
      created = tar ? new TarSink(target, base, now.getEpochSecond()) : new DirSink(target);
    } catch (IOException e) {
      throw new CliException("capture: cannot create '" + target + "': " + describe(e, target), e);
    }
    try (Sink sink = created) {
      copyProcesses(options.procRoot(), plan.processFiles(), sink, counts);
      for (String f : plan.systemFiles()) {
        copy(options.procRoot().resolve(f), "proc/" + f, sink, counts);
      }
      copyOsRelease(options.procRoot(), sink, counts);
      for (List<String> command : plan.commands()) {
        String name = String.join(" ", command);
        CommandRunner.Result result = runner.run(command, COMMAND_TIMEOUT);
        if (result.succeeded()) {
          sink.file(
              "commands/" + CapturePlan.fileNameOf(command) + ".txt",
              result.stdout().getBytes(StandardCharsets.ISO_8859_1));
          counts.files++;
          commands.put(name, "captured");
        } else {
          commands.put(name, result.failure());
        }
      }
      CommandRunner.Result host = runner.run(List.of("uname", "-n"), COMMAND_TIMEOUT);
      String readme =
          readme(
              now,
              host.succeeded() ? host.stdout().trim() : "unknown (" + host.failure() + ")",
              platform.name(),
              plan.summary(),
              options.procRoot(),
              counts,
              commands,
              tar ? base : target.toString());
      sink.file("README.txt", readme.getBytes(StandardCharsets.UTF_8));
      if (sink instanceof TarSink t) {
        t.commit();
      }
    } catch (IOException e) {
      throw new CliException("capture into '" + target + "' failed: " + describe(e, target), e);
    }
    cli.out()
        .println(
            "captured "
                + counts.processes
                + " processes ("
                + counts.files
                + " files; skipped: "
                + counts.gone
                + " gone, "
                + counts.denied
                + " unreadable) from "
                + options.procRoot()
                + " into "
                + target);
    cli.out()
        .println(
            "read it back: java -jar psinfo-jmx-agent.jar ps --probe "
                + platform.name()
                + " --proc-root "
                + (tar ? base : target.toString())
                + "/proc"
                + (tar ? "   (after: tar -xzf " + target + ")" : ""));
    return Main.OK;
  }

  /**
   * One line for people: the file the error is about (when it is not {@code about}) and what was
   * wrong, without the exception's class name ({@code no such file or directory} for a path whose
   * parent cannot hold a new directory, such as {@code /proc/x}).
   */
  static String describe(IOException e, Path about) {
    if (!(e instanceof FileSystemException f)) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String what;
    if (f instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (f instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (f instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (f instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (f.getReason() != null) {
      what = f.getReason().toLowerCase(Locale.ROOT);
    } else {
      what = f.getClass().getSimpleName();
    }
    String file = f.getFile();
    return file == null || file.equals(about.toString()) ? what : "'" + file + "': " + what;
  }

  private static boolean isEmptyDirectory(Path p) {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
      return !s.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static void copyProcesses(
      Path procRoot, List<String> processFiles, Sink sink, Counts counts)
      throws IOException, CliException {
    TreeSet<Long> pids = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
      for (Path e : entries) {
        String n = e.getFileName().toString();
        if (!n.isEmpty() && n.length() < 19 && n.chars().allMatch(Character::isDigit)) {
          pids.add(Long.parseLong(n));
        }
      }
    } catch (IOException e) {
      throw new CliException(
          "capture: cannot list '" + procRoot + "': " + describe(e, procRoot), e);
    }
    for (long pid : pids) {
      Path dir = procRoot.resolve(Long.toString(pid));
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String f : processFiles) {
        for (String relative : expand(dir, f)) {
          byte[] b = read(dir.resolve(relative), counts);
          if (b != null) {
            files.put(relative, b);
          }
        }
      }
      if (!files.containsKey(processFiles.get(0))) {
        continue;
      }
      for (var f : files.entrySet()) {
        sink.file("proc/" + pid + "/" + f.getKey(), f.getValue());
        counts.files++;
      }
      counts.processes++;
    }
  }

  /**
   * {@code pattern} itself, or, when it has a {@code *} segment ({@code lwp/*}{@code /lwpsinfo}),
   * one path per entry of that directory; none when the directory cannot be listed.
   */
  private static List<String> expand(Path dir, String pattern) {
    int star = pattern.indexOf("/*/");
    if (star < 0) {
      return List.of(pattern);
    }
    String parent = pattern.substring(0, star);
    String rest = pattern.substring(star + 3);
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.resolve(parent))) {
      for (Path e : entries) {
        out.add(parent + "/" + e.getFileName() + "/" + rest);
      }
    } catch (IOException e) {
      // no such directory, or not readable: nothing to copy
    }
    return out;
  }

  private static void copy(Path from, String to, Sink sink, Counts counts) throws IOException {
    byte[] b = read(from, counts);
    if (b != null) {
      sink.file(to, b);
      counts.files++;
    }
  }

  /**
   * {@code etc/os-release} next to the proc root ({@code /etc/os-release} for {@code /proc}) into
   * {@code etc/os-release}, where the Linux probe of {@code --proc-root CAPTURE/proc} reads the
   * distribution and OsVersion from; absent (AIX, an older capture) it is not counted as skipped.
   * Links are followed only for the kernel's {@code /proc} (the real file is usually a link to
   * {@code ../usr/lib/os-release}), not in a tree the capture copies.
   */
  private static void copyOsRelease(Path procRoot, Sink sink, Counts counts) throws IOException {
    Path from = procRoot.toAbsolutePath().resolveSibling("etc").resolve("os-release");
    byte[] b;
    try {
      b =
          BoundedFiles.readPrefix(
              from, counts.checkTypes ? FileRule.TREE : FileRule.NAMED, MAX_OS_RELEASE_BYTES);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | RuntimeException e) {
      counts.denied++;
      return;
    }
    sink.file("etc/os-release", b);
    counts.files++;
  }

  /** The most of os-release a capture copies (the Linux probe reads files up to 4 MB). */
  static final int MAX_OS_RELEASE_BYTES = 64 * 1024;

  /** The most of one file a capture copies. */
  static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /**
   * The file's bytes (at most {@link #MAX_FILE_BYTES}), or null (counted) when it is gone or
   * unreadable; outside the kernel's procfs a FIFO, device or link is not opened (counted
   * unreadable).
   */
  private static byte[] read(Path file, Counts counts) {
    try {
      return BoundedFiles.readPrefix(
          file, counts.checkTypes ? FileRule.TREE : FileRule.PROCFS, MAX_FILE_BYTES);
    } catch (NoSuchFileException e) {
      counts.gone++;
    } catch (FileSystemException e) {
      // denied, or a FIFO, device or link that the rule refused: not copied
      counts.denied++;
    } catch (IOException | RuntimeException e) {
      // ESRCH from a process that exited between open and read, EINVAL, ...
      counts.gone++;
    }
    return null;
  }

  private static String readme(
      Instant now,
      String host,
      String probe,
      String perProcess,
      Path procRoot,
      Counts counts,
      Map<String, String> commands,
      String dir) {
    StringBuilder b = new StringBuilder();
    b.append(CapturedCommands.README_FIRST_LINE).append("\n\n");
    b.append("created:    ").append(now).append('\n');
    b.append("host:       ").append(host).append('\n');
    b.append("os:         ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.version"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append('\n');
    b.append("java:       ").append(System.getProperty("java.version")).append('\n');
    b.append("psinfo-jmx: ").append(Cli.version()).append('\n');
    b.append("probe:      ").append(probe).append('\n');
    b.append("copied:     ").append(procRoot).append(" -> proc/\n");
    b.append("processes:  ").append(counts.processes).append('\n');
    b.append("files:      ").append(counts.files).append('\n');
    b.append("skipped:    ")
        .append(counts.gone)
        .append(" gone (process exited or file absent), ")
        .append(counts.denied)
        .append(" unreadable\n");
    b.append("per process: ").append(perProcess).append('\n');
    for (var c : commands.entrySet()) {
      b.append("command:    ").append(c.getKey()).append(": ").append(c.getValue()).append('\n');
    }
    b.append("\nCommand lines are copied as the OS reports them (not scrubbed).\n");
    b.append("\nRead it back:\n  java -jar psinfo-jmx-agent.jar ps --probe ")
        .append(probe)
        .append(" --proc-root ")
        .append(dir)
        .append("/proc\n");
    return b.toString();
  }
}
