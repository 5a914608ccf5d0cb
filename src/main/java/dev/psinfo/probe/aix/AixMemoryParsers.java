package dev.psinfo.probe.aix;

import static dev.psinfo.probe.aix.AixText.MB;
import static dev.psinfo.probe.aix.AixText.PAGE_4K;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the output of the AIX commands behind {@link AixSystemProbe} that report memory
 * and paging space, one method per command. Each takes the command's standard output (run with
 * {@code LC_ALL=C}) and returns a record; none does I/O, keeps state, or throws on odd input: a
 * value it cannot find or read is {@code -1} ({@code -1.0}) or {@code ""}. Formats and samples are
 * cited in {@code testdata/aix/commands/SOURCES.md}.
 */
public final class AixMemoryParsers {
  private AixMemoryParsers() {}

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
      String[] tokens = AixText.fields(line);
      String lower = line.toLowerCase(Locale.ROOT);
      if (header == null && lower.contains("size") && lower.contains("inuse")) {
        header = List.of(AixText.fields(lower));
        // -O summary=longreal: the numbers follow on the next line, without a row name
        String[] values = i + 1 < lines.length ? AixText.fields(lines[i + 1]) : new String[0];
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
        long total =
            AixText.times(AixText.parseLong(m.group(1)), m.group(2).equals("G") ? 1024 * MB : MB);
        int pct = m.group(3) == null ? -1 : (int) AixText.parseLong(m.group(3));
        return new LspsS(total, pct <= 100 ? pct : -1);
      }
    }
    return new LspsS(-1, -1);
  }
}
