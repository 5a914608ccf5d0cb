package dev.psinfo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declarations themselves: one per key, defaults in their own grammar, bounds enforced. */
class OptionTest {
  @Test
  void everyKeyIsDeclaredOnceAndFoundByItsKey() {
    Set<String> keys = new HashSet<>();
    for (Option<?> o : Option.ALL) {
      assertThat(keys.add(o.key())).as("declared twice: %s", o).isTrue();
      String given = o.isPrefix() ? o.key() + "web" : o.key();
      assertThat(Option.forKey(given)).isSameAs(o);
      assertThat(o.description()).as("%s", o).isNotBlank().doesNotContain("\n");
    }
    assertThat(Option.forKey("groupChildrenX")).isNull();
    assertThat(Option.forKey("colour")).isNull();
    List<String> display = new ArrayList<>();
    for (Option<?> o : Option.ALL) {
      display.add(o.displayKey());
    }
    assertThat(OptionsParser.KEYS).isEqualTo(Option.keys()).isEqualTo(display);
    assertThat(Option.keys()).contains("group.NAME", "expect.NAME", "config");
    assertThat(Option.liveKeys()).containsExactly("log", "ttl", "eventInterval");
  }

  @Test
  void theDefaultsAreTheDeclaredTextsParsedAndTheBuilderStartsFromThem() throws Exception {
    AgentOptions d = AgentOptions.defaults();
    for (Option<?> o : Option.ALL) {
      if (o.isPrefix()) {
        assertThat(d.named(o)).as("%s", o).isEmpty();
      } else if (o.defaultText() != null && o != Option.PROC_ROOT && o != Option.PASSWD_FILE) {
        // (the two paths are checked against the file system when given)
        assertThat(o.parse(o.key(), o.defaultText())).as("%s", o).isEqualTo(d.get(o));
      } else {
        assertThat(d.get(o)).as("%s", o).isEqualTo(o.defaultValue());
      }
    }
    assertThat(d.ttl()).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.maxArgsBytes()).isEqualTo(65_536);
    assertThat(d.registerDelay()).isEqualTo(AgentOptions.REGISTER_DELAY_AUTO);
    assertThat(d.users()).isEmpty();
    assertThat(d.scrubWords()).isEmpty();
    assertThat(d.include()).isNull();
  }

  @Test
  void theBuilderRefusesValuesOutsideTheDeclaredBounds() {
    assertThatThrownBy(() -> AgentOptions.builder().set(Option.TTL, Duration.ofHours(2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl must be");
    assertThatThrownBy(() -> AgentOptions.builder().set(Option.MAX_ARGS_BYTES, 10).build())
        .hasMessageContaining("maxArgsBytes must be a number of bytes from 4096 to 1048576: 10");
    assertThatThrownBy(
            () -> AgentOptions.builder().set(Option.EVENT_INTERVAL, Duration.ofMillis(10)).build())
        .hasMessageContaining("eventInterval must be");
    assertThatThrownBy(
            () -> AgentOptions.builder().set(Option.REGISTER_DELAY, Duration.ofSeconds(-1)).build())
        .hasMessageContaining("registerDelay must be");
    assertThatThrownBy(() -> AgentOptions.builder().set(Option.TTL, null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ttl is null");
    assertThatThrownBy(
            () ->
                AgentOptions.builder()
                    .named(Option.EXPECT, Map.of("web", 1))
                    .named(Option.GROUP, Map.of("db", UserPattern.compile("pg")))
                    .build())
        .hasMessage("expect.web names no group (no group.web=REGEX)");
    assertThatThrownBy(
            () ->
                AgentOptions.builder()
                    .named(Option.GROUP, Map.of("a b", UserPattern.compile("x")))
                    .build())
        .hasMessageContaining("group name must be 1-64 letters");
    assertThat(AgentOptions.builder().set(Option.REGISTER_DELAY, Duration.ZERO).build())
        .isNotEqualTo(AgentOptions.defaults());
    assertThat(AgentOptions.builder().set(Option.INCLUDE, null).build())
        .isEqualTo(AgentOptions.defaults());
  }

  @Test
  void getAndNamedAreNotMixedUp() {
    AgentOptions d = AgentOptions.defaults();
    assertThatThrownBy(() -> d.get(Option.GROUP)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.named(Option.TTL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messagesSayWhatTheDeclarationAccepts() {
    assertThat(Option.MAX_ROWS.values()).isEqualTo("a number of rows, 0 or more");
    assertThat(Option.EXPECT.values()).isEqualTo("a number of processes from 0 to 1000000");
    assertThat(Option.PROBE.values()).isEqualTo("auto, linux or aix");
    assertThat(Option.EVENT_INTERVAL.values()).endsWith(", at least 1s");
    assertThatThrownBy(() -> Option.MAX_ROWS.parse("maxRows", "-1"))
        .hasMessage("bad value for maxRows: '-1' (expected a number of rows, 0 or more)");
    assertThatThrownBy(() -> Option.TTL.parse("ttl", "61m"))
        .hasMessage("bad value for ttl: '61m' is longer than the maximum of 1h");
  }

  @Test
  void toBuilderKeepsEveryValue() throws Exception {
    AgentOptions o =
        OptionsParser.parse("ttl=5s,users=a:b,scrubWords=x,group.web=nginx,expect.web=2,log=off");
    assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(o.toString()).contains("ttl=PT5S", "source=");
  }
}
