package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process an IT starts goes through {@link Spawned#start}, so that {@link
 * LeftoverProcessCheck} can find what a test class left running: a {@code ProcessBuilder}'s {@code
 * start()}, {@code Runtime.exec} or {@code startPipeline} anywhere else in this package fails the
 * build here. (A unit test, so that it runs before the ITs.)
 */
class ItProcessStartsTest {
  private static final Path IT = Path.of("src/test/java/dev/psinfo/it");
  private static final Pattern BUILDER_VARIABLE =
      Pattern.compile("\\bProcessBuilder\\s+(\\w+)\\s*=");
  private static final Pattern LITERAL_OR_COMMENT =
      Pattern.compile(
          "(?s)\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])+'|//[^\n]*|/\\*.*?\\*/");
  private static final Pattern ALWAYS = Pattern.compile("\\.exec\\s*\\(|\\bstartPipeline\\s*\\(");

  @Test
  void everyItStartsItsProcessesThroughSpawned() throws IOException {
    List<String> sites = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.list(IT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        scanned++;
        if (f.getFileName().toString().equals("Spawned.java")
            || f.getFileName().toString().equals("ItProcessStartsTest.java")) {
          continue;
        }
        sites.addAll(startsOutsideSpawned(f.getFileName().toString(), Files.readString(f)));
      }
    }
    assertThat(scanned).isGreaterThan(20);
    assertThat(sites)
        .as("processes started without Spawned.start (their leftovers would go unnoticed)")
        .isEmpty();
  }

  @Test
  void theCheckFindsEachWayToStartAProcess() {
    for (String code :
        List.of(
            "Process p = new ProcessBuilder(cmd).start();",
            "Process p = new ProcessBuilder(\"sh\", \"-c\", \"sleep 4; true\").start();",
            "Process p = new ProcessBuilder(\"sh\", \"-c\", x)\n .redirectErrorStream(true)\n"
                + " .start();",
            "ProcessBuilder pb = new ProcessBuilder(cmd);\n pb.inheritIO();\n p = pb.start();",
            "Process p = Runtime.getRuntime().exec(cmd);",
            "var ps = ProcessBuilder.startPipeline(list);")) {
      assertThat(startsOutsideSpawned("X.java", code)).as(code).hasSize(1);
    }
    for (String code :
        List.of(
            "Process p = Spawned.start(new ProcessBuilder(cmd).redirectErrorStream(true));",
            "ProcessBuilder pb = new ProcessBuilder(cmd);\n p = Spawned.start(pb);",
            "Thread t = new Thread(r);\n t.start();",
            "ChildJvm child = ChildJvm.start(List.of());")) {
      assertThat(startsOutsideSpawned("X.java", code)).as(code).isEmpty();
    }
  }

  /** Statements of {@code code} that start a process by themselves, as "file:line". */
  static List<String> startsOutsideSpawned(String file, String source) {
    String code = codeOnly(source);
    Set<String> builders = new HashSet<>();
    Matcher v = BUILDER_VARIABLE.matcher(code);
    while (v.find()) {
      builders.add(v.group(1));
    }
    List<String> sites = new ArrayList<>();
    int from = 0;
    for (String statement : code.split(";", -1)) {
      if (startsAProcess(statement, builders)) {
        int at = from + statement.length();
        sites.add(file + ":" + (1 + code.substring(0, at).chars().filter(c -> c == '\n').count()));
      }
      from += statement.length() + 1;
    }
    return sites;
  }

  /**
   * {@code source} with its comments and the text of its string and character literals blanked (a
   * {@code ;} in {@code "sleep 4; true"} does not end a statement), line breaks kept.
   */
  static String codeOnly(String source) {
    Matcher m = LITERAL_OR_COMMENT.matcher(source);
    StringBuilder out = new StringBuilder(source.length());
    while (m.find()) {
      String kept = m.group().replaceAll("[^\\n]", "");
      m.appendReplacement(out, Matcher.quoteReplacement(" \"\"" + kept));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean startsAProcess(String statement, Set<String> builders) {
    if (ALWAYS.matcher(statement).find()) {
      return true;
    }
    if (!statement.matches("(?s).*\\.\\s*start\\s*\\(\\s*\\).*")) {
      return false;
    }
    if (statement.contains("new ProcessBuilder")) {
      return true;
    }
    for (String b : builders) {
      if (Pattern.compile("\\b" + b + "\\s*\\.\\s*start\\s*\\(\\s*\\)").matcher(statement).find()) {
        return true;
      }
    }
    return false;
  }
}
