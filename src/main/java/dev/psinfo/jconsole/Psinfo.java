package dev.psinfo.jconsole;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * What the plugin reads from a connected JVM, through its public MBeans only (so a remote
 * connection works like a local one). Called off the event thread; every method makes one or two
 * round trips.
 */
final class Psinfo {
  static final ObjectName PROCESS_TABLE = name("psinfo:type=ProcessTable");
  static final ObjectName SYSTEM_INFO = name("psinfo:type=SystemInfo");
  static final ObjectName RUNTIME = name("java.lang:type=Runtime");

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
          "Platform");

  /** One read of the process table. */
  record Processes(List<ProcessEntry> rows, long snapshotTimeMillis, int processCount) {
    Processes {
      rows = List.copyOf(rows);
    }
  }

  private final MBeanServerConnection connection;

  Psinfo(MBeanServerConnection connection) {
    this.connection = connection;
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
   * The table, then its snapshot time and count (served from the same snapshot within the agent's
   * ttl). A failure to read the table reaches the caller with the agent's own message.
   */
  Processes processes() throws IOException, JMException {
    Object table = connection.getAttribute(PROCESS_TABLE, "Processes");
    Map<String, Object> a = attributes(PROCESS_TABLE, "SnapshotTimeMillis", "ProcessCount");
    if (!(table instanceof TabularData data)) {
      throw new JMException("the Processes attribute is not a table: " + table);
    }
    List<ProcessEntry> rows = ProcessEntry.all(data);
    long time = a.get("SnapshotTimeMillis") instanceof Number n ? n.longValue() : -1;
    int count = a.get("ProcessCount") instanceof Number n ? n.intValue() : rows.size();
    return new Processes(rows, time, count);
  }

  /** SystemInfo's attributes by name; the ones it does not have are left out. */
  Map<String, Object> system() throws IOException, JMException {
    return attributes(SYSTEM_INFO, SYSTEM_ATTRIBUTES.toArray(String[]::new));
  }

  private Map<String, Object> attributes(ObjectName bean, String... names)
      throws IOException, JMException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Attribute a : connection.getAttributes(bean, names).asList()) {
      out.put(a.getName(), a.getValue());
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
