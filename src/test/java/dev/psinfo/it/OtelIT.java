package dev.psinfo.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenTelemetry path end to end: a child JVM with our agent (two named groups) and the
 * OpenTelemetry Java agent 2.31.0 reading {@code jmx-config/psinfo-otel.yaml} through its JMX
 * metric insight, exporting with its Prometheus exporter on a loopback port; a real Prometheus
 * server scrapes it and is queried over its HTTP API. Skipped only when the {@code prometheus}
 * binary is missing ({@code .ci/run} installs it).
 */
@EnabledOnOs(OS.LINUX)
class OtelIT {
  @TempDir Path tmp;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void hostFactsAgentHealthAndGroupsReachPrometheusThroughTheOtelAgent() throws Exception {
    Path prometheus = PrometheusIT.executable("prometheus");
    Path promtool = PrometheusIT.executable("promtool");
    assumeTrue(prometheus != null && promtool != null, "prometheus/promtool not installed");
    Path otelAgent = ChildJvm.clients().resolve("opentelemetry-javaagent.jar");
    assertThat(otelAgent).isRegularFile();

    int port = PrometheusIT.freePort();
    try (MarkedProcesses marked = new MarkedProcesses().start(3, 300)) {
      // "[p]sinfo-mark-…" matches the shells but not the child JVM's own command line
      String groups =
          "group.marked=[p]"
              + marked.marker.substring(1)
              + ",group.empty=^no-such-process$,expect.empty=1";
      try (ChildJvm child =
          ChildJvm.start(
              List.of(
                  "-javaagent:" + ChildJvm.agentJar() + "=" + groups,
                  "-javaagent:" + otelAgent,
                  "-Dotel.jmx.config=" + config(),
                  // look for the beans every second at first (default: at 1 s, then after 60 s)
                  "-Dotel.jmx.discovery.delay=1000",
                  "-Dotel.metrics.exporter=prometheus",
                  "-Dotel.exporter.prometheus.host=127.0.0.1",
                  "-Dotel.exporter.prometheus.port=" + port,
                  "-Dotel.traces.exporter=none",
                  "-Dotel.logs.exporter=none",
                  "-Dotel.service.name=psinfo-otel-it"))) {
        // the exporter's own text: names, types and units as the YAML declares them
        String text = scrapeUntil(port, t -> t.contains("psinfo_group_processes{"));
        assertThat(text)
            .contains("# TYPE system_memory_limit_bytes gauge")
            .contains("# TYPE psinfo_agent_scans_total counter")
            .contains("# TYPE psinfo_agent_scan_errors_total counter")
            .contains("# TYPE psinfo_agent_process_gone_total counter")
            .contains("# TYPE psinfo_group_cpu_time_seconds gauge")
            .contains("# TYPE psinfo_group_worst_fd_ratio gauge")
            .contains("# TYPE psinfo_group_up gauge")
            .contains("# TYPE psinfo_group_process_expected gauge")
            .contains("# TYPE psinfo_group_restarts_total counter")
            .contains("system_memory_usage_bytes{")
            .contains("system_memory_state=\"free\"");
        // promtool's linter warns only about the semantic-convention names that end in _count
        // (system_process_count, the OTel agent's own jvm_thread_count) and target_info: psinfo's
        // own counts are plural nouns (psinfo_group_processes)
        Path metricsFile = Files.writeString(tmp.resolve("otel-metrics.txt"), text, UTF_8);
        PrometheusIT.Run lint =
            PrometheusIT.run(List.of(promtool.toString(), "check", "metrics"), metricsFile, 60);
        assertThat(lint.output().lines().filter(l -> !l.isBlank()))
            .as(lint.output())
            .isNotEmpty()
            .allMatch(
                l ->
                    l.matches(
                            "(system|jvm)_[a-z_]+_count non-histogram and non-summary metrics"
                                + " should not have \"_count\" suffix")
                        || l.equals("target_info no help text"));
        assertThat(text).doesNotContain("psinfo_group_process_count");
        // -1 (the empty group's oldest start) is dropped, not exported
        assertThat(text.lines())
            .filteredOn(l -> l.startsWith("psinfo_group_oldest_start_time_seconds{"))
            .hasSize(1)
            .allMatch(l -> l.contains("psinfo_group_name=\"marked\""));

        try (PrometheusIT.PrometheusServer server =
            PrometheusIT.PrometheusServer.start(prometheus, tmp, port)) {
          long memTotalBytes = memTotalKb() * 1024;
          assertThat(single(server, "system_memory_limit_bytes")).isEqualTo(memTotalBytes);
          assertThat(single(server, "system_cpu_logical_count"))
              .isEqualTo(Runtime.getRuntime().availableProcessors());
          assertThat(single(server, "system_process_count")).isGreaterThan(3);
          assertThat(single(server, "psinfo_system_threads"))
              .isGreaterThanOrEqualTo(single(server, "system_process_count"));
          assertThat(single(server, "system_uptime_seconds")).isPositive();
          // host CPU by mode: four shares of all processors that add up to about 100 %
          Map<String, Double> modes =
              byLabel(server, "psinfo_system_cpu_usage_percent", "cpu_mode");
          assertThat(modes).containsOnlyKeys("user", "system", "idle", "iowait");
          assertThat(modes.values().stream().mapToDouble(Double::doubleValue).sum())
              .isBetween(90.0, 101.0);
          assertThat(single(server, "psinfo_coverage_visible_tasks"))
              .isEqualTo(single(server, "psinfo_system_threads"));
          assertThat(single(server, "psinfo_agent_scans_total")).isGreaterThanOrEqualTo(1);
          assertThat(single(server, "psinfo_agent_scan_errors_total")).isZero();
          assertThat(single(server, "psinfo_agent_scan_duration_last_seconds")).isPositive();

          // one series per group, told apart by psinfo_group_name
          Map<String, Double> counts =
              byLabel(server, "psinfo_group_processes", "psinfo_group_name");
          assertThat(counts).containsOnlyKeys("marked", "empty");
          assertThat(counts.get("marked")).isEqualTo(marked.pids().size());
          assertThat(counts.get("empty")).isZero();
          assertThat(
                  byLabel(server, "psinfo_group_memory_usage_bytes", "psinfo_group_name")
                      .get("marked"))
              .isPositive();
          double oldest =
              byLabel(server, "psinfo_group_oldest_start_time_seconds", "psinfo_group_name")
                  .get("marked");
          double firstStart =
              marked.processes().get(0).info().startInstant().orElseThrow().toEpochMilli() / 1000.0;
          assertThat(oldest).isBetween(firstStart - 1, firstStart + 1);

          // expect.empty=1: the boolean Up as a state metric, 1 on the group's state
          assertThat(
                  byLabel(
                      server, "psinfo_group_up{psinfo_group_state=\"up\"}", "psinfo_group_name"))
              .containsEntry("marked", 1.0)
              .containsEntry("empty", 0.0);
          assertThat(
                  byLabel(
                      server, "psinfo_group_up{psinfo_group_state=\"down\"}", "psinfo_group_name"))
              .containsEntry("marked", 0.0)
              .containsEntry("empty", 1.0);
          assertThat(byLabel(server, "psinfo_group_process_expected", "psinfo_group_name"))
              .containsEntry("marked", 0.0)
              .containsEntry("empty", 1.0);
          assertThat(byLabel(server, "psinfo_group_restarts_total", "psinfo_group_name"))
              .containsEntry("marked", 0.0)
              .containsEntry("empty", 0.0);
          // the worst openFds/fdLimit of the marked shells, as /proc says; the empty group's -1 is
          // dropped
          Map<String, Double> worst =
              byLabel(server, "psinfo_group_worst_fd_ratio", "psinfo_group_name");
          assertThat(worst).containsOnlyKeys("marked");
          assertThat(worst.get("marked"))
              .isCloseTo(FdLimitIT.worstFdRatio(marked.pids()), within(1e-9));

          // the Grafana dashboard's group totals panels read these names too
          int groupQueries = 0;
          for (GrafanaDashboard.Query q : GrafanaDashboard.queries(GrafanaDashboard.file())) {
            if (q.where().startsWith("panel \"Groups\" ")
                || q.where().startsWith("panel \"Resident memory per group\" ")
                || q.where().startsWith("panel \"CPU per group\" ")) {
              Map<String, Double> byGroup = new TreeMap<>();
              query(server, q.promql()).forEach((l, v) -> byGroup.put(l.get("group"), v));
              assertThat(byGroup).as(q.where()).containsOnlyKeys("marked", "empty");
              groupQueries++;
            }
          }
          assertThat(groupQueries).isEqualTo(6);
        }
        assertThat(child.stop()).isZero();
      }
    }
  }

