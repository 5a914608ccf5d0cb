package dev.psinfo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the agent costs a JVM that loads it, measured on child JVMs started by this harness:
 * start-up time of a main that exits at once (with and without the agent, alternated, median of
 * {@code --runs}), threads added, and CPU time spent while nobody reads.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.psinfo.bench.AgentOverhead --agent
 * ../target/psinfo-jmx-agent.jar [--runs 30] [--idle-seconds 10] [--out FILE.md]}
 */
public final class AgentOverhead {
  private AgentOverhead() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path agent = Path.of(opts.getOrDefault("agent", "../target/psinfo-jmx-agent.jar"));
    if (!Files.isRegularFile(agent)) {
      throw new IllegalArgumentException("no agent jar at " + agent + ": build the root first");
    }
    int runs = Integer.parseInt(opts.getOrDefault("runs", "30"));
    int idleSeconds = Integer.parseInt(opts.getOrDefault("idle-seconds", "10"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String agentArg = "-javaagent:" + agent.toAbsolutePath();

    String loadBefore = SideBySide.loadavg();
    List<String> plain = List.of(java, "-cp", cp, TrivialMain.class.getName());
    List<String> withAgent = List.of(java, agentArg, "-cp", cp, TrivialMain.class.getName());
    // the same agent registering on its daemon thread: what premain itself costs the main thread
    List<String> withDelayed =
        List.of(java, agentArg + "=registerDelay=1ms", "-cp", cp, TrivialMain.class.getName());
    for (int i = 0; i < 3; i++) { // warm the page cache and CDS archive
      run(plain);
      run(withAgent);
      run(withDelayed);
    }
    double[] without = new double[runs];
    double[] with = new double[runs];
    double[] delayed = new double[runs];
    for (int i = 0; i < runs; i++) {
      if (i % 2 == 0) {
        without[i] = run(plain);
        with[i] = run(withAgent);
        delayed[i] = run(withDelayed);
      } else {
        delayed[i] = run(withDelayed);
        with[i] = run(withAgent);
        without[i] = run(plain);
      }
    }
    double medWithout = median(without);
    double medWith = median(with);
    double[] diffs = new double[runs];
    for (int i = 0; i < runs; i++) {
      diffs[i] = with[i] - without[i];
    }

    Map<String, String> idlePlain =
        keyValues(output(List.of(java, "-cp", cp, IdleMain.class.getName(), "" + idleSeconds)));
    Map<String, String> idleAgent =
        keyValues(
            output(List.of(java, agentArg, "-cp", cp, IdleMain.class.getName(), "" + idleSeconds)));
    String loadAfter = SideBySide.loadavg();

    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "## Agent overhead%n%nMachine: %d CPUs (%s); JDK %s. Load average before: %s;"
                + " after: %s.%n%n",
            Runtime.getRuntime().availableProcessors(),
            SideBySide.cpuModel(),
            System.getProperty("java.vm.version"),
            loadBefore,
            loadAfter));
    b.append("| measure | without agent | with agent | difference | ratio |\n");
    b.append("|---|---:|---:|---:|---:|\n");
    b.append(
        String.format(
            Locale.ROOT,
            "| JVM start to exit, trivial main, median of %d alternated runs (ms) | %.1f | %.1f |"
                + " %.1f (median of paired differences %.1f) | %.3f |%n",
            runs,
            medWithout,
            medWith,
            medWith - medWithout,
            median(diffs),
            medWith / medWithout));
    b.append(
        String.format(
            Locale.ROOT,
            "| the same with `registerDelay=1ms` (MBeans registered on the agent's daemon thread;"
                + " the JVM exits before it finishes) (ms) | %.1f | %.1f | %.1f | %.3f |%n",
            medWithout,
            median(delayed),
            median(delayed) - medWithout,
            median(delayed) / medWithout));
    b.append(
        String.format(
            Locale.ROOT,
            "| live threads 2 s after start | %s | %s | %s | |%n",
            idlePlain.get("threadsAtStart"),
            idleAgent.get("threadsAtStart"),
            diff(idleAgent.get("threadsAtStart"), idlePlain.get("threadsAtStart"))));
    b.append(
        String.format(
            Locale.ROOT,
            "| process CPU while idle and nobody reads, %d s (ms) | %s | %s | %s | |%n",
            idleSeconds,
            idlePlain.get("idleCpuMillis"),
            idleAgent.get("idleCpuMillis"),
            diff(idleAgent.get("idleCpuMillis"), idlePlain.get("idleCpuMillis"))));
    b.append(
        String.format(
            Locale.ROOT,
            "| live threads after one read of Processes (%s rows), and 1 s later | %s | %s, %s |"
                + " %s | |%n",
            idleAgent.get("rowsRead"),
            idlePlain.get("threadsAfterIdle"),
            idleAgent.get("threadsAfterRead"),
            idleAgent.get("threadsAfterReadPlus1s"),
            diff(idleAgent.get("threadsAfterRead"), idlePlain.get("threadsAfterIdle"))));
    System.out.print(b);
    if (opts.containsKey("out")) {
      Path out = Path.of(opts.get("out"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, b, StandardCharsets.UTF_8);
    }
  }

  private static String diff(String a, String b) {
    if (a == null || b == null) {
      return "?";
    }
    return String.format(Locale.ROOT, "%+.1f", Double.parseDouble(a) - Double.parseDouble(b));
  }

  /** Wall milliseconds from start to exit of a child JVM. */
  private static double run(List<String> command) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int rc = p.waitFor();
    long t1 = System.nanoTime();
    if (rc != 0) {
      throw new IllegalStateException("exit " + rc + ": " + command);
    }
    return (t1 - t0) / 1e6;
  }

  private static String output(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("exit " + p.exitValue() + ": " + out);
    }
    return out;
  }

  private static Map<String, String> keyValues(String text) {
    Map<String, String> m = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.contains(" ")) {
        m.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    return m;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
