package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the output of the AIX commands behind {@link AixSystemProbe}, one per command.
 * Each takes the command's standard output (run with {@code LC_ALL=C}) and returns a record; none
 * does I/O, keeps state, or throws on odd input: a value it cannot find or read is {@code -1}
 * ({@code -1.0}) or {@code ""}. Formats and samples are cited in {@code
 * testdata/aix/commands/SOURCES.md}.
 */
public final class AixCommandParsers {
  private static final long MB = 1024L * 1024;
  private static final long PAGE_4K = 4096;

  private AixCommandParsers() {}

  // ---------------------------------------------------------------- prtconf

  /**
   * What {@code prtconf} reports about the machine.
   *
   * @param systemModel {@code System Model}
   * @param serialNumber {@code Machine Serial Number}; {@code ""} when "Not Available"
   * @param processorType {@code Processor Type}, e.g. {@code PowerPC_POWER8}
   * @param processorMode {@code Processor Implementation Mode}, e.g. {@code POWER 8}
   * @param processors {@code Number Of Processors} (virtual processors of the partition)
   * @param clockMhz {@code Processor Clock Speed} in MHz
   * @param kernelType {@code Kernel Type}, e.g. {@code 64-bit}
   * @param lparNumber the number in {@code LPAR Info}; -1 on a machine that is not partitioned
   *     ({@code LPAR Info: -1 NULL})
   * @param lparName the name in {@code LPAR Info}; {@code ""} on a machine that is not partitioned
   * @param memoryBytes {@code Good Memory Size}, else {@code Memory Size}, in bytes
   * @param hostName {@code Host Name} of the network section
   * @param pagingSpaceBytes {@code Total Paging Space} in bytes
   */
  public record Prtconf(
      String systemModel,
      String serialNumber,
      String processorType,
      String processorMode,
      int processors,
      long clockMhz,
      String kernelType,
      int lparNumber,
      String lparName,
      long memoryBytes,
      String hostName,
      long pagingSpaceBytes) {
    public Prtconf {
      requireNonNull(systemModel, "systemModel is null");
      requireNonNull(serialNumber, "serialNumber is null");
      requireNonNull(processorType, "processorType is null");
      requireNonNull(processorMode, "processorMode is null");
      requireNonNull(kernelType, "kernelType is null");
      requireNonNull(lparName, "lparName is null");
      requireNonNull(hostName, "hostName is null");
    }
  }

  /** Parses {@code prtconf} (or {@code prtconf -c -k -m -s -L}, which print the same lines). */
  public static Prtconf parsePrtconf(String text) {
    Map<String, String> kv = colonValues(text, ":");
    String[] lpar = kv.getOrDefault("LPAR Info", "").split("\\s+", 2);
    // a machine that is not partitioned says "-1 NULL": no LPAR number, no name
    boolean partitioned =
        lpar.length == 2 && parseLong(lpar[0]) >= 0 && !lpar[1].trim().equals("NULL");
    long good = sizeBytes(kv.getOrDefault("Good Memory Size", ""));
    return new Prtconf(
        available(kv.get("System Model")),
        available(kv.get("Machine Serial Number")),
        available(kv.get("Processor Type")),
        available(kv.get("Processor Implementation Mode")),
        (int) parseLong(kv.getOrDefault("Number Of Processors", "")),
        mhz(kv.getOrDefault("Processor Clock Speed", "")),
        available(kv.get("Kernel Type")),
        partitioned ? (int) parseLong(lpar[0]) : -1,
        partitioned ? available(lpar[1].trim()) : "",
        good > 0 ? good : sizeBytes(kv.getOrDefault("Memory Size", "")),
        available(kv.get("Host Name")),
        sizeBytes(kv.getOrDefault("Total Paging Space", "")));
  }

  // ---------------------------------------------------------------- lparstat -i

