package dev.psinfo.probe.linux;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pure parsers for the Linux files behind {@link LinuxSystemProbe}: each takes a file's text and
 * returns values, does no I/O and keeps no state. A value that is missing or malformed comes back
 * as {@code -1} (or {@code ""}); no parser throws on bad input.
 */
public final class LinuxSystemParsers {
  /** cgroup v1 writes "no limit" as the largest page-aligned long; anything this big is none. */
  static final long CGROUP_V1_UNLIMITED_THRESHOLD = 1L << 62;

  private LinuxSystemParsers() {}

  /**
   * {@code /proc/meminfo}: {@code Name: value [kB]} per line.
   *
   * @return each field's value; those with the unit {@code kB} converted to bytes, the others (such
   *     as {@code HugePages_Total}) as they are
   */
  public static Map<String, Long> parseMeminfoBytes(String text) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : lines(text)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] parts = line.substring(colon + 1).trim().split("\\s+");
      long value = parseLong(parts[0]);
      if (value < 0) {
        continue;
      }
      if (parts.length > 1 && parts[1].equalsIgnoreCase("kB")) {
        value = multiplyOrMinusOne(value, 1024);
      }
      values.put(line.substring(0, colon).trim(), value);
    }
    return Map.copyOf(values);
  }

  /**
   * What {@code /proc/cpuinfo} says about the processors.
   *
   * @param model the first {@code model name} (x86, some ARM) or {@code cpu} (POWER) line; {@code
   *     ""} when none
   * @param logicalProcessors number of {@code processor} stanzas; -1 when none
   * @param physicalCores distinct ({@code physical id}, {@code core id}) pairs; -1 when the file
   *     has no {@code core id} lines (many ARM and virtual machines)
   * @param clockMhz the first {@code cpu MHz} (x86) or {@code clock} (POWER) value, rounded; -1
   *     when none
   */
  public record CpuInfo(String model, int logicalProcessors, int physicalCores, long clockMhz) {
    public CpuInfo {
      requireNonNull(model, "model is null");
    }
  }

  /** Parses {@code /proc/cpuinfo}. */
  public static CpuInfo parseCpuinfo(String text) {
    String model = "";
    String powerCpu = "";
    int processors = 0;
    long mhz = -1;
    Set<String> cores = new HashSet<>();
    String physicalId = "";
    String coreId = null;
    for (String line : lines(text)) {
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        if (coreId != null) {
          cores.add(physicalId + "/" + coreId);
        }
        physicalId = "";
        coreId = null;
        continue;
      }
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "processor" -> processors++;
        case "model name" -> model = model.isEmpty() ? value : model;
        case "cpu" -> powerCpu = powerCpu.isEmpty() ? value : powerCpu;
        case "physical id" -> physicalId = value;
        case "core id" -> coreId = value;
        case "cpu MHz", "clock" -> {
          if (mhz < 0) {
            mhz = parseMhz(value);
          }
        }
        default -> {}
      }
    }
    if (coreId != null) {
      cores.add(physicalId + "/" + coreId);
    }
    return new CpuInfo(
        model.isEmpty() ? powerCpu : model,
        processors == 0 ? -1 : processors,
        cores.isEmpty() ? -1 : cores.size(),
        mhz);
  }

  private static long parseMhz(String value) {
    String digits = value.endsWith("MHz") ? value.substring(0, value.length() - 3).trim() : value;
    try {
      double d = Double.parseDouble(digits);
      return d > 0 && d < 1e9 ? Math.round(d) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@code /proc/loadavg}: {@code 0.22 0.22 0.09 1/84 3816}.
   *
   * @return the 1, 5 and 15 minute averages; each -1 when missing or malformed
   */
  public static double[] parseLoadavg(String text) {
    String[] parts = text.trim().split("\\s+");
    double[] result = {-1, -1, -1};
    for (int i = 0; i < 3 && i < parts.length; i++) {
      try {
        double d = Double.parseDouble(parts[i]);
        result[i] = d >= 0 && Double.isFinite(d) ? d : -1;
      } catch (NumberFormatException e) {
        result[i] = -1;
      }
    }
    return result;
  }

  /** {@code /proc/uptime}: seconds since boot (first field), truncated; or -1. */
  public static long parseUptimeSeconds(String text) {
    String first = text.trim().split("\\s+")[0];
    try {
      double d = Double.parseDouble(first);
      return d >= 0 && Double.isFinite(d) ? (long) d : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@code /etc/os-release}: {@code KEY=value} lines, values optionally quoted.
   *
   * @return the keys and unquoted values; comments and malformed lines skipped
   */
  public static Map<String, String> parseOsRelease(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : lines(text)) {
      int eq = line.indexOf('=');
      if (line.startsWith("#") || eq <= 0) {
        continue;
      }
      String value = line.substring(eq + 1).trim();
      if (value.length() >= 2
          && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
      }
      values.put(line.substring(0, eq).trim(), value);
    }
    return Map.copyOf(values);
  }

  /**
   * {@code /proc/self/cgroup}: {@code id:controllers:path} lines.
   *
   * @return each controller's path; the cgroup v2 line ({@code 0::/path}) under the key {@code ""}
   */
  public static Map<String, String> parseProcCgroup(String text) {
    Map<String, String> paths = new HashMap<>();
    for (String line : lines(text)) {
      int c1 = line.indexOf(':');
      int c2 = c1 < 0 ? -1 : line.indexOf(':', c1 + 1);
      if (c2 < 0) {
        continue;
      }
      String path = line.substring(c2 + 1);
      String controllers = line.substring(c1 + 1, c2);
      if (controllers.isEmpty()) {
        paths.put("", path);
      } else {
        for (String controller : controllers.split(",")) {
          paths.put(controller, path);
        }
      }
    }
    return Map.copyOf(paths);
  }

  /**
   * A cgroup memory limit file: v2 {@code memory.max} ({@code max} or bytes) or v1 {@code
   * memory.limit_in_bytes}.
   *
   * @return the limit in bytes; -1 when there is none ({@code max}, or the v1 "unlimited" value) or
   *     the text is malformed
   */
  public static long parseCgroupMemoryLimit(String text) {
    String value = text.trim();
    if (value.equals("max")) {
      return -1;
    }
    long v = parseLong(value);
    return v <= 0 || v >= CGROUP_V1_UNLIMITED_THRESHOLD ? -1 : v;
  }

  /**
   * A CPU bandwidth limit.
   *
   * @param quotaMicros CPU time the group may use per period, in microseconds
   * @param periodMicros the period, in microseconds
   */
  public record CpuQuota(long quotaMicros, long periodMicros) {
    public CpuQuota {
      if (quotaMicros <= 0 || periodMicros <= 0) {
        throw new IllegalArgumentException(
            "quota and period must be positive: " + quotaMicros + "/" + periodMicros);
      }
    }

    /** How many CPUs' worth of time the group may use. */
    public double cores() {
      return (double) quotaMicros / periodMicros;
    }
  }

  /**
   * cgroup v2 {@code cpu.max}: {@code max 100000} or {@code 150000 100000}.
   *
   * @return the quota, or null when there is none or the text is malformed
   */
  public static CpuQuota parseCpuMax(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      return null;
    }
    return cpuQuota(parseLong(parts[0]), parseLong(parts[1]));
  }

  /**
   * cgroup v1 {@code cpu.cfs_quota_us} ({@code -1} = none) and {@code cpu.cfs_period_us}.
   *
   * @return the quota, or null when there is none or the text is malformed
   */
  public static CpuQuota parseCfsQuota(String quotaText, String periodText) {
    return cpuQuota(parseLong(quotaText.trim()), parseLong(periodText.trim()));
  }

  private static CpuQuota cpuQuota(long quota, long period) {
    return quota > 0 && period > 0 ? new CpuQuota(quota, period) : null;
  }

  static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long multiplyOrMinusOne(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  private static String[] lines(String text) {
    return requireNonNull(text, "text is null").split("\n", -1);
  }
}
