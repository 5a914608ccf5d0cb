package dev.psinfo.cli;

import static dev.psinfo.host.SystemAttribute.AVAILABLE_MEMORY_BYTES;
import static dev.psinfo.host.SystemAttribute.FREE_MEMORY_BYTES;
import static dev.psinfo.host.SystemAttribute.FREE_SWAP_BYTES;
import static dev.psinfo.host.SystemAttribute.HOSTNAME;
import static dev.psinfo.host.SystemAttribute.LOAD_AVERAGE_15M;
import static dev.psinfo.host.SystemAttribute.LOAD_AVERAGE_1M;
import static dev.psinfo.host.SystemAttribute.LOAD_AVERAGE_5M;
import static dev.psinfo.host.SystemAttribute.TOTAL_MEMORY_BYTES;
import static dev.psinfo.host.SystemAttribute.TOTAL_SWAP_BYTES;
import static dev.psinfo.host.SystemAttribute.UPTIME_SECONDS;

import dev.psinfo.config.UserPattern;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.PsText;
import dev.psinfo.text.Printable;
import dev.psinfo.view.Values;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code top}: a refreshing view of the processes with the highest recent CPU use. */
final class TopCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar top [OPTIONS]
             java -jar psinfo-jmx-agent.jar jmx HOST:PORT top [OPTIONS]

      A refreshing view of the busiest processes, like top(1) or topas: a header with load,
      memory and swap, then the processes with the highest %CPU since the previous refresh
      (100 = one full CPU). On a terminal the screen is redrawn in place (plain ANSI: works in
      tmux and over ssh); press q or Ctrl-C to quit. When output is not a terminal, frames are
      printed one after another without escape codes.

      Options:
        --interval DURATION      time between refreshes (default 2s; e.g. 500ms, 5s, 1m)
        -n N                     at most N processes (default: what fits the terminal, else 20)
        --iterations K           stop after K refreshes (for scripts; default: until q/Ctrl-C)
        --sort cpu|rss           order by recent %CPU (default) or resident set size
        --user USER              only processes of this effective user (name or uid); an
                                 unknown name is an error, as for ps
        --match REGEX            only processes whose name or command line contains a match
        --probe auto|linux|aix   which reader (default auto)
        --proc-root DIR          the process directory (default /proc)
        --passwd-file FILE       user names (default /etc/passwd)
        -h, --help               this text

      With 'jmx', %CPU is what the remote agent computed between its own scans, --probe,
      --proc-root and --passwd-file are not accepted, and the rows are those of the agent's
      Processes table (its filters, and with maxRows its top rows by exportTop plus pin). The remote agent serves one scan for its
      ttl (2s by default): top refreshes no faster than that (ttl + 50 ms, shown in the header),
      so that every frame is a fresh scan and never lists a process that has exited meanwhile.
      """;

  /** How much longer than the remote ttl {@code jmx ... top} waits, so that its read scans. */
  static final Duration TTL_MARGIN = Duration.ofMillis(50);

  static final String CLEAR = "\033[H\033[2J";
  static final String HIDE_CURSOR = "\033[?25l";
  static final String SHOW_CURSOR = "\033[?25h";

  /**
   * Rows of processes that fit a terminal of {@code terminalRows} lines under top's header (at
   * least one, so a small terminal does not scroll); 20 when the size is unknown (0).
   */
  static int topRows(int terminalRows) {
    return terminalRows > 0 ? Math.max(1, terminalRows - 6) : 20;
  }

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private TopCommand() {}

  static int run(Cli cli, List<String> tokens, String remote) throws UsageException, CliException {
    Set<String> valued =
        new HashSet<>(Set.of("--interval", "-n", "--iterations", "--sort", "--user", "--match"));
    if (remote == null) {
      valued.addAll(LocalSource.OPTIONS);
    }
    Args a = Args.parse("top", tokens, valued, Set.of());
    if (a.help()) {
      return cli.help(HELP);
    }
    a.expectPositionals(0, 0, "");
    Duration interval = a.duration("--interval", Duration.ofSeconds(2));
    int iterations = a.positiveInt("--iterations", 0, 1);
    PsText.Sort sort =
        PsText.Sort.valueOf(a.choice("--sort", "cpu", "cpu", "rss").toUpperCase(Locale.ROOT));
    UserPattern match = LocalSource.regex(a, "--match");
    String user = a.has("--user") ? a.value("--user", "") : null;
    if (user != null && user.isBlank()) {
      throw new UsageException("top: bad value for --user: empty");
    }
    AgentOptionsHolder local =
        remote == null ? new AgentOptionsHolder(LocalSource.options(a, match, user)) : null;

    Terminal terminal = cli.env().terminal().get();
    int limit = a.positiveInt("-n", 0, 1);
    if (limit == 0) {
      int rows = terminal == null ? 0 : terminal.rows();
      limit = topRows(rows);
    }
    int width = terminal == null ? 0 : terminal.columns();
    CountDownLatch quit = new CountDownLatch(1);
    try (Source source =
        local != null
            ? new LocalSource(local.options)
            : RemoteSource.connect(remote, match, user, cli.jmxTimeout())) {
      // a remote agent serves one scan for its ttl: poll no faster, so that every frame is a
      // fresh scan and never shows a process that has exited since
      Duration served = source.servedFor();
      if (!served.isZero() && interval.compareTo(served.plus(TTL_MARGIN)) < 0) {
        interval = served.plus(TTL_MARGIN);
      }
      if (terminal != null) {
        terminal.readKeys(
            System.in,
            key -> {
              if (key == 'q' || key == 'Q' || key == 3 || key == 4) {
                quit.countDown();
              }
            });
        cli.out().print(HIDE_CURSOR);
      }
      if (local != null) {
        // the first scan only sets the base for %CPU
        if (source.rows().isEmpty() && user != null) {
          UserCheck.requireKnown("top", user, local.options.passwdFile());
        }
        if (await(
            quit,
            interval.compareTo(Duration.ofSeconds(1)) < 0 ? interval : Duration.ofSeconds(1))) {
          return Main.OK;
        }
      }
      for (int i = 0; iterations == 0 || i < iterations; i++) {
        if (i > 0 && await(quit, interval)) {
          break;
        }
        List<ProcessSample> rows = source.rows();
        if (i == 0 && local == null && user != null && rows.isEmpty()) {
          cli.err().println(Printable.escape(UserCheck.remoteWarning("top", user)));
        }
        frame(cli, source, rows, sort, limit, width, interval, terminal != null);
      }
    } finally {
      if (terminal != null) {
        cli.out().print(SHOW_CURSOR);
        cli.out().flush();
        terminal.close();
      }
    }
    return Main.OK;
  }

  /** Holds the local options so that they are validated before the terminal is touched. */
  private record AgentOptionsHolder(dev.psinfo.config.AgentOptions options) {}

  /** Waits up to {@code d}; true when the user asked to quit. */
  private static boolean await(CountDownLatch quit, Duration d) throws CliException {
    try {
      return quit.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private static void frame(
      Cli cli,
      Source source,
      List<ProcessSample> rows,
      PsText.Sort sort,
      int limit,
      int width,
      Duration interval,
      boolean ansi) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream f = new PrintStream(buffer, false, StandardCharsets.UTF_8);
    long now = cli.env().clock().millis();
    String time = CLOCK.format(Instant.ofEpochMilli(now).atZone(cli.env().clock().getZone()));
    String host = "";
    String up = "-";
    String load = "-";
    String mem = "-";
    String swap = "-";
    try {
      Reading<SystemAttribute> sys = source.system();
      if (sys != null) {
        host = Printable.escape(sys.text(HOSTNAME));
        up = Values.uptime(sys.number(UPTIME_SECONDS));
        load =
            String.format(
                Locale.ROOT,
                "%s %s %s",
                loadOf(sys.decimal(LOAD_AVERAGE_1M)),
                loadOf(sys.decimal(LOAD_AVERAGE_5M)),
                loadOf(sys.decimal(LOAD_AVERAGE_15M)));
        mem =
            Values.size(sys.number(TOTAL_MEMORY_BYTES))
                + " total, "
                + Values.size(sys.number(FREE_MEMORY_BYTES))
                + " free, "
                + Values.size(sys.number(AVAILABLE_MEMORY_BYTES))
                + " available";
        swap =
            Values.size(sys.number(TOTAL_SWAP_BYTES))
                + " total, "
                + Values.size(sys.number(FREE_SWAP_BYTES))
                + " free";
      }
    } catch (CliException | RuntimeException e) {
      // a remote bean that went away or lacks a value: show the table without the header values
    }
    long running = rows.stream().filter(r -> r.info().state() == ProcessState.RUNNING).count();
    long threads = rows.stream().mapToLong(r -> Math.max(0, r.info().threads())).sum();
    if (ansi) {
      f.print(CLEAR);
    }
    f.println(
        Values.cut(
            "psinfo-jmx top - " + time + "  " + host + "  up " + up + "  load average: " + load,
            width));
    f.println(
        Values.cut(
            "Processes: "
                + rows.size()
                + " shown, "
                + running
                + " running, "
                + threads
                + " threads",
            width));
    f.println(Values.cut("Mem: " + mem + "   Swap: " + swap, width));
    f.println(
        Values.cut(
            (ansi ? "q quits. " : "")
                + Printable.escape(source.describe())
                + ", every "
                + interval.toMillis()
                + " ms; %CPU since the last refresh, 100 = one CPU",
            width));
    f.println();
    RowsView.topTable(f, PsText.sortAndLimit(rows, sort, limit), width);
    if (!ansi) {
      f.println();
    }
    f.flush();
    cli.out().print(screen(buffer.toString(StandardCharsets.UTF_8), ansi));
    cli.out().flush();
  }

  /**
   * A frame as written: on a terminal without the newline after its last line, for a frame of
   * exactly the terminal's height (the default {@code -n}) would otherwise scroll it by one line,
   * and the first header line (the load average) would be gone every frame.
   */
  static String screen(String frame, boolean ansi) {
    return ansi && frame.endsWith("\n") ? frame.substring(0, frame.length() - 1) : frame;
  }

  private static String loadOf(double v) {
    return v < 0 ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
