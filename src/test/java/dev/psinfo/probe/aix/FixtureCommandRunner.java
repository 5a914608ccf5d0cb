package dev.psinfo.probe.aix;

import dev.psinfo.support.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves fixture files as command output; a command without a fixture fails. Counts calls. */
public final class FixtureCommandRunner implements CommandRunner {
  public static final Path COMMANDS =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "aix/commands");

  private final Map<List<String>, String> fixtures = new HashMap<>();
  private final Map<List<String>, AtomicInteger> calls = new ConcurrentHashMap<>();

  public FixtureCommandRunner serve(List<String> argv, String fixture) {
    fixtures.put(argv, fixture);
    return this;
  }

  public int calls(List<String> argv) {
    AtomicInteger n = calls.get(argv);
    return n == null ? 0 : n.get();
  }

  @Override
  public Result run(List<String> argv, Duration timeout) {
    calls.computeIfAbsent(argv, a -> new AtomicInteger()).incrementAndGet();
    String fixture = fixtures.get(argv);
    if (fixture == null) {
      return Result.failed(argv.get(0) + ": not found");
    }
    try {
      return Result.ok(Files.readString(COMMANDS.resolve(fixture)));
    } catch (IOException e) {
      throw new AssertionError("missing fixture " + fixture, e);
    }
  }
}
