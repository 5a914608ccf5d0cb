package dev.psinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package table of docs/design.md: reads every main source file's imports (and fully
 * qualified references) and fails on any that its package must not depend on.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/psinfo");
  private static final Pattern REF =
      Pattern.compile(
          "\\b(dev\\.psinfo\\.[a-z.]+[a-z]|javax\\.management|java\\.lang\\.management)\\b");

  /** Package → prefixes it must not reference. */
  private static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "dev.psinfo.config",
              List.of(
                  "javax.management",
                  "java.lang.management",
                  "dev.psinfo.probe",
                  "dev.psinfo.jmx",
                  "dev.psinfo.sampling",
                  "dev.psinfo.agent",
                  "dev.psinfo.cli"),
          "dev.psinfo.probe",
              List.of(
                  "javax.management",
                  "java.lang.management",
                  "dev.psinfo.probe.aix",
                  "dev.psinfo.probe.linux",
                  "dev.psinfo.config",
                  "dev.psinfo.sampling",
                  "dev.psinfo.jmx",
                  "dev.psinfo.agent",
                  "dev.psinfo.cli"),
          "dev.psinfo.probe.aix",
              List.of(
                  "javax.management",
                  "java.lang.management",
                  "dev.psinfo.probe.linux",
                  "dev.psinfo.config",
                  "dev.psinfo.sampling",
                  "dev.psinfo.jmx",
                  "dev.psinfo.agent",
                  "dev.psinfo.cli"),
          "dev.psinfo.probe.linux",
              List.of(
                  "javax.management",
                  "java.lang.management",
                  "dev.psinfo.probe.aix",
                  "dev.psinfo.config",
                  "dev.psinfo.sampling",
                  "dev.psinfo.jmx",
                  "dev.psinfo.agent",
                  "dev.psinfo.cli"),
          "dev.psinfo.sampling",
              List.of(
                  "javax.management",
                  "java.lang.management",
                  "dev.psinfo.probe.aix",
                  "dev.psinfo.probe.linux",
                  "dev.psinfo.jmx",
                  "dev.psinfo.agent",
                  "dev.psinfo.cli"),
          "dev.psinfo.jmx",
              List.of(
                  "dev.psinfo.probe.aix",
                  "dev.psinfo.probe.linux",
                  "dev.psinfo.agent",
                  "dev.psinfo.cli"),
          "dev.psinfo.cli",
              List.of(
                  "dev.psinfo.probe.aix",
                  "dev.psinfo.probe.linux",
                  "dev.psinfo.agent.Installation"));

  @Test
  void packagesDependOnlyOnWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    Map<String, Integer> filesPerPackage = new java.util.HashMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        String pkg = packageOf(source);
        filesPerPackage.merge(pkg, 1, Integer::sum);
        List<String> forbidden = FORBIDDEN.getOrDefault(pkg, List.of());
        Matcher m = REF.matcher(source);
        while (m.find()) {
          String ref = m.group(1);
          for (String bad : forbidden) {
            if (ref.equals(bad) || ref.startsWith(bad + ".")) {
              violations.add(file + ": " + pkg + " must not use " + ref);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
    // the rules were checked against real code in every package they name
    assertThat(filesPerPackage.keySet()).containsAll(FORBIDDEN.keySet());
  }

  @Test
  void nothingButTheCliMayExitTheJvm() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<Path> offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.startsWith(MAIN.resolve("cli")))
              .filter(f -> read(f).contains("System.exit(") || read(f).contains(".halt("))
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  @Test
  void binaryLayoutsNeverUseTheMachinesByteOrder() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve("probe/aix"))) {
      assertThat(files.filter(f -> read(f).contains("nativeOrder()")).toList()).isEmpty();
    }
  }

  private static String read(Path f) {
    try {
      return Files.isRegularFile(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String packageOf(String source) {
    Matcher m = Pattern.compile("(?m)^package ([a-z.]+);").matcher(source);
    return m.find() ? m.group(1) : "";
  }
}
