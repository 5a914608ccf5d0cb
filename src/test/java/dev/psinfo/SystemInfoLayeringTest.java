package dev.psinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/design.md for the packages the system facts live in, checked on the
 * import lines of the main sources.
 */
class SystemInfoLayeringTest {
  static final Path MAIN = Path.of("src/main/java/dev/psinfo");

  static List<String> importsOf(String packageDir) throws IOException {
    Path dir = MAIN.resolve(packageDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .flatMap(
              f -> {
                try {
                  return Files.readAllLines(f).stream()
                      .filter(l -> l.startsWith("import "))
                      .map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void probeApiKnowsNoJmxNoPlatformNoLayerAbove() throws IOException {
    assertThat(importsOf("probe"))
        .noneMatch(l -> l.contains("javax.management"))
        .noneMatch(l -> l.contains("dev.psinfo.probe.aix"))
        .noneMatch(l -> l.contains("dev.psinfo.probe.linux"))
        .noneMatch(l -> l.contains("dev.psinfo.jmx"))
        .noneMatch(l -> l.contains("dev.psinfo.sampling"))
        .noneMatch(l -> l.contains("dev.psinfo.agent"))
        .noneMatch(l -> l.contains("dev.psinfo.config"));
  }

  @Test
  void platformsKnowNoJmxAndNotEachOther() throws IOException {
    assertThat(importsOf("probe/aix"))
        .noneMatch(l -> l.contains("javax.management"))
        .noneMatch(l -> l.contains("dev.psinfo.jmx"))
        .noneMatch(l -> l.contains("dev.psinfo.probe.linux"));
    assertThat(importsOf("probe/linux"))
        .noneMatch(l -> l.contains("javax.management"))
        .noneMatch(l -> l.contains("dev.psinfo.jmx"))
        .noneMatch(l -> l.contains("dev.psinfo.probe.aix"));
  }

  @Test
  void jmxKnowsNoPlatform() throws IOException {
    assertThat(importsOf("jmx"))
        .isNotEmpty()
        .noneMatch(l -> l.contains("dev.psinfo.probe.aix"))
        .noneMatch(l -> l.contains("dev.psinfo.probe.linux"));
  }
}
