package dev.psinfo.cli;

import dev.psinfo.jmx.CoverageMXBean;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.text.Printable;
import dev.psinfo.view.Values;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    LOAD,
    PERCENT
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
          new Field("CpuBusyPercent", Kind.PERCENT, SystemInfoMXBean::getCpuBusyPercent),
          new Field("CpuUserPercent", Kind.PERCENT, SystemInfoMXBean::getCpuUserPercent),
          new Field("CpuSystemPercent", Kind.PERCENT, SystemInfoMXBean::getCpuSystemPercent),
          new Field("CpuIdlePercent", Kind.PERCENT, SystemInfoMXBean::getCpuIdlePercent),
          new Field("CpuIowaitPercent", Kind.PERCENT, SystemInfoMXBean::getCpuIowaitPercent),
          new Field("CpuIntervalMillis", Kind.COUNT, SystemInfoMXBean::getCpuIntervalMillis),
          new Field("CpuSource", Kind.TEXT, SystemInfoMXBean::getCpuSource),
          new Field("ProcessCount", Kind.COUNT, SystemInfoMXBean::getProcessCount),
          new Field("ThreadCount", Kind.COUNT, SystemInfoMXBean::getThreadCount));

  private record CoverageField(String name, Function<CoverageMXBean, Object> value) {}

  /** {@code psinfo:type=Coverage}'s attributes, summary first; names are the attribute names. */
  private static final List<CoverageField> COVERAGE =
      List.of(
          new CoverageField("CoverageSummary", CoverageMXBean::getCoverageSummary),
          new CoverageField("Complete", CoverageMXBean::isComplete),
          new CoverageField("ProcHidepid", CoverageMXBean::getProcHidepid),
          new CoverageField("PidNamespace", CoverageMXBean::getPidNamespace),
          new CoverageField("PidNamespaceReason", CoverageMXBean::getPidNamespaceReason),
          new CoverageField("KernelTasks", CoverageMXBean::getKernelTasks),
          new CoverageField("VisibleProcesses", CoverageMXBean::getVisibleProcesses),
          new CoverageField("VisibleTasks", CoverageMXBean::getVisibleTasks),
          new CoverageField("HiddenTasks", CoverageMXBean::getHiddenTasks),
          new CoverageField("AgentEffectiveUid", CoverageMXBean::getAgentEffectiveUid),
          new CoverageField("OtherUsersProcesses", CoverageMXBean::getOtherUsersProcesses),
          new CoverageField("DeniedProcesses", CoverageMXBean::getDeniedProcesses),
          new CoverageField("StatusDenied", CoverageMXBean::getStatusDenied),
          new CoverageField("CmdlineDenied", CoverageMXBean::getCmdlineDenied),
          new CoverageField("IoDenied", CoverageMXBean::getIoDenied),
          new CoverageField("FdDenied", CoverageMXBean::getFdDenied),
          new CoverageField("FdLimitDenied", CoverageMXBean::getFdLimitDenied),
          new CoverageField("AsDenied", CoverageMXBean::getAsDenied),
          new CoverageField("ArgsTruncated", CoverageMXBean::getArgsTruncated),
          new CoverageField("GoneProcesses", CoverageMXBean::getGoneProcesses),
          new CoverageField("CorruptEntries", CoverageMXBean::getCorruptEntries));

  private InfoView() {}

  /**
   * {@code Name value} lines; sizes and times also in human form; then the coverage (when {@code
   * coverage} is not null) as {@code Coverage.Name value}; platform entries last.
   */
  static void text(PrintStream out, SystemInfoMXBean info, CoverageMXBean coverage) {
    List<String[]> lines = new ArrayList<>();
    String cpuOver = null;
    for (Field f : FIELDS) {
      Object v = f.value().apply(info);
      String text = human(f.kind(), v);
      if (f.name().startsWith("Cpu") && f.kind() == Kind.PERCENT && !text.equals("-")) {
        if (cpuOver == null) {
          cpuOver = cpuOver(info);
        }
        text = text + " (" + cpuOver + ")";
      }
      lines.add(new String[] {f.name(), text});
    }
    if (coverage != null) {
      for (CoverageField f : COVERAGE) {
        Object v = f.value().apply(coverage);
        lines.add(
            new String[] {
              f.name().equals("CoverageSummary") ? "Coverage" : "Coverage." + f.name(),
              v instanceof Boolean ? v.toString() : human(Kind.COUNT, v)
            });
      }
    }
    for (var e : new TreeMap<>(info.getPlatform()).entrySet()) {
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
  static String cpuOver(SystemInfoMXBean info) {
    long interval = info.getCpuIntervalMillis();
    long uptime = info.getUptimeSeconds();
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
      case LOAD -> String.valueOf(((Number) v).doubleValue());
      case PERCENT -> ((Number) v).doubleValue() + " %";
      default -> String.valueOf(v);
    };
  }

  /**
   * One JSON object: the attributes under their names with a lower-case first letter; the coverage
   * (when not null) as the object {@code coverage}.
   */
  static void json(PrintStream out, SystemInfoMXBean info, CoverageMXBean coverage) {
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
    if (coverage != null) {
      b.append(",\n  \"coverage\": {");
      boolean first = true;
      for (CoverageField f : COVERAGE) {
        Object v = f.value().apply(coverage);
        String key = Character.toLowerCase(f.name().charAt(0)) + f.name().substring(1);
        b.append(first ? "" : ", ").append(Text.json(key)).append(": ");
        b.append(v instanceof String s ? Text.json(s) : String.valueOf(v));
        first = false;
      }
      b.append("}");
    }
    b.append(",\n  \"platform\": {");
    Map<String, String> platform = new TreeMap<>(info.getPlatform());
    boolean firstEntry = true;
    for (var e : platform.entrySet()) {
      b.append(firstEntry ? "" : ", ").append(Text.json(e.getKey())).append(": ");
      b.append(Text.json(e.getValue()));
      firstEntry = false;
    }
    b.append("}\n}");
    out.println(b);
  }
}
