package dev.psinfo.jconsole;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * What the plugin reads from a connected JVM, through its public MBeans only (so a remote
 * connection works like a local one). Called off the event thread; every method makes one or two
 * round trips.
 */
final class PsinfoClient {
  static final ObjectName PROCESS_TABLE = name("psinfo:type=ProcessTable");
  static final ObjectName SYSTEM_INFO = name("psinfo:type=SystemInfo");
  static final ObjectName RUNTIME = name("java.lang:type=Runtime");
  static final ObjectName COVERAGE = name("psinfo:type=Coverage");
  static final ObjectName GROUPS = name("psinfo:type=ProcessGroup,*");

  /** The attributes of Coverage the System tab shows. */
  static final List<String> COVERAGE_ATTRIBUTES =
      List.of(
          "CoverageSummary",
          "Complete",
          "VisibleProcesses",
          "OtherUsersProcesses",
          "DeniedProcesses",
          "GoneProcesses",
          "CorruptEntries",
          "HiddenTasks",
          "ArgsTruncated",
          "ProcHidepid");

  /** The most process groups the System tab shows. */
  static final int MAX_GROUPS = 200;

  /**
   * One process group's line.
   *
   * @param name the group's name (escaped and capped)
   * @param expected how many processes the group should have ({@code expect.NAME}); 0 when it has
   *     no expectation, -1 when the agent predates expectations
   * @param up whether ProcessCount reaches Expected; null when the agent does not say
   * @param downSinceMillis since when the group has been down; -1 when up or not known
   * @param restarts how many members started after the group's first snapshot; -1 when not known
   */
  record Group(
      String name,
      long processCount,
      long threadCount,
      long rssBytes,
      double cpuPercent,
      long expected,
      Boolean up,
      long downSinceMillis,
      long restarts) {
    /** A group of an agent without expectations. */
    Group(String name, long processCount, long threadCount, long rssBytes, double cpuPercent) {
      this(name, processCount, threadCount, rssBytes, cpuPercent, -1, null, -1, -1);
    }
  }

  /** The attributes of SystemInfo the System tab shows. */
  static final List<String> SYSTEM_ATTRIBUTES =
      List.of(
          "Hostname",
          "OsName",
          "OsVersion",
          "KernelVersion",
          "Architecture",
          "CpuModel",
          "LogicalProcessors",
          "PhysicalCores",
          "CpuClockMhz",
          "TotalMemoryBytes",
          "FreeMemoryBytes",
          "AvailableMemoryBytes",
          "TotalSwapBytes",
          "FreeSwapBytes",
          "BootTimeMillis",
          "UptimeSeconds",
          "LoadAverage1m",
          "LoadAverage5m",
          "LoadAverage15m",
          "ProcessCount",
          "ThreadCount",
          "Platform",
          "CpuBusyPercent",
          "CpuUserPercent",
          "CpuSystemPercent",
          "CpuIdlePercent",
          "CpuIowaitPercent");

  /** The most entries of the Platform map kept. */
  static final int MAX_PLATFORM_ENTRIES = 100;

  /**
   * One read of the process table.
   *
   * @param rows the rows kept (at most {@link ProcessEntry#MAX_ROWS})
   * @param snapshotTimeMillis when the agent took the snapshot, -1 if unknown
   * @param processCount how many processes the agent's filters show (before its maxRows)
   * @param received how many rows the server sent (more than {@code rows} when the plugin's cap cut
   *     them)
   * @param table the rows' cells, made off the event thread
   * @param users the per-user totals' cells from the same snapshot (empty when the agent has no
   *     {@code Users} table)
   */
  record Processes(
      List<ProcessEntry> rows,
      long snapshotTimeMillis,
      int processCount,
      int received,
      List<ProcessTableModel.Row> table,
      List<Cell[]> users) {
    Processes {
      rows = List.copyOf(rows);
      table = List.copyOf(table);
      users = List.copyOf(users);
    }

    /** A read of these rows, all kept, their cells made now for {@code zone}. */
    Processes(List<ProcessEntry> rows, long snapshotTimeMillis, int processCount, ZoneId zone) {
      this(
          rows,
          snapshotTimeMillis,
          processCount,
          rows.size(),
          ProcessTableModel.rows(rows, zone, snapshotTimeMillis),
          List.of());
    }
  }

  private final MBeanServerConnection connection;
  private final ZoneId zone;

  PsinfoClient(MBeanServerConnection connection, ZoneId zone) {
    this.connection = connection;
    this.zone = zone;
  }

  /** Whether the connected JVM carries the psinfo process table. */
  boolean present() throws IOException {
    return connection.isRegistered(PROCESS_TABLE);
  }

