package dev.psinfo.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsScrubberTest {
  private final ArgsScrubber scrubber = new ArgsScrubber(List.of("pin"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "java -jar app.jar                              | java -jar app.jar",
        "java -Dpassword=hunter2 -jar x                 | java -Dpassword=*** -jar x",
        "java -Ddb.Password=hunter2 -jar x              | java -Ddb.Password=*** -jar x",
        "app --password hunter2 --verbose               | app --password *** --verbose",
        "app --password --verbose                       | app --password --verbose",
        "app --api-key=abc --api_key=def --apikey ghi   | app --api-key=*** --api_key=*** --apikey ***",
        "app --token=t0k SECRET_ACCESS=x                | app --token=*** SECRET_ACCESS=***",
        "curl https://bob:s3cret@example.com/x          | curl https://bob:***@example.com/x",
        "psql postgres://u:pw@db:5432/app               | psql postgres://u:***@db:5432/app",
        "curl https://bob:p@ss@example.com/x            | curl https://bob:***@example.com/x",
        "redis-cli -u redis://:pw@cache:6379            | redis-cli -u redis://:***@cache:6379",
        "curl https://example.com/a@b/c:d@e             | curl https://example.com/a@b/c:d@e",
        "git clone https://github.com/a/b               | git clone https://github.com/a/b",
        "mail bob@example.com                           | mail bob@example.com",
        "app --pin 1234                                 | app --pin ***",
        "app -Dclient.secret=                           | app -Dclient.secret=",
        "app --PASS_WORD x --Pass.Wd y                  | app --PASS_WORD *** --Pass.Wd ***",
        "app -Dp-a-s-s-w-o-r-d=x                        | app -Dp-a-s-s-w-o-r-d=***",
        "app --pässword x                               | app --pässword x",
        "app --größe 1 --token x                        | app --größe 1 --token ***",
        "app --pas wd x                                 | app --pas wd x",
        "tok.en --x -p -w -d                            | tok.en --x -p -w -d",
      })
  void masksSecretValues(String in, String out) {
    assertThat(scrubber.scrub(in.trim())).isEqualTo(out.trim());
  }

  @org.junit.jupiter.api.Test
  void findsASecretWordAcrossSeparatorsAndCase() {
    // the quick check must agree with normalize(args).contains(word): "-.p_A-s.S" is "pass"
    ArgsScrubber pass = new ArgsScrubber(List.of("pass"));
    assertThat(pass.scrub("x -Dthe-.p_A-s.S=1")).isEqualTo("x -Dthe-.p_A-s.S=***");
    assertThat(pass.scrub("x -Dthe-.p_A-s.=1")).isEqualTo("x -Dthe-.p_A-s.=1");
  }

  @org.junit.jupiter.api.Test
  void returnsTheSameInstanceWhenNothingIsSecret() {
    String args = "/usr/sbin/sshd -D";
    assertThat(scrubber.scrub(args)).isSameAs(args);
  }
}
