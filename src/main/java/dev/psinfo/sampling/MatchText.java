package dev.psinfo.sampling;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The command-line text that a user's regex ({@code include}, {@code exclude}, {@code pin}, {@code
 * group.NAME}, {@code find(regex)}, the CLI's {@code --match}) is matched against: a process's
 * arguments without the text of psinfo's own options, so that {@code group.web=nginx} does not
 * count the JVM that carries that option (nor another JVM whose psinfo agent has it). Everything
 * else stays: the main class, {@code -D} flags, jar names, the psinfo jar's own path.
 *
 * <p>Removed, in the space-joined command line:
 *
 * <ul>
 *   <li>{@code =OPTIONS} of {@code -javaagent:JAR=OPTIONS} where JAR is a psinfo agent, up to the
 *       next space (an option value that contains a space keeps its part after the space);
 *   <li>everything after {@code -jar JAR} where JAR is a psinfo agent: the arguments of the psinfo
 *       command line ({@code attach PID OPTIONS}, {@code ps --match REGEX});
 *   <li>everything after {@code JVMTI.agent_load JAR} ({@code jcmd PID JVMTI.agent_load JAR
 *       OPTIONS}) and after the CLI's main class ({@link #CLI_MAIN}).
 * </ul>
 *
 * <p>A JAR is a psinfo agent when its file name starts with {@code psinfo} and ends with {@code
 * .jar} (any case), when it has the file name of the jar this class was loaded from (a renamed
 * copy), or when it is an absolute path to a jar whose manifest names {@link #AGENT_CLASS} as
 * {@code Premain-Class} or {@code Agent-Class} (read once per path, from this host's file system; a
 * file that cannot be read is not one). The options of {@code attach} never appear in the target
 * JVM's command line, so there is nothing to remove there. Thread-safe.
 */
public final class MatchText {
  // Names as they appear in other processes' command lines and in jar manifests, not references
  // to those packages (MatchTextTest checks them against the real classes).
  private static final String PSINFO = "dev.psinfo.";

  /** The agent class that a psinfo agent jar's manifest names. */
  public static final String AGENT_CLASS = PSINFO + "agent.Agent";

  /** The main class of the psinfo command line. */
  public static final String CLI_MAIN = PSINFO + "cli.Main";

  private static final String JAVAAGENT = "-javaagent:";
  private static final int MANIFEST_CACHE_MAX = 1024;
  private static final Map<String, Boolean> MANIFESTS = new ConcurrentHashMap<>();
  private static final String OWN_JAR_NAME = ownJarName();

  private MatchText() {}

  /**
   * {@code args} without psinfo's own options (see the class comment); {@code args} itself when it
   * holds none, which is every process that does not name a psinfo jar.
   */
  public static String of(String args) {
    if (!args.contains(JAVAAGENT)
        && !args.contains("-jar ")
        && !args.contains("JVMTI.agent_load ")
        && !args.contains(CLI_MAIN)) {
      return args;
    }
    StringBuilder out = null;
    int pos = 0; // start of the current token
    String previous = "";
    while (pos <= args.length()) {
      int space = args.indexOf(' ', pos);
      int end = space < 0 ? args.length() : space;
      String token = args.substring(pos, end);
      int cut = -1; // where the kept text of this token ends; the rest of args is dropped
      int resume = -1; // where matching text goes on after a dropped =OPTIONS
      if (token.startsWith(JAVAAGENT)) {
        int eq = args.indexOf('=', pos);
        int stop = eq < 0 ? -1 : args.indexOf(' ', eq);
        String path = eq < 0 ? "" : args.substring(pos + JAVAAGENT.length(), eq);
        // a path with a space in it only when it is a whole .jar name
        if (eq >= 0
            && (!path.contains(" ")
                || (!path.contains(" -") && path.toLowerCase(Locale.ROOT).endsWith(".jar")))
            && isPsinfoJar(path)) {
          cut = eq;
          resume = stop < 0 ? args.length() : stop;
        }
      } else if (token.equals(CLI_MAIN)
          || ((previous.equals("-jar") || previous.equals("JVMTI.agent_load"))
              && isPsinfoJar(token))) {
        cut = end;
        resume = args.length();
      }
      if (cut >= 0) {
        if (out == null) {
          out = new StringBuilder(args.length()).append(args, 0, pos);
        }
        out.append(args, pos, cut);
        if (resume >= args.length()) {
          return out.toString();
        }
        pos = resume + 1;
        out.append(' ');
        previous = "";
        continue;
      }
      if (out != null) {
        out.append(args, pos, end);
        if (space >= 0) {
          out.append(' ');
        }
      }
      if (space < 0) {
        break;
      }
      previous = token;
      pos = space + 1;
    }
    return out == null ? args : out.toString();
  }

  /** True when {@code path} names a psinfo agent jar (see the class comment). */
  static boolean isPsinfoJar(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("psinfo") && lower.endsWith(".jar")) {
      return true;
    }
    if (name.equals(OWN_JAR_NAME)) {
      return true;
    }
    if (!path.startsWith("/") || name.isEmpty()) {
      return false;
    }
    Boolean known = MANIFESTS.get(path);
    if (known == null) {
      known = manifestNamesAgent(Path.of(path));
      if (MANIFESTS.size() >= MANIFEST_CACHE_MAX) {
        MANIFESTS.clear();
      }
      MANIFESTS.put(path, known);
    }
    return known;
  }

  private static boolean manifestNamesAgent(Path jar) {
    try {
      // a regular file (links followed), its manifest read from its first MB only
      Manifest m = BoundedFiles.jarManifest(jar, FileRule.NAMED);
      if (m == null) {
        return false;
      }
      Attributes main = m.getMainAttributes();
      return AGENT_CLASS.equals(main.getValue("Premain-Class"))
          || AGENT_CLASS.equals(main.getValue("Agent-Class"));
    } catch (IOException | RuntimeException e) {
      return false; // not a jar, not readable, vanished: not ours
    }
  }

  /** The file name of the jar this class came from; null when it came from a directory. */
  private static String ownJarName() {
    try {
      var source = MatchText.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      String path = source.getLocation().getPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      return name.toLowerCase(Locale.ROOT).endsWith(".jar") ? name : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
