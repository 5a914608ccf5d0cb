package dev.psinfo.agent;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.Option;
import dev.psinfo.config.OptionsException;
import dev.psinfo.config.OptionsParser;
import dev.psinfo.host.Host;
import dev.psinfo.jmx.AgentStatus;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.support.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options a running agent takes without a restart: those declared live ({@link
 * Option#liveKeys()}: {@code log}, {@code ttl}, {@code eventInterval}). {@code attach PID OPTIONS}
 * into a JVM whose agent is registered, and the Agent bean's {@code applyOptions}, come here; every
 * other option (the platform, the filters, the groups, scrubbing, {@code maxRows}…) shapes what is
 * registered and needs a JVM restart. Thread-safe.
 */
final class LiveSettings implements AgentStatus.Live {
  /** The options that change at run time, in the order the answer names them. */
  static final List<String> LIVE = Option.liveKeys();

  private final Host host;
  private final ProcessSampler sampler;
  private final ProcessTable table;
  private volatile String last = "";

  LiveSettings(Host host, ProcessTable table) {
    this.host = requireNonNull(host, "host is null");
    this.sampler = host.sampler();
    this.table = requireNonNull(table, "table is null");
  }

  /**
   * Applies the live options {@code agentArgs} gives and names, in the one line it returns, those
   * applied and those that need a restart (not applied). Options it does not give keep their value.
   *
   * @throws IllegalArgumentException when {@code agentArgs} does not parse; nothing is applied
   */
  @Override
  public String apply(String agentArgs) {
    AgentOptions options;
    Map<String, String> given;
    try {
      options = OptionsParser.parse(agentArgs);
      given = OptionsParser.given(agentArgs);
    } catch (OptionsException e) {
      throw new IllegalArgumentException(Log.printable(e.getMessage()));
    }
    return apply(options, given);
  }

  /** As {@link #apply(String)}, for options parsed already, with the keys and values given. */
  synchronized String apply(AgentOptions options, Map<String, String> given) {
    List<String> applied = new ArrayList<>();
    List<String> restart = new ArrayList<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = e.getKey();
      Option<?> option = Option.forKey(key);
      if (option == null || !option.isLive()) {
        restart.add(key);
        continue;
      }
      applyLive(option, options);
      applied.add(key + "=" + e.getValue());
    }
    String line;
    if (given.isEmpty()) {
      line = "no options given; live options: " + String.join(", ", LIVE);
    } else {
      StringBuilder b = new StringBuilder();
      if (!applied.isEmpty()) {
        b.append("applied ").append(String.join(", ", applied));
      }
      if (!restart.isEmpty()) {
        b.append(applied.isEmpty() ? "" : "; ")
            .append("need a restart (not applied): ")
            .append(String.join(", ", restart))
            .append(" (live: ")
            .append(String.join(", ", LIVE))
            .append(')');
      }
      line = b.toString();
    }
    line = Log.printable(line);
    last = line;
    return line;
  }

  /**
   * Puts the value {@code options} has for the live {@code option} into effect.
   *
   * @throws IllegalStateException for an option declared live that this method does not apply
   */
  void applyLive(Option<?> option, AgentOptions options) {
    if (option == Option.LOG) {
      Log.setLevel(Log.Level.valueOf(options.log().name()));
    } else if (option == Option.TTL) {
      host.setTtl(options.ttl());
    } else if (option == Option.EVENT_INTERVAL) {
      table.setEventInterval(options.eventInterval());
      host.groups().setEventInterval(options.eventInterval());
    } else {
      throw new IllegalStateException("option " + option + " is declared live but not applied");
    }
  }

  @Override
  public String last() {
    return last;
  }

  @Override
  public String inForce() {
    StringBuilder b = new StringBuilder();
    for (Option<?> option : Option.ALL) {
      if (option.isLive()) {
        b.append(b.length() == 0 ? "" : ", ").append(option.key()).append('=');
        b.append(inForce(option));
      }
    }
    return b.toString();
  }

  /**
   * The value of the live {@code option} in force now, as {@link #inForce()} shows it.
   *
   * @throws IllegalStateException for an option declared live that this class does not apply
   */
  String inForce(Option<?> option) {
    if (option == Option.LOG) {
      return Log.level().name().toLowerCase(Locale.ROOT);
    } else if (option == Option.TTL) {
      return sampler.ttl().toMillis() + "ms";
    } else if (option == Option.EVENT_INTERVAL) {
      return table.eventInterval().toMillis() + "ms";
    }
    throw new IllegalStateException("option " + option + " is declared live but not shown");
  }
}
