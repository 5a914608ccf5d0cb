package dev.psinfo.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule of docs/design.md, "one bounded reader for every file": no main source outside {@code
 * dev.psinfo.io} opens a file for reading by itself. A new call site of any JDK way to read a file
 * fails the build here; route it through {@link BoundedFiles} or {@link BoundedReader} (which check
 * the file's kind and bound the bytes read).
 */
class FileReadSitesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/psinfo");

  /** Every JDK entry point that opens a file (or a path's content) for reading. */
  static final Pattern OPENS_A_FILE =
      Pattern.compile(
          "\\b(FileInputStream|RandomAccessFile|FileReader|AsynchronousFileChannel"
              + "|FileChannel\\s*\\.\\s*open"
              + "|Files\\s*\\.\\s*(newInputStream|newByteChannel|newBufferedReader|readAllBytes"
              + "|readString|readAllLines|lines|copy|mismatch|probeContentType)"
              + "|new\\s+Scanner\\s*\\(\\s*(new\\s+File|Path|[a-z]\\w*\\.toFile)"
              + "|new\\s+(ZipFile|JarFile)\\s*\\()");

  @Test
  void onlyTheIoPackageOpensFilesForReading() throws IOException {
    List<String> sites = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        scanned++;
        if (f.startsWith(MAIN.resolve("io"))) {
          continue;
        }
        String code = withoutComments(Files.readString(f));
        Matcher m = OPENS_A_FILE.matcher(code);
        while (m.find()) {
          int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
          sites.add(f + ":" + line + ": " + m.group(1));
        }
      }
    }
    assertThat(scanned).isGreaterThan(100);
    assertThat(sites).as("files opened outside dev.psinfo.io (use BoundedFiles)").isEmpty();
  }

  @Test
  void thePatternFindsEveryWayToOpenAFile() {
    for (String site :
        List.of(
            "new FileInputStream(f)",
            "new RandomAccessFile(f, \"r\")",
            "FileChannel.open(p, READ)",
            "Files.newInputStream(p)",
            "Files.readAllBytes(p)",
            "Files.readString(p, UTF_8)",
            "Files.lines(p)",
            "Files.readAllLines(p)",
            "Files.newBufferedReader(p)",
            "Files.newByteChannel(p)",
            "Files.copy(p, out)",
            "new FileReader(f)",
            "new Scanner(path.toFile())",
            "new ZipFile(f)")) {
      assertThat(OPENS_A_FILE.matcher(site).find()).as(site).isTrue();
    }
    assertThat(OPENS_A_FILE.matcher("Files.readAttributes(p, X.class)").find()).isFalse();
    assertThat(OPENS_A_FILE.matcher("Files.newDirectoryStream(p)").find()).isFalse();
  }

  /** The code without comments, line breaks kept so that line numbers stay right. */
  private static String withoutComments(String source) {
    StringBuilder b = new StringBuilder(source.length());
    Matcher m = Pattern.compile("(?s)/\\*.*?\\*/|(?m)^\\s*//[^\\n]*").matcher(source);
    int last = 0;
    while (m.find()) {
      b.append(source, last, m.start());
      b.append(m.group().replaceAll("[^\\n]", " "));
      last = m.end();
    }
    return b.append(source.substring(last)).toString();
  }
}
