package dev.psinfo.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus bridge end to end: a child JVM with our agent and jmx_exporter 1.0.1 (configured
 * by {@code jmx-config/psinfo.yaml}), its {@code /metrics} checked by {@code promtool}, then
 * scraped by a real Prometheus server and queried over its HTTP API. Everything listens on
 * 127.0.0.1 only; every wait is bounded. Skipped only when the {@code prometheus}/{@code promtool}
 * binaries are missing ({@code .ci/run} installs them).
 */
@EnabledOnOs(OS.LINUX)
class PrometheusIT {
  /** A process name with every character that could break a label: space , " ( ) = > */
  static final String ODD_NAME = "a b,\"c\"(d)=e>f";

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  @TempDir Path tmp;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theChildsOwnProcessReachesPrometheusWithValidLabels() throws Exception {
    Path prometheus = executable("prometheus");
    Path promtool = executable("promtool");
    assumeTrue(prometheus != null && promtool != null, "prometheus/promtool not installed");

    Process odd = startOddlyNamedProcess();
    int port = freePort();
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                agent("group.host-app=[H]ostApp,group.none=^no-such$,expect.none=1"),
                exporter(port)))) {
      String text = scrapeUntil(port, t -> t.contains("psinfo_process_rss_bytes{"));
      List<Sample> samples = parse(text);

      // the child's own row: labels from the table index, RSS close to what the kernel says
      Sample rss = only(samples, "psinfo_process_rss_bytes", child.pid());
      assertThat(rss.labels())
          .containsEntry("name", "java")
          .containsEntry("user", System.getProperty("user.name"))
          .containsOnlyKeys("pid", "name", "user");
      long vmRssBytes = statusKb(child.pid(), "VmRSS:") * 1024;
      assertThat(rss.value()).isBetween(vmRssBytes * 0.5, vmRssBytes * 1.5);
      assertThat(only(samples, "psinfo_process_virtual_bytes", child.pid()).value())
          .isGreaterThanOrEqualTo(rss.value());
      assertThat(only(samples, "psinfo_process_threads", child.pid()).value()).isGreaterThan(1);
      assertThat(only(samples, "psinfo_process_cpu_seconds_total", child.pid()).value())
          .isPositive();
      double startSeconds =
          ProcessHandle.of(child.pid())
                  .orElseThrow()
                  .info()
                  .startInstant()
                  .orElseThrow()
                  .toEpochMilli()
              / 1000.0;
      assertThat(only(samples, "psinfo_process_start_time_seconds", child.pid()).value())
          .isCloseTo(startSeconds, org.assertj.core.data.Offset.offset(1.0));
      assertThat(text)
          .contains("# TYPE psinfo_process_cpu_seconds_total counter")
          .contains("# TYPE psinfo_process_rss_bytes gauge")
          .contains("# TYPE psinfo_agent_scans_total counter");

      // an odd process name is still one valid, correctly escaped label value
      Sample oddRss = only(samples, "psinfo_process_rss_bytes", odd.pid());
      assertThat(oddRss.labels()).containsEntry("name", ODD_NAME);

      // named groups: one labelled series per group and attribute; an empty group has no start
      Sample group = sampleWith(samples, "psinfo_group_processes", "group", "host-app");
      assertThat(group.labels()).containsOnlyKeys("group");
      assertThat(group.value()).isGreaterThanOrEqualTo(1);
      assertThat(sampleWith(samples, "psinfo_group_rss_bytes", "group", "host-app").value())
          .isGreaterThanOrEqualTo(rss.value());
      assertThat(sampleWith(samples, "psinfo_group_processes", "group", "none").value()).isZero();
      // expect.none=1 with no process: down; host-app has no expectation: up
      assertThat(sampleWith(samples, "psinfo_group_up", "group", "none").value()).isZero();
      assertThat(sampleWith(samples, "psinfo_group_expected", "group", "none").value())
          .isEqualTo(1);
      assertThat(sampleWith(samples, "psinfo_group_up", "group", "host-app").value()).isEqualTo(1);
      assertThat(sampleWith(samples, "psinfo_group_restarts_total", "group", "host-app").value())
          .isGreaterThanOrEqualTo(0);
      assertThat(samples)
          .noneMatch(
              s ->
                  s.name().equals("psinfo_group_oldest_start_time_seconds")
                      && "none".equals(s.labels().get("group")));
      // the worst openFds/fdLimit of the HostApps (this child among them: at least its own ratio,
      // give or take the descriptors it opens and closes); none for the empty group's -1
      double ownRatio = (double) FdLimitIT.openFds(child.pid()) / FdLimitIT.softLimit(child.pid());
      assertThat(sampleWith(samples, "psinfo_group_worst_fd_ratio", "group", "host-app").value())
          .isGreaterThanOrEqualTo(ownRatio - 16.0 / FdLimitIT.softLimit(child.pid()))
          .isLessThanOrEqualTo(1.0);
      assertThat(samples)
          .noneMatch(
              s ->
                  s.name().equals("psinfo_group_worst_fd_ratio")
                      && "none".equals(s.labels().get("group")));

      // per-user totals: one labelled series per user and item
      Sample myProcesses =
          sampleWith(samples, "psinfo_user_processes", "user", System.getProperty("user.name"));
      assertThat(myProcesses.labels()).containsOnlyKeys("user");
      assertThat(myProcesses.value()).isGreaterThanOrEqualTo(1);
      assertThat(
              sampleWith(samples, "psinfo_user_rss_bytes", "user", System.getProperty("user.name"))
                  .value())
          .isGreaterThanOrEqualTo(rss.value());

      // the table as a whole, the host, the agent's own health
      assertThat(value(samples, "psinfo_processes")).isGreaterThanOrEqualTo(2);
      assertThat(value(samples, "psinfo_system_memory_total_bytes")).isPositive();
      assertThat(value(samples, "psinfo_system_load1")).isGreaterThanOrEqualTo(0);
      assertThat(value(samples, "psinfo_system_cpus")).isPositive();
      assertThat(value(samples, "psinfo_system_cpu_busy_ratio")).isBetween(0.0, 1.0);
      assertThat(value(samples, "psinfo_system_cpu_idle_ratio")).isBetween(0.0, 1.0);
      // this machine shows every process: the table is complete (a boolean exported as 1)
      assertThat(value(samples, "psinfo_coverage_complete")).isEqualTo(1.0);
      assertThat(value(samples, "psinfo_coverage_kernel_tasks"))
          .isGreaterThanOrEqualTo(value(samples, "psinfo_coverage_visible_processes"));
      // Linux has no /proc/<pid>/as to be denied: no "as" series at all, rather than a 0; it has
      // limits (for fdLimit), readable by everyone here: 0
      assertThat(named(samples, "psinfo_coverage_file_denied_processes"))
          .extracting(x -> x.labels().get("file"))
          .containsExactlyInAnyOrder("status", "cmdline", "io", "fd", "limits");
      assertThat(
              sampleWith(samples, "psinfo_coverage_file_denied_processes", "file", "limits")
                  .value())
          .isZero();
      // one answer, one snapshot: every process the table counts has its series, and only those
      // (the rows come from the narrow ProcessMetrics view; the full table is not walked)
      assertThat((double) named(samples, "psinfo_process_rss_bytes").size())
          .isEqualTo(value(samples, "psinfo_processes"));
      assertThat(value(samples, "psinfo_agent_scans_total")).isGreaterThanOrEqualTo(1);
      assertThat(value(samples, "psinfo_agent_scan_errors_total")).isZero();
      assertThat(value(samples, "psinfo_agent_last_scan_duration_seconds")).isPositive();
      // the exporter's own process_* family is still there: no clash with ours
      assertThat(samples).anyMatch(s -> s.name().equals("process_cpu_seconds_total"));
      assertThat(samples)
          .filteredOn(s -> s.name().startsWith("psinfo_"))
          .allMatch(s -> !s.name().startsWith("psinfo_process_") || s.labels().size() == 3);

      // promtool's linter has nothing to say about the whole exposition
      Path metricsFile = Files.writeString(tmp.resolve("metrics.txt"), text, UTF_8);
      Run lint = run(List.of(promtool.toString(), "check", "metrics"), metricsFile, 60);
      assertThat(lint.exitCode()).as(lint.output()).isZero();
      assertThat(lint.output()).isBlank();

      // a real Prometheus server scrapes the child every 3 s and answers queries about it
      try (PrometheusServer server = PrometheusServer.start(prometheus, tmp, port)) {
        String mine =
            server.queryUntil(
                "psinfo_process_rss_bytes{pid=\"" + child.pid() + "\"}", PrometheusIT::hasResult);
        assertThat(mine)
            .contains("\"name\":\"java\"")
            .contains("\"pid\":\"" + child.pid() + "\"")
            .contains("\"user\":\"" + System.getProperty("user.name") + "\"");
        // rate() needs two scrapes; the window is bounded by queryUntil, not by a clock assertion
        String top =
            server.queryUntil(
                "topk(5, rate(psinfo_process_cpu_seconds_total[2m]))", PrometheusIT::hasResult);
        assertThat(top).contains("\"pid\":").contains("\"name\":").contains("\"user\":");
        String myRate =
            server.queryUntil(
                "rate(psinfo_process_cpu_seconds_total{pid=\"" + child.pid() + "\"}[2m])",
                PrometheusIT::hasResult);
        assertThat(myRate).contains("\"pid\":\"" + child.pid() + "\"");

        // every query of the Grafana dashboard (variables substituted) returns data
        assertThat(GrafanaDashboard.assertEveryQueryHasData(server)).isGreaterThan(30);
      }
      assertThat(child.stop()).isZero();
    } finally {
      odd.destroyForcibly();
    }
  }

  @Test
  void theAgentsOptionsBoundWhatIsExported() throws Exception {
    assumeTrue(
        Files.isRegularFile(ChildJvm.clients().resolve("jmx_prometheus_javaagent.jar")),
        "jmx_exporter not in " + ChildJvm.clients());
    Process odd = startOddlyNamedProcess();
    try {
      // maxRows with exportTop=memory: exactly the N largest resident sets, never the tiny process
      int port = freePort();
      try (ChildJvm child =
          ChildJvm.start(List.of(agent("maxRows=3,exportTop=memory"), exporter(port)))) {
        List<Sample> samples =
            parse(scrapeUntil(port, t -> t.contains("psinfo_process_rss_bytes{")));
        List<Sample> rows = named(samples, "psinfo_process_rss_bytes");
        assertThat(rows).hasSize(3);
        assertThat(rows).noneMatch(s -> s.labels().get("pid").equals(Long.toString(odd.pid())));
        assertThat(value(samples, "psinfo_processes")).isGreaterThan(3);
        assertThat(named(samples, "psinfo_process_cpu_seconds_total")).hasSize(3);
        assertThat(child.stop()).isZero();
      }
      // include (regex on name or arguments) and users: only the matching processes
      port = freePort();
      String me = System.getProperty("user.name");
      try (ChildJvm child =
          ChildJvm.start(
              List.of(agent("include=dev\\.psinfo\\.it\\.HostApp,users=" + me), exporter(port)))) {
        List<Sample> samples =
            parse(scrapeUntil(port, t -> t.contains("psinfo_process_rss_bytes{")));
        assertThat(named(samples, "psinfo_process_rss_bytes"))
            .extracting(s -> s.labels().get("pid"))
            .contains(Long.toString(child.pid()))
            .doesNotContain(Long.toString(odd.pid()));
        assertThat(named(samples, "psinfo_process_rss_bytes"))
            .allMatch(s -> s.labels().get("user").equals(me));
        assertThat(child.stop()).isZero();
      }
    } finally {
      odd.destroyForcibly();
    }
  }

  @Test
  void theFleetRulesPassPromtool() throws Exception {
    Path promtool = executable("promtool");
    assumeTrue(promtool != null, "promtool not installed");
    Path rules =
        Path.of(System.getProperty("psinfo.basedir", "."), "examples", "psinfo-fleet-rules.yml");
    Run check = run(List.of(promtool.toString(), "check", "rules", rules.toString()), rules, 60);
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 14 rules found");
    // the rules' own unit test: two JVMs on one host count once in every fleet sum
    Path tests = rules.resolveSibling("psinfo-fleet-rules.test.yml");
    Run test = run(List.of(promtool.toString(), "test", "rules", tests.toString()), tests, 60);
    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  // ---- the child and its exporter ----

  private static Sample sampleWith(List<Sample> samples, String name, String label, String value) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && value.equals(s.labels().get(label)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + "{" + label + "=\"" + value + "\"}"));
  }

  private static String agent(String options) {
    return "-javaagent:" + ChildJvm.agentJar() + (options.isEmpty() ? "" : "=" + options);
  }

  private static String exporter(int port) {
    Path jar = ChildJvm.clients().resolve("jmx_prometheus_javaagent.jar");
    return "-javaagent:" + jar + "=127.0.0.1:" + port + ":" + config();
  }

  static Path config() {
    return Path.of(System.getProperty("psinfo.basedir", "."), "jmx-config", "psinfo.yaml");
  }

  /** A copy of sleep whose file name (and so kernel process name) is {@link #ODD_NAME}. */
  private Process startOddlyNamedProcess() throws IOException, InterruptedException {
    Path sleep =
        Stream.of("/bin/sleep", "/usr/bin/sleep")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow();
    Path odd = tmp.resolve("bin").resolve(ODD_NAME);
    Files.createDirectories(odd.getParent());
    Files.copy(sleep, odd);
    odd.toFile().setExecutable(true);
    Process p = Spawned.start(new ProcessBuilder(odd.toString(), "600").redirectErrorStream(true));
    // bounded: the kernel names the process once exec is done
    for (int i = 0; i < 500 && !comm(p.pid()).equals(ODD_NAME); i++) {
      Thread.sleep(10);
    }
    assertThat(comm(p.pid())).isEqualTo(ODD_NAME);
    return p;
  }

  private static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private String scrapeUntil(int port, Predicate<String> ready) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    String last = "nothing yet";
    // 120 attempts of up to 30 s each could hold a build for an hour when the child JVM stops
    // answering (a 64 MB child thrashing in GC on a host with very many processes): give up after
    // five minutes in all, a bound no healthy child comes near even on a loaded machine.
    long giveUpNanos = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    for (int attempt = 0; attempt < 120 && System.nanoTime() < giveUpNanos; attempt++) {
      try {
        HttpResponse<String> r = get(uri);
        if (r.statusCode() == 200 && ready.test(r.body())) {
          return r.body();
        }
        last = "HTTP " + r.statusCode() + ": " + abbreviate(r.body());
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "no usable /metrics from " + uri + " within 120 attempts or 5 min; last: " + last);
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  // ---- the text exposition format, just enough of it ----

  record Sample(String name, Map<String, String> labels, double value) {}

  static List<Sample> parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("exposition line: %s", line).isTrue();
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        int end = 0;
        while (l.lookingAt()) {
          labels.put(l.group(1), unescape(l.group(2)));
          end = l.end();
          l.region(end, m.group(2).length());
        }
        assertThat(end).as("labels of: %s", line).isEqualTo(m.group(2).length());
      }
      out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return out;
  }

  private static String unescape(String v) {
    return v.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static List<Sample> named(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private static Sample only(List<Sample> samples, String name, long pid) {
    List<Sample> found =
        samples.stream()
            .filter(s -> s.name().equals(name))
            .filter(s -> Long.toString(pid).equals(s.labels().get("pid")))
            .toList();
    assertThat(found).as("%s for pid %d", name, pid).hasSize(1);
    return found.get(0);
  }

  private static double value(List<Sample> samples, String name) {
    List<Sample> found = named(samples, name);
    assertThat(found).as(name).hasSize(1);
    return found.get(0).value();
  }

  // ---- helpers ----

  static boolean hasResult(String json) {
    return json.contains("\"status\":\"success\"") && json.contains("\"result\":[{");
  }

  static Path executable(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name);
      }
    }
    return null;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  record Run(int exitCode, String output) {}

  /** Runs a command with {@code stdin} as its input; bounded by {@code seconds}. */
  static Run run(List<String> command, Path stdin, int seconds) throws Exception {
    Path out = Files.createTempFile("psinfo-run", ".out");
    try {
      Process p =
          Spawned.start(
              new ProcessBuilder(command)
                  .redirectInput(stdin.toFile())
                  .redirectErrorStream(true)
                  .redirectOutput(out.toFile()));
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        Spawned.killTree(p);
        throw new AssertionError(command + " did not finish in " + seconds + " s");
      }
      return new Run(p.exitValue(), Files.readString(out, UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new AssertionError(field + " not in /proc/" + pid + "/status");
  }

  static String abbreviate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }

  /** A Prometheus server on a free loopback port, scraping one target every second. */
  static final class PrometheusServer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path log, URI base) {
      this.process = process;
      this.log = log;
      this.base = base;
    }

    static PrometheusServer start(Path binary, Path dir, int targetPort) throws Exception {
      Path config =
          Files.writeString(
              dir.resolve("prometheus.yml"),
              String.join(
                  "\n",
                  "global:",
                  // generous: on a shared, loaded build machine (load 20 to 28 on 2 cores) one
                  // scrape of the child took 15 to 20 s (curl, 2,500 lines); rate() below needs
                  // two good scrapes within its window, and queryUntil waits two minutes or more
                  "  scrape_interval: 30s",
                  "  scrape_timeout: 30s",
                  "scrape_configs:",
                  "  - job_name: psinfo",
                  "    static_configs:",
                  "      - targets: ['127.0.0.1:" + targetPort + "']",
                  ""),
              UTF_8);
      int port = freePort();
      Path log = dir.resolve("prometheus.log");
      Process p =
          Spawned.start(
              new ProcessBuilder(
                      binary.toString(),
                      "--config.file=" + config,
                      "--storage.tsdb.path=" + dir.resolve("tsdb"),
                      "--web.listen-address=127.0.0.1:" + port,
                      "--log.level=warn")
                  .redirectErrorStream(true)
                  .redirectOutput(log.toFile()));
      PrometheusServer server =
          new PrometheusServer(p, log, URI.create("http://127.0.0.1:" + port));
      try {
        server.awaitReady();
      } catch (Throwable t) {
        server.close();
        throw t;
      }
      return server;
    }

    private void awaitReady() throws Exception {
      for (int attempt = 0; attempt < 240 && process.isAlive(); attempt++) {
        Optional<HttpResponse<String>> r = get(base.resolve("/-/ready"));
        if (r.isPresent() && r.get().statusCode() == 200) {
          return;
        }
        Thread.sleep(250);
      }
      throw new AssertionError("Prometheus never became ready; log: " + logTail());
    }

    /**
     * Queries the HTTP API until {@code done} accepts the JSON answer (bounded: two minutes and
     * more, for a few 30 s scrapes on a loaded machine); returns it.
     */
    String queryUntil(String promql, Predicate<String> done) throws Exception {
      URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, UTF_8));
      String last = "nothing yet";
      for (int attempt = 0; attempt < 480 && process.isAlive(); attempt++) {
        Optional<HttpResponse<String>> r = get(uri);
        if (r.isPresent()) {
          last = r.get().body();
          if (r.get().statusCode() == 200 && done.test(last)) {
            return last;
          }
        }
        Thread.sleep(250);
      }
      String targets = get(base.resolve("/api/v1/targets")).map(HttpResponse::body).orElse("");
      throw new AssertionError(
          "no answer for "
              + promql
              + "; last: "
              + abbreviate(last)
              + "; targets: "
              + abbreviate(targets)
              + "; log: "
              + logTail());
    }

    private Optional<HttpResponse<String>> get(URI uri) throws InterruptedException {
      try {
        return Optional.of(
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(UTF_8)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    private String logTail() {
      try {
        return abbreviate(Files.readString(log, UTF_8));
      } catch (IOException e) {
        return e.toString();
      }
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
