package dev.psinfo.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void aSearchWithinTheLimitReadsTheTextAsItIs() {
    Deadline d = Deadline.overPass(Duration.ofMinutes(10), 1024);
    CharSequence watched = d.watch("java -jar app.jar");
    assertThat(Pattern.compile("app\\.jar").matcher(watched).find()).isTrue();
    assertThat(watched.subSequence(5, 9)).hasToString("-jar");
    assertThat(watched).hasToString("java -jar app.jar");
  }

  @Test
  void aSearchPastTheDeadlineStops() {
    // already past: the first look at the clock ends the search, whatever the pattern costs
    for (Deadline d :
        new Deadline[] {
          Deadline.overPass(Duration.ofNanos(-1), 1), Deadline.perSearch(Duration.ofNanos(-1), 1)
        }) {
      assertThatThrownBy(() -> Pattern.compile("(a|aa)+b").matcher(d.watch("a".repeat(64))).find())
          .isInstanceOf(Deadline.Expired.class);
    }
  }

  @Test
  void theClockIsReadOnlyEveryCheckEveryCharacters() {
    Deadline d = Deadline.overPass(Duration.ofNanos(-1), 1 << 16);
    // fewer reads than the interval: never looks at the clock
    assertThat(Pattern.compile("z").matcher(d.watch("a".repeat(1000))).find()).isFalse();
    assertThatThrownBy(() -> Deadline.overPass(Duration.ZERO, 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overAPassTheReadsOfEverySearchCountPerSearchOnlyThoseOfOne() {
    Pattern z = Pattern.compile("z");
    Deadline pass = Deadline.overPass(Duration.ofNanos(-1), 1024);
    Deadline each = Deadline.perSearch(Duration.ofNanos(-1), 1024);
    // 100 searches of 100 characters: 10,000 reads in all, 100 in each
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 100; i++) {
                z.matcher(pass.watch("a".repeat(100))).find();
              }
            })
        .isInstanceOf(Deadline.Expired.class);
    for (int i = 0; i < 100; i++) {
      assertThat(z.matcher(each.watch("a".repeat(100))).find()).isFalse();
    }
  }
}
