package dev.psinfo.cli;

import dev.psinfo.host.Attribute;
import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.text.Printable;
import dev.psinfo.view.Values;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a system {@link Reading} (and its coverage) as aligned text or as one JSON object: every
 * attribute in its declaration order ({@link SystemAttribute}, {@link CoverageAttribute}) under its
 * attribute name, shown by the unit its name ends in. Stateless.
 */
final class InfoView {
  private enum Kind {
    TEXT,
    COUNT,
    BYTES,
    MILLIS_EPOCH,
    SECONDS,
    PERCENT
  }

  /**
   * What {@code info} shows line by line, in declaration order (an EnumSet iterates so): all but
   * the time of the agent's scan the counts come from (a detail of the bean's one-snapshot answers)
   * and the platform map, which it shows last, entry by entry.
   */
  private static final Set<SystemAttribute> SHOWN =
      EnumSet.complementOf(
          EnumSet.of(SystemAttribute.SNAPSHOT_TIME_MILLIS, SystemAttribute.PLATFORM));

  /** The coverage's lines: all but its scan time, which is the system's (left out there too). */
  private static final Set<CoverageAttribute> SHOWN_COVERAGE =
      EnumSet.complementOf(EnumSet.of(CoverageAttribute.SNAPSHOT_TIME_MILLIS));

  /** How a value is shown for people, from the unit its name ends in (units are in the names). */
  private static Kind kind(Attribute a) {
    String n = a.attributeName();
    if (a.type() == String.class) {
      return Kind.TEXT;
    } else if (n.endsWith("Bytes")) {
      return Kind.BYTES;
    } else if (n.endsWith("TimeMillis")) {
      return Kind.MILLIS_EPOCH;
    } else if (n.endsWith("Seconds")) {
      return Kind.SECONDS;
    } else if (n.endsWith("Percent")) {
      return Kind.PERCENT;
    }
    return Kind.COUNT;
  }

  private InfoView() {}

  /**
   * {@code Name value} lines; sizes and times also in human form; then the coverage (when {@code
   * coverage} is not null) as {@code Coverage.Name value}; platform entries last.
   */
  static void text(
      PrintStream out, Reading<SystemAttribute> info, Reading<CoverageAttribute> coverage) {
    List<String[]> lines = new ArrayList<>();
    String cpuOver = null;
    for (SystemAttribute a : SHOWN) {
      String name = a.attributeName();
      Kind kind = kind(a);
      String text = human(kind, info.get(a));
      if (name.startsWith("Cpu") && kind == Kind.PERCENT && !text.equals("-")) {
        if (cpuOver == null) {
          cpuOver = cpuOver(info);
        }
        text = text + " (" + cpuOver + ")";
      }
      lines.add(new String[] {name, text});
    }
    if (coverage != null) {
      for (CoverageAttribute a : SHOWN_COVERAGE) {
        Object v = coverage.get(a);
        lines.add(
            new String[] {
              a == CoverageAttribute.COVERAGE_SUMMARY
                  ? "Coverage"
                  : "Coverage." + a.attributeName(),
              v instanceof Boolean ? v.toString() : human(Kind.COUNT, v)
            });
      }
    }
    for (var e : new TreeMap<>(info.map(SystemAttribute.PLATFORM)).entrySet()) {
      lines.add(
          new String[] {
            "Platform." + Printable.escape(e.getKey()), Printable.escape(e.getValue())
          });
    }
    int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
    for (String[] l : lines) {
      out.println(l[0] + " ".repeat(width - l[0].length() + 2) + l[1]);
    }
  }

  /**
   * What the host CPU percentages are measured over: {@code since boot} for the first reading (one
   * {@code info} alone; the agent has no earlier reading to compare with), else {@code over the
   * last 2.0 s}.
   */
  static String cpuOver(Reading<SystemAttribute> info) {
    long interval = info.number(SystemAttribute.CPU_INTERVAL_MILLIS);
    long uptime = info.number(SystemAttribute.UPTIME_SECONDS);
    if (interval < 0) {
      return "over an unknown interval";
    }
    if (uptime >= 0 && interval >= (uptime - 2) * 1000) {
      return "since boot";
    }
    return String.format(Locale.ROOT, "over the last %.1f s", interval / 1000.0);
  }

  private static String human(Kind kind, Object v) {
    if (v instanceof Number n && n.doubleValue() == -1) {
      return "-";
    }
    if (v instanceof String s) {
      return s.isEmpty() ? "-" : Printable.escape(s);
    }
    long l = ((Number) v).longValue();
    return switch (kind) {
      case BYTES -> l + " (" + Values.size(l) + ")";
      case MILLIS_EPOCH -> l + " (" + Instant.ofEpochMilli(l) + ")";
      case SECONDS -> l + " (" + Values.uptime(l) + ")";
      case PERCENT -> ((Number) v).doubleValue() + " %";
      default -> String.valueOf(v);
    };
  }

  /**
   * One JSON object: the attributes under their names with a lower-case first letter; the coverage
   * (when not null) as the object {@code coverage}.
   */
  static void json(
      PrintStream out, Reading<SystemAttribute> info, Reading<CoverageAttribute> coverage) {
    StringBuilder b = new StringBuilder("{");
    for (SystemAttribute a : SHOWN) {
      Object v = info.get(a);
      String key = key(a);
      b.append(b.length() == 1 ? "\n  " : ",\n  ").append(Text.json(key)).append(": ");
      if (v instanceof Double d) {
        b.append(Text.json(d));
      } else if (v instanceof Number) {
        b.append(v);
      } else {
        b.append(Text.json(String.valueOf(v)));
      }
    }
    if (coverage != null) {
      b.append(",\n  \"coverage\": {");
      boolean first = true;
      for (CoverageAttribute a : SHOWN_COVERAGE) {
        Object v = coverage.get(a);
        b.append(first ? "" : ", ").append(Text.json(key(a))).append(": ");
        b.append(v instanceof String s ? Text.json(s) : String.valueOf(v));
        first = false;
      }
      b.append("}");
    }
    b.append(",\n  \"platform\": {");
    Map<String, String> platform = new TreeMap<>(info.map(SystemAttribute.PLATFORM));
    boolean firstEntry = true;
    for (var e : platform.entrySet()) {
      b.append(firstEntry ? "" : ", ").append(Text.json(e.getKey())).append(": ");
      b.append(Text.json(e.getValue()));
      firstEntry = false;
    }
    b.append("}\n}");
    out.println(b);
  }

  /** The JSON key of an attribute: its name with a lower-case first letter. */
  private static String key(Attribute a) {
    String n = a.attributeName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
