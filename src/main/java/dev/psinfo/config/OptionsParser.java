package dev.psinfo.config;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.io.FileTooLargeException;
import dev.psinfo.text.Printable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <p>Which keys exist, what their values may be and what a message says about a bad one come from
 * the declarations in {@link Option}; this class splits the text, reads the config file, and knows
 * the two rules between options: at most {@link AgentOptions#MAX_GROUPS} groups, and {@code
 * expect.NAME} only for a {@code group.NAME}.
 */
public final class OptionsParser {
  private static final String GROUP_PREFIX = Option.GROUP.key();
  private static final String EXPECT_PREFIX = Option.EXPECT.key();

  /** Every key the agent understands, as {@link Option#keys()} lists them. */
  public static final List<String> KEYS = Option.keys();

  private OptionsParser() {}

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
    String configFile = inline.remove(Option.CONFIG.key());
    if (configFile != null) {
      merged.putAll(readConfigFile(configFile, problems));
      source = source + " (config " + configFile + ")";
    }
    merged.putAll(inline);
    AgentOptions.Builder b = AgentOptions.builder().source(source);
    int groupCount = 0; // a loop, not a stream: premain spins no lambda
    for (String key : merged.keySet()) {
      groupCount += key.startsWith(GROUP_PREFIX) ? 1 : 0;
    }
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
    Map<String, UserPattern> groups = new TreeMap<>();
    Map<String, Integer> expected = new TreeMap<>();
    for (Map.Entry<String, String> e : merged.entrySet()) {
      String key = e.getKey();
      Option<?> option = Option.forKey(key);
      try {
        if (option == Option.EXPECT) {
          String name = key.substring(EXPECT_PREFIX.length());
          if (!merged.containsKey(GROUP_PREFIX + name)) {
            problems.add(key + " names no group (no " + GROUP_PREFIX + name + "=REGEX)");
            continue;
          }
          expected.put(name, Option.EXPECT.parse(key, e.getValue()));
        } else if (option == Option.GROUP) {
          if (!tooManyGroups) {
            groups.put(key.substring(GROUP_PREFIX.length()), Option.GROUP.parse(key, e.getValue()));
          }
        } else {
          set(b, option, e.getValue());
        }
      } catch (OptionsException ex) {
        problems.add(ex.getMessage());
      }
    }
    b.named(Option.GROUP, groups);
    b.named(Option.EXPECT, tooManyGroups ? Map.of() : expected);
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new OptionsException(e.getMessage(), e);
    }
  }

  /** {@code option}'s value {@code v} into the builder. */
  private static <T> void set(AgentOptions.Builder b, Option<T> option, String v)
      throws OptionsException {
    b.set(option, option.parse(option.key(), v));
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
    String configFile = inline.remove(Option.CONFIG.key());
    if (configFile != null) {
      merged.putAll(readConfigFile(configFile, problems));
    }
    merged.putAll(inline);
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    return merged;
  }

  /** The most problems one message lists; the others are counted ({@code and 2990 more}). */
  static final int MAX_LISTED = 10;

  /**
   * The most characters one problem takes in a message: a longer one (a 100 KB key or value echoed
   * back) keeps its first {@link #KEPT_HEAD} and last {@link #KEPT_TAIL} characters, so the
   * option's name and what was expected stay readable.
   */
  static final int MAX_PROBLEM_CHARS = 300;

  static final int KEPT_HEAD = 180;
  static final int KEPT_TAIL = 100;

  private static OptionsException failure(List<String> problems) {
    boolean unknown = false;
    for (String p : problems) {
      unknown |= p.startsWith("unknown option");
    }
    StringBuilder text =
        new StringBuilder(problems.size() == 1 ? "" : problems.size() + " bad options: ");
    int listed = Math.min(problems.size(), MAX_LISTED);
    for (int i = 0; i < listed; i++) {
      text.append(i == 0 ? "" : "; ").append(shortened(problems.get(i)));
    }
    if (listed < problems.size()) {
      text.append("; and ").append(problems.size() - listed).append(" more");
    }
    if (unknown) {
      text.append(" (known keys: ").append(String.join(", ", KEYS)).append(')');
    }
    return new OptionsException(text.toString());
  }

  /** {@code problem}, at most {@link #MAX_PROBLEM_CHARS} long, never half a surrogate pair. */
  static String shortened(String problem) {
    if (problem.length() <= MAX_PROBLEM_CHARS) {
      return problem;
    }
    String head = Printable.prefix(problem, KEPT_HEAD);
    int tail = problem.length() - KEPT_TAIL;
    tail += Character.isLowSurrogate(problem.charAt(tail)) ? 1 : 0;
    return head
        + "...("
        + (tail - head.length())
        + " characters left out)..."
        + problem.substring(tail);
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
    Option<?> option = Option.forKey(key);
    if (option == null) {
      problems.add("unknown option '" + key + "'" + where);
      return false;
    }
    if (option.isPrefix() && !AgentOptions.isGroupName(key.substring(option.key().length()))) {
      problems.add(
          "bad group name in '"
              + key
              + "'"
              + where
              + ": expected "
              + option.displayKey()
              + " with NAME of 1-64 letters, digits, '_' or '-'");
      return false;
    }
    return true;
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

  /**
   * A {@link Properties} that remembers the keys a file gives more than once ({@link
   * Properties#load} keeps the last one silently; inline, a key given twice is refused).
   */
  private static final class CountingProperties extends Properties {
    private static final long serialVersionUID = 1L;

    /** Keys seen twice or more, in the order their second one came. */
    final transient Set<String> twice = new LinkedHashSet<>();

    @Override
    public synchronized Object put(Object key, Object value) {
      Object old = super.put(key, value);
      if (old != null) {
        twice.add(String.valueOf(key));
      }
      return old;
    }
  }

  private static Map<String, String> readConfigFile(String file, List<String> problems) {
    CountingProperties props = new CountingProperties();
    Map<String, String> pairs = new LinkedHashMap<>();
    try {
      Path path = Option.path("config", file);
      props.load(new StringReader(readSmallTextFile(path, file)));
    } catch (OptionsException e) {
      problems.add(e.getMessage());
      return pairs;
    } catch (IOException | IllegalArgumentException e) {
      problems.add("bad value for config: cannot read '" + file + "': " + describe(e));
      return pairs;
    }
    for (String key : props.twice) {
      problems.add("option '" + key + "' is given twice in config file " + file);
    }
    for (String key : props.stringPropertyNames()) {
      if (key.equals(Option.CONFIG.key())) {
        problems.add("option 'config' is not allowed inside config file " + file);
      } else if (isKnown(key, " in config file " + file, problems)) {
        pairs.put(key, props.getProperty(key).trim());
      }
    }
    return pairs;
  }

  private static OptionsException bad(String key, String v, String why) {
    return new OptionsException("bad value for " + key + ": '" + v + "' " + why);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
