package dev.psinfo.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's options table is generated from the declarations in {@link Option} (run with {@code
 * -Dpsinfo.writeDocs=true} to rewrite it), and design.md points to it instead of naming the keys.
 */
class OptionsDocsTest {
  private static final Path README = Path.of("README.md");
  static final String BEGIN =
      "<!-- options table: generated from dev.psinfo.config.Option by OptionsDocsTest -->\n";
  static final String END = "<!-- end of options table -->\n";

  @Test
  void readmesOptionsTableIsGeneratedFromTheDeclarations() throws IOException {
    String text = Files.readString(README, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("README.md has the marker %s", BEGIN.trim()).isNotNegative();
    assertThat(end).as("README.md has the marker %s", END.trim()).isGreaterThan(begin);
    String table = table();
    if (Boolean.getBoolean("psinfo.writeDocs")) {
      text = text.substring(0, begin + BEGIN.length()) + table + text.substring(end);
      Files.writeString(README, text, StandardCharsets.UTF_8);
      end = text.indexOf(END);
    }
    assertThat(text.substring(begin + BEGIN.length(), end))
        .as(
            "README.md's options table is stale: mvn test -Dtest=OptionsDocsTest"
                + " -Dpsinfo.writeDocs=true")
        .isEqualTo(table);
  }

  @Test
  void designPointsToTheTableInsteadOfRepeatingTheKeys() throws IOException {
    String design = Files.readString(Path.of("docs/design.md"), StandardCharsets.UTF_8);
    String row = design.lines().filter(l -> l.startsWith("| OPTIONS |")).findFirst().orElseThrow();
    assertThat(row).contains("README.md#options");
    for (Option<?> o : Option.ALL) {
      assertThat(row).as("design.md's OPTIONS row").doesNotContain("`" + o.displayKey() + "=");
    }
  }

  @Test
  void textsThatListTheLiveOptionsListThemAsDeclared() throws IOException {
    String live = String.join(", ", Option.liveKeys());
    assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains("(live: " + live + ")");
    // attach's help and the Agent bean's description (an annotation: a constant) name them too
    for (String source :
        List.of(
            "src/main/java/dev/psinfo/cli/AttachCommand.java",
            "src/main/java/dev/psinfo/jmx/AgentStatus.java")) {
      assertThat(Files.readString(Path.of(source), StandardCharsets.UTF_8))
          .as(source)
          .contains("(" + live + ")");
    }
  }

  /** The table: one row per option, in declaration order. */
  static String table() {
    StringBuilder b = new StringBuilder();
    b.append("| key | default | live | values | meaning |\n|---|---|---|---|---|\n");
    for (Option<?> o : Option.ALL) {
      b.append("| `")
          .append(o.displayKey())
          .append("` | ")
          .append(o.defaultText() == null ? "—" : "`" + o.defaultText() + "`")
          .append(" | ")
          .append(o.isLive() ? "yes" : "")
          .append(" | ")
          .append(cell(o.values()))
          .append(" | ")
          .append(cell(o.description()))
          .append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
