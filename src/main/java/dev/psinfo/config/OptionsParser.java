package dev.psinfo.config;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.io.FileTooLargeException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses the agent's option string: comma-separated {@code key=value} pairs, for example {@code
 * probe=aix,procRoot=/tmp/proc,ttl=5s}. {@code config=FILE} names a properties file with the same
 * keys; options given inline override the file's. Every problem is found, and all are reported
 * together in one {@link OptionsException} whose one-line message names each bad option. Stateless
 * and thread-safe.
 *
 * <p>Because commas separate options, a regex that needs a comma must go in the config file. Lists
 * ({@code users}, {@code scrubWords}) are separated by colons.
 *
 * <p>Each option is its key in {@link #OPTIONS} and one case of {@link #apply}: how its value goes
 * into the {@link AgentOptions.Builder}. Adding an option is a local change: those two, and the
 * record component with its builder setter.
 */
public final class OptionsParser {
  /** Every option the agent understands, in the order the documentation lists them. */
  private static final List<String> OPTIONS =
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
          "fullArgs",
          "registerDelay",
          "maxArgsBytes",
          "log",
          "pin",
          "eventInterval");

  /** The prefix of a group's key: {@code group.NAME=REGEX}, any number of them. */
  public static final String GROUP_PREFIX = "group.";

  /** The prefix of a group's expected count: {@code expect.NAME=N}. */
  public static final String EXPECT_PREFIX = "expect.";

  /**
   * Puts one option's value into the builder, or says what is wrong with it. A switch rather than a
   * table of lambdas: {@code premain} runs this, and the first lambdas of a JVM cost it several
   * milliseconds of class spinning (docs/PERFORMANCE.md, start-up).
   */
  private static void apply(AgentOptions.Builder b, String k, String v) throws OptionsException {
    switch (k) {
      case "probe" -> b.probe(choice(k, v, ProbeKind.class));
      case "procRoot" -> b.procRoot(directory(k, v));
      case "passwdFile" -> b.passwdFile(readableFile(k, v));
      case "ttl" -> b.ttl(ttl(k, v));
      case "include" -> b.include(regex(k, v));
      case "exclude" -> b.exclude(regex(k, v));
      case "users" -> b.users(list(k, v));
      case "maxRows" -> b.maxRows(maxRows(k, v));
      case "exportTop" -> b.exportTop(choice(k, v, ExportOrder.class));
      case "scrubArgs" -> b.scrubArgs(bool(k, v));
      case "scrubWords" -> b.scrubWords(List.copyOf(list(k, v)));
      case "fullArgs" -> b.fullArgs(bool(k, v));
      case "registerDelay" ->
          b.registerDelay(v.equals("auto") ? AgentOptions.REGISTER_DELAY_AUTO : duration(k, v));
      case "maxArgsBytes" -> b.maxArgsBytes(maxArgsBytes(k, v));
      case "log" -> b.log(choice(k, v, LogLevel.class));
      case "pin" -> b.pin(regex(k, v));
      case "eventInterval" -> b.eventInterval(eventInterval(k, v));
      default -> throw new IllegalStateException("option " + k + " is listed but not applied");
    }
  }

  /** Every key the agent understands, {@code config} last. */
  public static final List<String> KEYS = keys();

  private OptionsParser() {}

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(OPTIONS);
    keys.add(GROUP_PREFIX + "NAME");
    keys.add(EXPECT_PREFIX + "NAME");
    keys.add("config");
    return List.copyOf(keys);
  }

  /**
   * Parses {@code agentArgs} (null or blank: the defaults).
   *
   * @throws OptionsException naming every unknown key and bad value, in one line
   */
  public static AgentOptions parse(String agentArgs) throws OptionsException {
    List<String> problems = new ArrayList<>();
    Map<String, String> inline = splitInline(agentArgs == null ? "" : agentArgs, problems);
    Map<String, String> merged = new LinkedHashMap<>();
    String source = agentArgs == null ? "" : agentArgs.trim();
    String configFile = inline.remove("config");
    if (configFile != null) {
      merged.putAll(readConfigFile(configFile, problems));
      source = source + " (config " + configFile + ")";
    }
    merged.putAll(inline);
    AgentOptions.Builder b = AgentOptions.builder().source(source);
    Map<String, UserPattern> groups = new TreeMap<>();
    long groupCount = merged.keySet().stream().filter(k -> k.startsWith(GROUP_PREFIX)).count();
    boolean tooManyGroups = groupCount > AgentOptions.MAX_GROUPS;
    if (tooManyGroups) {
      // refused before any regex is compiled
      problems.add(
          "too many groups: "
              + groupCount
              + " group.NAME options (at most "
              + AgentOptions.MAX_GROUPS
              + ")");
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (Map.Entry<String, String> e : merged.entrySet()) {
      try {
        if (e.getKey().startsWith(EXPECT_PREFIX)) {
          String name = e.getKey().substring(EXPECT_PREFIX.length());
          if (!merged.containsKey(GROUP_PREFIX + name)) {
            problems.add(e.getKey() + " names no group (no " + GROUP_PREFIX + name + "=REGEX)");
            continue;
          }
          expected.put(name, expectedCount(e.getKey(), e.getValue()));
        } else if (e.getKey().startsWith(GROUP_PREFIX)) {
          if (tooManyGroups) {
            continue;
          }
          groups.put(e.getKey().substring(GROUP_PREFIX.length()), regex(e.getKey(), e.getValue()));
        } else {
          apply(b, e.getKey(), e.getValue());
        }
      } catch (OptionsException ex) {
        problems.add(ex.getMessage());
      }
    }
    b.groups(groups);
    b.expected(tooManyGroups ? Map.of() : expected);
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new OptionsException(e.getMessage(), e);
    }
  }

  /**
   * The options {@code agentArgs} gives, key to value as written, those of its {@code config} file
   * included (inline ones override them), without {@code config} itself: what a later load asks to
   * change. Call it on options that {@link #parse} accepted.
   *
   * @throws OptionsException as {@link #parse} would
   */
  public static Map<String, String> given(String agentArgs) throws OptionsException {
    parse(agentArgs);
    List<String> problems = new ArrayList<>();
    Map<String, String> inline = splitInline(agentArgs == null ? "" : agentArgs, problems);
    Map<String, String> merged = new LinkedHashMap<>();
    String configFile = inline.remove("config");
    if (configFile != null) {
      merged.putAll(readConfigFile(configFile, problems));
    }
    merged.putAll(inline);
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    return merged;
  }

  private static OptionsException failure(List<String> problems) {
    boolean unknown = false;
    for (String p : problems) {
      unknown |= p.startsWith("unknown option");
    }
    String text =
        (problems.size() == 1 ? "" : problems.size() + " bad options: ")
            + String.join("; ", problems)
            + (unknown ? " (known keys: " + String.join(", ", KEYS) + ")" : "");
    return new OptionsException(text);
  }

  private static Map<String, String> splitInline(String agentArgs, List<String> problems) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String token : agentArgs.split(",", -1)) {
      String t = token.trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        problems.add("option '" + t + "' is not key=value");
        continue;
      }
      String key = t.substring(0, eq).trim();
      if (!isKnown(key, "", problems)) {
        continue;
      }
      if (pairs.put(key, t.substring(eq + 1).trim()) != null) {
        problems.add("option '" + key + "' is given twice");
      }
    }
    return pairs;
  }

  private static boolean isKnown(String key, String where, List<String> problems) {
    if (OPTIONS.contains(key) || key.equals("config")) {
      return true;
    }
    if (key.startsWith(EXPECT_PREFIX)
        && AgentOptions.isGroupName(key.substring(EXPECT_PREFIX.length()))) {
      return true;
    }
    if (key.startsWith(GROUP_PREFIX)) {
      if (AgentOptions.isGroupName(key.substring(GROUP_PREFIX.length()))) {
        return true;
      }
      problems.add(
          "bad group name in '"
              + key
              + "'"
              + where
              + ": expected group.NAME with NAME of 1-64 letters, digits, '_' or '-'");
      return false;
    }
    problems.add("unknown option '" + key + "'" + where);
    return false;
  }

  private static int expectedCount(String key, String value) throws OptionsException {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0 && n <= AgentOptions.MAX_EXPECTED) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new OptionsException(
        "bad value for "
            + key
            + ": '"
            + value
            + "' (expected a count of processes, 0.."
            + AgentOptions.MAX_EXPECTED
            + ")");
  }

  /** The largest config file read: it holds a dozen short options. */
  static final int MAX_CONFIG_BYTES = 1024 * 1024;

  /**
   * The UTF-8 text of a config file: only a regular file (after following links: a FIFO would block
   * the host's {@code main} in {@code premain}, a device never end) of at most {@link
   * #MAX_CONFIG_BYTES}, read with that limit even if it grows meanwhile.
   */
  private static String readSmallTextFile(Path path, String file)
      throws IOException, OptionsException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    if (!a.isRegularFile()) {
      throw bad("config", file, "is not a regular file");
    }
    byte[] bytes;
    try {
      bytes = BoundedFiles.readAll(path, FileRule.NAMED, MAX_CONFIG_BYTES);
    } catch (FileTooLargeException e) {
      throw bad("config", file, "is larger than " + MAX_CONFIG_BYTES / 1024 + " KB");
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static Map<String, String> readConfigFile(String file, List<String> problems) {
    Properties props = new Properties();
    Map<String, String> pairs = new LinkedHashMap<>();
    try {
      Path path = path("config", file);
      props.load(new StringReader(readSmallTextFile(path, file)));
    } catch (OptionsException e) {
      problems.add(e.getMessage());
      return pairs;
    } catch (IOException | IllegalArgumentException e) {
      problems.add("bad value for config: cannot read '" + file + "': " + describe(e));
      return pairs;
    }
    for (String key : props.stringPropertyNames()) {
      if (key.equals("config")) {
        problems.add("option 'config' is not allowed inside config file " + file);
      } else if (isKnown(key, " in config file " + file, problems)) {
        pairs.put(key, props.getProperty(key).trim());
      }
    }
    return pairs;
  }

  /** An enum constant by its name, case-insensitive. */
  private static <E extends Enum<E>> E choice(String key, String v, Class<E> type)
      throws OptionsException {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v)) {
        return e;
      }
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    String expected =
        String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
    throw bad(key, v, "(expected " + expected + ")");
  }

  /** {@link Durations}' grammar. */
  static Duration duration(String key, String v) throws OptionsException {
    Duration d = Durations.parse(v);
    if (d == null) {
      throw bad(key, v, "(expected " + Durations.EXPECTED + ")");
    }
    return d;
  }

  private static Duration ttl(String key, String v) throws OptionsException {
    Duration d = duration(key, v);
    if (d.compareTo(AgentOptions.MAX_TTL) > 0) {
      throw bad(key, v, "is longer than the maximum of 1h");
    }
    return d;
  }

  private static Duration eventInterval(String key, String v) throws OptionsException {
    Duration d = duration(key, v);
    if (d.compareTo(AgentOptions.MIN_EVENT_INTERVAL) < 0) {
      throw bad(key, v, "is shorter than 1s");
    }
    return d;
  }

  private static UserPattern regex(String key, String v) throws OptionsException {
    if (v.isEmpty()) {
      throw new OptionsException("bad value for " + key + ": empty regex");
    }
    try {
      return UserPattern.compile(v);
    } catch (IllegalArgumentException e) {
      throw new OptionsException("bad value for " + key + ": " + e.getMessage());
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
      throw bad(key, v, "(expected names separated by ':')");
    }
    return items;
  }

  private static int maxRows(String key, String v) throws OptionsException {
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, v, "(expected a whole number >= 0; 0 = no limit)");
  }

  private static int maxArgsBytes(String key, String v) throws OptionsException {
    try {
      int n = Integer.parseInt(v);
      if (n >= AgentOptions.MIN_ARGS_BYTES && n <= AgentOptions.MAX_ARGS_BYTES) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(
        key,
        v,
        "(expected a number of bytes from "
            + AgentOptions.MIN_ARGS_BYTES
            + " to "
            + AgentOptions.MAX_ARGS_BYTES
            + ")");
  }

  private static boolean bool(String key, String v) throws OptionsException {
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw bad(key, v, "(expected true or false)");
  }

  private static Path path(String key, String v) throws OptionsException {
    if (v.isEmpty()) {
      throw new OptionsException("bad value for " + key + ": empty path");
    }
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw bad(key, v, "is not a path");
    }
  }

  private static Path directory(String key, String v) throws OptionsException {
    Path p = path(key, v);
    if (!Files.isDirectory(p)) {
      throw bad(key, v, "is not a directory");
    }
    return p;
  }

  private static Path readableFile(String key, String v) throws OptionsException {
    Path p = path(key, v);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw bad(key, v, "is not a readable file");
    }
    return p;
  }

  private static OptionsException bad(String key, String v, String why) {
    return new OptionsException("bad value for " + key + ": '" + v + "' " + why);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
