package dev.psinfo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** One in-process run of the command line with captured output. */
record CliRun(int code, String out, String err) {
  /** Runs without a terminal, without an agent jar, on the system clock. */
  static CliRun of(String... args) {
    return with(() -> null, () -> null, args);
  }

  static CliRun with(Supplier<Terminal> terminal, Supplier<Path> jar, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code =
          new Cli(o, e, new Cli.Env(terminal, jar, Clock.systemDefaultZone())).run(List.of(args));
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  List<String> outLines() {
    return out.lines().toList();
  }
}
