package dev.psinfo.cli;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.PsText;
import dev.psinfo.text.Printable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code ps}: one listing of the process table, locally or from a remote agent. */
final class PsCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar ps [OPTIONS]
             java -jar psinfo-jmx-agent.jar jmx HOST:PORT ps [OPTIONS]

      Lists processes once, read the way the agent's MBeans read them (same probe, filters and
      scrubbing of secrets in command lines). No root needed.

      Options:
        --sort cpu|rss|pid       order: highest %CPU, largest resident set, or pid (default pid)
        --user USER              only processes whose effective user is USER (name or uid);
                                 a name no process, passwd file or name service knows is an
                                 error (exit 1); over 'jmx', a warning when no row matches
        --match REGEX            only processes whose name or command line contains a match
        --format table|csv|json  table (default): aligned, human sizes (K, M, G = 1024-based);
                                 csv and json: every field, exact numbers (bytes, milliseconds);
                                 csv puts ' before text starting with = + - @, which a
                                 spreadsheet would run as a formula (json keeps it exact)
        -n N                     at most N rows (after sorting)
        --java                   a JAVA column before COMMAND: what each JVM runs (its main
                                 class, -jar file or -m module/class; '-' for other processes)
        --interval DURATION      scan twice, DURATION apart (e.g. 1s), so that %CPU is the
                                 recent use; without it %CPU is each process's average over its
                                 lifetime, as ps(1) shows it
        --probe auto|linux|aix   which reader (default auto: AIX on AIX, else Linux)
        --proc-root DIR          the process directory to read (default /proc); a tree saved by
                                 'capture' works too (DIR/proc)
        --passwd-file FILE       user names (default /etc/passwd)
        -h, --help               this text

      %CPU: 100 = one full CPU. A '-' (or -1 / "" in csv and json) means not available here.
      With 'jmx', --probe, --proc-root, --passwd-file and --interval are the remote agent's
      business and are not accepted, and ps lists what the agent's Processes table holds: its
      own filters apply first, and with its maxRows set only the top rows by its exportTop
      (plus its pin matches) are there to list.

      Examples:
        java -jar psinfo-jmx-agent.jar ps --sort rss -n 10
        java -jar psinfo-jmx-agent.jar ps --sort cpu --interval 1s -n 5
        java -jar psinfo-jmx-agent.jar ps --user oracle --match pmon --format json
      """;

  private PsCommand() {}

  static int run(Cli cli, List<String> tokens, String remote) throws UsageException, CliException {
    Set<String> valued = new HashSet<>(Set.of("--sort", "--user", "--match", "--format", "-n"));
    if (remote == null) {
      valued.addAll(LocalSource.OPTIONS);
      valued.add("--interval");
    }
    Args a = Args.parse("ps", tokens, valued, Set.of("--java"));
    if (a.help()) {
      return cli.help(HELP);
    }
    a.expectPositionals(0, 0, "");
    PsText.Sort sort =
        PsText.Sort.valueOf(
            a.choice("--sort", "pid", "cpu", "rss", "pid").toUpperCase(Locale.ROOT));
    String format = a.choice("--format", "table", "table", "csv", "json");
    int limit = a.positiveInt("-n", 0, 1);
    UserPattern match = LocalSource.regex(a, "--match");
    String user = a.has("--user") ? a.value("--user", "") : null;
    if (user != null && user.isBlank()) {
      throw new UsageException("ps: bad value for --user: empty");
    }
    Duration interval = a.duration("--interval", null);
    AgentOptions options = remote == null ? LocalSource.options(a, match, user) : null;
    try (Source source =
        remote == null
            ? new LocalSource(options)
            : RemoteSource.connect(remote, match, user, cli.jmxTimeout())) {
      List<ProcessSample> rows = source.rows();
      if (interval != null) {
        sleep(interval);
        rows = source.rows();
      }
      if (user != null && rows.isEmpty()) {
        if (remote == null) {
          UserCheck.requireKnown("ps", user, options.passwdFile());
        } else {
          cli.err().println(Printable.escape(UserCheck.remoteWarning("ps", user)));
        }
      }
      write(cli, PsText.sortAndLimit(rows, sort, limit), format, a.flag("--java"));
    }
    return Main.OK;
  }

  static void write(Cli cli, List<ProcessSample> rows, String format) {
    write(cli, rows, format, false);
  }

  /** As {@link #write(Cli, List, String)}, the table with a JAVA column when {@code java}. */
  static void write(Cli cli, List<ProcessSample> rows, String format, boolean java) {
    switch (format) {
      case "csv" -> RowsView.csv(cli.out(), rows);
      case "json" -> RowsView.json(cli.out(), rows);
      default -> {
        // like ps(1): on a terminal, the COMMAND column is cut at the screen's edge
        Terminal terminal = cli.env().terminal().get();
        int width = terminal == null ? 0 : terminal.columns();
        RowsView.table(
            cli.out(), rows, cli.env().clock().millis(), cli.env().clock().getZone(), width, java);
      }
    }
  }

  static void sleep(Duration d) throws CliException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }
}
