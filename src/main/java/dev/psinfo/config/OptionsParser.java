package dev.psinfo.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the agent's option string: comma-separated {@code key=value} pairs, for example {@code
 * probe=aix,procRoot=/tmp/proc,ttl=5s}. {@code config=FILE} names a properties file with the same
 * keys; options given inline override the file's. Each problem is reported as an {@link
 * OptionsException} whose one-line message names the option. Stateless and thread-safe.
 *
 * <p>Because commas separate options, a regex that needs a comma must go in the config file. Lists
 * ({@code users}, {@code scrubWords}) are separated by colons.
 */
public final class OptionsParser {
  /** Every key the agent understands, in the order the documentation lists them. */
  public static final List<String> KEYS =
      List.of(
          "probe",
          "procRoot",
          "passwdFile",
          "ttl",
          "include",
          "exclude",
          "users",
          "maxRows",
          "exportTop",
          "scrubArgs",
          "scrubWords",
          "registerDelay",
          "config");

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private OptionsParser() {}

  /**
   * Parses {@code agentArgs} (null or blank: the defaults).
   *
   * @throws OptionsException naming the first unknown key or bad value
   */
  public static AgentOptions parse(String agentArgs) throws OptionsException {
    Map<String, String> inline = splitInline(agentArgs == null ? "" : agentArgs);
    Map<String, String> merged = new LinkedHashMap<>();
    String source = agentArgs == null ? "" : agentArgs.trim();
    String configFile = inline.get("config");
    if (configFile != null) {
      merged.putAll(readConfigFile(configFile));
      source = source + " (config " + configFile + ")";
    }
    merged.putAll(inline);
    merged.remove("config");
    return build(merged, source);
  }

  private static Map<String, String> splitInline(String agentArgs) throws OptionsException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String token : agentArgs.split(",", -1)) {
      String t = token.trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new OptionsException(
            "option '" + t + "' is not key=value (known keys: " + String.join(", ", KEYS) + ")");
      }
      String key = t.substring(0, eq).trim();
      checkKnown(key, "");
      if (pairs.put(key, t.substring(eq + 1).trim()) != null) {
        throw new OptionsException("option '" + key + "' is given twice");
      }
    }
    return pairs;
  }

  private static void checkKnown(String key, String where) throws OptionsException {
    if (!KEYS.contains(key)) {
      throw new OptionsException(
          "unknown option '"
              + key
              + "'"
              + where
              + " (known keys: "
              + String.join(", ", KEYS)
              + ")");
    }
  }

  private static Map<String, String> readConfigFile(String file) throws OptionsException {
    Properties props = new Properties();
    Path path = path("config", file);
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new OptionsException(
          "bad value for config: cannot read '" + file + "': " + describe(e), e);
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String key : props.stringPropertyNames()) {
      checkKnown(key, " in config file " + file);
      if (key.equals("config")) {
        throw new OptionsException("option 'config' is not allowed inside config file " + file);
      }
      pairs.put(key, props.getProperty(key).trim());
    }
    return pairs;
  }

  private static AgentOptions build(Map<String, String> o, String source) throws OptionsException {
    AgentOptions d = AgentOptions.defaults();
    ProbeKind probe = o.containsKey("probe") ? probe(o.get("probe")) : d.probe();
    Path procRoot =
        o.containsKey("procRoot") ? directory("procRoot", o.get("procRoot")) : d.procRoot();
    Path passwd =
        o.containsKey("passwdFile")
            ? readableFile("passwdFile", o.get("passwdFile"))
            : d.passwdFile();
    Duration ttl = o.containsKey("ttl") ? duration("ttl", o.get("ttl")) : d.ttl();
    if (ttl.compareTo(AgentOptions.MAX_TTL) > 0) {
      throw new OptionsException(
          "bad value for ttl: '" + o.get("ttl") + "' is longer than the maximum of 1h");
    }
    Pattern include = o.containsKey("include") ? regex("include", o.get("include")) : null;
    Pattern exclude = o.containsKey("exclude") ? regex("exclude", o.get("exclude")) : null;
    Set<String> users = o.containsKey("users") ? list("users", o.get("users")) : Set.of();
    int maxRows = o.containsKey("maxRows") ? maxRows(o.get("maxRows")) : d.maxRows();
    ExportOrder exportTop =
        o.containsKey("exportTop") ? exportTop(o.get("exportTop")) : d.exportTop();
    boolean scrub = o.containsKey("scrubArgs") ? bool("scrubArgs", o.get("scrubArgs")) : true;
    List<String> words =
        o.containsKey("scrubWords")
            ? List.copyOf(list("scrubWords", o.get("scrubWords")))
            : List.of();
    Duration delay =
        o.containsKey("registerDelay")
            ? duration("registerDelay", o.get("registerDelay"))
            : d.registerDelay();
    return new AgentOptions(
        probe, procRoot, passwd, ttl, include, exclude, users, maxRows, exportTop, scrub, words,
        delay, source);
  }

  private static ProbeKind probe(String v) throws OptionsException {
    try {
      return ProbeKind.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OptionsException("bad value for probe: '" + v + "' (expected auto, linux or aix)");
    }
  }

  private static ExportOrder exportTop(String v) throws OptionsException {
    try {
      return ExportOrder.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OptionsException("bad value for exportTop: '" + v + "' (expected cpu or memory)");
    }
  }

  /** Parses {@code 0}, {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
  static Duration duration(String key, String v) throws OptionsException {
    if (v.equals("0")) {
      return Duration.ZERO;
    }
    var m = DURATION.matcher(v);
    if (!m.matches()) {
      throw new OptionsException(
          "bad value for " + key + ": '" + v + "' (expected a duration such as 500ms, 2s, 1m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static Pattern regex(String key, String v) throws OptionsException {
    if (v.isEmpty()) {
      throw new OptionsException("bad value for " + key + ": empty regex");
    }
    try {
      return Pattern.compile(v);
    } catch (PatternSyntaxException e) {
      throw new OptionsException(
          "bad value for "
              + key
              + ": '"
              + v
              + "' is not a valid regex ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ")");
    }
  }

  private static Set<String> list(String key, String v) throws OptionsException {
    Set<String> items = new LinkedHashSet<>();
    for (String s : v.split(":", -1)) {
      if (!s.isBlank()) {
        items.add(s.trim());
      }
    }
    if (items.isEmpty()) {
      throw new OptionsException(
          "bad value for " + key + ": '" + v + "' (expected names separated by ':')");
    }
    return items;
  }

  private static int maxRows(String v) throws OptionsException {
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new OptionsException(
        "bad value for maxRows: '" + v + "' (expected a whole number >= 0; 0 = no limit)");
  }

  private static boolean bool(String key, String v) throws OptionsException {
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new OptionsException("bad value for " + key + ": '" + v + "' (expected true or false)");
  }

  private static Path path(String key, String v) throws OptionsException {
    if (v.isEmpty()) {
      throw new OptionsException("bad value for " + key + ": empty path");
    }
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new OptionsException("bad value for " + key + ": '" + v + "' is not a path");
    }
  }

  private static Path directory(String key, String v) throws OptionsException {
    Path p = path(key, v);
    if (!Files.isDirectory(p)) {
      throw new OptionsException("bad value for " + key + ": '" + v + "' is not a directory");
    }
    return p;
  }

  private static Path readableFile(String key, String v) throws OptionsException {
    Path p = path(key, v);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new OptionsException("bad value for " + key + ": '" + v + "' is not a readable file");
    }
    return p;
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
