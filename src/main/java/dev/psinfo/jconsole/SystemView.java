package dev.psinfo.jconsole;

import dev.psinfo.view.Items;
import dev.psinfo.view.Values;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The System tab's content: SystemInfo's attributes grouped and written for people, every text from
 * the server escaped and capped ({@link Plain#text}). Pure: from the attribute map to text, so it
 * is tested without a screen.
 */
final class SystemView {
  /** One line: what and its value. */
  record Fact(String label, String value) {}

  /** A titled group of facts. */
  record Group(String title, List<Fact> facts) {
    Group {
      facts = List.copyOf(facts);
    }
  }

  private SystemView() {}

  /** The groups for these attribute values (missing ones show as not available). */
  static List<Group> groups(Map<String, Object> a, ZoneId zone) {
    List<Group> out = new ArrayList<>();
    out.add(
        new Group(
            "Host and OS",
            List.of(
                new Fact("Host name", text(a, "Hostname")),
                new Fact("Operating system", os(a)),
                new Fact("Kernel", text(a, "KernelVersion")),
                new Fact("Architecture", text(a, "Architecture")))));
    long mhz = number(a, "CpuClockMhz");
    out.add(
        new Group(
            "CPUs",
            List.of(
                new Fact("Model", text(a, "CpuModel")),
                new Fact("Logical processors", Values.count(number(a, "LogicalProcessors"))),
                new Fact("Physical cores", Values.count(number(a, "PhysicalCores"))),
                new Fact("Clock", mhz < 0 ? Values.NOT_AVAILABLE : Values.count(mhz) + " MHz"))));
    long total = number(a, "TotalMemoryBytes");
    long available = number(a, "AvailableMemoryBytes");
    long free = number(a, "FreeMemoryBytes");
    long used = total < 0 ? -1 : available >= 0 ? total - available : free >= 0 ? total - free : -1;
    long swapTotal = number(a, "TotalSwapBytes");
    long swapFree = number(a, "FreeSwapBytes");
    long swapUsed = swapTotal < 0 || swapFree < 0 ? -1 : swapTotal - swapFree;
    out.add(
        new Group(
            "Memory and swap",
            List.of(
                new Fact("Memory used", usedOfTotal(used, total)),
                new Fact("Available", withShare(available, total)),
                new Fact("Free", withShare(free, total)),
                new Fact(
                    "Swap used",
                    swapTotal == 0 ? "no swap configured" : usedOfTotal(swapUsed, swapTotal)))));
    double l1 = decimal(a, "LoadAverage1m");
    double l5 = decimal(a, "LoadAverage5m");
    double l15 = decimal(a, "LoadAverage15m");
    long cpus = number(a, "LogicalProcessors");
    out.add(
        new Group(
            "Load and uptime",
            List.of(
                new Fact("Load average (1, 5, 15 min)", load(l1, l5, l15, cpus)),
                new Fact("Load per CPU (1, 5, 15 min)", perCpu(l1, l5, l15, cpus)),
                new Fact("Up for", Values.uptime(number(a, "UptimeSeconds"))),
                new Fact("Booted", Format.localTime(number(a, "BootTimeMillis"), zone)),
                new Fact("Processes", Values.count(number(a, "ProcessCount"))),
                new Fact("Threads", Values.count(number(a, "ThreadCount"))))));
    out.add(new Group("Platform", platform(a.get("Platform"))));
    return out;
  }

  /** The distribution's name when the platform facts have it ("Debian GNU/Linux 12"), else OS. */
  private static String os(Map<String, Object> a) {
    Map<String, String> platform = PsinfoClient.facts(a.get("Platform"));
    String distribution = platform.get("distribution");
    String os = join(text(a, "OsName"), text(a, "OsVersion"));
    return distribution == null || distribution.isEmpty()
        ? os
        : Plain.text(distribution) + "  (" + os + ")";
  }

  private static String perCpu(double l1, double l5, double l15, long cpus) {
    if (Double.isNaN(l1) || cpus <= 0) {
      return Values.NOT_AVAILABLE;
    }
    return String.format(Locale.ROOT, "%.2f  %.2f  %.2f", l1 / cpus, l5 / cpus, l15 / cpus);
  }

  /** Host CPU by mode, one line: {@code 12.5% busy (user 10.0, system 2.5, I/O wait 0.3)}. */
  static String cpu(Map<String, Object> a) {
    double busy = decimal(a, "CpuBusyPercent");
    if (Double.isNaN(busy)) {
      return Values.NOT_AVAILABLE;
    }
    StringBuilder s = new StringBuilder(Values.percent(busy)).append("% busy");
    double user = decimal(a, "CpuUserPercent");
    double system = decimal(a, "CpuSystemPercent");
    double iowait = decimal(a, "CpuIowaitPercent");
    if (!Double.isNaN(user) || !Double.isNaN(system) || !Double.isNaN(iowait)) {
      s.append(" (user ")
          .append(Values.percent(user))
          .append(", system ")
          .append(Values.percent(system))
          .append(", I/O wait ")
          .append(Values.percent(iowait))
          .append(')');
    }
    return s.toString();
  }

  /**
   * The Coverage group: its summary and counts, or a line saying this agent has no Coverage bean.
   */
  static Group coverage(Map<String, Object> c) {
    List<Fact> facts = new ArrayList<>();
    if (c == null) {
      facts.add(new Fact("Coverage", "not served by this agent (psinfo:type=Coverage)"));
      return new Group("Coverage", facts);
    }
    facts.add(new Fact("Summary", text(c, "CoverageSummary")));
    Object complete = c.get("Complete");
    facts.add(
        new Fact(
            "Complete", complete instanceof Boolean b ? (b ? "yes" : "no") : Values.NOT_AVAILABLE));
    facts.add(
        new Fact("Seen / other users'", counts(c, "VisibleProcesses", "OtherUsersProcesses")));
    facts.add(
        new Fact(
            "Denied / gone / corrupt",
            counts(c, "DeniedProcesses", "GoneProcesses", "CorruptEntries")));
    facts.add(new Fact("Hidden tasks / args cut", counts(c, "HiddenTasks", "ArgsTruncated")));
    return new Group("Coverage", facts);
  }

  /**
   * One line per named process group: count, threads, RSS and CPU; for a group with an expected
   * count ({@code expect.NAME}), the count against it, up or since when down, and the restarts
   * ({@code 2/3 processes, DOWN since 08:12:03, 4 restarts, …}), the time in {@code zone}, to the
   * second when it is the day of {@code nowMillis}.
   */
  static Group processGroups(
      List<PsinfoClient.Group> groups, String error, ZoneId zone, long nowMillis) {
    List<Fact> facts = new ArrayList<>();
    if (error != null) {
      facts.add(new Fact("Groups", "read failed: " + Plain.text(error)));
    } else if (groups == null || groups.isEmpty()) {
      facts.add(new Fact("Groups", "none configured (the agent's groups option)"));
    } else {
      for (PsinfoClient.Group g : groups) {
        facts.add(
            new Fact(
                g.name(),
                expectation(g, zone, nowMillis)
                    + Values.count(g.threadCount())
                    + " threads, RSS "
                    + Values.size(g.rssBytes())
                    + ", CPU "
                    + Values.percent(g.cpuPercent())
                    + "%"));
      }
      if (groups.size() >= PsinfoClient.MAX_GROUPS) {
        facts.add(new Fact("…", "only the first " + PsinfoClient.MAX_GROUPS + " groups by name"));
      }
    }
    return new Group("Process groups", facts);
  }

  /** The start of a group's line: {@code 3 processes, } or {@code 2/3 processes, DOWN since …}. */
  static String expectation(PsinfoClient.Group g, ZoneId zone, long nowMillis) {
    if (g.expected() <= 0) {
      return Values.count(g.processCount()) + " processes, ";
    }
    StringBuilder s =
        new StringBuilder(Values.count(g.processCount()))
            .append('/')
            .append(Values.count(g.expected()))
            .append(" processes, ");
    boolean up = g.up() != null ? g.up() : g.processCount() >= g.expected();
    if (up) {
      s.append("up, ");
    } else {
      s.append("DOWN");
      if (g.downSinceMillis() >= 0) {
        s.append(" since ").append(since(g.downSinceMillis(), zone, nowMillis));
      }
      s.append(", ");
    }
    if (g.restarts() >= 0) {
      s.append(Values.count(g.restarts())).append(g.restarts() == 1 ? " restart, " : " restarts, ");
    }
    return s.toString();
  }

  /** {@code 08:12:03} on the day of {@code nowMillis}, else {@code 2026-12-06 08:12:03}. */
  private static String since(long epochMillis, ZoneId zone, long nowMillis) {
    String full = Format.localTime(epochMillis, zone);
    String today = Format.localTime(nowMillis, zone);
    return full.length() > 11 && today.length() > 11 && full.startsWith(today.substring(0, 11))
        ? full.substring(11)
        : full;
  }

  private static List<Fact> platform(Object value) {
    Map<String, String> facts = PsinfoClient.facts(value);
    List<Fact> out = new ArrayList<>();
    facts.forEach(
        (k, v) -> out.add(new Fact(Plain.text(Items.label(k)), Plain.text(platformValue(k, v)))));
    if (out.isEmpty()) {
      out.add(new Fact("Platform facts", Values.NOT_AVAILABLE));
    }
    return out;
  }

  private static String platformValue(String key, String value) {
    if (key.endsWith("Bytes")) {
      try {
        return Format.item(key, Long.parseLong(value.trim()), ZoneId.systemDefault());
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value.isEmpty() ? Values.NOT_AVAILABLE : value;
  }

  private static String load(double l1, double l5, double l15, long cpus) {
    if (Double.isNaN(l1)) {
      return Values.NOT_AVAILABLE;
    }
    String loads = String.format(Locale.ROOT, "%.2f  %.2f  %.2f", l1, l5, l15);
    return cpus > 0
        ? loads + String.format(Locale.ROOT, "   (%.0f%% of %d CPUs)", 100 * l1 / cpus, cpus)
        : loads;
  }

  /** {@code 3.1 GiB of 23.4 GiB (13.2%)}. */
  static String usedOfTotal(long used, long total) {
    if (used < 0 || total < 0) {
      return Values.NOT_AVAILABLE;
    }
    return Values.size(used)
        + " of "
        + Values.size(total)
        + " ("
        + Values.percent(Format.share(used, total))
        + "%)";
  }

  private static String withShare(long part, long total) {
    if (part < 0) {
      return Values.NOT_AVAILABLE;
    }
    double share = Format.share(part, total);
    return Double.isNaN(share)
        ? Values.size(part)
        : Values.size(part) + " (" + Values.percent(share) + "%)";
  }

  /** A text attribute, escaped and capped. */
  private static String text(Map<String, Object> a, String name) {
    Object v = a.get(name);
    return v instanceof String s && !s.isEmpty() ? Plain.text(s) : Values.NOT_AVAILABLE;
  }

  private static String join(String a, String b) {
    if (a.equals(Values.NOT_AVAILABLE)) {
      return b;
    }
    return b.equals(Values.NOT_AVAILABLE) ? a : a + " " + b;
  }

  /** The counts of the items {@code names} of {@code a}, as the CLI writes counts, with " / ". */
  private static String counts(Map<String, Object> a, String... names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      out.append(out.length() == 0 ? "" : " / ").append(Values.count(number(a, name)));
    }
    return out.toString();
  }

  private static long number(Map<String, Object> a, String name) {
    return a.get(name) instanceof Number n && !(n instanceof Double) ? n.longValue() : -1;
  }

  private static double decimal(Map<String, Object> a, String name) {
    return a.get(name) instanceof Number n && n.doubleValue() >= 0 ? n.doubleValue() : Double.NaN;
  }
}
