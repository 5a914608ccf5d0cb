package dev.psinfo.cli;

import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code info}: the host's facts, as the {@code psinfo:type=SystemInfo} bean shows them. */
final class InfoCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar info [OPTIONS]
             java -jar psinfo-jmx-agent.jar jmx HOST:PORT info [OPTIONS]

      Shows the host's facts as the psinfo:type=SystemInfo MBean does: host name, OS and kernel
      level, CPUs, memory, swap, boot time, uptime, load averages, host CPU use (Linux
      /proc/stat; AIX an estimate from process times; since boot for one read), process and
      thread counts, what only this platform has (AIX LPAR facts, Linux distribution and cgroup
      limits), and as psinfo:type=Coverage does, what the table cannot see: 'Coverage' is
      "complete" or says what is missing and why (hidepid, a container's pid namespace),
      followed by the counts (kernel tasks, visible tasks, files denied per kind).

      Options:
        --format text|json       text (default): one 'Name  value' line each, sizes also in
                                 human form; json: one object, exact numbers
        --probe auto|linux|aix   which reader (default auto)
        --proc-root DIR          the process directory (default /proc)
        -h, --help               this text

      '-' (or -1 / "" in json) means not available on this platform. Sizes are bytes, times
      milliseconds since 1970 (BootTimeMillis) or seconds (UptimeSeconds).
      """;

  private InfoCommand() {}

  static int run(Cli cli, List<String> tokens, String remote) throws UsageException, CliException {
    Set<String> valued = new HashSet<>(Set.of("--format"));
    if (remote == null) {
      valued.add("--probe");
      valued.add("--proc-root");
    }
    Args a = Args.parse("info", tokens, valued, Set.of());
    if (a.help()) {
      return cli.help(HELP);
    }
    a.expectPositionals(0, 0, "");
    String format = a.choice("--format", "text", "text", "json");
    try (Source source =
        remote == null
            ? new LocalSource(LocalSource.options(a, null, null))
            : RemoteSource.connect(remote, null, null, cli.jmxTimeout())) {
      Reading<SystemAttribute> info = source.system();
      if (info == null) {
        throw new CliException(source.describe() + " has no " + RemoteSource.SYSTEM);
      }
      Reading<CoverageAttribute> coverage = source.coverage();
      try {
        if (format.equals("json")) {
          InfoView.json(cli.out(), info, coverage);
        } else {
          InfoView.text(cli.out(), info, coverage);
        }
      } catch (IllegalStateException e) {
        // a value the agent did not answer (an older agent): the reading says which
        throw new CliException("cannot show the system facts: " + e.getMessage(), e);
      }
    }
    return Main.OK;
  }
}
