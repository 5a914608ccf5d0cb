package dev.psinfo.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.Option;
import dev.psinfo.config.OptionsParser;
import dev.psinfo.host.Host;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.Platform;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.support.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSettingsTest {
  private final Log.Level before = Log.level();
  private final AgentOptions options = AgentOptions.defaults();
  private final Platform platform = Platforms.of(options);
  private final Host host = Host.of(platform, options);
  private final ProcessSampler sampler = host.sampler();
  private final ProcessTable table =
      new ProcessTable(sampler, 0, ExportOrder.CPU, null, Duration.ofSeconds(5));
  private final LiveSettings live = new LiveSettings(host, table);

  @AfterEach
  void restoreTheLevel() {
    Log.setLevel(before);
  }

  @Test
  void appliesTheLiveOptionsGivenAndNamesTheOthers() {
    Log.setLevel(Log.Level.WARN);
    String line = live.apply("ttl=7s,include=java,log=debug,group.db=postgres");
    assertThat(line)
        .isEqualTo(
            "applied ttl=7s, log=debug; need a restart (not applied): include, group.db"
                + " (live: log, ttl, eventInterval)");
    assertThat(sampler.ttl()).isEqualTo(Duration.ofSeconds(7));
    assertThat(Log.level()).isEqualTo(Log.Level.DEBUG);
    assertThat(table.eventInterval()).isEqualTo(Duration.ofSeconds(5)); // not given: unchanged
    assertThat(live.last()).isEqualTo(line);
    assertThat(live.inForce()).isEqualTo("log=debug, ttl=7000ms, eventInterval=5000ms");

    // an option not given keeps its value: log stays debug
    assertThat(live.apply("eventInterval=2s")).isEqualTo("applied eventInterval=2s");
    assertThat(Log.level()).isEqualTo(Log.Level.DEBUG);
    assertThat(table.eventInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(host.groups().eventInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(live.apply("maxRows=3"))
        .isEqualTo("need a restart (not applied): maxRows (live: log, ttl, eventInterval)");
    assertThat(live.apply("")).isEqualTo("no options given; live options: log, ttl, eventInterval");
  }

  @Test
  void everyOptionDeclaredLiveIsAppliedAndShown() throws Exception {
    AgentOptions given = OptionsParser.parse("log=debug,ttl=3s,eventInterval=3s");
    for (Option<?> o : Option.ALL) {
      if (o.isLive()) {
        live.applyLive(o, given);
        assertThat(live.inForce(o)).as("%s", o).isNotEmpty();
        assertThat(live.inForce()).contains(o.key() + "=" + live.inForce(o));
      } else {
        assertThatThrownBy(() -> live.applyLive(o, given))
            .isInstanceOf(IllegalStateException.class);
      }
    }
    assertThat(live.inForce()).isEqualTo("log=debug, ttl=3000ms, eventInterval=3000ms");
  }

  @Test
  void aBadOptionAppliesNothing() {
    assertThatThrownBy(() -> live.apply("ttl=1s,log=loud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad value for log: 'loud'");
    assertThat(sampler.ttl()).isEqualTo(options.ttl());
  }

  @Test
  void optionsFromAConfigFileCountAsGiven(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("psinfo.properties"), "ttl=9s\nmaxRows=2\n");
    assertThat(live.apply("config=" + config + ",ttl=4s"))
        .isEqualTo(
            "applied ttl=4s; need a restart (not applied): maxRows"
                + " (live: log, ttl, eventInterval)");
    assertThat(sampler.ttl()).isEqualTo(Duration.ofSeconds(4));
  }
}
