package dev.psinfo.probe.aix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the AIX command parsers share: sizes, numbers, lines and fields, every pattern compiled
 * once.
 */
final class AixText {
  static final long MB = 1024L * 1024;
  static final long PAGE_4K = 4096;

  private static final Pattern SIZE = Pattern.compile("^(\\d+)\\s*([KMG])B$");
  private static final Pattern MHZ = Pattern.compile("^(\\d+)\\s*MHz$");

  private AixText() {}

  /** {@code line}'s white-space separated fields, leading and trailing white space ignored. */
  static String[] fields(String line) {
    return WHITE_SPACE.split(line.trim());
  }

  /** {@code line} split at its first {@code limit - 1} runs of white space. */
  static String[] fields(String line, int limit) {
    return WHITE_SPACE.split(line, limit);
  }

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /**
   * {@code Name SEP value} lines (leading white space ignored, runs of white space inside a name
   * read as one space); the first of a name wins.
   */
  static Map<String, String> colonValues(String text, String separator) {
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

  static String available(String value) {
    return value == null || value.equals("Not Available") ? "" : value;
  }

  static String dash(String value) {
    return value == null || value.equals("-") ? "" : value;
  }

  /** {@code 4096 MB}, {@code 512MB}, {@code 8 GB} in bytes; -1 when not such a size. */
  static long sizeBytes(String text) {
    Matcher m = SIZE.matcher(text.trim());
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

  static long mhz(String text) {
    Matcher m = MHZ.matcher(text.trim());
    return m.matches() ? parseLong(m.group(1)) : -1;
  }

  static long times(long n, long unit) {
    if (n < 0) {
      return -1;
    }
    try {
      return Math.multiplyExact(n, unit);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  static String firstLine(String text) {
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
