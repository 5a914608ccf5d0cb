package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What a JVM's command line says it runs — its main class, its {@code -jar} file or its {@code -m}
 * module — parsed the way the {@code java} launcher parses its arguments (OpenJDK {@code
 * libjli/java.c} {@code ParseArguments} and {@code args.c}). Pure and stateless.
 *
 * <p><b>Which process is a JVM</b>: one whose {@code argv[0]}, after its last {@code /}, is {@code
 * java}, {@code javaw} or {@code jsvc} (Apache Commons Daemon, which Tomcat's {@code daemon.sh}
 * uses; its own options are known too). A JVM started by another native launcher (IntelliJ's {@code
 * idea}, a jpackage'd application) or one that rewrote its {@code argv[0]} is not recognised: its
 * value is {@code ""}.
 *
 * <p><b>The value</b>:
 *
 * <ul>
 *   <li>{@code -jar FILE}: the jar file's name without its directory ({@code zookeeper-3.9.5.jar});
 *       as in the launcher, options may stand between {@code -jar} and the file;
 *   <li>{@code -m MODULE[/CLASS]}, {@code --module MODULE[/CLASS]}, {@code --module=…}: that
 *       argument as written ({@code
 *       org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch});
 *   <li>a source file ({@code java Hello.java}, or any file after {@code --source N}): the file's
 *       name without its directory;
 *   <li>otherwise the first argument that is not an option, after skipping the value of each option
 *       that takes the next argument ({@code -cp}, {@code -classpath}, {@code --class-path}, {@code
 *       -p}, {@code --module-path}, {@code --upgrade-module-path}, {@code --add-modules}, {@code
 *       --enable-native-access}, {@code --limit-modules}, {@code --add-exports}, {@code
 *       --add-opens}, {@code --add-reads}, {@code --patch-module}, {@code --describe-module},
 *       {@code -d}, {@code --source}; for {@code jsvc} also {@code -jvm}, {@code -home}, {@code
 *       -java-home}, {@code -user}, {@code -procname}, {@code -wait}, {@code -restarts}, {@code
 *       -umask}, {@code -pidfile}, {@code -outfile}, {@code -errfile}, {@code -cwd}); every other
 *       {@code -…} argument ({@code -D…}, {@code -X…}, {@code -XX:…}, {@code -javaagent:…}, {@code
 *       -splash:…}, {@code --add-opens=…}) is one word;
 *   <li><b>{@code @argfiles are not read}</b> (another process's file, relative to its working
 *       directory, maybe gone): a word after them is taken for the main class, as if the files held
 *       only options; when nothing follows them the value is the first argfile as written,
 *       {@code @/tmp/idea_arg_file123}, which says that the main class is in that unread file.
 *       {@code @@x} is the word {@code @x}; after {@code --disable-@files} an {@code @…} word is a
 *       word;
 *   <li>{@code ""} for a process that is not a JVM, and for a JVM whose line names no main ({@code
 *       java -version}) or is cut short before or inside it (AIX's 80 bytes of {@code pr_psargs},
 *       Linux's byte limit): a value that may be cut is never given.
 * </ul>
 */
public final class JavaMain {
  /**
   * The launcher's options whose value is the next argument ({@code args.c IsWhiteSpaceOption}).
   */
  private static final Set<String> JAVA_VALUED =
      Set.of(
          "-cp",
          "-classpath",
          "--class-path",
          "-p",
          "--module-path",
          "--upgrade-module-path",
          "--add-modules",
          "--enable-native-access",
          "--limit-modules",
          "--add-exports",
          "--add-opens",
          "--add-reads",
          "--patch-module",
          "--describe-module",
          "-d",
          "--source");

  /** jsvc's options with a value (commons-daemon {@code arguments.c}), beside the launcher's. */
  private static final Set<String> JSVC_VALUED =
      Set.of(
          "-cp",
          "-classpath",
          "-jvm",
          "-home",
          "-java-home",
          "-user",
          "-procname",
          "-wait",
          "-restarts",
          "-umask",
          "-pidfile",
          "-outfile",
          "-errfile",
          "-cwd");

  private JavaMain() {}

  /**
   * True when {@code argv0} names a JVM launcher: its last path element is {@code java}, {@code
   * javaw} or {@code jsvc}.
   */
  public static boolean isLauncher(String argv0) {
    return isLauncher(argv0, argv0.length());
  }

  /**
   * {@link #isLauncher(String)} of {@code line}'s first {@code end} characters (a command line's
   * first word), without making a String of them: asked of every process in every AIX scan.
   */
  public static boolean isLauncher(String line, int end) {
    int start = line.lastIndexOf('/', end - 1) + 1;
    return isWord(line, start, end, "java")
        || isWord(line, start, end, "javaw")
        || isWord(line, start, end, "jsvc");
  }

  private static boolean isWord(String line, int start, int end, String word) {
    return end - start == word.length() && line.startsWith(word, start);
  }

  /**
   * The main of a JVM's command line, as the class comment describes; {@code ""} when {@code argv}
   * is not a JVM's or names no main that is known whole.
   *
   * @param argv the arguments, {@code argv[0]} first, each as the process has it
   * @param truncated true when the list may end early or its last element may be cut (a value found
   *     in the last element is then not given)
   */
  public static String of(List<String> argv, boolean truncated) {
    requireNonNull(argv, "argv is null");
    if (argv.isEmpty() || !isLauncher(argv.get(0))) {
      return "";
    }
    Set<String> valued = baseName(argv.get(0)).equals("jsvc") ? JSVC_VALUED : JAVA_VALUED;
    int last = argv.size() - 1;
    boolean jar = false;
    boolean source = false;
    boolean argfiles = true;
    int firstArgfile = -1;
    for (int i = 1; i <= last; i++) {
      String a = argv.get(i);
      boolean whole = !truncated || i < last;
      if (argfiles && a.startsWith("@")) {
        if (a.startsWith("@@")) {
          return whole ? value(a.substring(1), jar, source) : "";
        }
        if (firstArgfile < 0) {
          firstArgfile = i;
        }
        continue;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        return whole ? value(a, jar, source) : "";
      }
      if (a.equals("-jar")) {
        jar = true;
      } else if (a.equals("-m") || a.equals("--module")) {
        // the launcher stops here: what follows belongs to the application
        return i + 1 <= last && (!truncated || i + 1 < last) ? argv.get(i + 1) : "";
      } else if (a.startsWith("--module=")) {
        return whole ? a.substring("--module=".length()) : "";
      } else if (a.equals("--disable-@files")) {
        argfiles = false;
      } else if (valued.contains(a)) {
        if (a.equals("--source")) {
          source = true;
        }
        i++; // its value, whatever it looks like
      } else if (a.startsWith("--source=")) {
        source = true;
      }
    }
    if (firstArgfile > 0 && !truncated) {
      return argv.get(firstArgfile);
    }
    return "";
  }

  private static String value(String word, boolean jar, boolean source) {
    if (jar || source || word.endsWith(".java")) {
      return baseName(word);
    }
    return word;
  }

  private static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
