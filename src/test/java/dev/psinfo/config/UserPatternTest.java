package dev.psinfo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserPatternTest {
  @Test
  void findsLikeJavaFind() {
    UserPattern p = UserPattern.compile("j(ava|vm)\\b");
    assertThat(p.find("/usr/bin/java -jar x")).isTrue();
    assertThat(p.find("javac")).isFalse();
    assertThat(p.pattern()).isEqualTo("j(ava|vm)\\b");
    assertThat(p).isEqualTo(UserPattern.compile("j(ava|vm)\\b")).hasToString("j(ava|vm)\\b");
  }

  @Test
  void catastrophicPatternsRunInLinearTime() {
    String text = "a".repeat(100_000);
    // each one of these ends in a StackOverflowError or runs for minutes with java.util.regex
    assertThat(UserPattern.compile("(a|aa)+$").find(text)).isTrue();
    assertThat(UserPattern.compile("(a*)*b").find(text)).isFalse();
    assertThat(UserPattern.compile("(.*a){12}b").find(text)).isFalse();
    assertThat(UserPattern.compile("(?:^|^)".repeat(24) + "a").find(text)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | empty regex",
        "(                          | '(' is not a valid regex (missing closing )",
        "(a)\\1                     | is not a valid regex (invalid escape sequence",
        "(?=a)                      | is not a valid regex (invalid or unsupported Perl syntax",
        "(?<!a)b                    | is not a valid regex (invalid named capture",
        "a{1001}                    | is not a valid regex (invalid repeat count",
        "((a{1000}){1000}){1000}    | too large once its repeats are expanded (about 1004006003 steps",
        "(.{1,100}){100}            | too large once its repeats are expanded",
        "(?:(?:a{100}){100})        | too large once its repeats are expanded",
      })
  void refusesWithAClearMessage(String regex, String message) {
    assertThatThrownBy(() -> UserPattern.compile(regex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesLongPatternsBeforeCompilingThem() {
    // a 300 KB include took 42 s to compile with java.util.regex
    assertThatThrownBy(() -> UserPattern.compile("a|".repeat(150_000) + "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regex of 300001 characters is longer than the maximum of 4096");
    assertThat(UserPattern.compile("a".repeat(UserPattern.MAX_LENGTH)).find("a")).isFalse();
  }

  @Test
  void theSizeBoundNeverCountsLessThanTheRepeatsMake() {
    assertThat(UserPattern.expandedSize("abc")).isEqualTo(3);
    assertThat(UserPattern.expandedSize("a{10}")).isEqualTo(11);
    assertThat(UserPattern.expandedSize("(ab){10}c")).isEqualTo(34);
    assertThat(UserPattern.expandedSize("(.{1,100}){10}!")).isEqualTo(1123);
    // literal braces, escapes and classes are not repeats
    assertThat(UserPattern.expandedSize("[{9}]")).isEqualTo(5);
    assertThat(UserPattern.expandedSize("\\x{1000}")).isEqualTo(8);
    assertThat(UserPattern.expandedSize("\\Q{1000}\\E")).isEqualTo(10);
    assertThat(UserPattern.expandedSize("a{,5}")).isEqualTo(5);
    // accepted patterns stay within the bound; these compile in milliseconds
    UserPattern.compile("(.{1,100}){10}!");
    UserPattern.compile("[a-z]{1000}");
  }
}
