package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the output of the AIX commands behind {@link AixSystemProbe} that report load,
 * CPU use, uptime and the boot time, one method per command. Each takes the command's standard
 * output (run with {@code LC_ALL=C}) and returns a record; none does I/O, keeps state, or throws on
 * odd input: a value it cannot find or read is {@code -1} ({@code -1.0}) or {@code ""}. Formats and
 * samples are cited in {@code testdata/aix/commands/SOURCES.md}.
 */
public final class AixLoadParsers {
  private AixLoadParsers() {}

  // ---------------------------------------------------------------- sar -u, lparstat 1 1, vmstat

  /**
   * The {@code System configuration:} line that {@code sar}, {@code lparstat} and {@code vmstat}
   * print above their tables: {@code lcpu=4 ent=4.00 mode=Capped}.
   *
   * @return its {@code key=value} pairs; empty when there is no such line
   */
  public static Map<String, String> parseSystemConfiguration(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int at = line.indexOf("System configuration:");
      if (at < 0) {
        continue;
      }
      for (String pair : AixText.fields(line.substring(at + 21))) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      break;
    }
    return Map.copyOf(values);
  }

  /**
   * {@code sar -u INTERVAL COUNT}: the configuration and the last utilisation row.
   *
   * @param logicalCpus {@code lcpu}
   * @param entitledCapacity {@code ent}, processor units; -1 on a dedicated partition without it
   * @param mode {@code mode}, e.g. {@code Capped}
   * @param userPercent {@code %usr}
   * @param systemPercent {@code %sys}
   * @param ioWaitPercent {@code %wio}
   * @param idlePercent {@code %idle}
   * @param physicalProcessorsConsumed {@code physc}; -1 when not shown
   * @param entitlementPercent {@code %entc}; -1 when not shown
   */
  public record SarU(
      int logicalCpus,
      double entitledCapacity,
      String mode,
      double userPercent,
      double systemPercent,
      double ioWaitPercent,
      double idlePercent,
      double physicalProcessorsConsumed,
      double entitlementPercent) {
    public SarU {
      requireNonNull(mode, "mode is null");
    }
  }

  /** Parses {@code sar -u 1 1}. */
  public static SarU parseSarU(String text) {
    Map<String, String> config = parseSystemConfiguration(text);
    List<String> header = null;
    String[] last = null;
    for (String line : text.split("\n", -1)) {
      String[] tokens = AixText.fields(line);
      if (line.contains("%usr")) {
        header = List.of(tokens).subList(1, tokens.length);
      } else if (header != null && tokens.length == header.size() + 1) {
        last = tokens; // the last row wins: "Average" after the samples when there are several
      }
    }
    Map<String, Double> row = new LinkedHashMap<>();
    if (header != null && last != null) {
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), AixText.parseDouble(last[c + 1]));
      }
    }
    return new SarU(
        (int) AixText.parseLong(config.getOrDefault("lcpu", "")),
        AixText.parseDouble(config.getOrDefault("ent", "")),
        config.getOrDefault("mode", ""),
        row.getOrDefault("%usr", -1.0),
        row.getOrDefault("%sys", -1.0),
        row.getOrDefault("%wio", -1.0),
        row.getOrDefault("%idle", -1.0),
        row.getOrDefault("physc", -1.0),
        row.getOrDefault("%entc", -1.0));
  }

  // ---------------------------------------------------------------- uptime, who -b

  /**
   * {@code uptime}: time since boot and load averages.
   *
   * @param uptimeSeconds seconds since boot, to the minute
   * @param loadAverage1m 1-minute load average
   * @param loadAverage5m 5-minute load average
   * @param loadAverage15m 15-minute load average
   */
  public record Uptime(
      long uptimeSeconds, double loadAverage1m, double loadAverage5m, double loadAverage15m) {}

  private static final Pattern UP = Pattern.compile("\\bup\\s+(.*?),\\s+\\d+\\s+users?,");
  private static final Pattern LOAD =
      Pattern.compile("load average:\\s*([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)");
  private static final Pattern UP_PART =
      Pattern.compile("^(\\d+)\\s*(days?|hrs?|mins?)$|^(\\d+):(\\d{2})$");

  /**
   * Parses one line of {@code uptime}, e.g. {@code up 83 days, 18:29, 4 users, load average: 0.16,
   * 0.03, 0.01}.
   */
  public static Uptime parseUptime(String text) {
    String line = AixText.firstLine(text);
    long seconds = -1;
    Matcher up = UP.matcher(line);
    if (up.find()) {
      seconds = 0;
      for (String part : up.group(1).split(",")) {
        Matcher p = UP_PART.matcher(part.trim());
        if (!p.matches()) {
          seconds = -1;
          break;
        }
        if (p.group(1) != null) {
          long n = Long.parseLong(p.group(1));
          seconds +=
              switch (p.group(2).charAt(0)) {
                case 'd' -> n * 86_400;
                case 'h' -> n * 3_600;
                default -> n * 60;
              };
        } else {
          seconds += Long.parseLong(p.group(3)) * 3_600 + Long.parseLong(p.group(4)) * 60;
        }
      }
    }
    Matcher load = LOAD.matcher(line);
    if (load.find()) {
      return new Uptime(
          seconds,
          AixText.parseDouble(load.group(1)),
          AixText.parseDouble(load.group(2)),
          AixText.parseDouble(load.group(3)));
    }
    return new Uptime(seconds, -1, -1, -1);
  }

  private static final Pattern WHO_B =
      Pattern.compile(
          "system boot\\s+([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+(?:(\\d{4})\\s+)?(\\d{1,2}):(\\d{2})");

  /**
   * {@code who -b}: {@code . system boot Jul 9 17:51}. The output has no year (and no seconds): the
   * boot is taken as the latest such date not after {@code now}.
   *
   * @param now the current time, in the time zone {@code who} printed in (the host's)
   * @return boot time in milliseconds since the epoch, to the minute; -1 when not found
   */
  public static long parseWhoB(String text, ZonedDateTime now) {
    Matcher m = WHO_B.matcher(text);
    if (!m.find()) {
      return -1;
    }
    Month month = null;
    for (Month candidate : Month.values()) {
      if (candidate.name().substring(0, 3).equalsIgnoreCase(m.group(1))) {
        month = candidate;
      }
    }
    if (month == null) {
      return -1;
    }
    int day = Integer.parseInt(m.group(2));
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : now.getYear();
    try {
      ZonedDateTime boot = LocalDateTime.of(year, month, day, hour, minute).atZone(now.getZone());
      if (m.group(3) == null && boot.isAfter(now)) {
        boot = boot.minusYears(1);
      }
      return boot.toInstant().toEpochMilli();
    } catch (java.time.DateTimeException e) {
      return -1;
    }
  }
}
