package dev.psinfo.cli;

import dev.psinfo.jmx.SystemInfoMXBean;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Writes {@link SystemInfoMXBean} values as aligned text or as one JSON object. Stateless. */
final class InfoView {
  private enum Kind {
    TEXT,
    COUNT,
    BYTES,
    MILLIS_EPOCH,
    SECONDS,
    LOAD
  }

  private record Field(String name, Kind kind, Function<SystemInfoMXBean, Object> value) {}

  /** The attributes in the order people read them; names are the MXBean attribute names. */
  private static final List<Field> FIELDS =
      List.of(
          new Field("Hostname", Kind.TEXT, SystemInfoMXBean::getHostname),
          new Field("OsName", Kind.TEXT, SystemInfoMXBean::getOsName),
          new Field("OsVersion", Kind.TEXT, SystemInfoMXBean::getOsVersion),
          new Field("KernelVersion", Kind.TEXT, SystemInfoMXBean::getKernelVersion),
          new Field("Architecture", Kind.TEXT, SystemInfoMXBean::getArchitecture),
          new Field("CpuModel", Kind.TEXT, SystemInfoMXBean::getCpuModel),
          new Field("LogicalProcessors", Kind.COUNT, SystemInfoMXBean::getLogicalProcessors),
          new Field("PhysicalCores", Kind.COUNT, SystemInfoMXBean::getPhysicalCores),
          new Field("CpuClockMhz", Kind.COUNT, SystemInfoMXBean::getCpuClockMhz),
          new Field("TotalMemoryBytes", Kind.BYTES, SystemInfoMXBean::getTotalMemoryBytes),
          new Field("FreeMemoryBytes", Kind.BYTES, SystemInfoMXBean::getFreeMemoryBytes),
          new Field("AvailableMemoryBytes", Kind.BYTES, SystemInfoMXBean::getAvailableMemoryBytes),
          new Field("TotalSwapBytes", Kind.BYTES, SystemInfoMXBean::getTotalSwapBytes),
          new Field("FreeSwapBytes", Kind.BYTES, SystemInfoMXBean::getFreeSwapBytes),
          new Field("BootTimeMillis", Kind.MILLIS_EPOCH, SystemInfoMXBean::getBootTimeMillis),
          new Field("UptimeSeconds", Kind.SECONDS, SystemInfoMXBean::getUptimeSeconds),
          new Field("LoadAverage1m", Kind.LOAD, SystemInfoMXBean::getLoadAverage1m),
          new Field("LoadAverage5m", Kind.LOAD, SystemInfoMXBean::getLoadAverage5m),
          new Field("LoadAverage15m", Kind.LOAD, SystemInfoMXBean::getLoadAverage15m),
          new Field("ProcessCount", Kind.COUNT, SystemInfoMXBean::getProcessCount),
          new Field("ThreadCount", Kind.COUNT, SystemInfoMXBean::getThreadCount));

  private InfoView() {}

  /** {@code Name value} lines; sizes and times also in human form; platform entries last. */
  static void text(PrintStream out, SystemInfoMXBean info) {
    List<String[]> lines = new ArrayList<>();
    for (Field f : FIELDS) {
      lines.add(new String[] {f.name(), human(f.kind(), f.value().apply(info))});
    }
    for (var e : new TreeMap<>(info.getPlatform()).entrySet()) {
      lines.add(new String[] {"Platform." + e.getKey(), Text.printable(e.getValue())});
    }
    int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
    for (String[] l : lines) {
      out.println(l[0] + " ".repeat(width - l[0].length() + 2) + l[1]);
    }
  }

  private static String human(Kind kind, Object v) {
    if (v instanceof Number n && n.doubleValue() == -1) {
      return "-";
    }
    if (v instanceof String s) {
      return s.isEmpty() ? "-" : Text.printable(s);
    }
    long l = ((Number) v).longValue();
    return switch (kind) {
      case BYTES -> l + " (" + Text.size(l) + ")";
      case MILLIS_EPOCH -> l + " (" + Instant.ofEpochMilli(l) + ")";
      case SECONDS -> l + " (" + Text.uptime(l) + ")";
      case LOAD -> String.valueOf(((Number) v).doubleValue());
      default -> String.valueOf(v);
    };
  }

  /** One JSON object: the attributes under their names with a lower-case first letter. */
  static void json(PrintStream out, SystemInfoMXBean info) {
    StringBuilder b = new StringBuilder("{");
    for (Field f : FIELDS) {
      Object v = f.value().apply(info);
      String key = Character.toLowerCase(f.name().charAt(0)) + f.name().substring(1);
      b.append(b.length() == 1 ? "\n  " : ",\n  ").append(Text.json(key)).append(": ");
      if (v instanceof Double d) {
        b.append(Text.json(d));
      } else if (v instanceof Number) {
        b.append(v);
      } else {
        b.append(Text.json(String.valueOf(v)));
      }
    }
    b.append(",\n  \"platform\": {");
    Map<String, String> platform = new TreeMap<>(info.getPlatform());
    boolean first = true;
    for (var e : platform.entrySet()) {
      b.append(first ? "" : ", ").append(Text.json(e.getKey())).append(": ");
      b.append(Text.json(e.getValue()));
      first = false;
    }
    b.append("}\n}");
    out.println(b);
  }
}