  static Path config() {
    return Path.of(System.getProperty("psinfo.basedir", "."), "jmx-config", "psinfo-otel.yaml");
  }

  /** The value of the one series a query returns, waiting (bounded) until there is one. */
  private static double single(PrometheusIT.PrometheusServer server, String promql)
      throws Exception {
    Map<Map<String, String>, Double> result = query(server, promql);
    assertThat(result).as(promql).hasSize(1);
    return result.values().iterator().next();
  }

  private static Map<String, Double> byLabel(
      PrometheusIT.PrometheusServer server, String promql, String label) throws Exception {
    Map<String, Double> out = new TreeMap<>();
    query(server, promql).forEach((labels, value) -> out.put(labels.get(label), value));
    return out;
  }

  /** An instant query's vector result, as labels to value; waits until it is not empty. */
  static Map<Map<String, String>, Double> query(PrometheusIT.PrometheusServer server, String promql)
      throws Exception {
    String json = server.queryUntil(promql, PrometheusIT::hasResult);
    return vector(json);
  }

  /** Parses the {@code data.result} of a Prometheus instant-query answer of type vector. */
  static Map<Map<String, String>, Double> vector(String json) {
    JsonObject data = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("data");
    assertThat(data.get("resultType").getAsString()).isEqualTo("vector");
    Map<Map<String, String>, Double> out = new java.util.LinkedHashMap<>();
    for (JsonElement e : data.getAsJsonArray("result")) {
      JsonObject series = e.getAsJsonObject();
      Map<String, String> labels = new TreeMap<>();
      series
          .getAsJsonObject("metric")
          .entrySet()
          .forEach(l -> labels.put(l.getKey(), l.getValue().getAsString()));
      JsonArray value = series.getAsJsonArray("value");
      out.put(labels, Double.parseDouble(value.get(1).getAsString()));
    }
    return out;
  }

  private static long memTotalKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"), UTF_8)) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.substring("MemTotal:".length()).trim().split("\\s+")[0]);
      }
    }
    throw new AssertionError("no MemTotal in /proc/meminfo");
  }

  private String scrapeUntil(int port, java.util.function.Predicate<String> ready)
      throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    String last = "nothing yet";
    // bounded: the OTel agent starts slowly on a loaded machine, then finds the beans
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        if (r.statusCode() == 200 && ready.test(r.body())) {
          return r.body();
        }
        last = "HTTP " + r.statusCode() + ": " + PrometheusIT.abbreviate(r.body());
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no usable /metrics from " + uri + "; last: " + last);
  }
}
