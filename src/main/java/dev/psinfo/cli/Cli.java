package dev.psinfo.cli;

import dev.psinfo.text.Printable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Dispatches a command line to its command and turns problems into exit codes: {@link Main#USAGE}
 * with a one-line message for a bad command line, {@link Main#FAILED} with a one-line message when
 * the work could not be done. Never calls {@code System.exit}.
 */
final class Cli {
  /**
   * What a command needs from the world besides its streams; tests replace it.
   *
   * @param terminal opens the controlling terminal for {@code top}; returns null when there is none
   * @param agentJar the agent jar to load on {@code attach}; null when not run from a jar
   * @param clock wall clock for headers and start times
   */
  record Env(Supplier<Terminal> terminal, Supplier<Path> agentJar, Clock clock) {
    static Env system() {
      return new Env(Terminal::open, Cli::ownJar, Clock.systemDefaultZone());
    }
  }

  static final String NAME = "psinfo-jmx";

  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar COMMAND [OPTIONS]

      The psinfo-jmx agent jar as a tool: look at this host's process table (AIX /proc psinfo,
      Linux /proc) the way the agent's MBeans show it, load the agent into a running JVM, or
      read a remote agent over JMX.

      Commands:
        ps        list processes once (table, csv or json)
        top       refreshing view of the busiest processes ('q' or Ctrl-C quits)
        info      the host's facts: OS, CPUs, memory, swap, load, boot time
        attach    load the agent into a running JVM (by pid) and show its MBeans
        capture   copy this host's /proc (psinfo or stat/status/cmdline) into a directory
                  or .tar.gz for a bug report; 'ps --proc-root DIR/proc' reads it back
        jmx       ps, top or info read from a remote JVM's psinfo MBeans over JMX

      Run 'COMMAND --help' for a command's options, e.g. 'ps --help'.

      Options:
        -h, --help   this text
        --version    the version of psinfo-jmx

      Exit codes: 0 done, 1 the command failed (message on stderr), 2 bad command line.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Env env;
  private Duration jmxTimeout = JmxCommand.DEFAULT_TIMEOUT;

  Cli(PrintStream out, PrintStream err, Env env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  Env env() {
    return env;
  }

  /** How long {@code jmx} waits for a remote JVM to connect or answer. */
  Duration jmxTimeout() {
    return jmxTimeout;
  }

  void jmxTimeout(Duration timeout) {
    jmxTimeout = timeout;
  }

  /** Runs {@code args}; returns the exit code. */
  int run(List<String> args) {
    try {
      return dispatch(args);
    } catch (UsageException e) {
      err.println(NAME + ": " + Printable.escape(String.valueOf(e.getMessage())));
      return Main.USAGE;
    } catch (CliException e) {
      // a message may quote a remote server's or a process's text
      err.println(NAME + ": " + Printable.escape(String.valueOf(e.getMessage())));
      return Main.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int dispatch(List<String> args) throws UsageException, CliException {
    if (args.isEmpty()) {
      err.print(HELP);
      return Main.USAGE;
    }
    String command = args.get(0);
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    switch (command) {
      case "-h", "--help", "help" -> {
        if (command.equals("help") && !rest.isEmpty()) {
          return dispatch(List.of(rest.get(0), "--help"));
        }
        out.print(HELP);
        return Main.OK;
      }
      case "--version", "version" -> {
        out.println(NAME + " " + version());
        return Main.OK;
      }
      case "ps" -> {
        return PsCommand.run(this, rest, null);
      }
      case "top" -> {
        return TopCommand.run(this, rest, null);
      }
      case "info" -> {
        return InfoCommand.run(this, rest, null);
      }
      case "attach" -> {
        return AttachCommand.run(this, rest);
      }
      case "capture" -> {
        return CaptureCommand.run(this, rest);
      }
      case "jmx" -> {
        return JmxCommand.run(this, rest);
      }
      default -> {
        String what = command.startsWith("-") ? "unknown option" : "unknown command";
        throw new UsageException(
            what
                + " '"
                + command
                + "' (commands: ps, top, info, attach, capture, jmx; see --help)");
      }
    }
  }

  /** Prints a command's help on stdout; returns {@link Main#OK}. */
  int help(String text) {
    out.print(text);
    return Main.OK;
  }

  /** The version from the jar's manifest; {@code dev} when run from classes. */
  static String version() {
    String v = Cli.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The jar this class was loaded from, or null when it was not loaded from a jar. */
  static Path ownJar() {
    try {
      var source = Cli.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI());
      return p.toString().endsWith(".jar") ? p.toAbsolutePath() : null;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
