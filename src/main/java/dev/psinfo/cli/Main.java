package dev.psinfo.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code java -jar psinfo-jmx-agent.jar COMMAND ...}: the agent jar as a command-line tool. The
 * only class that may end the JVM; everything else returns an exit code, so that commands run
 * in-process in tests.
 */
public final class Main {
  /** Exit code: the command did its work. */
  public static final int OK = 0;

  /** Exit code: the command could not do its work (unreadable table, unreachable JVM). */
  public static final int FAILED = 1;

  /** Exit code: the command line is wrong (unknown command or option, bad value). */
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    int code = new Cli(System.out, System.err, Cli.Env.system()).run(List.of(args));
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command with the real environment, writing to {@code out} and {@code err}. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return new Cli(out, err, Cli.Env.system()).run(List.of(args));
  }
}
