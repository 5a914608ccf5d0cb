package dev.psinfo.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL query of {@code examples/grafana/psinfo-dashboard.json}, with Grafana's variables
 * substituted, so that an IT can run each one against a real Prometheus: a dashboard proven against
 * real series, not just valid JSON. Also checks what makes the file importable anywhere: every
 * panel and target takes its datasource from the {@code DS_PROMETHEUS} variable.
 */
final class GrafanaDashboard {
  /** What each variable stands for when the queries are run: every job and instance. */
  private static final Map<String, String> VALUES =
      Map.of(
          "job", ".+",
          "instance", ".+",
          "__rate_interval", "2m",
          "__interval", "15s",
          "__range", "5m");

  // $1 in label_replace's replacement is not a variable: names start with a letter or '_'
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$([A-Za-z_]\\w*)");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)", Pattern.DOTALL);

  /** One query: where it comes from, and the PromQL to run. */
  record Query(String where, String promql) {}

  private GrafanaDashboard() {}

  static Path file() {
    return Path.of(
        System.getProperty("psinfo.basedir", "."), "examples", "grafana", "psinfo-dashboard.json");
  }

  /**
   * The queries of every panel target (rows' nested panels included) and of every query variable
   * ({@code label_values(SELECTOR, LABEL)} becomes {@code group by (LABEL) (SELECTOR)}).
   */
  static List<Query> queries(Path file) throws IOException {
    JsonObject dashboard = JsonParser.parseString(Files.readString(file, UTF_8)).getAsJsonObject();
    List<Query> out = new ArrayList<>();
    Set<String> variables = new HashSet<>();
    for (JsonElement v : dashboard.getAsJsonObject("templating").getAsJsonArray("list")) {
      JsonObject variable = v.getAsJsonObject();
      String name = variable.get("name").getAsString();
      variables.add(name);
      if (variable.get("type").getAsString().equals("query")) {
        assertDatasource("variable " + name, variable);
        String definition = variable.get("definition").getAsString();
        Matcher m = LABEL_VALUES.matcher(definition);
        assertThat(m.matches()).as("variable %s: %s", name, definition).isTrue();
        out.add(
            new Query(
                "variable " + name,
                substitute("group by (" + m.group(2) + ") (" + m.group(1) + ")")));
      }
    }
    assertThat(variables).contains("DS_PROMETHEUS");
    Set<Integer> ids = new HashSet<>();
    for (JsonObject panel : panels(dashboard)) {
      String title = panel.get("title").getAsString();
      assertThat(ids.add(panel.get("id").getAsInt())).as("unique id of %s", title).isTrue();
      if (panel.get("type").getAsString().equals("row")) {
        continue;
      }
      assertDatasource(title, panel);
      assertThat(panel.getAsJsonArray("targets")).as("targets of %s", title).isNotEmpty();
      for (JsonElement t : panel.getAsJsonArray("targets")) {
        JsonObject target = t.getAsJsonObject();
        assertDatasource(title, target);
        String where = "panel \"" + title + "\" " + target.get("refId").getAsString();
        out.add(new Query(where, substitute(target.get("expr").getAsString())));
      }
    }
    return out;
  }

  private static List<JsonObject> panels(JsonObject dashboard) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement p : dashboard.getAsJsonArray("panels")) {
      JsonObject panel = p.getAsJsonObject();
      out.add(panel);
      if (panel.has("panels")) {
        panel.getAsJsonArray("panels").forEach(n -> out.add(n.getAsJsonObject()));
      }
    }
    return out;
  }

  private static void assertDatasource(String where, JsonObject o) {
    JsonObject ds = o.getAsJsonObject("datasource");
    assertThat(ds).as("datasource of %s", where).isNotNull();
    assertThat(ds.get("type").getAsString()).as("datasource of %s", where).isEqualTo("prometheus");
    assertThat(ds.get("uid").getAsString())
        .as("datasource of %s", where)
        .isEqualTo("${DS_PROMETHEUS}");
  }

  /** Replaces {@code $name} and {@code ${name}}; an unknown variable fails the test. */
  static String substitute(String promql) {
    Matcher m = VARIABLE.matcher(promql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = VALUES.get(name);
      assertThat(value).as("variable $%s in %s", name, promql).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Runs every query against the server; fails naming the first one that returns no data. */
  static int assertEveryQueryHasData(PrometheusIT.PrometheusServer server) throws Exception {
    List<Query> queries = queries(file());
    for (Query q : queries) {
      try {
        server.queryUntil(q.promql(), PrometheusIT::hasResult);
      } catch (AssertionError e) {
        throw new AssertionError(q.where() + " returned no data: " + q.promql(), e);
      }
    }
    return queries.size();
  }
}
