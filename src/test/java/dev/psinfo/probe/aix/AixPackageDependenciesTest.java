package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** dev.psinfo.probe.aix may use the probe API, the JDK and slf4j; not JMX or other layers. */
class AixPackageDependenciesTest {
  private static final List<String> FORBIDDEN =
      List.of(
          "javax.management",
          "java.lang.management",
          "org.weakref.jmx",
          "dev.psinfo.jmx",
          "dev.psinfo.agent",
          "dev.psinfo.config",
          "dev.psinfo.cli",
          "dev.psinfo.sampling",
          "dev.psinfo.probe.linux");

  @Test
  void mainSourcesImportNothingForbidden() throws IOException {
    Path dir = Path.of("src/main/java/dev/psinfo/probe/aix");
    List<String> offending;
    try (Stream<Path> files = Files.list(dir)) {
      offending =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(AixPackageDependenciesTest::lines)
              .filter(line -> line.startsWith("import "))
              .filter(line -> FORBIDDEN.stream().anyMatch(line::contains))
              .collect(Collectors.toList());
    }
    assertThat(offending).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isGreaterThan(10);
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