  /** The connected JVM's pid, or -1 when it does not say. */
  long pid() {
    try {
      return ((Number) connection.getAttribute(RUNTIME, "Pid")).longValue();
    } catch (IOException | JMException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The table with its per-user totals, snapshot time and count, in one {@code getAttributes} call
   * (one snapshot), bounded ({@link ProcessEntry#take}). A failure to read the table reaches the
   * caller with the agent's own message.
   */
  Processes processes() throws IOException, JMException {
    Map<String, Object> a =
        attributes(PROCESS_TABLE, "Processes", "Users", "SnapshotTimeMillis", "ProcessCount");
    Object table = a.get("Processes");
    if (!(table instanceof TabularData data)) {
      throw new JMException(
          "the Processes attribute is not a table: "
              + (table == null ? "missing" : table.getClass().getName()));
    }
    ProcessEntry.Taken taken = ProcessEntry.take(data, ProcessEntry.MAX_ROWS);
    long time = a.get("SnapshotTimeMillis") instanceof Number n ? n.longValue() : -1;
    int count = a.get("ProcessCount") instanceof Number n ? n.intValue() : taken.received();
    return new Processes(
        taken.rows(),
        time,
        count,
        taken.received(),
        ProcessTableModel.rows(taken.rows(), zone, time),
        UsersPanel.rows(a.get("Users")));
  }

  /**
   * Coverage's attributes (bounded like {@link #system}), or null when this agent has no Coverage
   * bean (an older one).
   */
  Map<String, Object> coverage() throws IOException, JMException {
    if (!connection.isRegistered(COVERAGE)) {
      return null;
    }
    return bounded(attributes(COVERAGE, COVERAGE_ATTRIBUTES.toArray(String[]::new)));
  }

  /**
   * Every process group's line, by name, at most {@link #MAX_GROUPS}; one call per group. An older
   * agent's groups have no Expected, Up, DownSinceMillis or Restarts: {@code getAttributes} leaves
   * them out and the line says nothing of them.
   */
  List<Group> groups() throws IOException, JMException {
    List<ObjectName> names = new ArrayList<>(connection.queryNames(GROUPS, null));
    names.sort(java.util.Comparator.comparing(ObjectName::getCanonicalName));
    List<Group> out = new ArrayList<>();
    for (ObjectName name : names) {
      if (out.size() >= MAX_GROUPS) {
        break;
      }
      Map<String, Object> a;
      try {
        a =
            attributes(
                name,
                "ProcessCount",
                "ThreadCount",
                "RssBytes",
                "CpuPercent",
                "Expected",
                "Up",
                "DownSinceMillis",
                "Restarts");
      } catch (javax.management.InstanceNotFoundException e) {
        continue; // unregistered since the query
      }
      String group = name.getKeyProperty("name");
      out.add(
          new Group(
              Plain.text(group == null ? name.getCanonicalName() : group, 80),
              longOf(a.get("ProcessCount")),
              longOf(a.get("ThreadCount")),
              longOf(a.get("RssBytes")),
              a.get("CpuPercent") instanceof Double d ? d : Double.NaN,
              longOf(a.get("Expected")),
              a.get("Up") instanceof Boolean b ? b : null,
              longOf(a.get("DownSinceMillis")),
              longOf(a.get("Restarts"))));
    }
    return out;
  }

  private static long longOf(Object v) {
    return v instanceof Long || v instanceof Integer ? ((Number) v).longValue() : -1;
  }

  /**
   * SystemInfo's attributes by name, bounded: text cut at {@link ProcessEntry#MAX_TEXT_CHARS}, the
   * Platform facts as a map of at most {@link #MAX_PLATFORM_ENTRIES} texts, values of other types
   * left out (as are the attributes it does not have).
   */
  Map<String, Object> system() throws IOException, JMException {
    return bounded(attributes(SYSTEM_INFO, SYSTEM_ATTRIBUTES.toArray(String[]::new)));
  }

  /** Attribute values of the types SystemInfo has, bounded; see {@link #system}. */
  static Map<String, Object> bounded(Map<String, Object> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    raw.forEach(
        (name, value) -> {
          if (value instanceof String s) {
            out.put(name, cut(s));
          } else if (value instanceof Long
              || value instanceof Integer
              || value instanceof Double
              || value instanceof Float
              || value instanceof Boolean) {
            out.put(name, value);
          } else if (value instanceof TabularData || value instanceof Map<?, ?>) {
            out.put(name, facts(value));
          }
        });
    return out;
  }

  /** A {@code Map<String, String>} as an MXBean serves it (a key/value table) or a map, bounded. */
  static Map<String, String> facts(Object value) {
    Map<String, String> facts = new TreeMap<>();
    if (value instanceof TabularData table) {
      for (Object row : table.values()) {
        if (facts.size() >= MAX_PLATFORM_ENTRIES) {
          break;
        }
        if (row instanceof CompositeData r
            && r.containsKey("key")
            && r.containsKey("value")
            && r.get("key") instanceof String k
            && r.get("value") instanceof String v) {
          facts.put(cut(k), cut(v));
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (facts.size() >= MAX_PLATFORM_ENTRIES) {
          break;
        }
        if (e.getKey() instanceof String k && e.getValue() instanceof String v) {
          facts.put(cut(k), cut(v));
        }
      }
    }
    return facts;
  }

  private static String cut(String s) {
    return s.length() <= ProcessEntry.MAX_TEXT_CHARS
        ? s
        : s.substring(0, ProcessEntry.MAX_TEXT_CHARS);
  }

  private Map<String, Object> attributes(ObjectName bean, String... names)
      throws IOException, JMException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object o : connection.getAttributes(bean, names)) {
      if (o instanceof Attribute a && a.getName() != null) {
        out.put(a.getName(), a.getValue());
      }
    }
    return out;
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