  /**
   * What {@code lparstat -i} reports about the partition.
   *
   * @param fields every {@code Name : value} line as it is ({@code -} kept)
   * @param nodeName {@code Node Name}
   * @param partitionName {@code Partition Name}
   * @param partitionNumber {@code Partition Number}
   * @param type {@code Type}, e.g. {@code Shared-SMT-4}, {@code Dedicated}
   * @param mode {@code Mode}: {@code Capped}, {@code Uncapped}, {@code Donating}
   * @param entitledCapacity {@code Entitled Capacity} in processor units
   * @param onlineVirtualCpus {@code Online Virtual CPUs}
   * @param onlineMemoryBytes {@code Online Memory} in bytes
   * @param memoryMode {@code Memory Mode}, e.g. {@code Dedicated-Expanded}
   */
  public record LparstatInfo(
      Map<String, String> fields,
      String nodeName,
      String partitionName,
      int partitionNumber,
      String type,
      String mode,
      double entitledCapacity,
      int onlineVirtualCpus,
      long onlineMemoryBytes,
      String memoryMode) {
    public LparstatInfo {
      fields = Map.copyOf(requireNonNull(fields, "fields is null"));
      requireNonNull(nodeName, "nodeName is null");
      requireNonNull(partitionName, "partitionName is null");
      requireNonNull(type, "type is null");
      requireNonNull(mode, "mode is null");
      requireNonNull(memoryMode, "memoryMode is null");
    }

    /** {@code Shared} or {@code Dedicated}: {@link #type} without its SMT suffix. */
    public String sharing() {
      int smt = type.indexOf("-SMT");
      return smt < 0 ? type : type.substring(0, smt);
    }

    /** Hardware threads per virtual processor from {@link #type}: 1 without SMT, -1 unknown. */
    public int smtThreads() {
      if (type.isEmpty()) {
        return -1;
      }
      Matcher m = Pattern.compile("-SMT(?:-(\\d+))?$").matcher(type);
      if (!m.find()) {
        return 1;
      }
      // plain "-SMT" is the POWER5/6 two-thread SMT
      return m.group(1) == null ? 2 : Integer.parseInt(m.group(1));
    }
  }

  /** Parses {@code lparstat -i}. */
  public static LparstatInfo parseLparstatI(String text) {
    Map<String, String> kv = colonValues(text, ":");
    return new LparstatInfo(
        kv,
        dash(kv.get("Node Name")),
        dash(kv.get("Partition Name")),
        (int) parseLong(kv.getOrDefault("Partition Number", "")),
        dash(kv.get("Type")),
        dash(kv.get("Mode")),
        parseDouble(kv.getOrDefault("Entitled Capacity", "")),
        (int) parseLong(kv.getOrDefault("Online Virtual CPUs", "")),
        sizeBytes(kv.getOrDefault("Online Memory", "")),
        dash(kv.get("Memory Mode")));
  }

  // ---------------------------------------------------------------- oslevel -s, uname -L

  private static final Pattern OSLEVEL = Pattern.compile("^(\\d{4})-\\d{2}(-\\d{2}-\\d{4})?$");

  /** {@code oslevel -s}: e.g. {@code 7200-04-02-2027}; {@code ""} when the output is not one. */
  public static String parseOslevel(String text) {
    String first = firstLine(text);
    return OSLEVEL.matcher(first).matches() ? first : "";
  }

  /** The AIX version an oslevel names: {@code 7200-04-02-2027} gives {@code 7.2}; or {@code ""}. */
  public static String versionOfOslevel(String oslevel) {
    Matcher m = OSLEVEL.matcher(oslevel);
    if (!m.matches()) {
      return "";
    }
    String v = m.group(1);
    return v.charAt(0) + "." + v.charAt(1);
  }

  /**
   * {@code uname -L}: the partition's number and name.
   *
   * @param number the LPAR number; -1 when not a partition ({@code -1 NULL}) or unreadable
   * @param name the LPAR name; {@code ""} likewise
   */
  public record UnameL(int number, String name) {
    public UnameL {
      requireNonNull(name, "name is null");
    }
  }

  /** Parses {@code uname -L}: {@code 29 l273pp027}. */
  public static UnameL parseUnameL(String text) {
    String[] parts = firstLine(text).split("\\s+", 2);
    long number = parts.length == 2 ? parseLong(parts[0]) : -1;
    if (number < 0 || parts[1].equals("NULL")) {
      return new UnameL(-1, "");
    }
    return new UnameL((int) number, parts[1].trim());
  }

  // ---------------------------------------------------------------- svmon -G

  /**
   * Global memory from {@code svmon -G}, in bytes. The default unit is 4 KB pages; a {@code Unit:}
   * line (from {@code -O unit=…} on the command line or in the user's {@code ~/.svmonrc}) changes
   * it: {@code KB}, {@code MB} and {@code GB} figures may carry decimals ({@code 4096.00}), and
   * under {@code auto} each figure carries its own suffix ({@code 3.91G}, {@code 512.00M}). Bytes
   * are rounded to the nearest whole byte.
   *
   * @param sizeBytes real memory
   * @param inuseBytes real memory in use
   * @param freeBytes real memory free
   * @param pinBytes pinned memory
   * @param virtualBytes virtual memory in use
   * @param availableBytes memory available without paging ({@code available} column, AIX 6.1+)
   * @param pagingSpaceBytes paging space size ({@code pg space} row, or {@code Pgsp} of {@code -O
   *     summary=longreal})
   * @param pagingSpaceInuseBytes paging space in use ({@code pg space} row)
   */
  public record SvmonG(
      long sizeBytes,
      long inuseBytes,
      long freeBytes,
      long pinBytes,
      long virtualBytes,
      long availableBytes,
      long pagingSpaceBytes,
      long pagingSpaceInuseBytes) {}

