package dev.psinfo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BoundedFiles#readAll}'s limit and the message people see when a file exceeds it. */
class BoundedFilesTest {
  @TempDir Path tmp;

  @Test
  void aFileLongerThanTheLimitIsRefusedWithAMessageNamingTheLimit() throws Exception {
    Path file = Files.writeString(tmp.resolve("passwd"), "0123456789x");
    assertThat(BoundedFiles.readAll(file, FileRule.NAMED, 11)).hasSize(11);
    assertThatThrownBy(() -> BoundedFiles.readAll(file, FileRule.NAMED, 10))
        .isInstanceOfSatisfying(
            FileTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(10))
        .hasMessage(file + ": longer than the 10 bytes read at most");
  }
}
