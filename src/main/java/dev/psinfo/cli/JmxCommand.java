package dev.psinfo.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code jmx HOST:PORT ps|top|info}: the same views, read from a remote agent's MBeans. */
final class JmxCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar jmx [--timeout 10s] HOST:PORT ps|top|info [OPTIONS]

      Reads the process table and system facts from a JVM that runs the psinfo-jmx agent and
      exposes JMX remotely, so you can look at a host through a JVM that already has a JMX port
      (no shell on that host needed). Connects to
      service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi (the JVM's
      -Dcom.sun.management.jmxremote.port); a full service:jmx: URL works too. IPv6: [::1]:9010.

      Views (see 'ps --help', 'top --help', 'info --help' for their options):
        ps      one listing: --sort, --user, --match, --format, -n
        top     refreshing view: --interval, -n, --iterations, --sort, --user, --match
        info    the host's facts: --format

      --timeout D   how long to wait for the remote JVM to connect and to answer each read
                    (default 10s; 500ms, 30s, 1m); then one line on stderr and exit 1

      The remote agent's options (its filters, maxRows, ttl) apply before these. Connections
      without authentication and SSL only.

      Example:
        java -jar psinfo-jmx-agent.jar jmx app-host:9010 ps --sort rss -n 10
      """;

  /** How long {@code jmx} waits for a remote JVM by default. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private JmxCommand() {}

  static int run(Cli cli, List<String> tokens) throws UsageException, CliException {
    if (tokens.isEmpty()) {
      throw new UsageException("jmx: missing HOST:PORT and view (see: jmx --help)");
    }
    if (tokens.get(0).equals("--timeout") || tokens.get(0).startsWith("--timeout=")) {
      int n = Math.min(tokens.get(0).contains("=") ? 1 : 2, tokens.size());
      Args a = Args.parse("jmx", tokens.subList(0, n), Set.of("--timeout"), Set.of());
      cli.jmxTimeout(a.duration("--timeout", DEFAULT_TIMEOUT));
      tokens = tokens.subList(n, tokens.size());
      if (tokens.isEmpty()) {
        throw new UsageException("jmx: missing HOST:PORT and view (see: jmx --help)");
      }
    }
    String target = tokens.get(0);
    if (target.equals("--help") || target.equals("-h")) {
      return cli.help(HELP);
    }
    if (target.startsWith("-")) {
      throw new UsageException("jmx: unknown option '" + target + "' (see: jmx --help)");
    }
    RemoteSource.url(target);
    if (tokens.size() < 2) {
      throw new UsageException("jmx: missing view after " + target + ": ps, top or info");
    }
    String view = tokens.get(1);
    List<String> rest = tokens.subList(2, tokens.size());
    return switch (view) {
      case "ps" -> PsCommand.run(cli, rest, target);
      case "top" -> TopCommand.run(cli, rest, target);
      case "info" -> InfoCommand.run(cli, rest, target);
      case "-h", "--help" -> cli.help(HELP);
      default ->
          throw new UsageException("jmx: unknown view '" + view + "' (expected ps, top or info)");
    };
  }
}