  /**
   * Parses {@code svmon -G} in every unit: the default 4 KB pages, {@code -O unit=KB|MB|GB|auto}
   * (decimals allowed) and {@code -O summary=longreal}.
   */
  public static SvmonG parseSvmonG(String text) {
    double unit = PAGE_4K;
    List<String> header = null;
    Map<String, Long> memory = new LinkedHashMap<>();
    long pgSize = -1;
    long pgInuse = -1;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.startsWith("Unit:")) {
        unit = svmonUnitBytes(line.substring(5).trim());
        continue;
      }
      String[] tokens = line.split("\\s+");
      String lower = line.toLowerCase(Locale.ROOT);
      if (header == null && lower.contains("size") && lower.contains("inuse")) {
        header = List.of(lower.split("\\s+"));
        // -O summary=longreal: the numbers follow on the next line, without a row name
        String[] values = i + 1 < lines.length ? lines[i + 1].trim().split("\\s+") : new String[0];
        if (values.length > 0 && svmonBytes(values[0], unit) >= 0) {
          for (int c = 0; c < values.length && c < header.size(); c++) {
            memory.put(header.get(c), svmonBytes(values[c], unit));
          }
          pgSize = memory.getOrDefault("pgsp", -1L);
        }
        continue;
      }
      if (header != null && tokens[0].equals("memory")) {
        for (int c = 1; c < tokens.length && c - 1 < header.size(); c++) {
          memory.put(header.get(c - 1), svmonBytes(tokens[c], unit));
        }
      } else if (line.startsWith("pg space") && tokens.length >= 4) {
        pgSize = svmonBytes(tokens[2], unit);
        pgInuse = svmonBytes(tokens[3], unit);
      }
    }
    return new SvmonG(
        memory.getOrDefault("size", -1L),
        memory.getOrDefault("inuse", -1L),
        memory.getOrDefault("free", -1L),
        memory.getOrDefault("pin", -1L),
        memory.getOrDefault("virtual", -1L),
        memory.getOrDefault("available", -1L),
        pgSize,
        pgInuse);
  }

  /** Bytes per figure under a {@code Unit:} header; {@code SVMON_AUTO} when each has a suffix. */
  private static double svmonUnitBytes(String unit) {
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "PAGE", "PAGES" -> PAGE_4K;
      case "KB" -> 1024;
      case "MB" -> MB;
      case "GB" -> 1024.0 * MB;
      default -> SVMON_AUTO; // "auto", or unknown: trust only figures that name their unit
    };
  }

  /** The unit of figures that carry their own suffix ({@code -O unit=auto}). */
  private static final double SVMON_AUTO = 0;

  private static final Pattern SVMON_FIGURE =
      Pattern.compile("^(\\d+(?:\\.\\d+)?)([KMGT])?B?$", Pattern.CASE_INSENSITIVE);

  /**
   * One svmon figure in bytes: {@code 2177848} or {@code 2126.80} times {@code unit}, or {@code
   * 3.91G}, {@code 512M}, {@code 14.2MB} by its own suffix; -1 when not a figure (e.g. {@code Ded},
   * {@code -}), or when it has no suffix under {@code auto} and is not 0.
   */
  static long svmonBytes(String token, double unit) {
    Matcher m = SVMON_FIGURE.matcher(token);
    if (!m.matches()) {
      return -1;
    }
    double value;
    try {
      value = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
    double bytesPer;
    if (m.group(2) != null) {
      bytesPer =
          switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 1024;
            case 'M' -> MB;
            case 'G' -> 1024.0 * MB;
            default -> 1024.0 * 1024 * MB;
          };
    } else if (unit == SVMON_AUTO) {
      return value == 0 ? 0 : -1;
    } else {
      bytesPer = unit;
    }
    double bytes = value * bytesPer;
    return Double.isFinite(bytes) && bytes < Long.MAX_VALUE ? Math.round(bytes) : -1;
  }

  // ---------------------------------------------------------------- lsps -s

  /**
   * Paging space summary from {@code lsps -s}.
   *
   * @param totalBytes all paging spaces together, in bytes
   * @param percentUsed percentage in use (0-100)
   */
  public record LspsS(long totalBytes, int percentUsed) {
    /** Unused paging space in bytes, from the rounded percentage; -1 when unknown. */
    public long freeBytes() {
      return totalBytes < 0 || percentUsed < 0 ? -1 : totalBytes / 100 * (100 - percentUsed);
    }
  }

  private static final Pattern LSPS =
      Pattern.compile("^\\s*(\\d+)\\s*([MG])B(?:\\s+(\\d+)\\s*%)?\\s*$");

  /**
   * Parses {@code lsps -s}: a header, then {@code 512MB 1%}. A line without the percentage column
   * gives the total with {@code percentUsed} -1.
   */
  public static LspsS parseLspsS(String text) {
    for (String line : text.split("\n", -1)) {
      Matcher m = LSPS.matcher(line);
      if (m.matches()) {
        long total = times(parseLong(m.group(1)), m.group(2).equals("G") ? 1024 * MB : MB);
        int pct = m.group(3) == null ? -1 : (int) parseLong(m.group(3));
        return new LspsS(total, pct <= 100 ? pct : -1);
      }
    }
    return new LspsS(-1, -1);
  }

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
      for (String pair : line.substring(at + 21).trim().split("\\s+")) {
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
      String[] tokens = line.trim().split("\\s+");
      if (line.contains("%usr")) {
        header = List.of(tokens).subList(1, tokens.length);
      } else if (header != null && tokens.length == header.size() + 1) {
        last = tokens; // the last row wins: "Average" after the samples when there are several
      }
    }
    Map<String, Double> row = new LinkedHashMap<>();
    if (header != null && last != null) {
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), parseDouble(last[c + 1]));
      }
    }
    return new SarU(
        (int) parseLong(config.getOrDefault("lcpu", "")),
        parseDouble(config.getOrDefault("ent", "")),
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
    String line = firstLine(text);
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
          parseDouble(load.group(1)),
          parseDouble(load.group(2)),
          parseDouble(load.group(3)));
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

  // ---------------------------------------------------------------- lsattr -El, bindprocessor -q

  /**
   * {@code lsattr -El DEVICE}: {@code attribute value description user-settable} rows.
   *
   * @return attribute name to value
   */
  public static Map<String, String> parseLsattr(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens.length >= 2 && !tokens[0].isEmpty()) {
        values.putIfAbsent(tokens[0], tokens[1]);
      }
    }
    return Map.copyOf(values);
  }

  /** {@code bindprocessor -q}: the number of logical processors listed; -1 when none. */
  public static int parseBindprocessorQ(String text) {
    int colon = text.indexOf("processors are:");
    if (colon < 0) {
      return -1;
    }
    List<String> ids = new ArrayList<>();
    for (String token : firstLine(text.substring(colon + 15)).split("\\s+")) {
      if (!token.isEmpty() && parseLong(token) >= 0) {
        ids.add(token);
      }
    }
    return ids.isEmpty() ? -1 : ids.size();
  }

  // ---------------------------------------------------------------- helpers

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /**
   * {@code Name SEP value} lines (leading white space ignored, runs of white space inside a name
   * read as one space); the first of a name wins.
   */
  private static Map<String, String> colonValues(String text, String separator) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int at = line.indexOf(separator);
      if (at <= 0) {
        continue;
      }
      // lparstat -i pads some names irregularly ("Online  Virtual CPUs"): one space between words
      String key = WHITE_SPACE.matcher(line.substring(0, at).trim()).replaceAll(" ");
      if (!key.isEmpty()) {
        values.putIfAbsent(key, line.substring(at + separator.length()).trim());
      }
    }
    return values;
  }

  private static String available(String value) {
    return value == null || value.equals("Not Available") ? "" : value;
  }

  private static String dash(String value) {
    return value == null || value.equals("-") ? "" : value;
  }

  /** {@code 4096 MB}, {@code 512MB}, {@code 8 GB} in bytes; -1 when not such a size. */
  static long sizeBytes(String text) {
    Matcher m = Pattern.compile("^(\\d+)\\s*([KMG])B$").matcher(text.trim());
    if (!m.matches()) {
      return -1;
    }
    long n = parseLong(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "K" -> 1024;
          case "M" -> MB;
          default -> 1024 * MB;
        };
    return times(n, unit);
  }

  private static long mhz(String text) {
    Matcher m = Pattern.compile("^(\\d+)\\s*MHz$").matcher(text.trim());
    return m.matches() ? parseLong(m.group(1)) : -1;
  }

  private static long times(long n, long unit) {
    if (n < 0) {
      return -1;
    }
    try {
      return Math.multiplyExact(n, unit);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).trim();
  }

  static long parseLong(String s) {
    try {
      long v = Long.parseLong(s.trim());
      return v >= 0 ? v : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static double parseDouble(String s) {
    try {
      double d = Double.parseDouble(s.trim().replace("%", ""));
      return d >= 0 && Double.isFinite(d) ? d : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
